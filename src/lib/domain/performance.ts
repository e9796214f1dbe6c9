/**
 * Performance figures for /kinerja: how long applications take and whether the office kept its promise.
 *
 * The clock is the SLA clock of working-time.ts, nothing else: time counts only in working hours (08:00–16:00
 * WITA on working days) and the time an application waited on the citizen (a correction asked) is left out.
 * "On time" means the result came at or before the promised time, that promise already moved by the waiting
 * (exactly as the citizen's status page shows it). Durations are read as working days of eight hours.
 *
 * Medians and 90th percentiles use the nearest rank (the value at rank ⌈p·n/100⌉ of the sorted list): it is
 * always a duration some application really had, and it can be read off a histogram, which is how the
 * monthly rollups keep durations (whole working hours, rounded up).
 */
import {
	WITA_OFFSET_MS,
	WORKDAY_MS,
	extendByWorkingMillis,
	workingMillisBetween,
	type Calendar
} from './working-time';

const HOUR_MS = 60 * 60 * 1000;

/** What the application row knows when its result is given. */
export interface ClockState {
	submittedAt: Date;
	/** The promise as stored: moved by earlier waits, not yet by one still running. */
	dueAt: Date;
	/** Set while the application waits on the citizen now. */
	pausedAt: Date | null;
	/** Working time already spent waiting on the citizen (finished waits). */
	waitedMs: number;
}

export interface Finish {
	/** Working time from submission to result, waiting on the citizen left out. */
	workingMs: number;
	/** The result came no later than the promise. */
	onTime: boolean;
	/** All waiting on the citizen, including a wait that the result ended. */
	waitedMs: number;
}

/** The figures recorded when an application gets its result (completed or rejected) at `at`. */
export function finish(clock: ClockState, at: Date, cal: Calendar): Finish {
	const running = clock.pausedAt ? workingMillisBetween(clock.pausedAt, at, cal) : 0;
	const waitedMs = clock.waitedMs + running;
	const due = running > 0 ? extendByWorkingMillis(clock.dueAt, running, cal).due : clock.dueAt;
	const total = workingMillisBetween(clock.submittedAt, at, cal);
	return { workingMs: Math.max(0, total - waitedMs), onTime: at.getTime() <= due.getTime(), waitedMs };
}

/** An open application is overdue when its promise has passed and it is not waiting on the citizen. */
export function isOverdue(app: { dueAt: Date; pausedAt: Date | null }, now: Date): boolean {
	return app.pausedAt === null && app.dueAt.getTime() < now.getTime();
}

/** The rollup's duration bucket: whole working hours, rounded up (0 only for no working time at all). */
export const hoursBucket = (workingMs: number) => Math.ceil(workingMs / HOUR_MS);

/** Nearest-rank percentile of a list of numbers; null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[rank(sorted.length, p) - 1]!;
}

/** Nearest-rank percentile of a histogram (value → how many); null when it is empty. */
export function percentileOfHistogram(histogram: readonly { value: number; count: number }[], p: number): number | null {
	const total = histogram.reduce((n, b) => n + b.count, 0);
	if (total === 0) return null;
	const wanted = rank(total, p);
	let seen = 0;
	for (const bucket of [...histogram].sort((a, b) => a.value - b.value)) {
		seen += bucket.count;
		if (seen >= wanted) return bucket.value;
	}
	return null;
}

function rank(n: number, p: number): number {
	if (!Number.isInteger(p) || p <= 0 || p > 100) throw new RangeError(`percentile ${p}`);
	// integer arithmetic: ⌈p·n/100⌉
	return Math.max(1, Math.floor((p * n + 99) / 100));
}

/** Working hours as working days, one decimal, Indonesian comma: 12 → "1,5". */
export function workingDaysText(hours: number): string {
	const tenths = Math.round((hours * 10 * HOUR_MS) / WORKDAY_MS);
	return tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)},${tenths % 10}`;
}

/** The WITA month of an instant, 'YYYY-MM' (the month figures are grouped by). */
export function witaMonth(date: Date): string {
	const w = new Date(date.getTime() + WITA_OFFSET_MS);
	return `${w.getUTCFullYear()}-${String(w.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The `count` WITA months up to and including `now`'s, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
	const w = new Date(now.getTime() + WITA_OFFSET_MS);
	const months: string[] = [];
	for (let i = count - 1; i >= 0; i -= 1) {
		const d = new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth() - i, 1));
		months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
	}
	return months;
}

const monthNames = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** '2026-11' → "November 2026"; short: "Nov". */
export function monthLabel(month: string, short = false): string {
	const [y, m] = month.split('-').map(Number);
	const name = monthNames[(m ?? 1) - 1] ?? month;
	return short ? name.slice(0, 3) : `${name} ${y}`;
}

/** A share as a whole percentage, rounded half up with integers; null for 0 of 0. */
export function percentOf(part: number, whole: number): number | null {
	return whole === 0 ? null : Math.floor((part * 200 + whole) / (whole * 2));
}

/** The wording of /kinerja: every figure with its one-line definition, in one place. */
export const kinerjaMessages = {
	title: 'Kinerja layanan',
	intro:
		'Seberapa cepat setiap layanan selesai dan apakah kantor menepati janjinya, dihitung dari data permohonan yang sebenarnya, diperbarui setiap ada perubahan.',
	thisMonth: 'Bulan ini',
	chooseMonth: 'Pilih bulan',
	csv: 'Unduh angka ini (CSV)',
	definitionsHeading: 'Arti setiap angka',
	definitions: {
		received: 'Diterima: permohonan yang dikirim pada bulan itu.',
		finished: 'Selesai: permohonan yang mendapat hasil (selesai atau ditolak dengan alasan) pada bulan itu.',
		onTime:
			'Tepat waktu: hasil diberikan paling lambat pada waktu yang dijanjikan standar layanan, dihitung dalam jam kerja (Senin–Jumat 08.00–16.00 WITA, tanpa hari libur) dan tanpa waktu menunggu perbaikan dari pemohon.',
		duration:
			'Lama penyelesaian: hari kerja (8 jam kerja) dari pengiriman sampai hasil, tanpa waktu menunggu pemohon. Median: separuh permohonan selesai secepat ini atau lebih cepat. 90%: sembilan dari sepuluh selesai secepat ini atau lebih cepat.',
		openNow: 'Sedang diproses: permohonan yang belum mendapat hasil saat ini; terlambat: yang sudah lewat janji waktunya dan tidak sedang menunggu pemohon.',
		ikm:
			'Kepuasan (IKM): nilai survei kepuasan masyarakat menurut PermenPANRB 14/2017, sembilan unsur dengan skala 1–4, dikonversi ke 25–100. Mutu A (88,31–100) Sangat Baik, B (76,61–88,30) Baik, C (65,00–76,60) Kurang Baik, D (25,00–64,99) Tidak Baik.',
		sample: 'Target responden: jumlah responden minimal menurut tabel Krejcie–Morgan untuk jumlah permohonan yang selesai bulan itu.',
		complaints: 'Pengaduan: pengaduan yang masuk bulan itu; dijawab tepat waktu: jawaban pertama paling lambat 5 hari kerja (aturan SP4N-LAPOR!).'
	},
	received: 'Diterima',
	finished: 'Selesai',
	onTime: (n: number, m: number) => `${n} dari ${m} tepat waktu`,
	noneFinished: 'Belum ada yang selesai',
	duration: 'Lama penyelesaian',
	durationValue: (median: string, p90: string) => `median ${median} hari kerja, 90% dalam ${p90} hari kerja`,
	openNow: (open: number, overdue: number) => `${open} sedang diproses, ${overdue} terlambat`,
	ikm: 'Kepuasan (IKM)',
	ikmValue: (score: string, grade: string, label: string, respondents: number) => `${score} (mutu ${grade}, ${label}) dari ${respondents} responden`,
	ikmNone: 'Belum ada responden',
	sampleReached: (target: number) => `target ${target} responden tercapai`,
	sampleShort: (respondents: number, target: number) => `belum cukup responden: ${respondents} dari ${target} yang dibutuhkan`,
	complaints: 'Pengaduan',
	complaintsValue: (filed: number, onTime: number, answered: number) =>
		filed === 0 ? 'Tidak ada pengaduan' : answered === 0 ? `${filed} masuk, belum dijawab` : `${filed} masuk, ${onTime} dari ${answered} dijawab tepat waktu`,
	followup: 'Tindak lanjut hasil survei',
	chart: (name: string) => `Persentase tepat waktu ${name}, enam bulan terakhir`,
	standard: (sla: string) => `Janji waktu: ${sla}`,
	serviceLine: (onTime: number, finished: number) =>
		finished === 0 ? 'Bulan ini: belum ada permohonan yang selesai' : `Bulan ini: ${onTime} dari ${finished} selesai tepat waktu`,
	seeFigures: 'Lihat kinerja layanan ini'
} as const;

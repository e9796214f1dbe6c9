/**
 * A demo history for the local demo database only (never Turso, never a migration): past applications over
 * the last six months with their outcomes (most on time, some late, some sent back for a correction, some
 * rejected or cancelled), survey answers and complaints, so /kinerja shows real figures on first start.
 *
 * The figures are not invented: each application's times are laid on the SLA clock (working-time.ts), its
 * result figures come from `finish` (domain/performance.ts), its history is the events the workflow allows,
 * and the rollups are kept by the same triggers as live data. Only what people do is drawn at random, from
 * a seeded generator, so two runs give the same history. All of it is finished: nothing lands in an
 * officer's queue, and no account owns any of it.
 *
 * `scripts/bench-kinerja.ts` uses the same function at city scale (100,000 applications).
 */
import { eq, sql } from 'drizzle-orm';
import { elementKeys } from '../../domain/ikm';
import { calendarFrom } from '../../domain/holidays';
import { answerDue } from '../../domain/complaints';
import { finish, witaMonth } from '../../domain/performance';
import { generateTrackingCode } from '../../domain/tracking-code';
import { addWorkingHours, dueAt, workingMillisBetween, type Calendar } from '../../domain/working-time';
import type { Status } from '../../domain/workflow';
import type { OfficeId } from '../../domain/service';
import type { Database } from './open';
import {
	applicationEvents,
	applications,
	complaints,
	holidays,
	services,
	surveyInvitations,
	surveyResponses,
	type Application
} from './schema';

export interface HistoryOptions {
	/** Applications to add (default 360). */
	applications?: number;
	/** Survey responses, at most one per finished application (default: about a third of them). */
	responses?: number;
	/** Complaints (default: about 4% of the applications). */
	complaints?: number;
	now?: Date;
	seed?: number;
	onProgress?: (done: number) => void;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** mulberry32, seeded: the same history every run. */
function generator(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
	const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
	const uuid = () => {
		const hex = Array.from(bytes(16), (x) => x.toString(16).padStart(2, '0')).join('');
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
	};
	return { next, int, pick, bytes, uuid };
}

const names = ['Ahmad Rahman', 'Siti Hasanah', 'Muhammad Fauzi', 'Nur Aulia', 'Rahmat Hidayat', 'Dewi Lestari', 'Budi Saputra', 'Fitri Rahmah', 'Gusti Arsyad', 'Halimah Ansyari', 'Yusuf Effendi', 'Intan Maulida'];

const complaintTexts = [
	'Sudah lewat dari janji waktu tetapi belum ada kabar dari petugas.',
	'Antrean di loket terlalu panjang dan tidak ada tempat duduk.',
	'Saya diminta mengunggah ulang dokumen yang sudah jelas terbaca.',
	'Hasil dokumen ada salah ketik pada nama orang tua.',
	'Nomor WhatsApp kantor tidak pernah membalas pertanyaan saya.'
];
const answerTexts = [
	'Mohon maaf atas keterlambatannya. Permohonan Anda sudah kami selesaikan hari ini.',
	'Terima kasih. Kami menambah kursi di ruang tunggu dan membuka loket kedua pada jam ramai.',
	'Dokumen Anda sudah kami periksa ulang dan diterima. Tidak perlu unggah lagi.',
	'Kesalahan ketik sudah diperbaiki. Silakan unduh dokumen yang baru.'
];

/** Adds the history. Idempotent only in the sense that callers add it to an empty database (see prepare.ts). */
export async function seedDemoHistory(db: Database, options: HistoryOptions = {}) {
	const now = options.now ?? new Date();
	const count = options.applications ?? 360;
	const random = generator(options.seed ?? 2026);
	const [serviceRows, holidayRows, codeRows] = await db.batch([
		db.select({ slug: services.slug, officeId: services.officeId, slaValue: services.slaValue, slaUnit: services.slaUnit }).from(services).where(eq(services.active, true)),
		db.select({ date: holidays.date }).from(holidays),
		db.select({ code: applications.trackingCode }).from(applications)
	]);
	if (serviceRows.length === 0) return { applications: 0, responses: 0, complaints: 0 };
	const cal = calendarFrom(holidayRows);
	const codes = new Set(codeRows.map((r) => r.code));
	// each service has its own habits: how fast the office is, how pleased people are
	const habit = new Map(serviceRows.map((s, i) => [s.slug, { speed: 0.35 + ((i * 37) % 50) / 100, quality: 2.7 + ((i * 53) % 12) / 10 }]));
	const finishedIds: { id: string; slug: string; officeId: OfficeId; finishedAt: Date; month: string }[] = [];
	const responseShare = options.responses !== undefined ? Math.min(1, options.responses / Math.max(1, count * 0.93)) : 0.35;

	type Row = Application;
	type EventRow = typeof applicationEvents.$inferInsert;

	function one(): { app: Row; events: EventRow[] } | null {
		const service = random.pick(serviceRows);
		const h = habit.get(service.slug)!;
		const submittedAt = new Date(now.getTime() - (3 * DAY + random.next() * 178 * DAY));
		const sla = { value: service.slaValue, unit: service.slaUnit };
		let due = dueAt(submittedAt, sla, cal).due;
		const roll = random.next();
		const outcome: Status = roll < 0.05 ? 'cancelled' : roll < 0.15 ? 'rejected' : 'completed';
		let code: string;
		do code = generateTrackingCode(random.bytes);
		while (codes.has(code));
		codes.add(code);
		const id = random.uuid();
		const name = random.pick(names);
		const ev = (type: EventRow['type'], at: Date, fromStatus: Status | null, toStatus: Status | null, note: string | null = null, data: unknown = null): EventRow => ({
			applicationId: id, actorId: null, type, fromStatus, toStatus, note, data: data as EventRow['data'], visibleToCitizen: true, createdAt: at
		});
		const events: EventRow[] = [ev('submitted', submittedAt, null, 'submitted')];
		const base = {
			id, trackingCode: code, serviceSlug: service.slug, officeId: service.officeId, applicantId: null, volunteerId: null, consent: null,
			applicantName: name, applicantPhone: `+62812${String(10_000_000 + random.int(89_999_999))}`, answers: {}, submittedAt,
			pausedAt: null, assignedOfficerId: null, checklist: {}, correction: null
		};
		if (outcome === 'cancelled') {
			const at = new Date(submittedAt.getTime() + HOUR);
			events.push(ev('cancelled', at, 'submitted', 'cancelled'));
			return { app: { ...base, status: 'cancelled', dueAt: due, waitedMs: 0, finishedAt: null, workingMs: null, onTime: null, updatedAt: at }, events };
		}
		const claimedAt = addWorkingHours(submittedAt, 0.5 + random.next() * 2, cal);
		events.push(ev('claimed', claimedAt, 'submitted', 'in_review'));
		// how long the office works on it, in working hours: mostly within the promise, about one in eight late
		// the working hours the promise allows from this submission (a "1 working day" promise made on Monday
		// morning runs to Tuesday 16:00); late ones run past it
		const late = random.next() < 0.12;
		const allowance = Math.max(1, workingMillisBetween(submittedAt, due, cal) / HOUR);
		const workHours = late ? allowance * (1.05 + random.next() * 0.6) + 1 : Math.max(0.5, allowance * Math.min(0.97, h.speed * (0.3 + random.next())));
		let waitedMs = 0;
		let at = claimedAt;
		let status: Status = 'in_review';
		if (outcome === 'completed' && random.next() < 0.15) {
			// sent back for a correction; the resident answers one to three working days later
			const pausedAt = addWorkingHours(claimedAt, 1, cal);
			events.push(ev('correction_requested', pausedAt, 'in_review', 'needs_correction', 'Foto Kartu Keluarga kurang jelas.', { fields: [], documents: ['kk_scan'], note: 'Foto Kartu Keluarga kurang jelas.' }));
			const waitHours = 8 + random.int(17);
			const resubmittedAt = addWorkingHours(pausedAt, waitHours, cal);
			waitedMs = waitHours * HOUR;
			due = addWorkingHours(due, waitHours, cal);
			events.push(ev('resubmitted', resubmittedAt, 'needs_correction', 'resubmitted', null, { answers: {}, documents: ['kk_scan'] }));
			at = addWorkingHours(resubmittedAt, 0.5, cal);
			events.push(ev('claimed', at, 'resubmitted', 'in_review'));
		}
		const finishedAt = addWorkingHours(submittedAt, workHours + waitedMs / HOUR, cal);
		if (finishedAt.getTime() > now.getTime() || finishedAt.getTime() <= at.getTime()) return null;
		if (outcome === 'rejected') {
			events.push(ev('rejected', finishedAt, status, 'rejected', 'Persyaratan tidak terpenuhi: dokumen bukan milik pemohon.'));
			status = 'rejected';
		} else {
			const approvedAt = new Date(Math.max(at.getTime() + 1000, finishedAt.getTime() - 10 * 60 * 1000));
			events.push(ev('approved', approvedAt, 'in_review', 'approved', null, { checklist: { ticked: [], open: [], reason: null } }));
			events.push(ev('completed', finishedAt, 'approved', 'completed', null, { result: 'pickup' }));
			status = 'completed';
		}
		const figures = finish({ submittedAt, dueAt: due, pausedAt: null, waitedMs }, finishedAt, cal);
		finishedIds.push({ id, slug: service.slug, officeId: service.officeId, finishedAt, month: witaMonth(finishedAt) });
		return {
			app: { ...base, status, dueAt: due, waitedMs, finishedAt, workingMs: figures.workingMs, onTime: figures.onTime, updatedAt: finishedAt },
			events
		};
	}

	// Inserting finished rows directly: the INSERT trigger counts them as received, and the UPDATE trigger
	// counts results, so each row goes in unfinished and gets its result in a second statement, as live.
	let done = 0;
	while (done < count) {
		const apps: Row[] = [];
		const events: EventRow[] = [];
		while (apps.length < 60 && done + apps.length < count) {
			const made = one();
			if (!made) continue;
			apps.push(made.app);
			events.push(...made.events);
		}
		const unfinished = apps.map((a) => ({ ...a, finishedAt: null, workingMs: null, onTime: null }));
		const statements = [
			db.insert(applications).values(unfinished),
			...chunks(events, 200).map((rows) => db.insert(applicationEvents).values(rows)),
			...apps
				.filter((a) => a.finishedAt)
				.map((a) => db.update(applications).set({ finishedAt: a.finishedAt, workingMs: a.workingMs, onTime: a.onTime }).where(eq(applications.id, a.id)))
		];
		await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
		done += apps.length;
		options.onProgress?.(done);
	}

	// survey answers: invitations used up, responses apart (no link back), as the live survey stores them
	const answered = finishedIds.filter(() => random.next() < responseShare).slice(0, options.responses ?? Infinity);
	for (const part of chunks(answered, 200)) {
		const responses = part.map((f) => {
			const q = habit.get(f.slug)!.quality;
			const answers = Object.fromEntries(
				elementKeys.map((k, i) => [k, Math.max(1, Math.min(4, Math.round(q + (random.next() - 0.5) * 1.6 + (i === 3 ? 0.8 : 0))))])
			) as Record<(typeof elementKeys)[number], number>;
			return { id: random.uuid(), serviceSlug: f.slug, month: f.month, ...answers, ageBand: null, sex: random.next() < 0.5 ? 'Perempuan' : 'Laki-laki', education: null, occupation: null };
		});
		await db.batch([
			db.insert(surveyInvitations).values(part.map((f) => ({ applicationId: f.id, token: null, serviceSlug: f.slug, month: f.month, createdAt: f.finishedAt, answeredAt: f.finishedAt }))),
			db.insert(surveyResponses).values(responses)
		]);
	}

	// complaints: most answered within 5 working days, some late, a few still open and overdue (escalated)
	const complaintCount = options.complaints ?? Math.round(count * 0.04);
	const rows: (typeof complaints.$inferInsert)[] = [];
	for (let i = 0; i < complaintCount && finishedIds.length > 0; i++) {
		const f = random.pick(finishedIds);
		const filedAt = new Date(Math.min(now.getTime() - HOUR, f.finishedAt.getTime() + random.int(5) * DAY + HOUR));
		const due = answerDue(filedAt, cal);
		const r = random.next();
		const open = r < 0.06 && due.getTime() < now.getTime();
		const answeredAt = open ? null : addWorkingHours(filedAt, r < 0.8 ? 2 + random.int(30) : 41 + random.int(30), cal);
		const answered = answeredAt && answeredAt.getTime() < now.getTime() ? answeredAt : null;
		rows.push({
			id: random.uuid(),
			code: Array.from({ length: 3 }, () => generateTrackingCode(random.bytes).slice(0, 4)).join(''),
			serviceSlug: f.slug,
			officeId: f.officeId,
			applicationId: f.id,
			userId: null,
			text: random.pick(complaintTexts),
			status: answered ? (random.next() < 0.7 ? 'solved' : 'answered') : 'open',
			filedAt,
			dueAt: due,
			answer: answered ? random.pick(answerTexts) : null,
			answeredAt: answered,
			firstAnsweredOnTime: answered ? answered.getTime() <= due.getTime() : null,
			solvedAt: null,
			updatedAt: answered ?? filedAt
		});
	}
	for (const part of chunks(rows, 100)) await db.insert(complaints).values(part).onConflictDoNothing();
	return { applications: done, responses: answered.length, complaints: rows.length };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/** Whether the demo history is worth adding: only to a database with no applications at all. */
export async function historyMissing(db: Database) {
	const [row] = await db.select({ n: sql<number>`count(*)` }).from(applications);
	return (row?.n ?? 0) === 0;
}

export type { Calendar };

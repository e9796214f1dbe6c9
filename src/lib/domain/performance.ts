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

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
	decimalMark,
	extendByWorkingMillis,
	monthName,
	workingMillisBetween,
	type Calendar
} from './working-time';
import { m as msg } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

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

/** Working hours as working days, one decimal, the reader's decimal mark: 12 → "1,5" (Indonesian), "1.5". */
export function workingDaysText(hours: number, locale?: Locale): string {
	const tenths = Math.round((hours * 10 * HOUR_MS) / WORKDAY_MS);
	return tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}${decimalMark(locale)}${tenths % 10}`;
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

/** '2026-11' → "November 2026"; short: "Nov". In the reader's language (working-time.ts `monthName`). */
export function monthLabel(month: string, short = false, locale?: Locale): string {
	const [y, m] = month.split('-').map(Number);
	const name = m && m >= 1 && m <= 12 ? monthName(m, locale) : month;
	return short ? name.slice(0, 3) : `${name} ${y}`;
}

/** A share as a whole percentage, rounded half up with integers; null for 0 of 0. */
export function percentOf(part: number, whole: number): number | null {
	return whole === 0 ? null : Math.floor((part * 200 + whole) / (whole * 2));
}

/** The wording of /kinerja: every figure with its one-line definition, in one place. */
export const kinerjaMessages = {
	get title() { return msg.public_kinerja_title(); },
	get intro() { return msg.public_kinerja_intro(); },
	get thisMonth() { return msg.public_kinerja_this_month(); },
	get chooseMonth() { return msg.public_kinerja_choose_month(); },
	get csv() { return msg.public_kinerja_csv(); },
	get definitionsHeading() { return msg.public_kinerja_definitions_heading(); },
	definitions: {
		get received() { return msg.public_kinerja_def_received(); },
		get finished() { return msg.public_kinerja_def_finished(); },
		get onTime() { return msg.public_kinerja_def_on_time(); },
		get duration() { return msg.public_kinerja_def_duration(); },
		get openNow() { return msg.public_kinerja_def_open_now(); },
		get ikm() { return msg.public_kinerja_def_ikm(); },
		get sample() { return msg.public_kinerja_def_sample(); },
		get complaints() { return msg.public_kinerja_def_complaints(); }
	},
	get received() { return msg.public_kinerja_received(); },
	get finished() { return msg.public_kinerja_finished(); },
	onTime: (n: number, m: number) => msg.public_kinerja_on_time({ n, m }),
	get noneFinished() { return msg.public_kinerja_none_finished(); },
	get duration() { return msg.public_kinerja_duration(); },
	durationValue: (median: string, p90: string) => msg.public_kinerja_duration_value({ median, p90 }),
	openNow: (open: number, overdue: number) => msg.public_kinerja_open_now({ open, overdue }),
	get ikm() { return msg.public_kinerja_ikm(); },
	ikmValue: (score: string, grade: string, label: string, respondents: number) =>
		msg.public_kinerja_ikm_value({ score, grade, label, respondents }),
	get ikmNone() { return msg.public_kinerja_ikm_none(); },
	sampleReached: (target: number) => msg.public_kinerja_sample_reached({ target }),
	sampleShort: (respondents: number, target: number) => msg.public_kinerja_sample_short({ respondents, target }),
	get complaints() { return msg.public_kinerja_complaints(); },
	complaintsValue: (filed: number, onTime: number, answered: number) =>
		filed === 0
			? msg.public_kinerja_complaints_none()
			: answered === 0
				? msg.public_kinerja_complaints_unanswered({ filed })
				: msg.public_kinerja_complaints_value({ filed, onTime, answered }),
	get followup() { return msg.public_kinerja_followup(); },
	chart: (name: string) => msg.public_kinerja_chart({ name }),
	standard: (sla: string) => msg.public_kinerja_standard({ sla }),
	serviceLine: (onTime: number, finished: number) =>
		finished === 0 ? msg.public_kinerja_service_line_none() : msg.public_kinerja_service_line({ onTime, finished }),
	get seeFigures() { return msg.public_kinerja_see_figures(); },
	get now() { return msg.public_kinerja_now(); },
	get complainLead() { return msg.public_kinerja_complain_lead(); },
	get complainLink() { return msg.public_kinerja_complain_link(); }
} as const;

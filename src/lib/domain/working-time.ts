/**
 * The SLA clock in working time, WITA (Asia/Makassar, UTC+8).
 *
 * A service promises "done within N working days" or "within N working hours". Working days are Monday to
 * Friday minus national holidays and cuti bersama; working hours are 08:00–16:00 WITA. The holiday list is data
 * (decrees move religious holidays), passed in as a `Calendar` together with the last year it is known for:
 * past that year every weekday counts as a working day, and the functions that produce a due time say so
 * (`beyondKnownCalendar`) so the app can warn instead of silently promising a date that may fall on a holiday.
 *
 * Invariants: WITA has no daylight saving time, so every conversion is a fixed +8 hours; nothing here reads
 * the machine's time zone or uses Intl, and the results are the same on a phone, a Worker or a server.
 * Inputs and outputs are plain `Date` instants; "days" and "hours" below always mean WITA wall-clock time.
 */

import { getLocale, type Locale } from '../paraglide/runtime.js';

/** WITA is UTC+8 all year round. */
export const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;
/** Offices open at 08:00 WITA; the working-hours clock starts here. */
export const WORKDAY_START_HOUR = 8;
/** Offices close for services at 16:00 WITA; a "working days" promise ends at this hour. */
export const WORKDAY_END_HOUR = 16;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** Length of one working day: 8 hours. */
export const WORKDAY_MS = (WORKDAY_END_HOUR - WORKDAY_START_HOUR) * HOUR_MS;

export interface Calendar {
	/** Non-working weekdays (holidays and cuti bersama) as WITA dates, 'YYYY-MM-DD'. Weekends need not be listed. */
	holidays: ReadonlySet<string>;
	/** The last year for which `holidays` is complete. */
	knownUntilYear: number;
}

export interface Sla {
	value: number;
	unit: 'days' | 'hours';
}

export interface DueResult {
	due: Date;
	/** True when the due time lies after `knownUntilYear`: holidays there are unknown, the date may move. */
	beyondKnownCalendar: boolean;
}

/*
 * Internally a WITA day is counted as a day number: days since 1970-01-01 in WITA. Midnight WITA of day d is
 * the instant d * DAY_MS - WITA_OFFSET_MS, which makes stepping from day to day exact integer arithmetic.
 */

function witaDayNumber(date: Date): number {
	return Math.floor((date.getTime() + WITA_OFFSET_MS) / DAY_MS);
}

function dayStartMs(day: number): number {
	return day * DAY_MS - WITA_OFFSET_MS;
}

function openMs(day: number): number {
	return dayStartMs(day) + WORKDAY_START_HOUR * HOUR_MS;
}

function closeMs(day: number): number {
	return dayStartMs(day) + WORKDAY_END_HOUR * HOUR_MS;
}

function pad2(n: number): string {
	return String(n).padStart(2, '0');
}

function dayKey(day: number): string {
	const d = new Date(day * DAY_MS);
	return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function isWorkingDayNumber(day: number, cal: Calendar): boolean {
	// 1970-01-01 was a Thursday: (day + 4) % 7 gives 0 = Sunday … 6 = Saturday.
	const weekday = (((day + 4) % 7) + 7) % 7;
	if (weekday === 0 || weekday === 6) return false;
	return !cal.holidays.has(dayKey(day));
}

function nextWorkingDayNumber(day: number, cal: Calendar): number {
	let d = day + 1;
	while (!isWorkingDayNumber(d, cal)) d += 1;
	return d;
}

/** The WITA calendar date of an instant, 'YYYY-MM-DD' (the format of `Calendar.holidays`). */
export function witaDateKey(date: Date): string {
	return dayKey(witaDayNumber(date));
}

/** Whether the WITA day containing `date` is a working day. */
export function isWorkingDay(date: Date, cal: Calendar): boolean {
	return isWorkingDayNumber(witaDayNumber(date), cal);
}

/** Whether the calendar knows the holidays of the WITA year containing `date`. */
export function calendarCovers(date: Date, cal: Calendar): boolean {
	return new Date(date.getTime() + WITA_OFFSET_MS).getUTCFullYear() <= cal.knownUntilYear;
}

function assertCount(value: number, what: string): void {
	if (!Number.isFinite(value) || value < 0) {
		throw new RangeError(`${what} must be a finite number ≥ 0, got ${value}`);
	}
}

/**
 * "Finished within N working days": 16:00 WITA of the Nth working day after the submission day.
 *
 * The submission day (day 0) is the day of `start` when that is a working day and `start` is before 16:00
 * WITA (before 08:00 counts too: the office has the whole day). Otherwise (after 16:00, on a weekend or on a
 * holiday) day 0 is the next working day, as if the application arrived when the office next opens.
 * Then count N working days forward and end at 16:00 on that day. N = 0 means the end of day 0.
 *
 * Examples: Friday 14:00 + 1 → Monday 16:00. Friday 17:00 + 1 → Tuesday 16:00 (day 0 is Monday).
 * Saturday + 1 → Tuesday 16:00.
 */
export function addWorkingDays(start: Date, days: number, cal: Calendar): Date {
	assertCount(days, 'days');
	if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
	let day = witaDayNumber(start);
	if (!isWorkingDayNumber(day, cal) || start.getTime() >= closeMs(day)) {
		day = nextWorkingDayNumber(day, cal);
	}
	for (let i = 0; i < days; i += 1) day = nextWorkingDayNumber(day, cal);
	return new Date(closeMs(day));
}

/**
 * Moves `start` forward by `ms` of working time. The clock runs only 08:00–16:00 WITA on working days; an
 * instant outside working hours first moves to the next opening. A result that lands exactly on closing
 * time stays at 16:00 rather than jumping to the next morning. Zero moves nothing, even off hours.
 */
function addWorkingMillis(start: Date, ms: number, cal: Calendar): Date {
	if (ms === 0) return new Date(start.getTime());
	let remaining = ms;
	let t = start.getTime();
	let day = witaDayNumber(start);
	for (;;) {
		if (!isWorkingDayNumber(day, cal) || t >= closeMs(day)) {
			day = nextWorkingDayNumber(day, cal);
			t = openMs(day);
		} else if (t < openMs(day)) {
			t = openMs(day);
		}
		const leftToday = closeMs(day) - t;
		if (remaining <= leftToday) return new Date(t + remaining);
		remaining -= leftToday;
		t = closeMs(day);
	}
}

/**
 * "Finished within N working hours": `start` moved forward by N hours of working time (08:00–16:00 WITA on
 * working days). Submitted outside working hours, the clock starts at the next working day 08:00: Friday
 * 15:00 + 3 hours → Monday 10:00. Fractions of an hour are allowed.
 */
export function addWorkingHours(start: Date, hours: number, cal: Calendar): Date {
	assertCount(hours, 'hours');
	return addWorkingMillis(start, hours * HOUR_MS, cal);
}

/** The due time of an application submitted at `start` under a service's SLA. */
export function dueAt(start: Date, sla: Sla, cal: Calendar): DueResult {
	const due =
		sla.unit === 'days' ? addWorkingDays(start, sla.value, cal) : addWorkingHours(start, sla.value, cal);
	return { due, beyondKnownCalendar: !calendarCovers(due, cal) };
}

/**
 * Working time between two instants, in milliseconds (0 when `b` is not after `a`). Used to pause the SLA:
 * the working time an application spent waiting on the citizen is added back to its due time with
 * `extendByWorkingMillis`, so nights, weekends and holidays during the wait cost the office nothing extra.
 */
export function workingMillisBetween(a: Date, b: Date, cal: Calendar): number {
	const from = a.getTime();
	const to = b.getTime();
	if (to <= from) return 0;
	let total = 0;
	const lastDay = witaDayNumber(b);
	for (let day = witaDayNumber(a); day <= lastDay; day += 1) {
		if (!isWorkingDayNumber(day, cal)) continue;
		const overlap = Math.min(to, closeMs(day)) - Math.max(from, openMs(day));
		if (overlap > 0) total += overlap;
	}
	return total;
}

/**
 * A due time pushed later by `ms` of working time, after a pause. A due time at 16:00 extended by one hour
 * becomes 09:00 of the next working day; extending by 0 leaves it unchanged.
 */
export function extendByWorkingMillis(due: Date, ms: number, cal: Calendar): DueResult {
	assertCount(ms, 'ms');
	const extended = addWorkingMillis(due, ms, cal);
	return { due: extended, beyondKnownCalendar: !calendarCovers(extended, cal) };
}

/** Day and month names per language (no Intl: the same on a phone, a Worker or a server, see above). */
const names = {
	id: {
		days: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
		months: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember']
	},
	en: {
		days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
		months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
	}
} as const satisfies Record<Locale, { days: readonly string[]; months: readonly string[] }>;

/** The WITA date in the reader's language: "Senin, 23 Maret 2026", "Monday 23 March 2026". */
export function formatWitaDate(date: Date, locale: Locale = getLocale()): string {
	const w = new Date(date.getTime() + WITA_OFFSET_MS);
	const { days, months } = names[locale];
	const day = days[w.getUTCDay()];
	const rest = `${w.getUTCDate()} ${months[w.getUTCMonth()]} ${w.getUTCFullYear()}`;
	return locale === 'id' ? `${day}, ${rest}` : `${day} ${rest}`;
}

/** A calendar date given as YYYY-MM-DD (a birth date, a report date): "20 November 2026" in either language. */
export function formatDateKey(key: string, locale: Locale = getLocale()): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
	const month = match ? names[locale].months[Number(match[2]) - 1] : undefined;
	return match && month ? `${Number(match[3])} ${month} ${match[1]}` : key;
}

/**
 * The WITA date and time: "Senin, 23 Maret 2026 pukul 16.00 WITA" (a dot, as Indonesians write time),
 * "Monday 23 March 2026 at 16:00 WITA".
 */
export function formatWita(date: Date, locale: Locale = getLocale()): string {
	const w = new Date(date.getTime() + WITA_OFFSET_MS);
	const [h, min] = [pad2(w.getUTCHours()), pad2(w.getUTCMinutes())];
	return locale === 'id' ? `${formatWitaDate(date, locale)} pukul ${h}.${min} WITA` : `${formatWitaDate(date, locale)} at ${h}:${min} WITA`;
}

/** A month's name (1–12) in the reader's language: "Maret", "March". */
export function monthName(month: number, locale: Locale = getLocale()): string {
	return names[locale].months[month - 1] ?? String(month);
}

/** The decimal mark of the reader's language: "88,31" in Indonesian, "88.31" in English. */
export function decimalMark(locale: Locale = getLocale()): string {
	return locale === 'id' ? ',' : '.';
}

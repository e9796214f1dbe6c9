/**
 * The holiday calendar as an admin keeps it: national holidays (libur) and joint leave (cuti bersama), one
 * row per WITA date. The SLA clock (domain/working-time.ts) skips these days; `calendarFrom` in
 * domain/holidays.ts turns the rows into the calendar it reads.
 *
 * The calendar is known up to the latest year that has any date, and a year counts as complete once one of
 * its dates is entered. So the page says which year the calendar runs to, and that the next year's decree
 * (the joint decree of three ministers, usually published in September) should be entered all at once:
 * after the last known year every weekday counts as a working day and due dates are flagged as uncertain.
 *
 * Changing the calendar moves only promises made afterwards; due times already given stay as they were.
 */
import { asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { calendarFrom, type Holiday, type HolidayKind } from '$lib/domain/holidays';
import { isWorkingDay } from '$lib/domain/working-time';
import { m } from '../paraglide/messages.js';
import type { Database } from './db/open';
import { holidays } from './db/schema';

export const kindLabel: Record<HolidayKind, string> = {
	get libur() {
		return m.admin_holidays_kind_libur();
	},
	get cuti_bersama() {
		return m.admin_holidays_kind_cuti_bersama();
	}
};

export interface CalendarYear {
	year: number;
	days: Holiday[];
	/** Monday–Friday minus these dates: what the SLA clock counts in that year (2026: 240). */
	workingDays: number;
}

/** Every date, grouped by year (oldest first), and the last year the calendar knows (null when empty). */
export async function calendar(db: Database): Promise<{ years: CalendarYear[]; knownUntilYear: number | null }> {
	const rows = await db.select().from(holidays).orderBy(asc(holidays.date));
	const cal = calendarFrom(rows);
	const years: CalendarYear[] = [];
	for (const row of rows) {
		const year = Number(row.date.slice(0, 4));
		let group = years.at(-1);
		if (group?.year !== year) years.push((group = { year, days: [], workingDays: workingDaysIn(year, cal) }));
		group.days.push({ date: row.date, name: row.name, kind: row.kind });
	}
	return { years, knownUntilYear: years.at(-1)?.year ?? null };
}

function workingDaysIn(year: number, cal: ReturnType<typeof calendarFrom>): number {
	let n = 0;
	// noon WITA of each day: safely inside the WITA date whatever the offset arithmetic
	for (let t = Date.UTC(year, 0, 1, 4); new Date(t).getUTCFullYear() === year; t += 24 * 60 * 60 * 1000) {
		if (isWorkingDay(new Date(t), cal)) n += 1;
	}
	return n;
}

/** A real calendar date, YYYY-MM-DD (2026-02-30 is refused), in a plausible range of years. */
function isCalendarDate(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		year >= 2000 &&
		year <= 2100 &&
		date.getUTCFullYear() === year &&
		date.getUTCMonth() === month - 1 &&
		date.getUTCDate() === day
	);
}

const date = v.pipe(
	v.string(() => m.admin_holidays_date_required()),
	v.trim(),
	v.nonEmpty(() => m.admin_holidays_date_required()),
	v.check(isCalendarDate, () => m.admin_holidays_date_invalid())
);

export const holidaySchema = v.object({
	date,
	name: v.pipe(
		v.string(() => m.admin_holidays_name_required()),
		v.trim(),
		v.nonEmpty(() => m.admin_holidays_name_required()),
		v.minLength(3, () => m.admin_holidays_name_short()),
		v.maxLength(120, () => m.admin_holidays_name_long())
	),
	kind: v.picklist(['libur', 'cuti_bersama'] as const satisfies readonly HolidayKind[], () => m.admin_holidays_kind_required())
});

export const removeSchema = v.object({ date });

export type AddResult = { ok: true } | { ok: false; reason: 'exists'; existing: string };

/** Adds a date; a date already in the calendar is refused with the name it has (edit = remove, then add). */
export async function add(db: Database, input: v.InferOutput<typeof holidaySchema>): Promise<AddResult> {
	const inserted = await db.insert(holidays).values(input).onConflictDoNothing().returning({ date: holidays.date });
	if (inserted.length > 0) return { ok: true };
	const [existing] = await db.select({ name: holidays.name }).from(holidays).where(eq(holidays.date, input.date));
	return { ok: false, reason: 'exists', existing: existing?.name ?? '' };
}

/** Removes a date; false when it was not in the calendar (already removed, e.g. by another admin). */
export async function remove(db: Database, date: string): Promise<boolean> {
	const deleted = await db.delete(holidays).where(eq(holidays.date, date)).returning({ date: holidays.date });
	return deleted.length > 0;
}

import { describe, expect, it } from 'vitest';
import { calendarFrom, holidays2026 } from './holidays';
import {
	WORKDAY_END_HOUR,
	WORKDAY_MS,
	WORKDAY_START_HOUR,
	addWorkingDays,
	addWorkingHours,
	calendarCovers,
	dueAt,
	extendByWorkingMillis,
	formatWita,
	formatWitaDate,
	isWorkingDay,
	witaDateKey,
	workingMillisBetween,
	type Calendar
} from './working-time';

/** An instant given as WITA wall-clock time (UTC+8). */
const wita = (y: number, m: number, d: number, h = 0, min = 0) =>
	new Date(Date.UTC(y, m - 1, d, h - 8, min));

const HOUR = 60 * 60 * 1000;
const cal = calendarFrom(holidays2026);
const noHolidays: Calendar = { holidays: new Set(), knownUntilYear: 2026 };

/*
 * Landmarks in 2026: Mon 2–Fri 6 and Mon 9–Fri 13 March are ordinary weeks; Wed 18–Tue 24 March is closed
 * (Nyepi, Idulfitri and cuti bersama); Thu 14 (Kenaikan) and Fri 15 May (cuti bersama) make a long weekend.
 */

describe('WITA basics', () => {
	it('has working hours 08:00–16:00, eight hours a day', () => {
		expect(WORKDAY_START_HOUR).toBe(8);
		expect(WORKDAY_END_HOUR).toBe(16);
		expect(WORKDAY_MS).toBe(8 * HOUR);
	});

	it('dates an instant in WITA, not UTC', () => {
		expect(witaDateKey(new Date('2026-03-16T15:59:59Z'))).toBe('2026-03-16');
		expect(witaDateKey(new Date('2026-03-16T16:00:00Z'))).toBe('2026-03-17');
	});

	it('knows weekends and holidays are not working days', () => {
		expect(isWorkingDay(wita(2026, 3, 2, 10), cal)).toBe(true);
		expect(isWorkingDay(wita(2026, 3, 7, 10), cal)).toBe(false); // Saturday
		expect(isWorkingDay(wita(2026, 3, 8, 10), cal)).toBe(false); // Sunday
		expect(isWorkingDay(wita(2026, 3, 19, 10), cal)).toBe(false); // Nyepi
		expect(isWorkingDay(wita(2026, 3, 18, 10), cal)).toBe(false); // cuti bersama
		expect(isWorkingDay(wita(2026, 3, 25, 10), cal)).toBe(true);
	});
});

describe('addWorkingDays', () => {
	it('counts a working-day submission before 16:00 as day 0', () => {
		expect(addWorkingDays(wita(2026, 3, 2, 10), 0, cal)).toEqual(wita(2026, 3, 2, 16));
		expect(addWorkingDays(wita(2026, 3, 2, 10), 1, cal)).toEqual(wita(2026, 3, 3, 16));
		expect(addWorkingDays(wita(2026, 3, 2, 7), 1, cal)).toEqual(wita(2026, 3, 3, 16));
		expect(addWorkingDays(wita(2026, 3, 2, 10), 3, cal)).toEqual(wita(2026, 3, 5, 16));
	});

	it('treats a submission at or after 16:00 as arriving the next working day', () => {
		expect(addWorkingDays(wita(2026, 3, 2, 16), 1, cal)).toEqual(wita(2026, 3, 4, 16));
		expect(addWorkingDays(wita(2026, 3, 2, 15, 59), 1, cal)).toEqual(wita(2026, 3, 3, 16));
	});

	it('skips the weekend: Friday afternoon and Friday evening', () => {
		expect(addWorkingDays(wita(2026, 3, 6, 14), 1, cal)).toEqual(wita(2026, 3, 9, 16));
		expect(addWorkingDays(wita(2026, 3, 6, 17), 1, cal)).toEqual(wita(2026, 3, 10, 16));
	});

	it('starts a weekend submission on Monday', () => {
		expect(addWorkingDays(wita(2026, 3, 7, 10), 0, cal)).toEqual(wita(2026, 3, 9, 16));
		expect(addWorkingDays(wita(2026, 3, 7, 10), 1, cal)).toEqual(wita(2026, 3, 10, 16));
	});

	it('skips a holiday and its cuti bersama right after the submission day', () => {
		// Wed 13 May; Thu 14 Kenaikan, Fri 15 cuti bersama, then the weekend.
		expect(addWorkingDays(wita(2026, 5, 13, 10), 1, cal)).toEqual(wita(2026, 5, 18, 16));
	});

	it('skips the closed week of March 2026', () => {
		expect(addWorkingDays(wita(2026, 3, 17, 10), 1, cal)).toEqual(wita(2026, 3, 25, 16));
		// Submitted during the closed week: day 0 is the first working day after it.
		expect(addWorkingDays(wita(2026, 3, 19, 10), 0, cal)).toEqual(wita(2026, 3, 25, 16));
	});

	it('counts a 14-day promise across the closed week', () => {
		// Mon 16 March: 17, 25, 26, 27, 30, 31 March, 1, 2, 6, 7, 8, 9, 10, 13 April (3 April is Good Friday).
		expect(addWorkingDays(wita(2026, 3, 16, 9), 14, cal)).toEqual(wita(2026, 4, 13, 16));
	});

	it('refuses negative and fractional day counts', () => {
		expect(() => addWorkingDays(wita(2026, 3, 2, 10), -1, cal)).toThrow(RangeError);
		expect(() => addWorkingDays(wita(2026, 3, 2, 10), 1.5, cal)).toThrow(RangeError);
	});
});

describe('addWorkingHours', () => {
	it('moves within a day', () => {
		expect(addWorkingHours(wita(2026, 3, 2, 9, 30), 0.5, cal)).toEqual(wita(2026, 3, 2, 10));
		expect(addWorkingHours(wita(2026, 3, 2, 8), 8, cal)).toEqual(wita(2026, 3, 2, 16));
	});

	it('carries across a night', () => {
		expect(addWorkingHours(wita(2026, 3, 2, 15), 2, cal)).toEqual(wita(2026, 3, 3, 9));
	});

	it('carries across a weekend', () => {
		expect(addWorkingHours(wita(2026, 3, 6, 15), 3, cal)).toEqual(wita(2026, 3, 9, 10));
	});

	it('starts the clock at the next opening when submitted outside working hours', () => {
		expect(addWorkingHours(wita(2026, 3, 2, 6), 1, cal)).toEqual(wita(2026, 3, 2, 9));
		expect(addWorkingHours(wita(2026, 3, 2, 20), 1, cal)).toEqual(wita(2026, 3, 3, 9));
		expect(addWorkingHours(wita(2026, 3, 7, 10), 1, cal)).toEqual(wita(2026, 3, 9, 9));
	});

	it('carries across holidays', () => {
		expect(addWorkingHours(wita(2026, 3, 17, 15), 2, cal)).toEqual(wita(2026, 3, 25, 9));
	});

	it('leaves the start unchanged for zero hours and refuses negative hours', () => {
		expect(addWorkingHours(wita(2026, 3, 7, 10), 0, cal)).toEqual(wita(2026, 3, 7, 10));
		expect(() => addWorkingHours(wita(2026, 3, 2, 10), -2, cal)).toThrow(RangeError);
	});
});

describe('dueAt', () => {
	it('uses working days or working hours by the SLA unit', () => {
		const start = wita(2026, 3, 6, 14);
		expect(dueAt(start, { value: 1, unit: 'days' }, cal)).toEqual({
			due: wita(2026, 3, 9, 16),
			beyondKnownCalendar: false
		});
		expect(dueAt(start, { value: 4, unit: 'hours' }, cal)).toEqual({
			due: wita(2026, 3, 9, 10),
			beyondKnownCalendar: false
		});
	});

	it('says when the due time runs past the last known year', () => {
		// Thu 31 Dec 2026 is day 1, Fri 1 Jan 2027 (holidays unknown, so counted) day 2, Mon 4 Jan day 3.
		const result = dueAt(wita(2026, 12, 30, 10), { value: 3, unit: 'days' }, cal);
		expect(result).toEqual({ due: wita(2027, 1, 4, 16), beyondKnownCalendar: true });
		expect(dueAt(wita(2026, 12, 28, 10), { value: 1, unit: 'days' }, cal).beyondKnownCalendar).toBe(false);
	});
});

describe('workingMillisBetween', () => {
	it('counts working hours only', () => {
		expect(workingMillisBetween(wita(2026, 3, 2, 9), wita(2026, 3, 2, 11), cal)).toBe(2 * HOUR);
		expect(workingMillisBetween(wita(2026, 3, 2, 6), wita(2026, 3, 2, 20), cal)).toBe(8 * HOUR);
		expect(workingMillisBetween(wita(2026, 3, 6, 15), wita(2026, 3, 9, 9), cal)).toBe(2 * HOUR);
		expect(workingMillisBetween(wita(2026, 3, 7, 8), wita(2026, 3, 8, 20), cal)).toBe(0);
		expect(workingMillisBetween(wita(2026, 3, 17, 8), wita(2026, 3, 25, 8), cal)).toBe(8 * HOUR);
	});

	it('is zero when the end is not after the start', () => {
		expect(workingMillisBetween(wita(2026, 3, 2, 11), wita(2026, 3, 2, 9), cal)).toBe(0);
	});

	it('undoes addWorkingHours for starts inside working hours', () => {
		for (const start of [wita(2026, 3, 2, 8), wita(2026, 3, 6, 15, 30), wita(2026, 3, 17, 12)]) {
			for (const hours of [0.25, 1, 7.5, 8, 9, 40, 100]) {
				const end = addWorkingHours(start, hours, cal);
				expect(workingMillisBetween(start, end, cal)).toBe(hours * HOUR);
			}
		}
	});

	it('finds 240 working days in 2026 with the decree calendar', () => {
		const total = workingMillisBetween(wita(2026, 1, 1), wita(2027, 1, 1), cal);
		expect(total / WORKDAY_MS).toBe(240);

		let days = 0;
		for (let d = wita(2026, 1, 1, 12); d < wita(2027, 1, 1); d = new Date(d.getTime() + 24 * HOUR)) {
			if (isWorkingDay(d, cal)) days += 1;
		}
		expect(days).toBe(240);
		expect(workingMillisBetween(wita(2026, 1, 1), wita(2027, 1, 1), noHolidays) / WORKDAY_MS).toBe(261);
	});
});

describe('extendByWorkingMillis', () => {
	it('pushes a 16:00 due time into the next working morning', () => {
		expect(extendByWorkingMillis(wita(2026, 3, 6, 16), HOUR, cal)).toEqual({
			due: wita(2026, 3, 9, 9),
			beyondKnownCalendar: false
		});
	});

	it('leaves the due time alone for a pause with no working time', () => {
		expect(extendByWorkingMillis(wita(2026, 3, 6, 16), 0, cal).due).toEqual(wita(2026, 3, 6, 16));
	});

	it('adds back exactly the working time spent waiting on the citizen', () => {
		const due = dueAt(wita(2026, 3, 9, 9), { value: 2, unit: 'days' }, cal).due; // Wed 11 March 16:00
		const paused = workingMillisBetween(wita(2026, 3, 9, 15), wita(2026, 3, 10, 10), cal); // 1 h + 2 h
		expect(paused).toBe(3 * HOUR);
		expect(extendByWorkingMillis(due, paused, cal).due).toEqual(wita(2026, 3, 12, 11));
	});

	it('flags an extension that lands past the known calendar', () => {
		expect(extendByWorkingMillis(wita(2026, 12, 31, 16), HOUR, cal)).toEqual({
			due: wita(2027, 1, 1, 9),
			beyondKnownCalendar: true
		});
	});

	it('refuses a negative extension', () => {
		expect(() => extendByWorkingMillis(wita(2026, 3, 6, 16), -1, cal)).toThrow(RangeError);
	});
});

describe('calendarCovers', () => {
	it('uses the WITA year', () => {
		expect(calendarCovers(wita(2026, 12, 31, 23, 59), cal)).toBe(true);
		expect(calendarCovers(new Date('2026-12-31T16:00:00Z'), cal)).toBe(false); // 1 Jan 2027 00:00 WITA
	});
});

describe('formatWita', () => {
	it('writes the date and time in Indonesian, WITA', () => {
		expect(formatWita(wita(2026, 3, 23, 16))).toBe('Senin, 23 Maret 2026 pukul 16.00 WITA');
		expect(formatWita(wita(2026, 8, 17, 8, 5))).toBe('Senin, 17 Agustus 2026 pukul 08.05 WITA');
		expect(formatWita(wita(2026, 1, 4, 0))).toBe('Minggu, 4 Januari 2026 pukul 00.00 WITA');
	});

	it('uses the WITA day even when UTC is still on the day before', () => {
		expect(formatWita(new Date('2026-03-24T20:00:00Z'))).toBe('Rabu, 25 Maret 2026 pukul 04.00 WITA');
		expect(formatWitaDate(new Date('2026-03-24T20:00:00Z'))).toBe('Rabu, 25 Maret 2026');
	});
});

describe('holiday calendar data', () => {
	it('holds the 2026 decree: 17 national holidays and 8 days of cuti bersama', () => {
		expect(holidays2026.filter((h) => h.kind === 'libur')).toHaveLength(17);
		expect(holidays2026.filter((h) => h.kind === 'cuti_bersama').map((h) => h.date)).toEqual([
			'2026-02-16',
			'2026-03-18',
			'2026-03-20',
			'2026-03-23',
			'2026-03-24',
			'2026-05-15',
			'2026-05-28',
			'2026-12-24'
		]);
		expect(new Set(holidays2026.map((h) => h.date)).size).toBe(holidays2026.length);
		expect(holidays2026.find((h) => h.date === '2026-08-17')?.name).toBe(
			'Hari Kemerdekaan Republik Indonesia'
		);
	});

	it('builds a calendar known up to its latest year', () => {
		expect(cal.knownUntilYear).toBe(2026);
		expect(calendarFrom([{ date: '2026-01-01' }, { date: '2027-01-01' }]).knownUntilYear).toBe(2027);
		expect(calendarFrom([]).knownUntilYear).toBe(0);
	});

	it('refuses a malformed date instead of ignoring it', () => {
		expect(() => calendarFrom([{ date: '2026-3-18' }])).toThrow(RangeError);
	});
});

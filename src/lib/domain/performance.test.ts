import { describe, expect, it } from 'vitest';
import { calendarFrom, holidays2026 } from './holidays';
import { finish, hoursBucket, isOverdue, lastMonths, monthLabel, percentOf, percentile, percentileOfHistogram, witaMonth, workingDaysText } from './performance';
import { addWorkingDays, workingMillisBetween } from './working-time';

const wita = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h - 8, min));
const HOUR = 60 * 60 * 1000;
const cal = calendarFrom(holidays2026);

describe('finish: the SLA clock, waiting on the citizen left out', () => {
	it('counts working hours only: Friday 14:00 to Monday 10:00 is four hours, on time for one working day', () => {
		const submittedAt = wita(2026, 3, 6, 14);
		const clock = { submittedAt, dueAt: addWorkingDays(submittedAt, 1, cal), pausedAt: null, waitedMs: 0 };
		expect(finish(clock, wita(2026, 3, 9, 10), cal)).toEqual({ workingMs: 4 * HOUR, onTime: true, waitedMs: 0 });
	});

	it('is late one minute after the promise', () => {
		const submittedAt = wita(2026, 3, 2, 9);
		const dueAt = addWorkingDays(submittedAt, 1, cal); // Tue 3 March 16:00
		expect(finish({ submittedAt, dueAt, pausedAt: null, waitedMs: 0 }, wita(2026, 3, 3, 16), cal).onTime).toBe(true);
		expect(finish({ submittedAt, dueAt, pausedAt: null, waitedMs: 0 }, wita(2026, 3, 3, 16, 1), cal).onTime).toBe(false);
	});

	it('leaves out a finished wait already folded into the promise', () => {
		const submittedAt = wita(2026, 3, 2, 8);
		// waited 8 working hours earlier: the promise moved from Tue 16:00 to Wed 16:00
		const clock = { submittedAt, dueAt: wita(2026, 3, 4, 16), pausedAt: null, waitedMs: 8 * HOUR };
		const done = finish(clock, wita(2026, 3, 4, 12), cal);
		expect(done).toEqual({ workingMs: 20 * HOUR - 8 * HOUR, onTime: true, waitedMs: 8 * HOUR });
	});

	it('a result given while waiting on the citizen (a rejection) stops the wait, and the promise moves with it', () => {
		const submittedAt = wita(2026, 3, 2, 8);
		const clock = { submittedAt, dueAt: wita(2026, 3, 3, 16), pausedAt: wita(2026, 3, 3, 8), waitedMs: 0 };
		// paused Tue 08:00, rejected Thu 08:00: 16 working hours waiting, 8 hours of office work
		const done = finish(clock, wita(2026, 3, 5, 8), cal);
		expect(done.waitedMs).toBe(16 * HOUR);
		expect(done.workingMs).toBe(8 * HOUR);
		expect(done.onTime).toBe(true);
	});

	it('the closed week of March 2026 costs nothing', () => {
		const submittedAt = wita(2026, 3, 17, 15);
		expect(finish({ submittedAt, dueAt: addWorkingDays(submittedAt, 1, cal), pausedAt: null, waitedMs: 0 }, wita(2026, 3, 25, 9), cal)).toMatchObject({
			workingMs: workingMillisBetween(submittedAt, wita(2026, 3, 25, 9), cal),
			onTime: true
		});
		expect(workingMillisBetween(submittedAt, wita(2026, 3, 25, 9), cal)).toBe(2 * HOUR);
	});
});

describe('overdue', () => {
	it('is past the promise and not waiting on the citizen', () => {
		const now = wita(2026, 3, 10, 9);
		expect(isOverdue({ dueAt: wita(2026, 3, 9, 16), pausedAt: null }, now)).toBe(true);
		expect(isOverdue({ dueAt: wita(2026, 3, 9, 16), pausedAt: wita(2026, 3, 9, 10) }, now)).toBe(false);
		expect(isOverdue({ dueAt: wita(2026, 3, 10, 16), pausedAt: null }, now)).toBe(false);
	});
});

describe('median and 90th percentile (nearest rank)', () => {
	it('takes the value at rank ⌈p·n/100⌉', () => {
		expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
		expect(percentile([1, 2, 3, 4], 50)).toBe(2);
		expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
		expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
		expect(percentile([7], 90)).toBe(7);
		expect(percentile([], 50)).toBeNull();
	});

	it('reads the same value off a histogram', () => {
		const values = [1, 1, 2, 3, 3, 3, 8, 8, 9, 40, 41];
		const histogram = [...new Set(values)].map((value) => ({ value, count: values.filter((v) => v === value).length }));
		for (const p of [50, 90, 100]) expect(percentileOfHistogram(histogram, p)).toBe(percentile(values, p));
		expect(percentileOfHistogram([], 50)).toBeNull();
	});

	it('buckets durations by whole working hours, rounded up', () => {
		expect(hoursBucket(0)).toBe(0);
		expect(hoursBucket(1)).toBe(1);
		expect(hoursBucket(HOUR)).toBe(1);
		expect(hoursBucket(HOUR + 1)).toBe(2);
	});
});

describe('wording helpers', () => {
	it('shows hours as working days of eight hours', () => {
		expect(workingDaysText(8)).toBe('1');
		expect(workingDaysText(12)).toBe('1,5');
		expect(workingDaysText(3)).toBe('0,4');
	});

	it('groups by WITA month', () => {
		expect(witaMonth(wita(2026, 3, 31, 23, 30))).toBe('2026-03');
		expect(witaMonth(wita(2026, 4, 1, 0, 30))).toBe('2026-04');
		expect(lastMonths(wita(2026, 2, 15), 3)).toEqual(['2025-12', '2026-01', '2026-02']);
		expect(monthLabel('2026-11')).toBe('November 2026');
	});

	it('rounds percentages half up without floats', () => {
		expect(percentOf(47, 50)).toBe(94);
		expect(percentOf(1, 8)).toBe(13);
		expect(percentOf(0, 0)).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { calendarFrom, holidays2026 } from './holidays';
import {
	answerDue,
	answeredOnTime,
	complaintSchema,
	formatComplaintCode,
	generateComplaintCode,
	isEscalated,
	mayMarkSolved,
	mayReopen,
	normalizeComplaintCode
} from './complaints';

const wita = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h - 8, min));
const cal = calendarFrom(holidays2026);

describe('the SP4N-LAPOR! clock', () => {
	it('answer due 16:00 on the 5th working day after filing', () => {
		expect(answerDue(wita(2026, 3, 2, 10), cal)).toEqual(wita(2026, 3, 9, 16));
		// the closed week of March 2026 does not count: filed Tue 17 March → due Tue 31 March (25, 26, 27, 30, 31)
		expect(answerDue(wita(2026, 3, 17, 10), cal)).toEqual(wita(2026, 3, 31, 16));
	});

	it('escalates an open complaint past its due time, not an answered one', () => {
		const dueAt = wita(2026, 3, 9, 16);
		expect(isEscalated({ status: 'open', dueAt }, wita(2026, 3, 9, 16))).toBe(false);
		expect(isEscalated({ status: 'open', dueAt }, wita(2026, 3, 9, 16, 1))).toBe(true);
		expect(isEscalated({ status: 'answered', dueAt }, wita(2026, 3, 20))).toBe(false);
		expect(answeredOnTime(wita(2026, 3, 9, 16), dueAt)).toBe(true);
		expect(answeredOnTime(wita(2026, 3, 10, 8), dueAt)).toBe(false);
	});

	it('reopens once, within 5 working days of the answer', () => {
		const answered = { status: 'answered' as const, dueAt: wita(2026, 3, 9, 16), answeredAt: wita(2026, 3, 3, 10), reopenCount: 0 };
		expect(mayReopen(answered, wita(2026, 3, 10, 16), cal)).toBe(true);
		expect(mayReopen(answered, wita(2026, 3, 10, 16, 1), cal)).toBe(false);
		expect(mayReopen({ ...answered, reopenCount: 1 }, wita(2026, 3, 4), cal)).toBe(false);
		expect(mayReopen({ ...answered, status: 'solved' }, wita(2026, 3, 4), cal)).toBe(false);
		expect(mayMarkSolved(answered)).toBe(true);
		expect(mayMarkSolved({ status: 'open' })).toBe(false);
	});
});

describe('complaint codes', () => {
	it('are 12 characters without look-alikes, typed back in any form', () => {
		const code = generateComplaintCode();
		expect(code).toMatch(/^[ABCDEFGHJKMNPRSTWXYZ2-9]{12}$/);
		expect(normalizeComplaintCode(formatComplaintCode(code).toLowerCase())).toBe(code);
		expect(normalizeComplaintCode('ABCD-EFGH-IJKL')).toBeNull();
		expect(normalizeComplaintCode('ABCD')).toBeNull();
	});
});

describe('the filing schema', () => {
	it('needs a service and a text of 20 to 1000 characters, and says so in Indonesian', () => {
		const short = v.safeParse(complaintSchema, { service: 'ktp-el-baru', text: 'terlalu lama' });
		expect(short.success).toBe(false);
		expect(short.issues?.[0]?.message).toMatch(/20 karakter/);
		const long = v.safeParse(complaintSchema, { service: 'ktp-el-baru', text: 'x'.repeat(1001) });
		expect(long.issues?.[0]?.message).toMatch(/1000 karakter/);
		const ok = v.safeParse(complaintSchema, { service: 'ktp-el-baru', text: 'Sudah dua minggu belum ada kabar.' });
		expect(ok.success).toBe(true);
	});
});

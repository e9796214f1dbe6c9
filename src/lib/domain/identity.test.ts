import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
	ageOn,
	maskIdentityNumber,
	checkKk,
	checkNib,
	checkNik,
	identityMessages,
	kkSchema,
	nibSchema,
	nikBirthDate,
	nikSchema
} from './identity';

/** Noon WITA on a date, as an instant. */
const witaNoon = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 4));

describe('checkNik', () => {
	it('accepts a man’s NIK and reads his birth date', () => {
		expect(checkNik('6372051203850002')).toEqual({
			ok: true,
			nik: '6372051203850002',
			birthDate: { year2: 85, month: 3, day: 12 },
			sex: 'L'
		});
	});

	it('reads a woman’s birth day as the day minus 40', () => {
		const result = checkNik('6372054505990001');
		expect(result.ok && result.sex).toBe('P');
		expect(result.ok && result.birthDate).toEqual({ year2: 99, month: 5, day: 5 });
	});

	it('accepts a NIK first issued outside Banjarbaru', () => {
		expect(checkNik('3578011203850002').ok).toBe(true);
		expect(checkNik('1101010101010001').ok).toBe(true);
	});

	it('strips spaces, including around and inside the number', () => {
		const result = checkNik(' 6372 0512 0385 0002\u00a0');
		expect(result.ok && result.nik).toBe('6372051203850002');
	});

	it('refuses wrong length and non-digits with the length message', () => {
		for (const bad of ['637205120385000', '63720512038500021', '63720512038500O2']) {
			expect(checkNik(bad)).toEqual({ ok: false, message: 'NIK harus 16 angka.' });
		}
	});

	it('says when nothing was typed', () => {
		expect(checkNik('   ')).toEqual({ ok: false, message: identityMessages.nikEmpty });
	});

	it('refuses province or regency code 00', () => {
		expect(checkNik('0072051203850002')).toEqual({ ok: false, message: identityMessages.nikRegion });
		expect(checkNik('6300051203850002')).toEqual({ ok: false, message: identityMessages.nikRegion });
	});

	it('refuses impossible birth dates', () => {
		const dateMessage =
			'Tanggal lahir di dalam NIK tidak masuk akal. Periksa lagi angka ke-7 sampai ke-12.';
		const cases = {
			'day 00': '6372050003850002',
			'day 32': '6372053203850002',
			'day 40': '6372054003850002',
			'day 72': '6372057203850002',
			'month 00': '6372051200850002',
			'month 13': '6372051213850002',
			'31 April': '6372053104850002',
			'30 February': '6372053002850002',
			'women: 31 June (71)': '6372057106850002'
		};
		for (const [label, nik] of Object.entries(cases)) {
			expect(checkNik(nik), label).toEqual({ ok: false, message: dateMessage });
		}
	});

	it('accepts the edges: day 31, day 41, day 71, and 29 February', () => {
		expect(checkNik('6372053101850002').ok).toBe(true);
		expect(checkNik('6372054101850002').ok).toBe(true);
		expect(checkNik('6372057112850002').ok).toBe(true);
		expect(checkNik('6372052902000002').ok).toBe(true);
		expect(checkNik('6372056902040002').ok).toBe(true);
	});

	it('refuses serial 0000', () => {
		expect(checkNik('6372051203850000')).toEqual({ ok: false, message: identityMessages.nikSerial });
	});
});

describe('nikBirthDate', () => {
	const today = witaNoon(2026, 3, 17);

	it('picks the most recent year that is not in the future', () => {
		expect(nikBirthDate('6372050101050001', today)).toEqual(new Date(Date.UTC(2005, 0, 1)));
		expect(nikBirthDate('6372051203850002', today)).toEqual(new Date(Date.UTC(1985, 2, 12)));
	});

	it('puts a date later this year, with this year’s digits, a century back', () => {
		expect(nikBirthDate('6372051703260001', today)).toEqual(new Date(Date.UTC(2026, 2, 17)));
		expect(nikBirthDate('6372051803260001', today)).toEqual(new Date(Date.UTC(1926, 2, 18)));
	});

	it('uses the WITA date for today: 20:00 UTC on 16 March is already 17 March in Banjarbaru', () => {
		const lateUtc = new Date(Date.UTC(2026, 2, 16, 20));
		expect(nikBirthDate('6372051703260001', lateUtc)).toEqual(new Date(Date.UTC(2026, 2, 17)));
	});

	it('handles a woman’s NIK', () => {
		expect(nikBirthDate('6372054505990001', today)).toEqual(new Date(Date.UTC(1999, 4, 5)));
	});

	it('returns null for an invalid NIK and for 29 February in a year without one', () => {
		expect(nikBirthDate('123', today)).toBeNull();
		expect(nikBirthDate('6372052902010001', today)).toBeNull();
		expect(nikBirthDate('6372052902000001', today)).toEqual(new Date(Date.UTC(2000, 1, 29)));
	});

	it('gives an age for plausibility checks', () => {
		const birth = nikBirthDate('6372051703090001', today);
		expect(birth && ageOn(birth, today)).toBe(17);
		expect(birth && ageOn(birth, witaNoon(2026, 3, 16))).toBe(16);
	});
});

describe('checkKk', () => {
	it('accepts 16 digits and strips spaces', () => {
		expect(checkKk('6372 0512 3456 7890')).toEqual({ ok: true, kk: '6372051234567890' });
	});

	it('does not check past the region code', () => {
		expect(checkKk('6372050000000000').ok).toBe(true);
	});

	it('refuses wrong length, letters, and a zero region', () => {
		expect(checkKk('637205123456789')).toEqual({ ok: false, message: 'Nomor KK harus 16 angka.' });
		expect(checkKk('63720512345678AB')).toEqual({ ok: false, message: 'Nomor KK harus 16 angka.' });
		expect(checkKk('0000001234567890')).toEqual({ ok: false, message: identityMessages.kkRegion });
		expect(checkKk('')).toEqual({ ok: false, message: identityMessages.kkEmpty });
	});
});

describe('checkNib', () => {
	it('accepts exactly 13 digits', () => {
		expect(checkNib('9120 0012 3456 7')).toEqual({ ok: true, nib: '9120001234567' });
	});

	it('refuses 12 or 14 digits', () => {
		expect(checkNib('912000123456')).toEqual({ ok: false, message: 'NIB harus 13 angka.' });
		expect(checkNib('91200012345678')).toEqual({ ok: false, message: 'NIB harus 13 angka.' });
	});
});

describe('valibot schemas', () => {
	it('output the cleaned digits', () => {
		expect(v.parse(nikSchema, ' 6372 0512 0385 0002 ')).toBe('6372051203850002');
		expect(v.parse(kkSchema, '6372 0512 3456 7890')).toBe('6372051234567890');
		expect(v.parse(nibSchema, '9120001234567')).toBe('9120001234567');
	});

	it('report the same Indonesian message as the check', () => {
		const result = v.safeParse(nikSchema, '6372053104850002');
		expect(result.success).toBe(false);
		expect(result.issues?.map((issue) => issue.message)).toEqual([identityMessages.nikBirthDate]);
		expect(v.safeParse(kkSchema, '123').issues?.[0]?.message).toBe(identityMessages.kkLength);
		expect(v.safeParse(nibSchema, '123').issues?.[0]?.message).toBe(identityMessages.nibLength);
	});

	it('refuse a non-string with the empty message', () => {
		expect(v.safeParse(nikSchema, undefined).issues?.[0]?.message).toBe(identityMessages.nikEmpty);
	});
});

describe('separators people type', () => {
	it('takes dashes and dots as they are printed on some cards', async () => {
		const { checkNik, checkKk } = await import('./identity');
		expect(checkNik('6372-0415-0393-0002')).toMatchObject({ ok: true, nik: '6372041503930002' });
		expect(checkKk('6372.0401.0120.0003')).toMatchObject({ ok: true, kk: '6372040101200003' });
	});
});

describe('maskIdentityNumber', () => {
	it('shows the region and the last four digits only, in groups of four', () => {
		expect(maskIdentityNumber('6372041234560001')).toBe('6372 04•• •••• 0001');
		expect(maskIdentityNumber('6372 0412 3456 0001')).toBe('6372 04•• •••• 0001');
	});
	it('hides a value that is not 16 digits whole', () => {
		expect(maskIdentityNumber('12345')).toBe('•••••');
		expect(maskIdentityNumber('6372041234560001')).not.toContain('123456');
	});
});

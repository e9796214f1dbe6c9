/**
 * Indonesian identity numbers: NIK (personal), No. KK (family card) and NIB (business).
 *
 * A NIK is 16 digits, `PP KK CC DDMMYY SSSS`: province, regency/city and district where the number was *first*
 * issued, the date of birth (day + 40 for women) and a serial from 0001. The region part never changes when a
 * person moves, so we never require a Banjarbaru prefix: a resident born in Surabaya keeps a `35…` NIK.
 * The checks here only catch typing mistakes (wrong length, a date that cannot exist, zero codes); whether a
 * number really exists is for the national register (SIAK) to say, not for us.
 *
 * Invariants: every check strips spaces first (people copy numbers with spaces from a card or a chat), returns
 * the cleaned digits on success, and one plain-Indonesian message on failure. Nothing here throws.
 */
import * as v from 'valibot';
import { m } from '../paraglide/messages.js';

export const identityMessages = {
	get nikEmpty() { return m.journey_nik_empty(); },
	get nikLength() { return m.journey_nik_length(); },
	get nikRegion() { return m.journey_nik_region(); },
	get nikBirthDate() { return m.journey_nik_birth_date(); },
	get nikSerial() { return m.journey_nik_serial(); },
	get kkEmpty() { return m.journey_kk_empty(); },
	get kkLength() { return m.journey_kk_length(); },
	get kkRegion() { return m.journey_kk_region(); },
	get nibEmpty() { return m.journey_nib_empty(); },
	get nibLength() { return m.journey_nib_length(); }
} as const;

export type NikCheck =
	| {
			ok: true;
			nik: string;
			/** As written in the NIK; the century is unknown (see `nikBirthDate`). */
			birthDate: { year2: number; month: number; day: number };
			sex: 'L' | 'P';
	  }
	| { ok: false; message: string };

export type KkCheck = { ok: true; kk: string } | { ok: false; message: string };
export type NibCheck = { ok: true; nib: string } | { ok: false; message: string };

/**
 * Removes the separators people write numbers with: every kind of whitespace (including the non-breaking
 * spaces that come with pasted text), dashes and dots (`6372-0401-…`, as printed on some cards).
 */
function stripSpaces(value: string): string {
	return value.replace(/[\s.\u2010-\u2015-]+/g, '');
}

/**
 * Days per month without knowing the year. February allows 29 because a two-digit year cannot tell
 * 1900 (not leap) from 2000 (leap); we would rather accept a rare impossible date than refuse a real person.
 */
const maxDayOfMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function checkNik(value: string): NikCheck {
	const nik = stripSpaces(value);
	if (nik === '') return { ok: false, message: identityMessages.nikEmpty };
	if (!/^\d{16}$/.test(nik)) return { ok: false, message: identityMessages.nikLength };
	if (nik.slice(0, 2) === '00' || nik.slice(2, 4) === '00') {
		return { ok: false, message: identityMessages.nikRegion };
	}

	const rawDay = Number(nik.slice(6, 8));
	const month = Number(nik.slice(8, 10));
	const year2 = Number(nik.slice(10, 12));
	const sex = rawDay > 40 ? 'P' : 'L';
	const day = sex === 'P' ? rawDay - 40 : rawDay;
	const monthMax = maxDayOfMonth[month - 1];
	// Written days 00, 32–40 and 72–99 are in neither range (1–31, 41–71) and fail this check too.
	if (monthMax === undefined || day < 1 || day > monthMax) {
		return { ok: false, message: identityMessages.nikBirthDate };
	}
	if (nik.slice(12) === '0000') return { ok: false, message: identityMessages.nikSerial };

	return { ok: true, nik, birthDate: { year2, month, day }, sex };
}

/** No. KK: 16 digits whose first 6 name the issuing region. The rest is not checked (DOMAIN.md). */
export function checkKk(value: string): KkCheck {
	const kk = stripSpaces(value);
	if (kk === '') return { ok: false, message: identityMessages.kkEmpty };
	if (!/^\d{16}$/.test(kk)) return { ok: false, message: identityMessages.kkLength };
	if (kk.startsWith('000000')) return { ok: false, message: identityMessages.kkRegion };
	return { ok: true, kk };
}

/** NIB (Nomor Induk Berusaha, issued through OSS): exactly 13 digits. */
export function checkNib(value: string): NibCheck {
	const nib = stripSpaces(value);
	if (nib === '') return { ok: false, message: identityMessages.nibEmpty };
	if (!/^\d{13}$/.test(nib)) return { ok: false, message: identityMessages.nibLength };
	return { ok: true, nib };
}

const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The birth date in a NIK as a calendar date (a `Date` at 00:00 UTC of that day; read it with `getUTC…`).
 *
 * The NIK holds only two digits of the year, so we take the most recent year ending in those digits whose
 * date is not after `today` (today's date in WITA): read in 2026, `…010105…` is 1 Jan 2005 and `…050199…`
 * is 5 Jan 1999. So nobody is born in the future, and anyone 100 or older reads as a century younger: good
 * enough for plausibility checks (is this person 17?), not for a legal age. Returns `null` when the NIK does
 * not pass `checkNik`, or for 29 February in a year that has none.
 */
export function nikBirthDate(nik: string, today: Date): Date | null {
	const checked = checkNik(nik);
	if (!checked.ok) return null;
	const { year2, month, day } = checked.birthDate;

	const witaToday = new Date(today.getTime() + WITA_OFFSET_MS);
	const todayYear = witaToday.getUTCFullYear();
	const todayKey = todayYear * 10_000 + (witaToday.getUTCMonth() + 1) * 100 + witaToday.getUTCDate();

	let year = todayYear - ((((todayYear - year2) % 100) + 100) % 100);
	if (year * 10_000 + month * 100 + day > todayKey) year -= 100;
	if (month === 2 && day === 29 && !isLeapYear(year)) return null;
	return new Date(Date.UTC(year, month - 1, day));
}

/** Whole years from `birth` (a calendar date from `nikBirthDate`) to today's date in WITA. */
export function ageOn(birth: Date, today: Date): number {
	const witaToday = new Date(today.getTime() + WITA_OFFSET_MS);
	let age = witaToday.getUTCFullYear() - birth.getUTCFullYear();
	const beforeBirthday =
		witaToday.getUTCMonth() < birth.getUTCMonth() ||
		(witaToday.getUTCMonth() === birth.getUTCMonth() && witaToday.getUTCDate() < birth.getUTCDate());
	if (beforeBirthday) age -= 1;
	return age;
}

/*
 * valibot schemas: the same rules for the browser's instant feedback and the server's final say.
 * Each trims, runs the check above, and outputs the cleaned digits, so what is stored has no spaces.
 */

export const nikSchema = v.pipe(
	v.string(() => identityMessages.nikEmpty),
	v.trim(),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		const result = checkNik(dataset.value);
		if (!result.ok) {
			addIssue({ message: result.message });
			return NEVER;
		}
		return result.nik;
	})
);

export const kkSchema = v.pipe(
	v.string(() => identityMessages.kkEmpty),
	v.trim(),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		const result = checkKk(dataset.value);
		if (!result.ok) {
			addIssue({ message: result.message });
			return NEVER;
		}
		return result.kk;
	})
);

export const nibSchema = v.pipe(
	v.string(() => identityMessages.nibEmpty),
	v.trim(),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		const result = checkNib(dataset.value);
		if (!result.ok) {
			addIssue({ message: result.message });
			return NEVER;
		}
		return result.nib;
	})
);

/**
 * A NIK or No. KK as an officer sees it until they choose to reveal it (least sight): the region part and
 * the last four digits, the rest hidden, in groups of four: `6372 04•• •••• 0001`. Anything that is not
 * 16 digits is hidden whole.
 */
export function maskIdentityNumber(value: string): string {
	const digits = value.replace(/\s/g, '');
	if (!/^\d{16}$/.test(digits)) return '•'.repeat(Math.min(value.length, 16));
	const masked = digits.slice(0, 6) + '•'.repeat(6) + digits.slice(12);
	return masked.match(/.{4}/g)!.join(' ');
}

/**
 * Tracking codes: the short code a citizen writes down, reads aloud over the phone, or types on /lacak to
 * follow an application without logging in.
 *
 * A code is 8 characters from a 28-character alphabet with no look-alikes (no 0/O, 1/I/L, Q, U/V), shown in
 * two groups of four: "ABCD 2345". 28^8 ≈ 3.8 × 10^11 codes, so guessing one is hopeless and random codes
 * rarely collide (the database's UNIQUE index catches the rare case; the caller draws again).
 *
 * Invariants: codes are drawn uniformly with rejection sampling (a plain `byte % 28` would favour the first
 * characters); stored codes are always the normalised 8 characters, without the space.
 */

export const TRACKING_CODE_ALPHABET = 'ABCDEFGHJKMNPRSTWXYZ23456789';
export const TRACKING_CODE_LENGTH = 8;

const alphabetSize = TRACKING_CODE_ALPHABET.length;
/** The largest multiple of the alphabet size that fits in a byte; bytes at or above it are thrown away. */
const acceptBelow = 256 - (256 % alphabetSize);
/** A real random source virtually never needs more than a few rounds; this only stops a broken one looping. */
const maxRounds = 100;

export type RandomBytes = (n: number) => Uint8Array;

const webCryptoBytes: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/** A fresh random tracking code, e.g. "K7MW3XRA". `random` is injectable for tests. */
export function generateTrackingCode(random: RandomBytes = webCryptoBytes): string {
	let code = '';
	for (let round = 0; round < maxRounds; round += 1) {
		for (const byte of random(TRACKING_CODE_LENGTH * 2)) {
			if (byte >= acceptBelow) continue;
			code += TRACKING_CODE_ALPHABET.charAt(byte % alphabetSize);
			if (code.length === TRACKING_CODE_LENGTH) return code;
		}
	}
	throw new Error('Random source keeps returning unusable bytes');
}

/** Whether `value` is a normalised tracking code: exactly 8 characters of the alphabet. */
export function isTrackingCode(value: string): boolean {
	if (value.length !== TRACKING_CODE_LENGTH) return false;
	for (const ch of value) if (!TRACKING_CODE_ALPHABET.includes(ch)) return false;
	return true;
}

/** A normalised code in two groups of four, for reading: "ABCD2345" → "ABCD 2345". */
export function formatTrackingCode(code: string): string {
	return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/**
 * What a person typed, as a stored code, or `null` when it cannot be one. Case, spaces and dashes are
 * forgiven. Characters outside the alphabet are refused rather than guessed: a typed "0" or "O" has no single
 * right replacement (D? 8?), and a wrong guess could open someone else's application.
 */
export function normalizeTrackingCode(input: string): string | null {
	const cleaned = input.toUpperCase().replace(/[\s-]+/g, '');
	return isTrackingCode(cleaned) ? cleaned : null;
}

/**
 * Password hashing with Argon2id (OWASP: m = 19 MiB, t = 2, p = 1). `@noble/hashes` is pure JavaScript,
 * so the same code runs on Workers, where WebCrypto's PBKDF2 is capped below OWASP's iteration count.
 * Hashes are stored in the PHC string format, so parameters can be raised later without a migration.
 */
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase64, encodeBase64 } from '@oslojs/encoding';

const PARAMS = { m: 19_456, t: 2, p: 1, dkLen: 32 } as const;

function strip(b64: string) {
	return b64.replace(/=+$/, '');
}
function pad(b64: string) {
	return b64 + '='.repeat((4 - (b64.length % 4)) % 4);
}

export async function hashPassword(password: string): Promise<string> {
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const hash = await argon2idAsync(password, salt, PARAMS);
	return `$argon2id$v=19$m=${PARAMS.m},t=${PARAMS.t},p=${PARAMS.p}$${strip(encodeBase64(salt))}$${strip(encodeBase64(hash))}`;
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
		stored
	);
	if (!match) return false;
	const [, m, t, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
	const expected = decodeBase64(pad(hash));
	const actual = await argon2idAsync(password, decodeBase64(pad(salt)), {
		m: Number(m),
		t: Number(t),
		p: Number(p),
		dkLen: expected.length
	});
	return constantTimeEqual(actual, expected);
}

/**
 * A hash of a random password, checked when the phone number is unknown, so that a login for an unknown
 * number takes as long as one for a known number (no account discovery by timing).
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hashPassword(crypto.randomUUID());
	return dummyHash;
}

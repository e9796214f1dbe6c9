/**
 * Encryption at rest of personal data (UU PDP 27/2022): NIK, No. KK, a child's data, and the documents.
 *
 * - AES-256-GCM through WebCrypto, so the same code runs on Node and in workerd.
 * - A keyring holds one or more secrets by id; the first is current (new writes), the others are kept so
 *   older values still open until `scripts/rotate-key.ts` has re-sealed them. Each secret (32 random bytes)
 *   gives two keys through HKDF: one for AES-GCM, one for the HMAC blind index.
 * - Every sealed value names its key id, and is bound to where it lives by the associated data (the table,
 *   the row's id, the field): a value copied into another row or field does not open.
 * - A value that is not sealed reads as itself: rows written before encryption keep working until they are
 *   re-sealed (the rotation script seals them too).
 * - The blind index is a keyed HMAC of the normalised NIK: an unkeyed hash of a NIK would be no protection,
 *   there are only about 10^12 plausible NIKs.
 *
 * Text form: `pdp1:<keyId>:<iv, base64url>:<ciphertext+tag, base64url>`.
 * Byte form (documents): "PDP1", key id length (1 byte), key id (ASCII), iv (12 bytes), ciphertext+tag.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';

export interface Keyring {
	/** The id new values are sealed with. */
	current: string;
	keys: ReadonlyMap<string, { aes: CryptoKey; hmac: CryptoKey }>;
}

export class SealError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SealError';
	}
}

const TEXT_PREFIX = 'pdp1:';
const BYTES_MAGIC = new Uint8Array([0x50, 0x44, 0x50, 0x31]); // "PDP1"
const KEY_ID = /^[a-z0-9-]{1,32}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What the keyring needs from the environment, said plainly to whoever deploys it. */
export const keyMessages = {
	missing:
		'DATA_KEYS is not set: personal data (NIK, No. KK, children\'s data, documents) cannot be encrypted. ' +
		'Set DATA_KEYS to "<id>:<32 random bytes, base64url>" (generate one with `npx tsx scripts/rotate-key.ts --new-key`); ' +
		'on Workers: `wrangler secret put DATA_KEYS`.',
	malformed:
		'DATA_KEYS is not valid: it must be a comma-separated list of "<id>:<32 bytes, base64url>", the current key first.'
} as const;

async function deriveKeys(secret: Uint8Array) {
	const base = await crypto.subtle.importKey('raw', secret as BufferSource, 'HKDF', false, ['deriveKey']);
	const params = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) });
	const aes = await crypto.subtle.deriveKey(params('layanan-banjarbaru/aes-256-gcm'), base, { name: 'AES-GCM', length: 256 }, false, [
		'encrypt',
		'decrypt'
	]);
	const hmac = await crypto.subtle.deriveKey(
		params('layanan-banjarbaru/blind-index'),
		base,
		{ name: 'HMAC', hash: 'SHA-256', length: 256 },
		false,
		['sign']
	);
	return { aes, hmac };
}

/** Parses DATA_KEYS ("id:base64url[,id:base64url…]", current first); throws with `keyMessages` wording. */
export async function keyringFrom(spec: string | undefined): Promise<Keyring> {
	if (!spec?.trim()) throw new SealError(keyMessages.missing);
	const keys = new Map<string, { aes: CryptoKey; hmac: CryptoKey }>();
	let current: string | undefined;
	for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
		const [id, encoded, ...rest] = part.split(':');
		if (!id || !encoded || rest.length > 0 || !KEY_ID.test(id) || keys.has(id)) throw new SealError(keyMessages.malformed);
		let secret: Uint8Array;
		try {
			secret = decodeBase64urlIgnorePadding(encoded);
		} catch {
			throw new SealError(keyMessages.malformed);
		}
		if (secret.byteLength !== 32) throw new SealError(keyMessages.malformed);
		keys.set(id, await deriveKeys(secret));
		current ??= id;
	}
	if (!current) throw new SealError(keyMessages.missing);
	return { current, keys };
}

/** A new secret for DATA_KEYS, as `<id>:<base64url>`. */
export function newKeySpec(id: string): string {
	if (!KEY_ID.test(id)) throw new SealError(`Key id must match ${KEY_ID}`);
	return `${id}:${encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)))}`;
}

function keyOf(keyring: Keyring, id: string) {
	const key = keyring.keys.get(id);
	if (!key) throw new SealError(`No key "${id}" in DATA_KEYS: this value was sealed with a key that is no longer configured.`);
	return key;
}

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(TEXT_PREFIX);

/** Seals a text value for one place (`ad`: table, row id and field). */
export async function seal(keyring: Keyring, plaintext: string, ad: string): Promise<string> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const ciphertext = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: encoder.encode(ad) },
		keyOf(keyring, keyring.current).aes,
		encoder.encode(plaintext)
	);
	return `${TEXT_PREFIX}${keyring.current}:${encodeBase64urlNoPadding(iv)}:${encodeBase64urlNoPadding(new Uint8Array(ciphertext))}`;
}

/** Opens a sealed value; a value that was never sealed (an older row) is returned as it is. */
export async function unseal(keyring: Keyring, value: string, ad: string): Promise<string> {
	if (!isSealed(value)) return value;
	const [keyId, iv, ciphertext] = value.slice(TEXT_PREFIX.length).split(':');
	if (!keyId || !iv || !ciphertext) throw new SealError('A sealed value is damaged.');
	try {
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: decodeBase64urlIgnorePadding(iv) as BufferSource, additionalData: encoder.encode(ad) },
			keyOf(keyring, keyId).aes,
			decodeBase64urlIgnorePadding(ciphertext) as BufferSource
		);
		return decoder.decode(plain);
	} catch (cause) {
		if (cause instanceof SealError) throw cause;
		throw new SealError('A sealed value does not open here: wrong key, or moved from another row.');
	}
}

/** The key id a sealed value (text or bytes) was sealed with; null when it is not sealed. */
export function sealedWith(value: string | Uint8Array): string | null {
	if (typeof value === 'string') return isSealed(value) ? value.slice(TEXT_PREFIX.length).split(':')[0] ?? null : null;
	if (!isSealedBytes(value)) return null;
	return decoder.decode(value.subarray(5, 5 + (value[4] ?? 0)));
}

export function isSealedBytes(bytes: Uint8Array): boolean {
	return bytes.byteLength > 5 + 12 && BYTES_MAGIC.every((b, i) => bytes[i] === b);
}

/** Seals a file's bytes for one storage key. */
export async function sealBytes(keyring: Keyring, bytes: Uint8Array, ad: string): Promise<Uint8Array> {
	const id = encoder.encode(keyring.current);
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const ciphertext = new Uint8Array(
		await crypto.subtle.encrypt(
			{ name: 'AES-GCM', iv, additionalData: encoder.encode(ad) },
			keyOf(keyring, keyring.current).aes,
			bytes as BufferSource
		)
	);
	const out = new Uint8Array(5 + id.byteLength + 12 + ciphertext.byteLength);
	out.set(BYTES_MAGIC, 0);
	out[4] = id.byteLength;
	out.set(id, 5);
	out.set(iv, 5 + id.byteLength);
	out.set(ciphertext, 5 + id.byteLength + 12);
	return out;
}

/** Opens sealed bytes; bytes stored before encryption (no "PDP1" header) are returned as they are. */
export async function unsealBytes(keyring: Keyring, bytes: Uint8Array, ad: string): Promise<Uint8Array> {
	if (!isSealedBytes(bytes)) return bytes;
	const idLength = bytes[4] ?? 0;
	const keyId = decoder.decode(bytes.subarray(5, 5 + idLength));
	const iv = bytes.subarray(5 + idLength, 5 + idLength + 12);
	try {
		return new Uint8Array(
			await crypto.subtle.decrypt(
				{ name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(ad) },
				keyOf(keyring, keyId).aes,
				bytes.subarray(5 + idLength + 12) as BufferSource
			)
		);
	} catch (cause) {
		if (cause instanceof SealError) throw cause;
		throw new SealError('A sealed document does not open here: wrong key, or moved from another key.');
	}
}

async function hmac(key: CryptoKey, value: string): Promise<string> {
	return encodeBase64urlNoPadding(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(value))));
}

/** The blind index of a (normalised) value under the current key, as stored. */
export function blindIndex(keyring: Keyring, value: string): Promise<string> {
	return hmac(keyOf(keyring, keyring.current).hmac, value);
}

/** The blind index under every configured key: what a lookup searches for, during a rotation too. */
export function blindIndexes(keyring: Keyring, value: string): Promise<string[]> {
	return Promise.all([...keyring.keys.values()].map((k) => hmac(k.hmac, value)));
}

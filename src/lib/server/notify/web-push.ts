/**
 * Web Push on WebCrypto alone, so it runs the same on Node and in workerd: the message encrypted with
 * the `aes128gcm` content coding (RFC 8188) keyed as RFC 8291 says, and the request signed with VAPID
 * (RFC 8292: an ES256 JWT for the push service's origin, and the application server's public key).
 *
 * Why not @pushforge/builder: its 2.0.5 encrypts with the older `aesgcm` coding
 * of draft-ietf-webpush-encryption-04 (Encryption/Crypto-Key headers), not RFC 8291's `aes128gcm`, which
 * push services must accept and against whose published example this module is tested byte for byte
 * (src/lib/server/notify/web-push.test.ts). The `web-push` package needs node:crypto (no Workers).
 *
 * One record only (a notice is far below the 4096-byte record), padded with the 0x02 delimiter.
 */

const encoder = new TextEncoder();

export const base64url = {
	encode(bytes: ArrayBuffer | Uint8Array): string {
		const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
		let binary = '';
		for (const b of view) binary += String.fromCharCode(b);
		return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	},
	decode(text: string): Uint8Array<ArrayBuffer> {
		const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
		const bytes = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
		return bytes;
	}
};

const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
};

async function hkdf(salt: Uint8Array<ArrayBuffer>, ikm: ArrayBuffer | Uint8Array<ArrayBuffer>, info: Uint8Array<ArrayBuffer>, bytes: number) {
	const key = await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
	return new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, key, bytes * 8));
}

/** The JWK of a P-256 key from its raw public point (0x04‖x‖y) and, for a private key, its `d`. */
export function p256Jwk(publicRaw: Uint8Array, d?: string): JsonWebKey {
	return { kty: 'EC', crv: 'P-256', x: base64url.encode(publicRaw.slice(1, 33)), y: base64url.encode(publicRaw.slice(33, 65)), ...(d ? { d } : {}), ext: true };
}

export interface EncryptOptions {
	/** The application server's ephemeral ECDH key pair (made fresh unless given: tests give the RFC's). */
	keys?: CryptoKeyPair;
	salt?: Uint8Array<ArrayBuffer>;
	recordSize?: number;
}

/** RFC 8291 §3–4: the message body for a subscription's `p256dh` and `auth`. */
export async function encrypt(plaintext: Uint8Array, subscription: { p256dh: string; auth: string }, options: EncryptOptions = {}) {
	const uaPublic = base64url.decode(subscription.p256dh);
	const authSecret = base64url.decode(subscription.auth);
	if (uaPublic.length !== 65 || uaPublic[0] !== 4) throw new Error('p256dh is not an uncompressed P-256 point');
	if (authSecret.length !== 16) throw new Error('auth is not 16 bytes');
	const keys = options.keys ?? ((await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair);
	const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(16));
	const recordSize = options.recordSize ?? 4096;
	const asPublic = new Uint8Array(await crypto.subtle.exportKey('raw', keys.publicKey));
	const uaKey = await crypto.subtle.importKey('raw', uaPublic, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
	const ecdhSecret = await crypto.subtle.deriveBits({ name: 'ECDH', public: uaKey }, keys.privateKey, 256);
	// IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" ‖ 0x00 ‖ ua_public ‖ as_public, 32)
	const ikm = await hkdf(authSecret, ecdhSecret, concat(encoder.encode('WebPush: info\0'), uaPublic, asPublic), 32);
	const cek = await hkdf(salt, ikm, encoder.encode('Content-Encoding: aes128gcm\0'), 16);
	const nonce = await hkdf(salt, ikm, encoder.encode('Content-Encoding: nonce\0'), 12);
	if (plaintext.length + 1 + 16 > recordSize) throw new Error('the message is longer than one record');
	const key = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['encrypt']);
	// the last (and only) record: the content, then the delimiter 0x02
	const record = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce }, key, concat(plaintext, new Uint8Array([2]))));
	const header = new Uint8Array(21);
	header.set(salt, 0);
	new DataView(header.buffer).setUint32(16, recordSize);
	header[20] = asPublic.length;
	return concat(header, asPublic, record);
}

/** RFC 8292 §2–3: the `Authorization: vapid t=…, k=…` value for a push service endpoint. */
export async function vapidAuthorization(endpoint: string, vapid: { privateJwk: JsonWebKey; subject: string }, now = new Date()) {
	const { x, y } = vapid.privateJwk;
	if (!x || !y || !vapid.privateJwk.d) throw new Error('the VAPID key needs x, y and d');
	const publicRaw = concat(new Uint8Array([4]), base64url.decode(x), base64url.decode(y));
	const header = base64url.encode(encoder.encode(JSON.stringify({ typ: 'JWT', alg: 'ES256' })));
	// at most 24 hours ahead (RFC 8292 §2); 12 leaves room for clocks that disagree
	const claims = { aud: new URL(endpoint).origin, exp: Math.floor(now.getTime() / 1000) + 12 * 60 * 60, sub: vapid.subject };
	const body = base64url.encode(encoder.encode(JSON.stringify(claims)));
	const key = await crypto.subtle.importKey('jwk', { ...vapid.privateJwk, key_ops: ['sign'] }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
	const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, encoder.encode(`${header}.${body}`));
	return `vapid t=${header}.${body}.${base64url.encode(signature)}, k=${base64url.encode(publicRaw)}`;
}

/** The whole push request (RFC 8030 §5) for one subscription. */
export async function pushRequest(
	subscription: { endpoint: string; p256dh: string; auth: string },
	payload: unknown,
	vapid: { privateJwk: JsonWebKey; subject: string },
	options: { ttlSeconds?: number; urgency?: 'very-low' | 'low' | 'normal' | 'high' } = {}
) {
	const body = await encrypt(encoder.encode(JSON.stringify(payload)), subscription);
	return {
		endpoint: subscription.endpoint,
		body,
		headers: {
			authorization: await vapidAuthorization(subscription.endpoint, vapid),
			'content-encoding': 'aes128gcm',
			'content-type': 'application/octet-stream',
			ttl: String(options.ttlSeconds ?? 24 * 60 * 60),
			urgency: options.urgency ?? 'normal'
		}
	};
}

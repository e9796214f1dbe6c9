/**
 * Web Push against the RFCs: RFC 8291 §5's example reproduced byte for byte from its keys and salt; a
 * fresh message decrypted again with the RFC's own steps (the user agent's side, written out here with
 * WebCrypto); the VAPID JWT (RFC 8292) checked claim by claim and its signature verified with `k`.
 */
import { describe, expect, it } from 'vitest';
import { base64url, encrypt, p256Jwk, pushRequest, vapidAuthorization } from './web-push';

const RFC8291 = {
	plaintext: 'When I grow up, I want to be a watermelon',
	asPublic: 'BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8',
	asPrivate: 'yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw',
	uaPublic: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
	uaPrivate: 'q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94',
	auth: 'BTBZMqHH6r4Tts7J_aSIgg',
	salt: 'DGv6ra1nlYgDCS1FRnbzlw',
	body:
		'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml' +
		'mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT' +
		'pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN'
};

const ecdh = { name: 'ECDH', namedCurve: 'P-256' } as const;
const text = new TextEncoder();

/** The user agent's side of RFC 8291 §3.4 and RFC 8188 §2, independent of the module under test. */
async function decrypt(body: Uint8Array<ArrayBuffer>, uaPrivateJwk: JsonWebKey, uaPublic: Uint8Array<ArrayBuffer>, authSecret: Uint8Array<ArrayBuffer>) {
	const salt = body.slice(0, 16);
	const recordSize = new DataView(body.buffer, body.byteOffset).getUint32(16);
	const idlen = body[20]!;
	const asPublic = body.slice(21, 21 + idlen);
	const ciphertext = body.slice(21 + idlen);
	const uaKey = await crypto.subtle.importKey('jwk', uaPrivateJwk, ecdh, false, ['deriveBits']);
	const asKey = await crypto.subtle.importKey('raw', asPublic, ecdh, false, []);
	const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: asKey }, uaKey, 256);
	const hmac = async (key: Uint8Array<ArrayBuffer> | ArrayBuffer, data: Uint8Array<ArrayBuffer>) =>
		new Uint8Array(await crypto.subtle.sign('HMAC', await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']), data));
	const join = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
	// HKDF written out as extract and expand (RFC 5869), one block each
	const prkKey = await hmac(authSecret, new Uint8Array(secret));
	const ikm = await hmac(prkKey, join(text.encode('WebPush: info\0'), uaPublic, asPublic, new Uint8Array([1])));
	const prk = await hmac(salt, ikm);
	const cek = (await hmac(prk, join(text.encode('Content-Encoding: aes128gcm\0'), new Uint8Array([1])))).slice(0, 16);
	const nonce = (await hmac(prk, join(text.encode('Content-Encoding: nonce\0'), new Uint8Array([1])))).slice(0, 12);
	const key = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['decrypt']);
	const padded = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce }, key, ciphertext));
	let end = padded.length - 1;
	while (end >= 0 && padded[end] === 0) end--;
	expect(padded[end]).toBe(2); // the last record's delimiter
	return { recordSize, asPublic, plaintext: new TextDecoder().decode(padded.slice(0, end)) };
}

describe('RFC 8291 message encryption', () => {
	it('reproduces the RFC’s example byte for byte from its keys and salt', async () => {
		const asPublic = base64url.decode(RFC8291.asPublic);
		const keys = {
			publicKey: await crypto.subtle.importKey('raw', asPublic, ecdh, true, []),
			privateKey: await crypto.subtle.importKey('jwk', p256Jwk(asPublic, RFC8291.asPrivate), ecdh, true, ['deriveBits'])
		};
		const body = await encrypt(text.encode(RFC8291.plaintext), { p256dh: RFC8291.uaPublic, auth: RFC8291.auth }, { keys, salt: base64url.decode(RFC8291.salt) });
		expect(base64url.encode(body)).toBe(RFC8291.body);
	});

	it('the RFC’s steps decrypt the RFC’s example (the check checks itself)', async () => {
		const uaPublic = base64url.decode(RFC8291.uaPublic);
		const out = await decrypt(base64url.decode(RFC8291.body), p256Jwk(uaPublic, RFC8291.uaPrivate), uaPublic, base64url.decode(RFC8291.auth));
		expect(out).toMatchObject({ recordSize: 4096, plaintext: RFC8291.plaintext });
	});

	it('a fresh message for a fresh subscription decrypts with the RFC’s steps', async () => {
		const ua = (await crypto.subtle.generateKey(ecdh, true, ['deriveBits'])) as CryptoKeyPair;
		const uaPublic = new Uint8Array(await crypto.subtle.exportKey('raw', ua.publicKey));
		const auth = crypto.getRandomValues(new Uint8Array(16));
		const message = { title: 'Kabar permohonan', body: 'Permohonan Akta Kelahiran (ABCD EFGH) perlu perbaikan.' };
		const request = await pushRequest(
			{ endpoint: 'https://push.example.net/kirim/xyz', p256dh: base64url.encode(uaPublic), auth: base64url.encode(auth) },
			message,
			await vapidKeys()
		);
		expect(request.headers).toMatchObject({ 'content-encoding': 'aes128gcm', 'content-type': 'application/octet-stream', ttl: '86400' });
		const out = await decrypt(request.body, await crypto.subtle.exportKey('jwk', ua.privateKey), uaPublic, auth);
		expect(JSON.parse(out.plaintext)).toEqual(message);
	});
});

async function vapidKeys() {
	const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
	return { privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey), subject: 'mailto:diskominfo@banjarbarukota.go.id', pair };
}

describe('RFC 8292 VAPID', () => {
	it('signs a JWT for the push service’s origin, valid at most 24 hours, that `k` verifies', async () => {
		const vapid = await vapidKeys();
		const now = new Date('2026-12-02T04:00:00Z');
		const header = await vapidAuthorization('https://fcm.googleapis.com/fcm/send/abc', vapid, now);
		const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(header);
		expect(match).not.toBeNull();
		const [, h, c, s, k] = match!;
		const decode = (part: string) => JSON.parse(new TextDecoder().decode(base64url.decode(part)));
		expect(decode(h!)).toEqual({ typ: 'JWT', alg: 'ES256' });
		const claims = decode(c!);
		expect(claims.aud).toBe('https://fcm.googleapis.com');
		expect(claims.sub).toBe('mailto:diskominfo@banjarbarukota.go.id');
		expect(claims.exp - now.getTime() / 1000).toBeGreaterThan(0);
		expect(claims.exp - now.getTime() / 1000).toBeLessThanOrEqual(24 * 60 * 60);
		// k is the uncompressed public point of the signing key (RFC 8292 §3.2)
		const publicRaw = new Uint8Array(await crypto.subtle.exportKey('raw', vapid.pair.publicKey));
		expect(k).toBe(base64url.encode(publicRaw));
		const verifyKey = await crypto.subtle.importKey('raw', base64url.decode(k!), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
		const signature = base64url.decode(s!);
		expect(signature.length).toBe(64); // JWS ES256: r ‖ s
		const signed = text.encode(`${h}.${c}`);
		expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, verifyKey, signature, signed)).toBe(true);
		// and a changed claim does not verify
		expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, verifyKey, signature, text.encode(`${h}.${c}x`))).toBe(false);
	});
});

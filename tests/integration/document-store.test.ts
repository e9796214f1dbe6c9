/**
 * One contract for the self-hosted DocumentStores (src/lib/server/storage.ts): what the app relies on from
 * R2 (the Worker's store, exercised end to end by the `worker` e2e project under `wrangler dev`), asked
 * of the folder on disk and of an S3-compatible store alike. Each runs the same cases against a real
 * backend: the folder store on a temporary folder, the S3 store against a small S3 server that checks
 * every request's Signature V4 and payload hash (tests/support/fake-s3.ts). A new store gets a
 * `contract(…)` line here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newStorageKey, type DocumentStore } from '../../src/lib/server/storage';
import { fileStore } from '../../src/lib/server/storage-fs';
import { s3ConfigFrom, s3Store } from '../../src/lib/server/storage-s3';
import { startFakeS3, type FakeS3 } from '../support/fake-s3';

async function readAll(stream: ReadableStream): Promise<Uint8Array> {
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Every byte value, so that no store may treat documents as text. */
const binary = new Uint8Array(512).map((_, i) => i % 256);

function contract(name: string, open: () => DocumentStore) {
	describe(`${name}: the DocumentStore contract`, () => {
		let store: DocumentStore;
		beforeAll(() => {
			store = open();
		});

		it('gives back the bytes, type and size that were put', async () => {
			const key = newStorageKey();
			await store.put(key, binary, 'image/jpeg');
			const stored = await store.get(key);
			expect(stored).not.toBeNull();
			expect(stored!.contentType).toBe('image/jpeg');
			expect(stored!.size).toBe(binary.byteLength);
			expect(await readAll(stored!.body)).toEqual(binary);
		});

		it('answers null for a key never put', async () => {
			expect(await store.get(newStorageKey())).toBeNull();
		});

		it('replaces a document put again under the same key', async () => {
			const key = newStorageKey();
			await store.put(key, new TextEncoder().encode('pertama'), 'text/plain');
			const second = new TextEncoder().encode('%PDF-1.4 kedua');
			await store.put(key, second, 'application/pdf');
			const stored = await store.get(key);
			expect(stored!.contentType).toBe('application/pdf');
			expect(await readAll(stored!.body)).toEqual(second);
		});

		it('deletes, and deleting what is not there is harmless', async () => {
			const key = newStorageKey();
			await store.put(key, binary, 'application/pdf');
			await store.delete(key);
			expect(await store.get(key)).toBeNull();
			await expect(store.delete(key)).resolves.toBeUndefined();
			await expect(store.delete(newStorageKey())).resolves.toBeUndefined();
		});

		it('keeps documents apart', async () => {
			const [a, b] = [newStorageKey(), newStorageKey()];
			await store.put(a, new TextEncoder().encode('akta'), 'text/plain');
			await store.put(b, new TextEncoder().encode('kartu keluarga'), 'text/plain');
			await store.delete(a);
			expect(new TextDecoder().decode(await readAll((await store.get(b))!.body))).toBe('kartu keluarga');
		});
	});
}

// --- the folder on disk ---------------------------------------------------------------------------------
let folder: string;
beforeAll(() => {
	folder = mkdtempSync(join(tmpdir(), 'layanan-store-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));
contract('folder on disk (storage-fs)', () => fileStore(folder));

// --- S3-compatible --------------------------------------------------------------------------------------
let s3: FakeS3;
beforeAll(async () => {
	s3 = await startFakeS3();
});
afterAll(() => s3?.close());
const s3Env = () => ({
	S3_ENDPOINT: s3.endpoint,
	S3_BUCKET: s3.bucket,
	S3_REGION: s3.region,
	S3_ACCESS_KEY_ID: s3.accessKeyId,
	S3_SECRET_ACCESS_KEY: s3.secretAccessKey
});
contract('S3-compatible (storage-s3)', () => s3Store(s3ConfigFrom(s3Env())!));

describe('S3-compatible store', () => {
	it('sends signed requests the server accepts, and stores under the bucket with the type', async () => {
		const refusedBefore = s3.refused;
		const key = newStorageKey();
		await s3Store(s3ConfigFrom(s3Env())!).put(key, binary, 'application/pdf');
		expect(s3.refused).toBe(refusedBefore);
		expect(s3.objects.get(key)?.contentType).toBe('application/pdf');
		expect(new Uint8Array(s3.objects.get(key)!.bytes)).toEqual(binary);
	});

	it('fails loudly when the server refuses (a wrong secret), instead of losing the document quietly', async () => {
		const wrong = s3Store({ ...s3ConfigFrom(s3Env())!, secretAccessKey: 'salah' });
		await expect(wrong.put(newStorageKey(), binary, 'image/jpeg')).rejects.toThrow(/403/);
		await expect(wrong.get(newStorageKey())).rejects.toThrow(/403/);
	});

	it('refuses keys the app never makes, before any request', async () => {
		const store = s3Store(s3ConfigFrom(s3Env())!);
		for (const key of ['../luar', 'dokumen/../rahasia', '/dokumen/a', 'dokumen/a.type', '']) {
			await expect(store.put(key, binary, 'text/plain')).rejects.toThrow(/Invalid document key/);
		}
	});

	it('is chosen by S3_ENDPOINT, and says which setting is missing', () => {
		expect(s3ConfigFrom({})).toBeNull();
		expect(s3ConfigFrom({ ...s3Env(), S3_REGION: undefined })?.region).toBe('us-east-1');
		expect(() => s3ConfigFrom({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'b' })).toThrow(
			/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/
		);
	});
});

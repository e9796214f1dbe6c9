/**
 * Where uploaded documents live: the R2 bucket bound as DOCUMENTS (on Workers the real bucket, under
 * `npm start` and the tests the bucket wrangler emulates locally). Keys are random and unguessable, and no
 * URL of the bucket is ever public: files are read only through an authorised route.
 */
import { error } from '@sveltejs/kit';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export interface StoredFile {
	body: ReadableStream;
	contentType: string;
	size: number;
}

/** The part of R2's binding this app uses, so that any S3-like store can stand in when self-hosted. */
export interface DocumentStore {
	put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
	get(key: string): Promise<StoredFile | null>;
	delete(key: string): Promise<void>;
}

/** The few members of Cloudflare's R2Bucket binding used here (typed locally: no workers-types needed). */
export interface Bucket {
	put(key: string, value: Uint8Array, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
	get(key: string): Promise<{ body: ReadableStream; size: number; httpMetadata?: { contentType?: string } } | null>;
	delete(key: string): Promise<void>;
}

export function r2Store(bucket: Bucket): DocumentStore {
	return {
		async put(key, bytes, contentType) {
			await bucket.put(key, bytes, { httpMetadata: { contentType } });
		},
		async get(key) {
			const object = await bucket.get(key);
			if (!object) return null;
			return {
				body: object.body as ReadableStream,
				contentType: object.httpMetadata?.contentType ?? 'application/octet-stream',
				size: object.size
			};
		},
		async delete(key) {
			await bucket.delete(key);
		}
	};
}

export function documentStore(platform: App.Platform | undefined): DocumentStore {
	const bucket = platform?.env?.DOCUMENTS;
	if (!bucket) {
		console.error('The DOCUMENTS R2 binding is missing.');
		error(503, 'Penyimpanan dokumen sedang tidak tersedia. Silakan coba lagi nanti.');
	}
	return r2Store(bucket);
}

export function newStorageKey(): string {
	return `dokumen/${encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)))}`;
}

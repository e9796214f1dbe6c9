/**
 * Where uploaded documents live. On Workers: the R2 bucket bound as DOCUMENTS (in `vite dev` the bucket
 * wrangler emulates locally). On the Node server (`npm start`, self-hosting): the store its entry
 * (`scripts/serve.ts`) registered before loading the app, a folder on disk (`storage-fs.ts`). Keys are
 * random and unguessable, and no URL of the store is ever public: files are read only through an
 * authorised route.
 *
 * Runtime-neutral on purpose: this module is bundled into the Worker, so the Node store is handed over
 * through a global slot (`Symbol.for`, shared by every copy of this module in the process, the built
 * app's included) instead of being imported here.
 */
import { error } from '@sveltejs/kit';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { keyring as installedKeyring } from './crypto/keys';
import { sealBytes, unsealBytes, type Keyring } from './crypto/sealing';
import { m } from '../paraglide/messages.js';

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

/**
 * Documents encrypted at rest, around any store (R2, a folder, an S3-compatible store): AES-256-GCM with the
 * data keyring (server/crypto), bound to the storage key, so a file copied under another key does not
 * open. A file stored before encryption (no "PDP1" header) is read as it is. `size` is the plain size.
 */
export function sealedStore(inner: DocumentStore, keyring: () => Keyring = installedKeyring): DocumentStore {
	const ad = (key: string) => `documents/${key}`;
	return {
		async put(key, bytes, contentType) {
			await inner.put(key, await sealBytes(keyring(), bytes, ad(key)), contentType);
		},
		async get(key) {
			const stored = await inner.get(key);
			if (!stored) return null;
			const bytes = await unsealBytes(keyring(), new Uint8Array(await new Response(stored.body).arrayBuffer()), ad(key));
			return { body: new Blob([bytes as BlobPart]).stream(), contentType: stored.contentType, size: bytes.byteLength };
		},
		delete: (key) => inner.delete(key)
	};
}

const REGISTERED = Symbol.for('layanan-banjarbaru.documentStore');
type Registry = { [REGISTERED]?: DocumentStore };

/** Called once by a server entry (Node) before the app handles requests. */
export function registerDocumentStore(store: DocumentStore | undefined): void {
	(globalThis as Registry)[REGISTERED] = store;
}

/**
 * The R2 binding when the platform has one (Workers), else the store the server entry registered; either
 * way encrypted at rest (`sealedStore`): every caller gets the one wrapper.
 */
export function documentStore(platform: App.Platform | undefined): DocumentStore {
	const bucket = platform?.env?.DOCUMENTS;
	if (bucket) return sealedStore(r2Store(bucket));
	const registered = (globalThis as Registry)[REGISTERED];
	if (registered) return sealedStore(registered);
	console.error('No document store: neither the DOCUMENTS R2 binding nor a registered store.');
	error(503, m.journey_storage_unavailable());
}

export function newStorageKey(): string {
	return `dokumen/${encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)))}`;
}

/**
 * The phone's own database (IndexedDB through `idb`): drafts being filled in, and the outbox of
 * applications waiting to be sent. Both hold personal data, so both are wiped on logout (shared phones).
 * Runs in pages and in the service worker (for Background Sync).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Resident } from '$lib/domain/resident';
import { forgetJournal } from './draft-journal';

export interface StoredFile {
	blob: Blob;
	name: string;
	type: string;
	size: number;
}

/** Field mode: the resident (domain/resident.ts), with when the phone recorded their consent. */
export interface ResidentInfo extends Resident {
	consent: (NonNullable<Resident['consent']> & { at?: number }) | null;
}

export interface Draft {
	/** Becomes the application's id: the idempotency key of its submission. */
	id: string;
	slug: string;
	serviceName: string;
	answers: Record<string, string>;
	documents: Record<string, StoredFile>;
	/** Slug of the journey page the resident was on. */
	page: string;
	resident?: ResidentInfo;
	createdAt: number;
	updatedAt: number;
}

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'needs_fix' | 'needs_login';

export interface OutboxItem {
	id: string;
	slug: string;
	serviceName: string;
	answers: Record<string, string>;
	documents: Record<string, StoredFile>;
	resident?: ResidentInfo;
	state: OutboxState;
	attempts: number;
	/** ms since epoch; the item is not tried before this. */
	nextAttemptAt: number;
	lastError?: string;
	errors?: Record<string, string>;
	/** Once sent: what the server answered. */
	sent?: { code: string; url: string; at: number };
	createdAt: number;
}

interface LocalSchema extends DBSchema {
	drafts: { key: string; value: Draft; indexes: { bySlug: string } };
	outbox: { key: string; value: OutboxItem; indexes: { byState: string } };
}

let opened: Promise<IDBPDatabase<LocalSchema>> | undefined;

export function localDb() {
	opened ??= openDB<LocalSchema>('layanan-banjarbaru', 1, {
		upgrade(db) {
			db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('bySlug', 'slug');
			db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byState', 'state');
		}
	});
	return opened;
}

/** Logout on a shared phone: nothing personal stays behind. */
export async function wipeLocalData() {
	const db = await localDb();
	await Promise.all([db.clear('drafts'), db.clear('outbox')]);
	localStorage.removeItem('peran');
	forgetJournal();
	if ('caches' in globalThis) await caches.delete('pribadi');
}

/** Ask the browser not to evict our data under storage pressure (drafts may wait days for signal). */
export async function askPersistentStorage() {
	try {
		if (navigator.storage?.persist && !(await navigator.storage.persisted())) await navigator.storage.persist();
	} catch {
		// not offered by this browser: the data is still kept, just not guaranteed
	}
}

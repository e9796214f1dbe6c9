/**
 * Drafts on the phone (IndexedDB): the phone's implementation of the draft store (drafts/draft-store.ts).
 * Every answer and every chosen document is saved as it is typed or picked, so a draft survives a reload,
 * a crash, a restart and days offline. A draft ends when it goes to the outbox (submit) or on logout.
 *
 * It never drops typed input:
 * - writes are taken at once, whether or not the database is open yet, and applied in order, one after
 *   another (a queue), each merging what is pending at the time it runs: typing fast coalesces;
 * - until a write is in IndexedDB it is also in a synchronous journal (draft-journal.ts), read back by
 *   `load`, so a reload or a close right after typing keeps it; `flush` (on `pagehide` and when the page
 *   is hidden) starts the pending write without waiting.
 */
import type { Answers } from '$lib/domain/fields';
import type { Resident } from '$lib/domain/resident';
import type { DraftStore, StoredDraft } from '$lib/drafts/draft-store';
import { noResidentYet } from '$lib/drafts/draft-store';
import * as journal from './draft-journal';
import { askPersistentStorage, localDb, type Draft, type ResidentInfo, type StoredFile } from './local-db';

/**
 * A plain copy of a draft: pages keep drafts in Svelte state, whose proxies IndexedDB cannot clone.
 * (Blobs are never proxied, so they are copied by reference.)
 */
export function plain(draft: Draft): Draft {
	return {
		id: draft.id,
		slug: draft.slug,
		serviceName: draft.serviceName,
		page: draft.page,
		answers: { ...draft.answers },
		documents: Object.fromEntries(
			Object.entries(draft.documents).map(([key, f]) => [key, { blob: f.blob, name: f.name, type: f.type, size: f.size }])
		),
		resident: draft.resident && {
			name: draft.resident.name,
			phone: draft.resident.phone,
			consent: draft.resident.consent && { ...draft.resident.consent }
		},
		createdAt: draft.createdAt,
		updatedAt: draft.updatedAt
	};
}

// ---------------------------------------------------------------------------------------------------
// The write queue

let queue: Promise<unknown> = Promise.resolve();
/** Answers waiting for the next write, by draft id. */
const pending = new Map<string, Answers>();

/** Runs `write` after every write before it; a failure is reported and does not stop the ones after. */
function enqueue<T>(write: () => Promise<T>): Promise<T> {
	const run = queue.then(write);
	queue = run.catch((error: unknown) => console.error('draft write failed', error));
	return run;
}

async function change(id: string, apply: (draft: Draft) => void) {
	const db = await localDb();
	const tx = db.transaction('drafts', 'readwrite');
	const draft = await tx.store.get(id);
	if (draft) {
		apply(draft);
		draft.updatedAt = Date.now();
		await tx.store.put(draft);
	}
	await tx.done;
}

function writePending(id: string) {
	return enqueue(async () => {
		const answers = pending.get(id);
		if (!answers) return; // an earlier write took them
		pending.delete(id);
		await change(id, (draft) => Object.assign(draft.answers, answers));
		journal.clear(id, answers);
	});
}

/** Starts every pending write now (on `pagehide`, or when the page is hidden); resolves when all are in. */
export function flush(): Promise<void> {
	for (const id of [...pending.keys()]) void writePending(id);
	return enqueue(async () => undefined);
}

// ---------------------------------------------------------------------------------------------------
// The store

const stored = (draft: Draft): StoredDraft => ({
	id: draft.id,
	serviceSlug: draft.slug,
	answers: { ...draft.answers, ...journal.read(draft.id), ...pending.get(draft.id) },
	resident: draft.resident ? { name: draft.resident.name, phone: draft.resident.phone, consent: draft.resident.consent } : null,
	updatedAt: draft.updatedAt
});

export function localDraftStore(serviceName = ''): DraftStore {
	return {
		start(serviceSlug, options = {}) {
			const id = options.id ?? crypto.randomUUID();
			const now = Date.now();
			const draft: Draft = {
				id,
				slug: serviceSlug,
				serviceName,
				answers: {},
				documents: {},
				page: options.forResident ? 'warga' : 'langkah-1',
				resident: options.forResident ? noResidentYet() : undefined,
				createdAt: now,
				updatedAt: now
			};
			return enqueue(async () => {
				const db = await localDb();
				// an id already taken keeps its draft: starting twice is harmless
				const tx = db.transaction('drafts', 'readwrite');
				if (!(await tx.store.get(id))) await tx.store.put(draft);
				await tx.done;
				void askPersistentStorage();
				return id;
			});
		},
		async load(id) {
			// after the writes already asked for: a load sees every save made before it
			const draft = await enqueue(async () => (await localDb()).get('drafts', id));
			return draft ? stored(draft) : null;
		},
		saveAnswers(id, answers) {
			journal.note(id, answers);
			pending.set(id, { ...pending.get(id), ...answers });
			return writePending(id);
		},
		saveResident(id, resident: Resident) {
			return enqueue(() =>
				change(id, (draft) => {
					const consent = resident.consent && { ...resident.consent, at: Date.now() };
					draft.resident = { name: resident.name, phone: resident.phone, consent } satisfies ResidentInfo;
				})
			);
		},
		remove(id) {
			pending.delete(id);
			journal.clear(id, journal.read(id));
			return enqueue(async () => (await localDb()).delete('drafts', id));
		}
	};
}

// ---------------------------------------------------------------------------------------------------
// What the phone form and the drafts list need besides the store

/** The whole local draft (documents, page, service name), after every write asked for before. */
export async function loadFull(id: string): Promise<Draft | undefined> {
	const draft = await enqueue(async () => (await localDb()).get('drafts', id));
	return draft && { ...draft, answers: stored(draft).answers };
}

/** Remembers the journey page the person is on. */
export function savePage(id: string, page: string) {
	return enqueue(() => change(id, (draft) => (draft.page = page)));
}

export function setDocument(id: string, key: string, file: StoredFile) {
	return enqueue(() => change(id, (draft) => (draft.documents[key] = file)));
}

export async function list(): Promise<Draft[]> {
	const all = await (await localDb()).getAll('drafts');
	return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function remove(id: string) {
	await localDraftStore().remove(id);
}

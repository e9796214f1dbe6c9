/**
 * Drafts on the phone: every answer and every chosen document is saved as it is typed or picked, so a
 * draft survives a reload, a crash, a restart and days offline. A draft ends when it goes to the outbox
 * (submit) or on logout.
 */
import { askPersistentStorage, localDb, type Draft, type StoredFile } from './local-db';

export async function load(id: string): Promise<Draft | undefined> {
	return (await localDb()).get('drafts', id);
}

export async function create(slug: string, serviceName: string, firstPage: string): Promise<Draft> {
	const now = Date.now();
	const draft: Draft = {
		id: crypto.randomUUID(),
		slug,
		serviceName,
		answers: {},
		documents: {},
		page: firstPage,
		createdAt: now,
		updatedAt: now
	};
	await (await localDb()).put('drafts', draft);
	void askPersistentStorage();
	return draft;
}

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
			consent: { ...draft.resident.consent }
		},
		createdAt: draft.createdAt,
		updatedAt: draft.updatedAt
	};
}

export async function save(draft: Draft) {
	await (await localDb()).put('drafts', { ...plain(draft), updatedAt: Date.now() });
}

export async function setDocument(draft: Draft, key: string, file: StoredFile) {
	draft.documents[key] = file;
	await save(draft);
}

export async function list(): Promise<Draft[]> {
	const all = await (await localDb()).getAll('drafts');
	return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function remove(id: string) {
	await (await localDb()).delete('drafts', id);
}

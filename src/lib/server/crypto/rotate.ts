/**
 * Re-sealing everything personal with the keyring's current key (scripts/rotate-key.ts): the sensitive
 * answers of every application, every draft's answers, the answers resubmissions carry in the event log
 * (the one edit the log allows, see drizzle/0005), the NIK blind index, and every document in the store.
 * Values written before encryption are sealed on the way. Idempotent: running it twice is harmless, and a
 * run that stops halfway leaves every value readable with the keyring (old and new keys both configured).
 *
 * Runs outside the request path, one row at a time (no batch limits to respect on Turso).
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/open';
import { applicationDrafts, applicationEvents, applications, documents, nikIndex, services } from '../db/schema';
import type { DocumentStore } from '../storage';
import { nikIndexRows, openAnswers, sealAnswers, sealEvery } from './answers';
import { sealBytes, unsealBytes, type Keyring } from './sealing';

export interface RotationCount {
	applications: number;
	drafts: number;
	events: number;
	nikIndex: number;
	documents: number;
}

/**
 * `store` is the raw store (not `sealedStore`): documents are read, opened with any configured key and
 * written back sealed with the current one.
 */
export async function resealAll(db: Database, keyring: Keyring, store?: DocumentStore): Promise<RotationCount> {
	const count: RotationCount = { applications: 0, drafts: 0, events: 0, nikIndex: 0, documents: 0 };

	const rows = await db
		.select({ id: applications.id, answers: applications.answers, steps: services.steps })
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug));
	for (const row of rows) {
		const plain = await openAnswers(keyring, row.answers, 'applications', row.id);
		const sealed = await sealAnswers(keyring, row.steps, plain, 'applications', row.id);
		const index = await nikIndexRows(keyring, row.steps, plain, row.id);
		await db.batch([
			db.update(applications).set({ answers: sealed }).where(eq(applications.id, row.id)),
			db.delete(nikIndex).where(eq(nikIndex.applicationId, row.id)),
			...(index.length > 0 ? [db.insert(nikIndex).values(index)] : [])
		]);
		count.applications++;
		count.nikIndex += index.length;
	}

	const drafts = await db.select({ id: applicationDrafts.id, answers: applicationDrafts.answers }).from(applicationDrafts);
	for (const draft of drafts) {
		const sealed = await sealEvery(keyring, draft.answers, 'application_drafts', draft.id);
		await db.update(applicationDrafts).set({ answers: sealed }).where(eq(applicationDrafts.id, draft.id));
		count.drafts++;
	}

	const events = await db
		.select({ id: applicationEvents.id, applicationId: applicationEvents.applicationId, data: applicationEvents.data })
		.from(applicationEvents)
		.where(eq(applicationEvents.type, 'resubmitted'));
	for (const event of events) {
		const data = event.data as { answers: Record<string, string>; documents: string[] } | null;
		if (!data?.answers) continue;
		const answers = await sealEvery(keyring, data.answers, 'application_events', event.applicationId);
		await db.update(applicationEvents).set({ data: { ...data, answers } }).where(eq(applicationEvents.id, event.id));
		count.events++;
	}

	if (store) {
		const files = await db.select({ storageKey: documents.storageKey }).from(documents);
		for (const { storageKey } of files) {
			const stored = await store.get(storageKey);
			if (!stored) continue;
			const ad = `documents/${storageKey}`;
			const bytes = await unsealBytes(keyring, new Uint8Array(await new Response(stored.body).arrayBuffer()), ad);
			await store.put(storageKey, await sealBytes(keyring, bytes, ad), stored.contentType);
			count.documents++;
		}
	}
	return count;
}

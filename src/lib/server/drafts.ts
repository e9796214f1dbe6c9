/**
 * Drafts on the server, for browsers without JavaScript (the phone keeps its own in IndexedDB,
 * client/drafts.ts): one store interface (drafts/draft-store.ts) with one contract test. A draft belongs to
 * the user who started it; its id becomes the application's on submit (submission.ts).
 */
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { noResidentYet, type DraftStore } from '$lib/drafts/draft-store';
import { isApplicationId } from '$lib/domain/application-id';
import type { Database } from './db/open';
import { applicationDrafts, documents, services } from './db/schema';
import { openAnswers, sealEvery } from './crypto/answers';
import { keyring } from './crypto/keys';
import { localizedName } from './db/localized';

export function startDraft(db: Database, userId: string, serviceSlug: string, now = new Date()) {
	return draftStore(db, userId, now).start(serviceSlug);
}

/** The draft, its service and its documents, in one round trip. Only the draft's owner gets it. */
export async function loadDraft(db: Database, userId: string, draftId: string) {
	if (!isApplicationId(draftId)) return null;
	const [drafts, docs] = await db.batch([
		db
			.select({ draft: applicationDrafts, service: services })
			.from(applicationDrafts)
			.innerJoin(services, eq(services.slug, applicationDrafts.serviceSlug))
			.where(and(eq(applicationDrafts.id, draftId), eq(applicationDrafts.userId, userId))),
		db
			.select()
			.from(documents)
			// what others uploaded under this id is never the draft's (an id belongs to its first author)
			.where(and(eq(documents.applicationId, draftId), eq(documents.uploadedBy, userId)))
			.orderBy(asc(documents.createdAt))
	]);
	const found = drafts[0];
	if (!found) return null;
	const answers = await openAnswers(keyring(), found.draft.answers, 'application_drafts', found.draft.id);
	return { ...found, draft: { ...found.draft, answers }, documents: docs };
}

/**
 * The server's draft store (drafts/draft-store.ts) for one user: their own drafts only. Answers are
 * merged in the database (`json_patch`), so two pages saved at once both stay. Every answer of a draft is
 * sealed (server/crypto): a draft is short-lived, and which of its answers are sensitive needs no asking.
 */
export function draftStore(db: Database, userId: string, now: Date | (() => Date) = () => new Date()): DraftStore {
	const mine = (id: string) => and(eq(applicationDrafts.id, id), eq(applicationDrafts.userId, userId));
	const at = typeof now === 'function' ? now : () => now;
	// sealing answers is asynchronous (WebCrypto): this store's operations run one after another, in the
	// order they were called, so a save fired without waiting never lands after a later one
	let tail: Promise<unknown> = Promise.resolve();
	const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
		const run = tail.then(work, work);
		tail = run.catch(() => {});
		return run;
	};
	const store: DraftStore = {
		async start(serviceSlug, options = {}) {
			const id = options.id ?? crypto.randomUUID();
			const time = at();
			await db.insert(applicationDrafts).values({
				id,
				userId,
				serviceSlug,
				answers: {},
				resident: options.forResident ? noResidentYet() : null,
				createdAt: time,
				updatedAt: time
			}).onConflictDoNothing(); // starting twice is harmless; someone else's id stays theirs
			return id;
		},
		async load(id) {
			if (!isApplicationId(id)) return null;
			const [row] = await db.select().from(applicationDrafts).where(mine(id));
			if (!row) return null;
			const answers = await openAnswers(keyring(), row.answers, 'application_drafts', row.id);
			return { id: row.id, serviceSlug: row.serviceSlug, answers, resident: row.resident, updatedAt: row.updatedAt.getTime() };
		},
		async saveAnswers(id, answers) {
			if (!isApplicationId(id)) return;
			const sealed = await sealEvery(keyring(), answers, 'application_drafts', id);
			await db
				.update(applicationDrafts)
				.set({ answers: sql`json_patch(${applicationDrafts.answers}, ${JSON.stringify(sealed)})`, updatedAt: at() })
				.where(mine(id));
		},
		async saveResident(id, resident) {
			if (!isApplicationId(id)) return;
			await db
				.update(applicationDrafts)
				.set({ resident, updatedAt: at() })
				.where(and(mine(id), isNotNull(applicationDrafts.resident)));
		},
		async remove(id) {
			if (!isApplicationId(id)) return;
			await db.delete(applicationDrafts).where(mine(id));
		}
	};
	return {
		start: (...args) => inOrder(() => store.start(...args)),
		load: (...args) => inOrder(() => store.load(...args)),
		saveAnswers: (...args) => inOrder(() => store.saveAnswers(...args)),
		saveResident: (...args) => inOrder(() => store.saveResident(...args)),
		remove: (...args) => inOrder(() => store.remove(...args))
	};
}

export function listDrafts(db: Database, userId: string) {
	return db
		.select({ id: applicationDrafts.id, serviceSlug: services.slug, serviceName: localizedName(services), updatedAt: applicationDrafts.updatedAt })
		.from(applicationDrafts)
		.innerJoin(services, eq(services.slug, applicationDrafts.serviceSlug))
		.where(eq(applicationDrafts.userId, userId))
		.orderBy(desc(applicationDrafts.updatedAt))
		.limit(20);
}

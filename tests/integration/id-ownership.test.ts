/**
 * An application id belongs to its first author, against a real libSQL file database: someone else's
 * server draft or application cannot be taken over by submitting or uploading with its id, documents
 * attach only to the uploader's own draft, and twenty racing submissions from two users on one fresh id
 * leave exactly one owner holding only their own documents.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as documentFiles from '../../src/lib/server/documents';
import * as serverDrafts from '../../src/lib/server/drafts';
import * as submission from '../../src/lib/server/submission';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Database } from '../../src/lib/server/db/open';
import { applicationDrafts, applications as applicationsTable, documents, services, type ServiceRow } from '../../src/lib/server/db/schema';
import type { DocumentStore } from '../../src/lib/server/storage';
import { freshDatabase } from './db';
import { birthAnswers, memoryStore, person, submittedBirthApplication, wita } from './fixtures';

let db: Database;
let cleanup: () => void;
let a: SessionUser, b: SessionUser, volunteer: SessionUser;
let service: ServiceRow;
const now = wita('2026-11-30T09:00:00');
const photo = new Uint8Array(readFileSync('tests/fixtures/surat-lahir.jpg'));

/** A store that says which keys it still holds, so leftovers of a refusal show. */
function countingStore(): DocumentStore & { keys: Set<string> } {
	const inner = memoryStore();
	const keys = new Set<string>();
	return {
		keys,
		async put(key, bytes, type) {
			keys.add(key);
			await inner.put(key, bytes, type);
		},
		get: (key) => inner.get(key),
		async delete(key) {
			keys.delete(key);
			await inner.delete(key);
		}
	};
}

const files = () => ['birth_letter', 'kk_scan'].map((requirementKey) => ({ requirementKey, bytes: photo, name: 'foto.jpg' }));
const whole = (id: string) => ({ id, serviceSlug: 'akta-kelahiran', answers: birthAnswers, files: files() });
const docsUnder = (id: string) => db.select().from(documents).where(eq(documents.applicationId, id));
const attach = (store: DocumentStore, id: string, user: SessionUser, requirementKey = 'birth_letter') =>
	documentFiles.attachDocument(db, store, { applicationId: id, requirementKey, bytes: photo, originalName: 'foto.jpg', uploadedBy: user.id, now });

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	a = await person(db, 'Warga Pertama', '+6281344440001');
	b = await person(db, 'Warga Kedua', '+6281344440002');
	volunteer = await person(db, 'Rudi Relawan', '+6281344440003', 'volunteer');
	[service] = (await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'))) as [ServiceRow];
}, 60_000);
afterAll(() => cleanup());

describe('someone else’s id', () => {
	it('a server draft stays its owner’s: the API, a plain submit and an upload with its id are refused', async () => {
		const store = countingStore();
		const id = await serverDrafts.startDraft(db, a.id, 'akta-kelahiran', now);
		expect((await attach(store, id, a, 'birth_letter')).ok).toBe(true);
		expect((await attach(store, id, a, 'kk_scan')).ok).toBe(true);
		const held = new Set(store.keys);

		expect(await submission.submitComplete(db, store, b, whole(id), now)).toEqual({ ok: false, reason: 'not_yours' });
		expect(await submission.submit(db, { id, service, answers: birthAnswers, applicant: b, now })).toEqual({ ok: false, reason: 'not_yours' });
		expect(await attach(store, id, b)).toEqual({ ok: false, problem: 'not_yours' });

		// nothing of B's stayed, in the table or the store; the draft and its documents are A's as before
		expect((await docsUnder(id)).map((d) => d.uploadedBy)).toEqual([a.id, a.id]);
		expect(store.keys).toEqual(held);
		expect((await db.select().from(applicationDrafts).where(eq(applicationDrafts.id, id)))[0]?.userId).toBe(a.id);
		expect((await db.select().from(applicationsTable).where(eq(applicationsTable.id, id)))).toEqual([]);
		expect(await serverDrafts.loadDraft(db, b.id, id)).toBeNull();

		// A then submits it as theirs
		const mine = await submission.submit(db, { id, service, answers: birthAnswers, applicant: a, now });
		expect(mine).toMatchObject({ ok: true, created: true, application: { applicantId: a.id } });
	});

	it('a submitted application: resending its id from another account is refused and stores nothing', async () => {
		const store = countingStore();
		const app = await submittedBirthApplication(db, store, a, now);
		const held = new Set(store.keys);
		expect(await submission.submitComplete(db, store, b, whole(app.id), now)).toEqual({ ok: false, reason: 'not_yours' });
		expect(await attach(store, app.id, b)).toEqual({ ok: false, problem: 'not_yours' });
		// not even its own applicant adds a document while no correction is asked
		expect(await attach(store, app.id, a)).toEqual({ ok: false, problem: 'not_yours' });
		expect(store.keys).toEqual(held);
		expect((await docsUnder(app.id)).every((d) => d.uploadedBy === a.id)).toBe(true);
		// the applicant's own retry still answers with the application
		expect(await submission.submitComplete(db, store, a, whole(app.id), now)).toMatchObject({ ok: true, created: false });
	});

	it('an id the phone made (no server draft): what another user uploaded under it is neither counted nor kept', async () => {
		const store = countingStore();
		const id = crypto.randomUUID();
		expect((await attach(store, id, b, 'birth_letter')).ok).toBe(true);
		expect((await attach(store, id, b, 'kk_scan')).ok).toBe(true);
		const [bsLetter] = await docsUnder(id);
		// B's uploads do not make A's submission complete
		const early = await submission.submit(db, { id, service, answers: birthAnswers, applicant: a, now });
		expect(early).toMatchObject({ ok: false, reason: 'invalid', missingDocuments: ['birth_letter', 'kk_scan'] });
		// and B's upload never replaces A's, nor A's B's
		expect((await attach(store, id, a, 'birth_letter')).ok).toBe(true);
		expect((await docsUnder(id)).some((d) => d.id === bsLetter!.id)).toBe(true);

		const made = await submission.submitComplete(db, store, a, whole(id), now);
		expect(made).toMatchObject({ ok: true, created: true, application: { applicantId: a.id } });
		const held = await docsUnder(id);
		expect(held.map((d) => d.uploadedBy)).toEqual([a.id, a.id]);
		expect(new Set(held.map((d) => d.requirementKey))).toEqual(new Set(['birth_letter', 'kk_scan']));
		// the store keeps exactly the application's two files: B's bytes went with their rows
		expect(store.keys).toEqual(new Set(held.map((d) => d.storageKey)));
		expect(await documentFiles.documentForViewer(db, b, held[0]!.id)).toBeNull();
	});

	it('a document of a draft is seen only by the draft’s owner who uploaded it', async () => {
		const store = countingStore();
		const id = await serverDrafts.startDraft(db, a.id, 'akta-kelahiran', now);
		const mine = await attach(store, id, a);
		expect(mine.ok).toBe(true);
		const documentId = mine.ok ? mine.documentId : '';
		expect(await documentFiles.documentForViewer(db, a, documentId)).not.toBeNull();
		expect(await documentFiles.documentForViewer(db, b, documentId)).toBeNull();
	});

	it('a withdrawn volunteer cannot submit for a resident any more', async () => {
		const id = await serverDrafts.startDraft(db, volunteer.id, 'akta-kelahiran', now);
		const store = countingStore();
		await attach(store, id, volunteer, 'birth_letter');
		await attach(store, id, volunteer, 'kk_scan');
		const former = { ...volunteer, role: 'citizen' as const };
		const result = await submission.submit(db, {
			id,
			service,
			answers: birthAnswers,
			applicant: former,
			resident: { name: 'Ahmad Fauzi', phone: '+6281344449999', consent: { by: 'parent', how: 'spoken', name: 'Ahmad Fauzi', at: now.getTime(), volunteerName: volunteer.name } },
			now
		});
		expect(result).toMatchObject({ ok: false, reason: 'invalid', errors: { resident: expect.any(String) } });
	});
});

describe('racing on one id', () => {
	it('20 concurrent submissions from two users on one fresh id: exactly one owner, no foreign document', async () => {
		const store = countingStore();
		const id = crypto.randomUUID();
		const replies = await Promise.all(
			Array.from({ length: 20 }, (_, i) => submission.submitComplete(db, store, i % 2 ? a : b, whole(id), now))
		);
		const [row] = await db.select().from(applicationsTable).where(eq(applicationsTable.id, id));
		expect(row).toBeDefined();
		const owner = row!.applicantId === a.id ? a : b;
		const other = owner === a ? b : a;
		const mine = replies.filter((_, i) => (i % 2 ? a : b) === owner);
		const theirs = replies.filter((_, i) => (i % 2 ? a : b) === other);

		expect(replies.filter((r) => r.ok && r.created)).toHaveLength(1);
		expect(mine.every((r) => r.ok && r.application.id === id)).toBe(true);
		expect(theirs).toEqual(Array.from({ length: 10 }, () => ({ ok: false, reason: 'not_yours' })));

		const held = await docsUnder(id);
		expect(held.length).toBeGreaterThan(0);
		expect(held.every((d) => d.uploadedBy === owner.id)).toBe(true);
		// one file per requirement, and the store holds nothing the table does not
		expect(held.map((d) => d.requirementKey).sort()).toEqual(['birth_letter', 'kk_scan']);
		expect(store.keys).toEqual(new Set(held.map((d) => d.storageKey)));
	});

	it('the same race on someone’s server draft: the draft’s owner wins every time', async () => {
		const store = countingStore();
		const id = await serverDrafts.startDraft(db, a.id, 'akta-kelahiran', now);
		const replies = await Promise.all(
			Array.from({ length: 20 }, (_, i) => submission.submitComplete(db, store, i % 2 ? a : b, whole(id), now))
		);
		const [row] = await db.select().from(applicationsTable).where(eq(applicationsTable.id, id));
		expect(row?.applicantId).toBe(a.id);
		expect(replies.filter((_, i) => i % 2 === 0)).toEqual(Array.from({ length: 10 }, () => ({ ok: false, reason: 'not_yours' })));
		expect((await docsUnder(id)).every((d) => d.uploadedBy === a.id)).toBe(true);
	});
});

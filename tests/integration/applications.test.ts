import { eq } from 'drizzle-orm';
import { getPlatformProxy } from 'wrangler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applications from '../../src/lib/server/applications';
import * as documentFiles from '../../src/lib/server/documents';
import * as serverDrafts from '../../src/lib/server/drafts';
import * as submission from '../../src/lib/server/submission';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Database } from '../../src/lib/server/db/open';
import { applicationEvents, applications as applicationsTable, services } from '../../src/lib/server/db/schema';
import { r2Store, type Bucket, type DocumentStore } from '../../src/lib/server/storage';
import { freshDatabase } from './db';
import { birthAnswers, person, wita } from './fixtures';
import * as tracking from '../../src/lib/server/tracking';
import { readFileSync } from 'node:fs';

let db: Database;
let cleanup: () => void;
let store: DocumentStore;
let disposeProxy: () => Promise<void>;

const people: Record<string, SessionUser> = {};

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	// the same R2 emulation `npm start` uses (workerd through wrangler), not a mock
	const proxy = await getPlatformProxy<{ DOCUMENTS: Bucket }>({ configPath: 'wrangler.toml', persist: false });
	store = r2Store(proxy.env.DOCUMENTS);
	disposeProxy = proxy.dispose;
	people.applicant = await person(db, 'Ahmad Fauzi', '+6281311112222');
	people.stranger = await person(db, 'Orang Lain', '+6281311113333');
	people.officer = await person(db, 'Dewi', '+6281311114444', 'officer', 'disdukcapil');
	people.otherOfficer = await person(db, 'Bayu', '+6281311115555', 'officer', 'dpmptsp');
}, 60_000);
afterAll(async () => {
	await disposeProxy?.();
	cleanup();
});

async function birthService() {
	const [service] = await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'));
	return service!;
}

async function draftWithDocuments(owner: SessionUser) {
	const id = await serverDrafts.startDraft(db, owner.id, 'akta-kelahiran');
	const photo = new Uint8Array(readFileSync('tests/fixtures/surat-lahir.jpg'));
	for (const requirementKey of ['birth_letter', 'kk_scan']) {
		const result = await documentFiles.attachDocument(db, store, {
			applicationId: id,
			requirementKey,
			bytes: photo,
			originalName: 'foto.jpg',
			uploadedBy: owner.id
		});
		expect(result.ok).toBe(true);
	}
	return id;
}

describe('submitting', () => {
	it('creates one application for one id, however often it is sent', async () => {
		const service = await birthService();
		const id = await draftWithDocuments(people.applicant!);
		const input = { id, service, answers: birthAnswers, applicant: people.applicant!, now: wita('2026-11-25T10:00:00') };
		const [a, b] = await Promise.all([submission.submit(db, input), submission.submit(db, input)]);
		const c = await submission.submit(db, input);
		for (const result of [a, b, c]) expect(result.ok).toBe(true);
		if (!a.ok || !b.ok || !c.ok) return;
		expect(new Set([a.application.trackingCode, b.application.trackingCode, c.application.trackingCode]).size).toBe(1);
		expect([a.created, b.created, c.created].filter(Boolean)).toHaveLength(1);
		expect(await db.select().from(applicationsTable).where(eq(applicationsTable.id, id))).toHaveLength(1);
		const events = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id));
		expect(events.map((e) => e.type)).toEqual(['submitted']);
	});

	it('refuses the same id from another account', async () => {
		const service = await birthService();
		const id = await draftWithDocuments(people.applicant!);
		const now = wita('2026-11-25T10:00:00');
		await submission.submit(db, { id, service, answers: birthAnswers, applicant: people.applicant!, now });
		const other = await submission.submit(db, { id, service, answers: birthAnswers, applicant: people.stranger!, now });
		expect(other).toEqual({ ok: false, reason: 'not_yours' });
	});

	it('refuses missing documents and bad answers, saying which', async () => {
		const service = await birthService();
		const id = await serverDrafts.startDraft(db, people.applicant!.id, 'akta-kelahiran');
		const result = await submission.submit(db, {
			id,
			service,
			answers: { ...birthAnswers, mother_nik: '6372045204150001', child_birth_date: '2099-01-01' },
			applicant: people.applicant!
		});
		expect(result).toMatchObject({ ok: false, reason: 'invalid' });
		if (result.ok || result.reason !== 'invalid') return;
		expect(result.missingDocuments.sort()).toEqual(['birth_letter', 'kk_scan']);
		expect(result.errors.child_birth_date).toMatch(/belum lewat/);
		expect(await db.select().from(applicationsTable).where(eq(applicationsTable.id, id))).toHaveLength(0);
	});

	it('promises a finish time in working days: a Friday afternoon submit', async () => {
		const service = await birthService(); // 3 working days
		const id = await draftWithDocuments(people.applicant!);
		const result = await submission.submit(db, {
			id, service, answers: birthAnswers, applicant: people.applicant!, now: wita('2026-11-27T15:00:00')
		});
		// Friday counts as day 0; Mon, Tue, Wed
		expect(result.ok && result.application.dueAt).toEqual(wita('2026-12-02T16:00:00'));
	});

	it('promises a finish time in working days: just before the Christmas holidays', async () => {
		const service = await birthService();
		const id = await draftWithDocuments(people.applicant!);
		const result = await submission.submit(db, {
			id, service, answers: birthAnswers, applicant: people.applicant!, now: wita('2026-12-23T10:00:00')
		});
		// 24 Dec cuti bersama, 25 Dec Natal, 26–27 weekend: Mon 28, Tue 29, Wed 30
		expect(result.ok && result.application.dueAt).toEqual(wita('2026-12-30T16:00:00'));
	});
});

describe('documents', () => {
	it('stores the bytes in R2 under an unguessable key and refuses a file that is not a document', async () => {
		const id = await serverDrafts.startDraft(db, people.applicant!.id, 'akta-kelahiran');
		const refused = await documentFiles.attachDocument(db, store, {
			applicationId: id,
			requirementKey: 'birth_letter',
			bytes: new TextEncoder().encode('<script>alert(1)</script>'),
			originalName: 'surat.jpg',
			uploadedBy: people.applicant!.id
		});
		expect(refused).toEqual({ ok: false, problem: 'wrongType' });

		const ok = await documentFiles.attachDocument(db, store, {
			applicationId: id,
			requirementKey: 'birth_letter',
			bytes: new Uint8Array(readFileSync('tests/fixtures/buku-nikah.pdf')),
			originalName: 'surat.pdf',
			uploadedBy: people.applicant!.id
		});
		expect(ok.ok).toBe(true);
		if (!ok.ok) return;
		const doc = await documentFiles.documentForViewer(db, people.applicant!, ok.documentId);
		expect(doc?.contentType).toBe('application/pdf');
		expect(doc?.storageKey).toMatch(/^dokumen\/[a-z2-7]{32}$/);
		const stored = await store.get(doc!.storageKey);
		expect(new TextDecoder().decode(await new Response(stored!.body).arrayBuffer())).toMatch(/^%PDF-/);
	});

	it('serves a document to its applicant and the office, never to a stranger or another office', async () => {
		const service = await birthService();
		const id = await draftWithDocuments(people.applicant!);
		await submission.submit(db, { id, service, answers: birthAnswers, applicant: people.applicant! });
		const [docRow] = await documentFiles.documentsOf(db, id);
		const see = (viewer: SessionUser) => documentFiles.documentForViewer(db, viewer, docRow!.id);
		expect(await see(people.applicant!)).not.toBeNull();
		expect(await see(people.officer!)).not.toBeNull();
		expect(await see(people.stranger!)).toBeNull();
		expect(await see(people.otherOfficer!)).toBeNull();
	});
});

describe('public tracking', () => {
	it('finds an application by code and the last four digits of the phone, and nothing else', async () => {
		const service = await birthService();
		const id = await draftWithDocuments(people.applicant!);
		const result = await submission.submit(db, { id, service, answers: birthAnswers, applicant: people.applicant! });
		if (!result.ok) throw new Error('submit failed');
		const code = result.application.trackingCode;
		expect((await applications.viewByCode(db, code, '2222'))?.application.id).toBe(id);
		expect(await applications.viewByCode(db, code, '3333')).toBeNull();
		expect(await applications.viewByCode(db, 'AAAA2222', '2222')).toBeNull();
	});

	it('pauses guessing at one code after too many wrong guesses, from any address', async () => {
		const now = new Date();
		for (let i = 0; i < tracking.GUESS_LIMIT; i++) {
			const guess = await tracking.track(db, { code: 'ABCD 2345', lastFour: String(1000 + i) }, `10.1.1.${i}`, now);
			expect(guess).toEqual({ ok: false, reason: 'not_found' });
		}
		// the code is paused for everyone, also from an address that never guessed
		const paused = await tracking.track(db, { code: 'ABCD 2345', lastFour: '1234' }, '10.9.9.9', now);
		expect(paused).toMatchObject({ ok: false, reason: 'paused' });
		// another code is not affected; a malformed code is refused without counting
		expect(await tracking.track(db, { code: 'WXYZ 2345', lastFour: '1234' }, '10.1.1.2', now)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await tracking.track(db, { code: 'O0O0', lastFour: '12' }, '10.1.1.3', now)).toMatchObject({
			reason: 'invalid',
			errors: { code: tracking.trackingMessages.code, lastFour: tracking.trackingMessages.lastFour }
		});
	});
});

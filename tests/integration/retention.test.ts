/** Retention against a real database: what has outlived its period goes, the office's record stays. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionMillis } from '../../src/lib/domain/privacy';
import * as serverDrafts from '../../src/lib/server/drafts';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Database } from '../../src/lib/server/db/open';
import { applicationDrafts, applications as table, documents, loginThrottle, notifications, phoneCodes } from '../../src/lib/server/db/schema';
import { decide } from '../../src/lib/server/decisions';
import * as myData from '../../src/lib/server/my-data';
import { eraseErasable, runRetention } from '../../src/lib/server/retention';
import { freshDatabase } from './db';
import { memoryStore, person, submittedBirthApplication, wita } from './fixtures';

let db: Database;
let cleanup: () => void;
const store = memoryStore();
let citizen: SessionUser;
let admin: SessionUser;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	citizen = await person(db, 'Rahmat', '081322221111');
	admin = await person(db, 'Admin Data', '081322229999', 'admin');
});
afterAll(() => cleanup());

describe('runRetention', () => {
	it('deletes old drafts, documents of cancelled applications, spent throttle rows; keeps the application and the rest', async () => {
		const start = wita('2026-11-10T09:00:00');
		const oldDraft = await serverDrafts.startDraft(db, citizen.id, 'akta-kelahiran', start);
		const now = new Date(start.getTime() + Math.max(retentionMillis('serverDraft'), retentionMillis('closedApplicationDocuments')) + DAY);
		const freshDraft = await serverDrafts.startDraft(db, citizen.id, 'akta-kelahiran', new Date(now.getTime() - 5 * DAY));
		const cancelled = await submittedBirthApplication(db, store, citizen, start);
		expect(await decide(db, { applicationId: cancelled.id, action: 'cancel', actor: citizen, now: start })).toMatchObject({ ok: true });
		const open = await submittedBirthApplication(db, store, citizen, start);
		await db.insert(loginThrottle).values([
			{ key: 'lama', failures: 3, windowStartedAt: start, lockedUntil: null },
			{ key: 'terkunci', failures: 9, windowStartedAt: start, lockedUntil: new Date(start.getTime() + 400 * DAY) }
		]);

		// one-time codes: one long expired, one from this morning
		const code = (id: string, at: Date) => ({ id, phone: '+6281322221111', purpose: 'reset' as const, codeHash: 'x', expiresAt: at, createdAt: at });
		await db.insert(phoneCodes).values([code('kode-lama', start), code('kode-baru', new Date(now.getTime() - 60_000))]);

		const count = await runRetention(db, now, { store });
		expect(count).toMatchObject({ drafts: 1, documents: 2, throttle: 1, oneTimeCodes: 1 });
		expect((await db.select({ id: phoneCodes.id }).from(phoneCodes)).map((c) => c.id)).toEqual(['kode-baru']);
		const drafts = (await db.select({ id: applicationDrafts.id }).from(applicationDrafts)).map((d) => d.id);
		expect(drafts).not.toContain(oldDraft);
		expect(drafts).toContain(freshDraft);
		expect(await db.select().from(documents).where(eq(documents.applicationId, cancelled.id))).toHaveLength(0);
		expect(await db.select().from(documents).where(eq(documents.applicationId, open.id))).toHaveLength(2);
		// the cancelled application itself is the office's record
		expect(await db.select().from(table).where(eq(table.id, cancelled.id))).toHaveLength(1);
		expect((await db.select().from(loginThrottle)).map((t) => t.key)).toEqual(['terkunci']);
		// twice is harmless
		expect(await runRetention(db, now, { store })).toMatchObject({ drafts: 0, documents: 0, throttle: 0 });
	});

	it('without a store leaves documents alone, never orphaning their bytes', async () => {
		const start = wita('2026-11-12T09:00:00');
		const cancelled = await submittedBirthApplication(db, store, citizen, start);
		await decide(db, { applicationId: cancelled.id, action: 'cancel', actor: citizen, now: start });
		const count = await runRetention(db, new Date(start.getTime() + 400 * DAY));
		expect(count.documents).toBe(0);
		expect(await db.select().from(documents).where(eq(documents.applicationId, cancelled.id))).toHaveLength(2);
	});
});

describe('a deletion request', () => {
	it('is answered within its clock: what may go goes, the application stays, the resident reads the answer', async () => {
		const now = wita('2026-11-23T09:00:00');
		const draft = await serverDrafts.startDraft(db, citizen.id, 'akta-kelahiran', now);
		expect(await myData.request(db, citizen, { kind: 'deletion', detail: '' }, now)).toMatchObject({ ok: false, errors: { detail: expect.any(String) } });
		expect(await myData.request(db, citizen, { kind: 'deletion', detail: 'Hapus draf dan pemberitahuan saya.' }, now)).toEqual({ ok: true, kind: 'deletion' });
		const [pending] = (await myData.requestsForAdmin(db)).filter((r) => r.request.userId === citizen.id);
		expect(pending!.request.dueAt).toEqual(new Date(now.getTime() + 72 * 60 * 60 * 1000));

		const answered = await myData.answer(db, admin, pending!.request.id, { outcome: 'done', answer: 'Draf dan pemberitahuan sudah dihapus.' }, (userId) => eraseErasable(db, userId, store), new Date(now.getTime() + 5 * 60 * 60 * 1000));
		expect(answered).toEqual({ ok: true });
		expect(await db.select().from(applicationDrafts).where(eq(applicationDrafts.id, draft))).toHaveLength(0);
		expect(await db.select().from(notifications).where(eq(notifications.userId, citizen.id))).toHaveLength(0);
		expect((await db.select().from(table).where(eq(table.applicantId, citizen.id))).length).toBeGreaterThan(0);
		// answered once only
		expect(await myData.answer(db, admin, pending!.request.id, { outcome: 'refused', answer: 'x' }, async () => {})).toMatchObject({ ok: false });
		const mine = await myData.collect(db, citizen);
		expect(mine.requests[0]).toMatchObject({ status: 'Selesai', answer: 'Draf dan pemberitahuan sudah dihapus.' });
	});
});

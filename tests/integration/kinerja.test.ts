/**
 * /kinerja on a real database: results recorded on the SLA clock, the survey invitation and its one-time
 * token, anonymous responses, complaints and their access, and the rollups equal to a full recount.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Database } from '../../src/lib/server/db/open';
import { applications as table, notifications, surveyInvitations, surveyResponses } from '../../src/lib/server/db/schema';
import * as complaints from '../../src/lib/server/complaints';
import { decide } from '../../src/lib/server/decisions';
import * as kinerja from '../../src/lib/server/kinerja';
import { csvColumns, kinerjaCsv } from '../../src/lib/server/kinerja-csv';
import * as survey from '../../src/lib/server/survey';
import { seedDemoHistory } from '../../src/lib/server/db/demo-history';
import { freshDatabase } from './db';
import { memoryStore, person, submittedBirthApplication, wita } from './fixtures';

let db: Database;
let cleanup: () => void;
const store = memoryStore();
let citizen: SessionUser, dewi: SessionUser, bayu: SessionUser, admin: SessionUser, other: SessionUser;
const answers = { u1: '4', u2: '3', u3: '3', u4: '4', u5: '4', u6: '3', u7: '4', u8: '3', u9: '3' };

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	citizen = await person(db, 'Ahmad Fauzi', '+6281311112222');
	other = await person(db, 'Orang Lain', '+6281311113333');
	dewi = await person(db, 'Dewi', '+6281311114444', 'officer', 'disdukcapil');
	bayu = await person(db, 'Bayu', '+6281311115555', 'officer', 'dpmptsp');
	admin = await person(db, 'Admin', '+6281311116666', 'admin');
});
afterAll(() => cleanup());

const row = async (id: string) => (await db.select().from(table).where(eq(table.id, id)))[0]!;

async function completed(submittedAt: Date, steps: { at: Date; action: 'claim' | 'approve' | 'complete' | 'reject' | 'request_correction' }[]) {
	const app = await submittedBirthApplication(db, store, citizen, submittedAt);
	for (const step of steps) {
		const result = await decide(db, {
			applicationId: app.id,
			actor: dewi,
			action: step.action,
			now: step.at,
			note: step.action === 'reject' || step.action === 'request_correction' ? 'Foto KK tidak terbaca.' : step.action === 'approve' ? 'Diperiksa di SIAK.' : undefined,
			correction: step.action === 'request_correction' ? { fields: [], documents: ['kk_scan'] } : undefined,
			result: step.action === 'complete' ? { kind: 'issued' } : undefined
		});
		if (!result.ok) throw new Error(result.message);
	}
	return app;
}

describe('a result on the SLA clock', () => {
	it('records working time, on time or not, and invites to the survey once, with a notice', async () => {
		// Monday 23 Nov 2026 09:00, akta kelahiran; completed Tuesday 10:00: 9 working hours
		const app = await completed(wita('2026-11-23T09:00:00'), [
			{ at: wita('2026-11-23T10:00:00'), action: 'claim' },
			{ at: wita('2026-11-24T09:00:00'), action: 'approve' },
			{ at: wita('2026-11-24T10:00:00'), action: 'complete' }
		]);
		const r = await row(app.id);
		expect(r.finishedAt).toEqual(wita('2026-11-24T10:00:00'));
		expect(r.workingMs).toBe(9 * 3_600_000);
		expect(r.onTime).toBe(true);
		const invitation = await survey.invitationOf(db, app.id);
		expect(invitation).toMatchObject({ state: 'open', href: expect.stringMatching(/^\/survei\/[a-z2-7]{32}$/) });
		const notes = await db.select().from(notifications).where(eq(notifications.applicationId, app.id));
		expect(notes.some((n) => n.text.includes('survei kepuasan'))).toBe(true);
	});

	it('a token answers once; the response keeps only service, month and answers', async () => {
		const app = await completed(wita('2026-11-23T09:00:00'), [
			{ at: wita('2026-11-23T10:00:00'), action: 'claim' },
			{ at: wita('2026-11-23T11:00:00'), action: 'reject' }
		]);
		const href = (await survey.invitationOf(db, app.id)) as { href: string };
		const token = href.href.split('/').pop()!;
		const before = await db.select().from(surveyResponses);
		expect(await survey.answer(db, token, { ...answers, u9: '' })).toMatchObject({ ok: false, reason: 'invalid', errors: { u9: expect.stringContaining('Pertanyaan 9') } });
		expect(await survey.answer(db, token, { ...answers, sex: 'Perempuan' })).toEqual({ ok: true });
		expect(await survey.answer(db, token, answers)).toEqual({ ok: false, reason: 'used' });
		const after = await db.select().from(surveyResponses);
		expect(after.length).toBe(before.length + 1);
		const stored = after.find((r) => !before.some((b) => b.id === r.id))!;
		expect(Object.keys(stored).sort()).toEqual(['ageBand', 'education', 'id', 'month', 'occupation', 'serviceSlug', 'sex', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'].sort());
		expect(stored).toMatchObject({ serviceSlug: 'akta-kelahiran', month: '2026-11', sex: 'Perempuan', u1: 4 });
		const [inv] = await db.select().from(surveyInvitations).where(eq(surveyInvitations.applicationId, app.id));
		expect(inv!.token).toBeNull();
		expect(await survey.invitationOf(db, app.id)).toEqual({ state: 'answered' });
	});

	it('leaves the wait on the citizen out of the working time', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T08:00:00'));
		await decide(db, { applicationId: app.id, actor: dewi, action: 'claim', now: wita('2026-11-23T08:30:00') });
		await decide(db, { applicationId: app.id, actor: dewi, action: 'request_correction', note: 'Foto KK buram.', correction: { fields: [], documents: ['kk_scan'] }, now: wita('2026-11-23T09:00:00') });
		// the resident answers two working days later (the document replaced)
		const { attachDocument } = await import('../../src/lib/server/documents');
		const { readFileSync } = await import('node:fs');
		await attachDocument(db, store, { applicationId: app.id, requirementKey: 'kk_scan', bytes: new Uint8Array(readFileSync('tests/fixtures/kartu-keluarga.jpg')), originalName: 'kk.jpg', uploadedBy: citizen.id, now: wita('2026-11-25T09:00:00') });
		const resubmitted = await decide(db, { applicationId: app.id, actor: citizen, action: 'resubmit', now: wita('2026-11-25T09:00:00') });
		expect(resubmitted).toMatchObject({ ok: true });
		await decide(db, { applicationId: app.id, actor: dewi, action: 'claim', now: wita('2026-11-25T10:00:00') });
		await decide(db, { applicationId: app.id, actor: dewi, action: 'approve', note: 'Lengkap.', now: wita('2026-11-25T11:00:00') });
		await decide(db, { applicationId: app.id, actor: dewi, action: 'complete', result: { kind: 'issued' }, now: wita('2026-11-25T12:00:00') });
		const r = await row(app.id);
		expect(r.waitedMs).toBe(16 * 3_600_000);
		// 08:00 Mon → 12:00 Wed is 20 working hours, 16 of them waiting on the citizen
		expect(r.workingMs).toBe(4 * 3_600_000);
		expect(r.onTime).toBe(true);
	});
});

describe('the figures', () => {
	it('counts received, finished, on time, median and respondents for the month', async () => {
		const { services } = await kinerja.figures(db, wita('2026-11-30T12:00:00'));
		const akta = services.find((s) => s.slug === 'akta-kelahiran')!;
		const nov = akta.months.at(-1)!;
		expect(nov.month).toBe('2026-11');
		expect(nov).toMatchObject({ received: 3, finished: 3, onTime: 3, rejected: 1, respondents: 1, targetSample: 3 });
		// durations 9 h, 2 h and 4 h: the median by nearest rank is 4 h, the 90th percentile 9 h
		expect(nov.medianHours).toBe(4);
		expect(nov.p90Hours).toBe(9);
		// one response 4,3,3,4,4,3,4,3,3 = 31/9 · 25 = 86,11 → B
		expect(nov.ikm).toMatchObject({ scoreHundredths: 8611, grade: 'B' });
	});
});

describe('the follow-up and the CSV', () => {
	it('an admin writes the follow-up; /kinerja and the CSV publish it beside the score', async () => {
		expect(await survey.saveFollowup(db, admin.id, { service: 'akta-kelahiran', month: '2026-11', text: '' })).toMatchObject({ ok: false });
		expect(await survey.saveFollowup(db, admin.id, { service: 'tidak-ada', month: '2026-11', text: 'x' })).toMatchObject({ ok: false });
		expect(await survey.saveFollowup(db, admin.id, { service: 'akta-kelahiran', month: '2026-11', text: 'Loket kedua dibuka pada jam ramai.' })).toEqual({ ok: true });
		const { services } = await kinerja.figures(db, wita('2026-11-30T12:00:00'));
		const nov = services.find((s) => s.slug === 'akta-kelahiran')!.months.at(-1)!;
		expect(nov.followup).toBe('Loket kedua dibuka pada jam ramai.');
		const csv = kinerjaCsv(services).split('\r\n');
		expect(csv[0]).toBe(csvColumns.join(','));
		expect(csv).toContain('Akta Kelahiran,2026-11,3,3,3,1,0.5,1.1,1,3,86.11,B,0,0,0');
	});
});

describe('complaints', () => {
	it('goes from filing to answer to solved, by code and without an account', async () => {
		const filed = await complaints.file(db, null, { service: 'akta-kelahiran', text: 'Sudah seminggu belum ada kabar dari petugas.' }, crypto.randomUUID(), wita('2026-11-23T09:00:00'));
		expect(filed.ok).toBe(true);
		const code = (filed as { code: string }).code;
		const seen = await complaints.byCode(db, null, code, wita('2026-11-23T10:00:00'));
		expect(seen).toMatchObject({ relation: 'filer', escalated: false, mayAnswer: false, showContact: false });
		expect(seen!.complaint.dueAt).toEqual(wita('2026-11-30T16:00:00'));
		// an officer of another office sees nothing; one of the office answers
		expect(await complaints.byId(db, bayu, seen!.complaint.id)).toBeNull();
		expect(await complaints.answer(db, bayu, seen!.complaint.id, { answer: 'Bukan kantor kami.' })).toMatchObject({ ok: false, notFound: true });
		expect(await complaints.answer(db, dewi, seen!.complaint.id, { answer: 'Akta Anda sudah selesai, silakan unduh.' }, wita('2026-11-24T09:00:00'))).toEqual({ ok: true });
		expect(await complaints.markSolved(db, null, code, wita('2026-11-24T10:00:00'))).toEqual({ ok: true });
		expect((await complaints.byCode(db, null, code))!.complaint).toMatchObject({ status: 'solved', firstAnsweredOnTime: true });
	});

	it('reopens once, and an unanswered one past 5 working days is escalated to the admin', async () => {
		const filed = (await complaints.file(db, citizen, { service: 'akta-kelahiran', text: 'Petugas loket meminta uang untuk akta.', aboutOfficer: 'ya', officerName: 'Pak X' }, crypto.randomUUID(), wita('2026-11-02T09:00:00'))) as { code: string };
		const own = await complaints.byCode(db, citizen, filed.code, wita('2026-11-20T09:00:00'));
		expect(own!.escalated).toBe(true);
		// names an officer: the office does not see it, the admin does
		expect(await complaints.byId(db, dewi, own!.complaint.id)).toBeNull();
		expect((await complaints.listForOffice(db, { ...dewi, officeId: 'disdukcapil' })).some((c) => c.id === own!.complaint.id)).toBe(false);
		const adminList = await complaints.listForAdmin(db, wita('2026-11-20T09:00:00'));
		expect(adminList[0]).toMatchObject({ id: own!.complaint.id, escalated: true });
		expect(await complaints.byId(db, other, own!.complaint.id)).toBeNull();
		expect(await complaints.answer(db, admin, own!.complaint.id, { answer: 'Sudah kami periksa dan tegur.' }, wita('2026-11-20T10:00:00'))).toEqual({ ok: true });
		expect(await complaints.reopen(db, citizen, filed.code, { reason: 'Masih diminta uang.' }, wita('2026-11-23T09:00:00'))).toEqual({ ok: true });
		const reopened = (await complaints.byCode(db, null, filed.code, wita('2026-11-23T09:00:00')))!;
		expect(reopened.complaint).toMatchObject({ status: 'open', reopenCount: 1, firstAnsweredOnTime: false });
		await complaints.answer(db, admin, own!.complaint.id, { answer: 'Petugas sudah dipindahkan.' }, wita('2026-11-24T10:00:00'));
		expect(await complaints.reopen(db, citizen, filed.code, { reason: 'Lagi.' }, wita('2026-11-24T11:00:00'))).toMatchObject({ ok: false });
	});

	it('is idempotent by the form id and refuses an unknown application code', async () => {
		const id = crypto.randomUUID();
		const input = { service: 'akta-kelahiran', text: 'Antrean di loket terlalu panjang.' };
		const a = (await complaints.file(db, null, input, id)) as { code: string };
		const b = (await complaints.file(db, null, input, id)) as { code: string };
		expect(b.code).toBe(a.code);
		expect(await complaints.file(db, null, { ...input, application: 'ABCD2345' }, crypto.randomUUID())).toMatchObject({ ok: false, errors: { application: expect.any(String) } });
	});
});

describe('rollups', () => {
	it('equal a full recount, after live decisions and a demo history', async () => {
		await seedDemoHistory(db, { now: wita('2026-11-30T12:00:00'), applications: 300, seed: 7 });
		const kept = await kinerja.rollups(db);
		expect(kept.months.length).toBeGreaterThan(6);
		expect(kept).toEqual(await kinerja.recount(db));
		// a deletion (retention) keeps them equal too
		const [first] = await db.select({ id: table.id }).from(table).where(eq(table.status, 'completed')).limit(1);
		const { results, applicationEvents, documents } = await import('../../src/lib/server/db/schema');
		await db.delete(results).where(eq(results.applicationId, first!.id));
		await db.delete(surveyInvitations).where(eq(surveyInvitations.applicationId, first!.id));
		await db.delete(documents).where(eq(documents.applicationId, first!.id));
		await db.delete(notifications).where(eq(notifications.applicationId, first!.id));
		await db.run((await import('drizzle-orm')).sql`DROP TRIGGER application_events_no_delete`);
		await db.delete(applicationEvents).where(eq(applicationEvents.applicationId, first!.id));
		await db.delete(table).where(eq(table.id, first!.id));
		expect(await kinerja.rollups(db)).toEqual(await kinerja.recount(db));
	});
});

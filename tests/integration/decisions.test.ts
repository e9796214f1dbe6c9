import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applications from '../../src/lib/server/applications';
import * as documentFiles from '../../src/lib/server/documents';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Database } from '../../src/lib/server/db/open';
import { applicationEvents, applications as table, notifications, results, services, type ServiceRow } from '../../src/lib/server/db/schema';
import * as casework from '../../src/lib/server/casework';
import * as catalogue from '../../src/lib/server/catalogue';
import { decide, decisionMessages } from '../../src/lib/server/decisions';
import { openAnswers } from '../../src/lib/server/crypto/answers';
import { keyring } from '../../src/lib/server/crypto/keys';
import * as offices from '../../src/lib/server/offices';
import { freshDatabase } from './db';
import { memoryStore, person, submittedBirthApplication, wita } from './fixtures';

let db: Database;
let cleanup: () => void;
const store = memoryStore();
let citizen: SessionUser, dewi: SessionUser, rina: SessionUser, bayu: SessionUser;

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	citizen = await person(db, 'Ahmad Fauzi', '+6281311112222');
	dewi = await person(db, 'Dewi', '+6281311114444', 'officer', 'disdukcapil');
	rina = await person(db, 'Rina', '+6281311116666', 'officer', 'disdukcapil');
	bayu = await person(db, 'Bayu', '+6281311115555', 'officer', 'dpmptsp');
});
afterAll(() => cleanup());

/** The admin form's values for a service as stored (what the edit page starts from). */
const formOf = (s: ServiceRow): catalogue.ServiceForm => ({
	name: s.name,
	summary: s.summary,
	description: s.description,
	requirements: s.standard.requirements.map((r) => r.text),
	procedure: [...s.standard.procedure],
	time: s.standard.time,
	fee: s.standard.fee,
	feeBasis: s.standard.feeBasis ?? '',
	product: s.standard.product,
	complaints: s.standard.complaints,
	slaValue: s.slaValue,
	slaUnit: s.slaUnit,
	inPerson: s.inPerson,
	active: s.active,
	consentBy: s.consentBy,
	issuedTitle: s.issued?.title ?? '',
	issuedHolder: s.issued?.holder ?? '',
	issuedShows: [...(s.issued?.shows ?? [])]
});

const row = async (id: string) => (await db.select().from(table).where(eq(table.id, id)))[0]!;

describe('the transition table on the server', () => {
	it('refuses what the table does not allow, whatever the page sent', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T09:00:00'));
		// approve before anyone looked at it
		expect(await decide(db, { applicationId: app.id, action: 'approve', actor: dewi })).toMatchObject({ ok: false });
		// an officer of another office has no relation to it: told it is not there, as for a missing id
		expect(await decide(db, { applicationId: app.id, action: 'claim', actor: bayu })).toEqual({
			ok: false,
			message: decisionMessages.notFound,
			notFound: true
		});
		// the citizen cannot claim; an officer cannot cancel for them
		expect(await decide(db, { applicationId: app.id, action: 'claim', actor: citizen })).toMatchObject({ ok: false });
		expect(await decide(db, { applicationId: app.id, action: 'cancel', actor: dewi })).toMatchObject({ ok: false });
		// rejecting needs a reason
		await decide(db, { applicationId: app.id, action: 'claim', actor: dewi });
		expect(await decide(db, { applicationId: app.id, action: 'reject', actor: dewi, note: '  ' })).toMatchObject({
			ok: false
		});
		expect((await row(app.id)).status).toBe('in_review');
	});

	it('lets exactly one of two officers claim an application clicked at once', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T09:00:00'));
		const outcomes = await Promise.all([
			decide(db, { applicationId: app.id, action: 'claim', actor: dewi }),
			decide(db, { applicationId: app.id, action: 'claim', actor: rina })
		]);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		const holder = (await row(app.id)).assignedOfficerId;
		expect([dewi.id, rina.id]).toContain(holder);
		const loser = holder === dewi.id ? rina : dewi;
		expect(await decide(db, { applicationId: app.id, action: 'approve', actor: loser })).toEqual({
			ok: false,
			message: decisionMessages.notHolding
		});
		const claims = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id));
		expect(claims.filter((e) => e.type === 'claimed')).toHaveLength(1);
	});
});

describe('the correction loop', () => {
	it('pauses the SLA while waiting on the citizen: the due time moves by exactly the working time waited', async () => {
		// submitted Mon 23 Nov 09:00 → due Thu 26 Nov 16:00 (3 working days)
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T09:00:00'));
		expect(app.dueAt).toEqual(wita('2026-11-26T16:00:00'));
		await decide(db, { applicationId: app.id, action: 'claim', actor: dewi, now: wita('2026-11-23T10:00:00') });
		const asked = await decide(db, {
			applicationId: app.id,
			action: 'request_correction',
			actor: dewi,
			note: 'Nama ibu tidak sama dengan KK. Foto KK buram.',
			correction: { fields: ['mother_name'], documents: ['kk_scan'] },
			now: wita('2026-11-23T11:00:00')
		});
		expect(asked).toEqual({ ok: true, status: 'needs_correction' });
		expect((await row(app.id)).pausedAt).toEqual(wita('2026-11-23T11:00:00'));

		// the citizen fixes only what was asked; an asked document must be replaced first
		const early = await decide(db, {
			applicationId: app.id,
			action: 'resubmit',
			actor: citizen,
			answers: { mother_name: 'Siti Rahmah binti Ali' },
			now: wita('2026-11-24T09:00:00')
		});
		expect(early).toMatchObject({ ok: false, message: expect.stringContaining('Foto Kartu Keluarga') });
		await documentFiles.attachDocument(db, store, {
			applicationId: app.id,
			requirementKey: 'kk_scan',
			bytes: new Uint8Array(readFileSync('tests/fixtures/kartu-keluarga.jpg')),
			originalName: 'kk.jpg',
			uploadedBy: citizen.id,
			now: wita('2026-11-24T13:00:00')
		});
		// resubmitted Tue 24 Nov 14:00: waited Mon 11:00–16:00 (5 h) + Tue 08:00–14:00 (6 h) = 11 working hours
		const resubmitted = await decide(db, {
			applicationId: app.id,
			action: 'resubmit',
			actor: citizen,
			answers: { mother_name: 'Siti Rahmah binti Ali', child_name: 'Diam-diam diubah' },
			now: wita('2026-11-24T14:00:00')
		});
		expect(resubmitted).toEqual({ ok: true, status: 'resubmitted' });
		const after = await row(app.id);
		expect(after.answers.mother_name).toBe('Siti Rahmah binti Ali');
		// a child's data is sealed at rest: read as typed through the keyring
		expect(after.answers.child_name).toMatch(/^pdp1:/);
		expect((await openAnswers(keyring(), after.answers, 'applications', app.id)).child_name).toBe('Muhammad Rizki'); // not asked: unchanged
		expect(after.pausedAt).toBeNull();
		// Thu 26 Nov 16:00 + 11 working hours (8 h a day) = Mon 30 Nov 11:00 (Fri 27 is a working day)
		expect(after.dueAt).toEqual(wita('2026-11-30T11:00:00'));
	});

	it('approves only with every required requirement ticked, or a written reason recorded in the event', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T09:00:00'));
		await decide(db, { applicationId: app.id, actor: dewi, action: 'claim' });
		await casework.setChecklist(db, dewi, app.id, { r1: true, r3: true });
		const refused = await decide(db, { applicationId: app.id, actor: dewi, action: 'approve' });
		expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('Buku nikah atau akta perkawinan') });
		expect((await row(app.id)).status).toBe('in_review');
		const reason = 'Buku nikah diperiksa langsung di SIAK.';
		expect(await decide(db, { applicationId: app.id, actor: dewi, action: 'approve', note: reason })).toEqual({ ok: true, status: 'approved' });
		const events = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id));
		expect(events.find((e) => e.type === 'approved')).toMatchObject({
			note: reason,
			data: { checklist: { ticked: ['r1', 'r3'], open: ['r2'], reason } }
		});
	});

	it('keeps the checklist ticks on their requirement when the admin edits the texts', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T09:00:00'));
		await decide(db, { applicationId: app.id, actor: dewi, action: 'claim' });
		await casework.setChecklist(db, dewi, app.id, { r3: true });
		const [service] = await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'));
		const texts = service!.standard.requirements.map((r) => r.text);
		// the KK one reworded in place, the last line removed: r3 is still the KK
		const edited = await catalogue.update(db, 'akta-kelahiran', {
			...formOf(service!),
			requirements: [texts[0]!, texts[1]!, 'Kartu Keluarga (KK) orang tua yang terbaru.', texts[3]!]
		});
		expect(edited).toMatchObject({ ok: true });
		const [after] = await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'));
		const kk = after!.standard.requirements.find((r) => r.id === 'r3');
		expect(kk?.text).toBe('Kartu Keluarga (KK) orang tua yang terbaru.');
		expect(after!.standard.requirements.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
		expect((await row(app.id)).checklist).toEqual({ r3: true });
	});

	it('keeps the ticks on a reworded requirement when another is removed in the same save', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T09:00:00'));
		await decide(db, { applicationId: app.id, actor: dewi, action: 'claim' });
		await casework.setChecklist(db, dewi, app.id, { r3: true });
		const [service] = await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'));
		const stored = formOf(service!);
		const texts = service!.standard.requirements.map((r) => r.text);
		// the first line removed and the KK (r3) reworded: positions shift, the KK keeps its id
		const reworded = `${texts[2]!.replace(/\.$/, '')} yang terbaru.`;
		expect(await catalogue.update(db, 'akta-kelahiran', { ...stored, requirements: [texts[1]!, reworded, texts[3]!] })).toMatchObject({ ok: true });
		const [after] = await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'));
		expect(after!.standard.requirements.map((r) => [r.id, r.text])).toEqual([
			['r2', texts[1]],
			['r3', reworded],
			['r4', texts[3]]
		]);
		// the officer's tick is still on the KK
		const { checklist } = await row(app.id);
		expect(after!.standard.requirements.filter((r) => checklist?.[r.id]).map((r) => r.text)).toEqual([reworded]);
		// the seeded requirements back, ids and all, for the other tests (an admin's re-add would get a new id)
		await db.update(services).set({ standard: service!.standard }).where(eq(services.slug, 'akta-kelahiran'));
	});

	it('issues an Akta Kelahiran to the child, with the birth data, the parent as applicant, in Disdukcapil\u2019s numbering', async () => {
		const now = wita('2026-11-23T09:00:00');
		const app = await submittedBirthApplication(db, store, citizen, now);
		await decide(db, { applicationId: app.id, actor: dewi, action: 'claim', now });
		await decide(db, { applicationId: app.id, actor: dewi, action: 'approve', note: 'Dicek di SIAK.', now });
		expect(await decide(db, { applicationId: app.id, actor: dewi, action: 'complete', result: { kind: 'issued' }, now })).toMatchObject({ ok: true });
		const [result] = await db.select().from(results).where(eq(results.applicationId, app.id));
		expect(result).toMatchObject({
			holderName: 'Muhammad Rizki',
			applicantName: 'Ahmad Fauzi',
			number: `474/${app.trackingCode}/Disdukcapil/2026`
		});
		expect(result!.details).toEqual(
			expect.arrayContaining([
				{ label: expect.stringMatching(/lahir/i), value: '1 November 2026' },
				{ label: expect.stringMatching(/ibu/i), value: 'Siti Rahmah' }
			])
		);
	});

	it('issues with the title, answers and number format the admin set, and keeps them when edited again', async () => {
		const [service] = await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'));
		const stored = formOf(service!);
		await catalogue.update(db, 'akta-kelahiran', { ...stored, issuedTitle: 'Kutipan Akta Kelahiran', issuedShows: ['child_birth_place'] });
		await offices.setNumberFormat(db, { officeId: 'disdukcapil', documentNumber: '474.1/{tahun}/{kode}' });
		const now = wita('2026-11-23T09:00:00');
		const app = await submittedBirthApplication(db, store, citizen, now);
		await decide(db, { applicationId: app.id, actor: dewi, action: 'claim', now });
		await decide(db, { applicationId: app.id, actor: dewi, action: 'approve', note: 'Dicek di SIAK.', now });
		await decide(db, { applicationId: app.id, actor: dewi, action: 'complete', result: { kind: 'issued' }, now });
		// put back for the other tests, before looking: what was issued stays as issued
		await catalogue.update(db, 'akta-kelahiran', stored);
		await offices.setNumberFormat(db, { officeId: 'disdukcapil', documentNumber: '474/{kode}/Disdukcapil/{tahun}' });

		const [result] = await db.select().from(results).where(eq(results.applicationId, app.id));
		expect(result).toMatchObject({ title: 'Kutipan Akta Kelahiran', holderName: 'Muhammad Rizki', number: `474.1/2026/${app.trackingCode}` });
		expect(result!.details?.map((d) => d.label)).toEqual([expect.stringMatching(/tempat/i)]);
	});

	it('takes an application to completion, tells the citizen at each step, and records the result', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T09:00:00'));
		await decide(db, { applicationId: app.id, actor: dewi, action: 'claim' });
		// the akta's three required items ticked (r4, "reported within 60 days", only informs)
		expect(await casework.setChecklist(db, dewi, app.id, { r1: true, r2: true, r3: true })).toEqual({ ok: true });
		for (const step of [
			{ action: 'approve' as const },
			{ action: 'complete' as const, result: { kind: 'pickup' as const, pickupNote: 'Ambil di loket 3 Disdukcapil, bawa KK asli.' } }
		]) {
			expect(await decide(db, { applicationId: app.id, actor: dewi, ...step })).toMatchObject({ ok: true });
		}
		expect((await row(app.id)).status).toBe('completed');
		const [result] = await db.select().from(results).where(eq(results.applicationId, app.id));
		expect(result).toMatchObject({ kind: 'pickup', holderName: 'Muhammad Rizki', applicantName: 'Ahmad Fauzi' });
		const notes = await db.select().from(notifications).where(eq(notifications.applicationId, app.id));
		expect(notes.map((n) => n.text)).toEqual([
			expect.stringContaining('sedang diperiksa'),
			expect.stringContaining('disetujui'),
			expect.stringContaining('selesai'),
			// the satisfaction survey's invitation, in the same batch as the result
			expect.stringContaining('survei kepuasan')
		]);
		const events = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.id));
		expect(events.map((e) => e.type)).toEqual(['submitted', 'claimed', 'checklist', 'approved', 'completed']);
	});

	it('shows a rejection reason to the citizen', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T09:00:00'));
		await decide(db, { applicationId: app.id, action: 'claim', actor: dewi });
		const reason = 'Anak sudah punya akta kelahiran terdaftar di SIAK.';
		expect(await decide(db, { applicationId: app.id, action: 'reject', actor: dewi, note: reason })).toEqual({
			ok: true,
			status: 'rejected'
		});
		const view = await applications.viewForOwner(db, citizen, app.id);
		expect(view?.events.at(-1)).toMatchObject({ type: 'rejected', note: reason });
	});
});

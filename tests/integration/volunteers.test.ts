/**
 * Volunteers against a real libSQL database: becoming one (request → admin decides → role and sessions),
 * applying for a resident with their consent, the resident claiming the application with code and phone
 * (wrong guesses limited), and the resident removing the volunteer, who then loses access everywhere.
 */
import { readFileSync } from 'node:fs';
import { checkResident, consentText, residentForSubmit, residentWording, type ResidentInput } from '../../src/lib/domain/resident';
import { refuseSchema, requestSchema, volunteerRequestMessages } from '../../src/lib/domain/volunteer-requests';
import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applications from '../../src/lib/server/applications';
import * as documentFiles from '../../src/lib/server/documents';
import * as serverDrafts from '../../src/lib/server/drafts';
import * as submission from '../../src/lib/server/submission';
import * as session from '../../src/lib/server/auth/session';
import { correctionFor, decide } from '../../src/lib/server/decisions';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Database } from '../../src/lib/server/db/open';
import {
	applicationEvents,
	applications as applicationsTable,
	notifications,
	services,
	users,
	volunteerRequests as volunteerRequestsTable,
	type DraftResident
} from '../../src/lib/server/db/schema';
import type { DocumentStore } from '../../src/lib/server/storage';
import * as ownership from '../../src/lib/server/ownership';
import * as residentDrafts from '../../src/lib/server/resident-drafts';
import { trackingMessages } from '../../src/lib/server/tracking';
import * as volunteerDashboard from '../../src/lib/server/volunteer-dashboard';
import * as volunteerRequests from '../../src/lib/server/volunteer-requests';
import { freshDatabase } from './db';
import { birthAnswers, memoryStore, person, wita } from './fixtures';

let db: Database;
let cleanup: () => void;
let store: DocumentStore;
const people: Record<string, SessionUser> = {};

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	store = memoryStore();
	people.admin = await person(db, 'Admin Kota', '+6281322220001', 'admin');
	people.candidate = await person(db, 'Rina Relawan', '+6281322220002');
	people.volunteer = await person(db, 'Rudi Relawan', '+6281322220003', 'volunteer');
	people.otherVolunteer = await person(db, 'Yanto Relawan', '+6281322220004', 'volunteer');
	people.officer = await person(db, 'Dewi', '+6281322220005', 'officer', 'disdukcapil');
}, 60_000);
afterAll(() => cleanup());

const request = (kelurahan = '63.72.04.1003', motivation = 'Saya ingin membantu tetangga lansia di RT saya.') =>
	v.parse(requestSchema, { kelurahan, motivation });

async function roleOf(userId: string) {
	const [row] = await db.select({ role: users.role, kelurahan: users.kelurahan }).from(users).where(eq(users.id, userId));
	return row!;
}

async function unreadTexts(userId: string) {
	const rows = await db.select({ text: notifications.text }).from(notifications).where(eq(notifications.userId, userId));
	return rows.map((r) => r.text);
}

describe('becoming a volunteer', () => {
	it('refuses a kelurahan outside Banjarbaru and a motivation too short, in Indonesian', () => {
		const parsed = v.safeParse(requestSchema, { kelurahan: '63.71.01.1001', motivation: 'mau' });
		expect(parsed.success).toBe(false);
		const messages = parsed.issues!.map((i) => i.message);
		expect(messages).toContain(volunteerRequestMessages.kelurahanUnknown);
		expect(messages).toContain(volunteerRequestMessages.motivationShort);
	});

	it('request → approve: the citizen becomes a volunteer for that kelurahan, is told, and logs in again', async () => {
		const now = wita('2026-06-01T09:00:00');
		const before = await session.create(db, people.candidate!.id, now);

		expect(await volunteerRequests.request(db, people.candidate!, request(), now)).toEqual({ ok: true });
		// asking twice while the first is pending changes nothing
		expect(await volunteerRequests.request(db, people.candidate!, request(), now)).toEqual({ ok: false, reason: 'pending' });
		// only citizens ask
		expect(await volunteerRequests.request(db, people.officer!, request(), now)).toEqual({ ok: false, reason: 'not_citizen' });

		const { pending } = await volunteerRequests.forAdmin(db);
		const mine = pending.filter((p) => p.name === 'Rina Relawan');
		expect(mine).toHaveLength(1);
		expect(mine[0]!.kelurahanName).toBe('Komet');

		const approved = await volunteerRequests.approve(db, people.admin!, mine[0]!.id, now);
		expect(approved).toEqual({ ok: true, name: 'Rina Relawan' });
		expect(await roleOf(people.candidate!.id)).toEqual({ role: 'volunteer', kelurahan: '63.72.04.1003' });
		expect(await session.validate(db, before.token, now)).toBeNull();
		expect((await unreadTexts(people.candidate!.id)).join(' ')).toContain('Kelurahan Komet disetujui');
		const [decided] = await db.select().from(volunteerRequestsTable).where(eq(volunteerRequestsTable.id, mine[0]!.id));
		expect(decided).toMatchObject({ status: 'approved', decidedBy: people.admin!.id });

		// a second click on the same request does nothing more
		expect(await volunteerRequests.approve(db, people.admin!, mine[0]!.id, now)).toEqual({ ok: false, reason: 'not_found' });
		expect((await volunteerRequests.forAdmin(db)).volunteers.map((p) => p.name)).toContain('Rina Relawan');
	});

	it('withdrawing the role makes the account a citizen again and ends its sessions', async () => {
		const now = wita('2026-06-02T09:00:00');
		const open = await session.create(db, people.candidate!.id, now);
		expect(await volunteerRequests.withdraw(db, people.candidate!.id, now)).toEqual({ ok: true, name: 'Rina Relawan' });
		expect(await roleOf(people.candidate!.id)).toEqual({ role: 'citizen', kelurahan: null });
		expect(await session.validate(db, open.token, now)).toBeNull();
		expect((await volunteerRequests.latestRequest(db, people.candidate!.id))?.status).toBe('withdrawn');
		// withdrawing someone who is not a volunteer finds nobody
		expect(await volunteerRequests.withdraw(db, people.officer!.id, now)).toEqual({ ok: false, reason: 'not_found' });
	});

	it('an account that is no longer a citizen’s is not made a volunteer, and its request waits for a refusal', async () => {
		const now = wita('2026-06-02T10:00:00');
		const changed = await person(db, 'Bayu Pindah', '+6281322220009');
		await volunteerRequests.request(db, changed, request(), now);
		const id = (await volunteerRequests.latestRequest(db, changed.id))!.id;
		await db.update(users).set({ role: 'officer', officeId: 'dpmptsp' }).where(eq(users.id, changed.id));
		expect(await volunteerRequests.approve(db, people.admin!, id, now)).toEqual({ ok: false, reason: 'not_citizen' });
		expect(await roleOf(changed.id)).toMatchObject({ role: 'officer', kelurahan: null });
		expect((await volunteerRequests.latestRequest(db, changed.id))?.status).toBe('pending');
		expect(await unreadTexts(changed.id)).toEqual([]);
	});

	it('refusing needs a note, which the citizen reads', async () => {
		const now = wita('2026-06-03T09:00:00');
		await volunteerRequests.request(db, people.candidate!, request('63.72.03.1001'), now);
		const id = (await volunteerRequests.latestRequest(db, people.candidate!.id))!.id;
		expect(v.safeParse(refuseSchema, { requestId: id, note: '  ' }).success).toBe(false);
		const refused = await volunteerRequests.refuse(db, people.admin!, { requestId: id, note: 'Kelurahan Palam sudah punya cukup relawan.' }, now);
		expect(refused.ok).toBe(true);
		expect(await roleOf(people.candidate!.id)).toMatchObject({ role: 'citizen' });
		expect(await volunteerRequests.latestRequest(db, people.candidate!.id)).toMatchObject({
			status: 'refused',
			note: 'Kelurahan Palam sudah punya cukup relawan.'
		});
		expect((await unreadTexts(people.candidate!.id)).join(' ')).toContain('Kelurahan Palam sudah punya cukup relawan.');
	});
});

describe('applying for a resident, claiming, releasing', () => {
	const residentPhone = '+6281377778888';
	let applicationId: string;
	let code: string;

	async function birthService() {
		const [service] = await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'));
		return service!;
	}

	it('a resident draft starts empty, takes the resident and a parent’s consent, and is refused for all but volunteers and officers at the counter', async () => {
		expect(await residentDrafts.startForResident(db, people.admin!, 'akta-kelahiran')).toBeNull();
		expect(await residentDrafts.startForResident(db, { ...people.officer!, role: 'citizen' }, 'akta-kelahiran')).toBeNull();
		// an officer serves a walk-in resident at the counter through the same journey
		expect(await residentDrafts.startForResident(db, people.officer!, 'akta-kelahiran')).toEqual(expect.any(String));

		const check = (input: Partial<ResidentInput>) => checkResident('parent', people.volunteer!.phone, input);
		const own = check({ name: 'Ahmad', phone: '0813 2222 0003', how: 'ticked', parentName: 'Ahmad', isParent: 'ya' });
		expect(!own.ok && own.errors.phone).toBe(residentWording.errors.ownPhone);
		const noParent = check({ name: 'Ahmad', phone: '0813 7777 8888', how: 'spoken', parentName: '', isParent: '' });
		expect(!noParent.ok && noParent.errors).toEqual({
			parentName: residentWording.errors.parentName,
			isParent: residentWording.errors.parentConfirm
		});
		const parsed = check({ name: 'Ahmad Fauzi', phone: '0813-7777-8888', how: 'spoken', parentName: 'Ahmad Fauzi', isParent: 'ya' });
		expect(parsed.ok && parsed.resident).toEqual({
			name: 'Ahmad Fauzi',
			phone: residentPhone,
			consent: { by: 'parent', how: 'spoken', name: 'Ahmad Fauzi' }
		} satisfies DraftResident);
	});

	it('submit for a resident records the consent and the volunteer; the resident has no account yet', async () => {
		const now = wita('2026-11-23T10:00:00');
		const id = (await residentDrafts.startForResident(db, people.volunteer!, 'akta-kelahiran', now))!;
		let loaded = (await serverDrafts.loadDraft(db, people.volunteer!.id, id))!;
		expect(loaded.draft.resident).toEqual({ name: '', phone: '', consent: null });
		// not complete yet: nothing to submit with
		expect(residentForSubmit(loaded.draft.resident, people.volunteer!, now)).toBeNull();

		await residentDrafts.saveResident(
			db,
			loaded.draft,
			{ name: 'Ahmad Fauzi', phone: residentPhone, consent: { by: 'parent', how: 'spoken', name: 'Ahmad Fauzi' } },
			now
		);
		const photo = new Uint8Array(readFileSync('tests/fixtures/surat-lahir.jpg'));
		for (const requirementKey of ['birth_letter', 'kk_scan']) {
			await documentFiles.attachDocument(db, store, {
				applicationId: id,
				requirementKey,
				bytes: photo,
				originalName: 'foto.jpg',
				uploadedBy: people.volunteer!.id,
				now
			});
		}
		loaded = (await serverDrafts.loadDraft(db, people.volunteer!.id, id))!;
		const resident = residentForSubmit(loaded.draft.resident, people.volunteer!, now)!;
		const result = await submission.submit(db, {
			id,
			service: await birthService(),
			answers: { ...birthAnswers, applicant_phone: residentPhone },
			applicant: people.volunteer!,
			resident,
			now
		});
		if (!result.ok) throw new Error(JSON.stringify(result));
		const application = result.application;
		applicationId = application.id;
		code = application.trackingCode;
		expect(application).toMatchObject({
			applicantId: null,
			volunteerId: people.volunteer!.id,
			applicantName: 'Ahmad Fauzi',
			applicantPhone: residentPhone,
			consent: { by: 'parent', how: 'spoken', name: 'Ahmad Fauzi', at: now.getTime(), volunteerName: 'Rudi Relawan' }
		});
		expect(consentText(application.consent!)).toContain('Ahmad Fauzi (orang tua anak) menyatakan setuju secara lisan');
		expect(consentText(application.consent!)).toContain('dicatat oleh relawan Rudi Relawan');

		// the volunteer sees it, by resident; another volunteer does not
		const mine = await volunteerDashboard.helped(db, people.volunteer!);
		expect(mine.residents).toHaveLength(1);
		expect(mine.residents[0]).toMatchObject({ name: 'Ahmad Fauzi', phone: '0813-7777-8888' });
		expect(mine.residents[0]!.applications.map((a) => a.id)).toEqual([applicationId]);
		expect((await volunteerDashboard.helped(db, people.otherVolunteer!)).residents).toEqual([]);
		expect(await applications.viewForOwner(db, people.otherVolunteer!, applicationId)).toBeNull();
	});

	it('the volunteer sees the corrections an officer asks for, and may fix them', async () => {
		await decide(db, { applicationId, action: 'claim', actor: people.officer! });
		const asked = await decide(db, {
			applicationId,
			action: 'request_correction',
			actor: people.officer!,
			note: 'Nama ibu harus sama dengan di KK.',
			correction: { fields: ['mother_name'], documents: [] }
		});
		expect(asked.ok).toBe(true);
		const mine = await volunteerDashboard.helped(db, people.volunteer!);
		expect(mine.corrections).toEqual([
			expect.objectContaining({ id: applicationId, residentName: 'Ahmad Fauzi', correctionNote: 'Nama ibu harus sama dengan di KK.' })
		]);
		expect(await correctionFor(db, people.volunteer!, applicationId)).not.toBeNull();
		// the same account once its volunteer role is withdrawn: no access to residents' applications
		const formerVolunteer = { ...people.volunteer!, role: 'citizen' as const };
		expect(await correctionFor(db, formerVolunteer, applicationId)).toBeNull();
		expect(await applications.viewForOwner(db, formerVolunteer, applicationId)).toBeNull();
	});

	it('the resident claims it with code and phone; a wrong phone is refused and guessing is limited', async () => {
		const now = wita('2026-11-24T08:00:00');
		const resident = await person(db, 'Ahmad Fauzi', residentPhone);

		// the phone must be the account's own number
		const otherPhone = await ownership.claimApplication(db, resident, { code, phone: '0813 1111 2222' }, '10.0.0.1', now);
		expect(otherPhone).toEqual({ ok: false, reason: 'invalid', problems: { phone: 'phone_not_own' } });
		expect(ownership.claimErrors({ code: 'code_invalid', phone: 'phone_not_own' })).toEqual({
			code: trackingMessages.code,
			phone: ownership.ownershipMessages.claimPhone
		});

		// someone else's account, with the right code but their own phone: not found, and counted
		const stranger = await person(db, 'Orang Lain', '+6281399990000');
		expect(await ownership.claimApplication(db, stranger, { code, phone: stranger.phone }, '10.0.0.2', now)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		for (let i = 1; i < ownership.CLAIM_LIMIT; i++) {
			await ownership.claimApplication(db, stranger, { code: 'ABCD2345', phone: stranger.phone }, '10.0.0.2', now);
		}
		const paused = await ownership.claimApplication(db, stranger, { code, phone: stranger.phone }, '10.0.0.2', now);
		expect(paused.ok === false && paused.reason).toBe('paused');

		// the resident, with their code (typed loosely) and their number
		const claimed = await ownership.claimApplication(
			db,
			resident,
			{ code: `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`, phone: '0813-7777-8888' },
			'10.0.0.1',
			now
		);
		expect(claimed).toEqual({ ok: true, applicationId, already: false });
		expect((await applications.listForApplicant(db, resident)).map((a) => a.id)).toEqual([applicationId]);
		// claiming again is harmless
		expect(await ownership.claimApplication(db, resident, { code, phone: residentPhone }, '10.0.0.1', now)).toEqual({
			ok: true,
			applicationId,
			already: true
		});
		const events = await db
			.select({ type: applicationEvents.type })
			.from(applicationEvents)
			.where(and(eq(applicationEvents.applicationId, applicationId), eq(applicationEvents.type, 'applicant_claimed')));
		expect(events).toHaveLength(1);
		people.resident = resident;
	});

	it('after the resident removes the volunteer, the volunteer sees the application nowhere', async () => {
		const now = wita('2026-11-24T09:00:00');
		const [doc] = await documentFiles.documentsOf(db, applicationId);
		expect(await documentFiles.documentForViewer(db, people.volunteer!, doc!.id)).not.toBeNull();

		// only the applicant may remove the volunteer
		expect(await ownership.releaseVolunteer(db, people.volunteer!, applicationId, now)).toEqual({ ok: false, reason: 'only_applicant' });
		expect(await ownership.releaseVolunteer(db, people.resident!, applicationId, now)).toEqual({ ok: true });
		expect(await ownership.releaseVolunteer(db, people.resident!, applicationId, now)).toEqual({
			ok: false,
			reason: 'not_helped'
		});

		expect(await applications.viewForOwner(db, people.volunteer!, applicationId)).toBeNull();
		expect(await documentFiles.documentForViewer(db, people.volunteer!, doc!.id)).toBeNull();
		expect(await correctionFor(db, people.volunteer!, applicationId)).toBeNull();
		expect((await volunteerDashboard.helped(db, people.volunteer!)).residents).toEqual([]);
		expect((await decide(db, { applicationId, action: 'resubmit', actor: people.volunteer!, answers: {} })).ok).toBe(false);

		// the resident keeps everything, and the timeline says what happened
		const view = await applications.viewForOwner(db, people.resident!, applicationId);
		expect(view?.events.map((e) => e.type)).toContain('volunteer_released');
		expect(await documentFiles.documentForViewer(db, people.resident!, doc!.id)).not.toBeNull();
		const [row] = await db.select().from(applicationsTable).where(eq(applicationsTable.id, applicationId));
		expect(row).toMatchObject({ volunteerId: null, applicantId: people.resident!.id });
		// the consent stays on record
		expect(row!.consent?.volunteerName).toBe('Rudi Relawan');
		expect((await unreadTexts(people.volunteer!.id)).join(' ')).toContain('Ahmad Fauzi melepas Anda');
	});

	it('a resident who already has an account owns the application at once', async () => {
		const now = wita('2026-11-25T10:00:00');
		const id = (await residentDrafts.startForResident(db, people.volunteer!, 'akta-kelahiran', now))!;
		const photo = new Uint8Array(readFileSync('tests/fixtures/surat-lahir.jpg'));
		for (const requirementKey of ['birth_letter', 'kk_scan']) {
			await documentFiles.attachDocument(db, store, {
				applicationId: id,
				requirementKey,
				bytes: photo,
				originalName: 'foto.jpg',
				uploadedBy: people.volunteer!.id,
				now
			});
		}
		const resident = residentForSubmit(
			{ name: 'Ahmad Fauzi', phone: residentPhone, consent: { by: 'parent', how: 'ticked', name: 'Siti Rahmah' } },
			people.volunteer!,
			now
		)!;
		const result = await submission.submit(db, {
			id,
			service: await birthService(),
			answers: birthAnswers,
			applicant: people.volunteer!,
			resident,
			now
		});
		expect(result.ok && result.application.applicantId).toBe(people.resident!.id);
		expect(result.ok && result.application.volunteerId).toBe(people.volunteer!.id);
	});
});

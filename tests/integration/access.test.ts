/**
 * Every relation × every operation, against a real libSQL file database and through the real feature
 * functions the routes call (not only the pure table): for each cell a fresh application, made by a
 * volunteer for a resident who has an account, set up for the operation, then the operation tried by
 * that relation. The expected table is written out by hand below.
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationTo } from '../../src/lib/server/access';
import * as applications from '../../src/lib/server/applications';
import * as documentFiles from '../../src/lib/server/documents';
import * as serverDrafts from '../../src/lib/server/drafts';
import * as submission from '../../src/lib/server/submission';
import * as appointmentBooking from '../../src/lib/server/appointment-booking';
import { createSlots } from '../../src/lib/server/appointment-slots';
import type { SessionUser } from '../../src/lib/server/auth/session';
import * as casework from '../../src/lib/server/casework';
import type { Database } from '../../src/lib/server/db/open';
import { applications as applicationsTable, appointmentSlots, documents, services, type Application } from '../../src/lib/server/db/schema';
import { correctionFor, decide } from '../../src/lib/server/decisions';
import * as notifications from '../../src/lib/server/notifications';
import type { DocumentStore } from '../../src/lib/server/storage';
import * as ownership from '../../src/lib/server/ownership';
import * as volunteerRequests from '../../src/lib/server/volunteer-requests';
import { freshDatabase } from './db';
import { birthAnswers, memoryStore, person, wita } from './fixtures';

let db: Database;
let cleanup: () => void;
let store: DocumentStore;
const now = wita('2026-11-30T07:00:00');
const photo = new Uint8Array(readFileSync('tests/fixtures/surat-lahir.jpg'));

type Who =
	| 'applicant'
	| 'volunteer'
	| 'withdrawn volunteer'
	| 'released volunteer'
	| 'other citizen'
	| 'other volunteer'
	| 'officer of the office'
	| 'officer of another office'
	| 'admin'
	| 'anonymous';

type Op =
	| 'view'
	| 'document'
	| 'correction'
	| 'cancel'
	| 'book appointment'
	| 'move appointment'
	| 'cancel appointment'
	| 'result'
	| 'slip'
	| 'release'
	| 'officer decision'
	| 'officer opens'
	| 'audit log'
	| 'notified'
	| 'claim';

const citizenSide: Op[] = [
	'view',
	'document',
	'correction',
	'cancel',
	'book appointment',
	'move appointment',
	'cancel appointment',
	'result',
	'slip',
	'notified'
];
const allowed: Record<Who, Op[]> = {
	applicant: [...citizenSide, 'release', 'claim'],
	volunteer: citizenSide,
	'withdrawn volunteer': [],
	'released volunteer': [],
	'other citizen': [],
	'other volunteer': [],
	'officer of the office': ['document', 'officer decision', 'officer opens'],
	'officer of another office': [],
	admin: ['audit log'],
	anonymous: []
};

const people = {} as Record<Exclude<Who, 'anonymous'>, SessionUser>;
let helperOf: (who: Who) => SessionUser;
let slots: { first: string; second: string };

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	store = memoryStore();
	people.applicant = await person(db, 'Ahmad Fauzi', '+6281311112222');
	people.volunteer = await person(db, 'Rudi Relawan', '+6281322230001', 'volunteer');
	people['withdrawn volunteer'] = await person(db, 'Wawan Relawan', '+6281322230002', 'volunteer');
	people['released volunteer'] = await person(db, 'Lina Relawan', '+6281322230003', 'volunteer');
	people['other citizen'] = await person(db, 'Siti Warga', '+6281322230004');
	people['other volunteer'] = await person(db, 'Yanto Relawan', '+6281322230005', 'volunteer');
	people['officer of the office'] = await person(db, 'Dewi Petugas', '+6281322230006', 'officer', 'disdukcapil');
	people['officer of another office'] = await person(db, 'Bayu Petugas', '+6281322230007', 'officer', 'dpmptsp');
	people.admin = await person(db, 'Admin Kota', '+6281322230008', 'admin');
	// the admin withdraws Wawan's role: from now on he is a citizen (his sessions ended; a new one says so)
	expect((await volunteerRequests.withdraw(db, people['withdrawn volunteer'].id, now)).ok).toBe(true);
	people['withdrawn volunteer'] = { ...people['withdrawn volunteer'], role: 'citizen' };
	helperOf = (who) =>
		who === 'withdrawn volunteer' || who === 'released volunteer' ? people[who] : people.volunteer;

	await createSlots(db, { locationId: 'disdukcapil', dates: ['2026-12-01'], times: ['09:00', '10:00'], capacity: 1000 });
	const rows = await db.select().from(appointmentSlots).where(and(eq(appointmentSlots.locationId, 'disdukcapil'), eq(appointmentSlots.date, '2026-12-01')));
	slots = { first: rows.find((r) => r.startTime === '09:00')!.id, second: rows.find((r) => r.startTime === '10:00')!.id };
}, 120_000);
afterAll(() => cleanup());

/**
 * A birth-certificate application a volunteer submitted for the resident (who already has an account, so
 * it is in their account at once), with its two photos uploaded by the volunteer.
 */
async function applicationFor(who: Who): Promise<Application> {
	const helper = helperOf(who);
	// the withdrawn volunteer made it while still a volunteer
	const sender = { ...helper, role: 'volunteer' as const };
	const id = await serverDrafts.startDraft(db, helper.id, 'akta-kelahiran', now);
	for (const requirementKey of ['birth_letter', 'kk_scan']) {
		const stored = await documentFiles.attachDocument(db, store, { applicationId: id, requirementKey, bytes: photo, originalName: 'foto.jpg', uploadedBy: helper.id, now });
		expect(stored.ok).toBe(true);
	}
	const [service] = await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'));
	const result = await submission.submit(db, {
		id,
		service: service!,
		answers: birthAnswers,
		applicant: sender,
		resident: {
			name: people.applicant.name,
			phone: people.applicant.phone,
			consent: { by: 'parent', how: 'spoken', name: 'Ahmad Fauzi', at: now.getTime(), volunteerName: helper.name }
		},
		now
	});
	if (!result.ok) throw new Error(`submit failed: ${JSON.stringify(result)}`);
	expect(result.application.applicantId).toBe(people.applicant.id);
	if (who === 'released volunteer') {
		expect(await ownership.releaseVolunteer(db, people.applicant, id, now)).toEqual({ ok: true });
	}
	return result.application;
}

const officer = () => people['officer of the office'];
const setStatus = (id: string, status: Application['status']) =>
	db.update(applicationsTable).set({ status }).where(eq(applicationsTable.id, id));

let claimAddress = 0;

/** Sets the application up for `op`, then tries `op` as `user`: true when it was allowed and done. */
async function attempt(op: Op, app: Application, user: SessionUser): Promise<boolean> {
	switch (op) {
		case 'view':
			return (await applications.viewForOwner(db, user, app.id)) !== null;
		case 'document': {
			const [doc] = await db.select().from(documents).where(and(eq(documents.applicationId, app.id), eq(documents.requirementKey, 'birth_letter')));
			return (await documentFiles.documentForViewer(db, user, doc!.id)) !== null;
		}
		case 'correction': {
			expect((await decide(db, { applicationId: app.id, action: 'claim', actor: officer(), now })).ok).toBe(true);
			const asked = await decide(db, {
				applicationId: app.id,
				action: 'request_correction',
				actor: officer(),
				note: 'Nama ibu harus sama dengan di KK.',
				correction: { fields: ['mother_name'], documents: [] },
				now
			});
			expect(asked.ok).toBe(true);
			const page = await correctionFor(db, user, app.id);
			const sent = await decide(db, { applicationId: app.id, action: 'resubmit', actor: user, answers: { mother_name: 'Siti Rahmah' }, now });
			expect(page !== null).toBe(sent.ok);
			return sent.ok;
		}
		case 'cancel':
			return (await decide(db, { applicationId: app.id, action: 'cancel', actor: user, now })).ok;
		case 'book appointment':
			// a completed application: picking the result up needs a visit
			await setStatus(app.id, 'completed');
			return (await appointmentBooking.book(db, { applicationId: app.id, slotId: slots.first, user, now })).ok;
		case 'move appointment':
			await setStatus(app.id, 'completed');
			expect((await appointmentBooking.book(db, { applicationId: app.id, slotId: slots.first, user: people.applicant, now })).ok).toBe(true);
			return (await appointmentBooking.move(db, { applicationId: app.id, slotId: slots.second, user, now })).ok;
		case 'cancel appointment':
			await setStatus(app.id, 'completed');
			expect((await appointmentBooking.book(db, { applicationId: app.id, slotId: slots.first, user: people.applicant, now })).ok).toBe(true);
			return (await appointmentBooking.cancel(db, { applicationId: app.id, user, now })).ok;
		case 'result':
			return (await applications.viewForOwner(db, user, app.id, 'result')) !== null;
		case 'slip':
			return (await applications.viewForOwner(db, user, app.id, 'slip')) !== null;
		case 'release':
			return (await ownership.releaseVolunteer(db, user, app.id, now)).ok;
		case 'officer decision':
			return (await decide(db, { applicationId: app.id, action: 'claim', actor: user, now })).ok;
		case 'officer opens':
			return (await casework.openForOfficer(db, user, app.id, now)) !== null;
		case 'audit log':
			return (await casework.forAdmin(db, user, app.trackingCode)) !== null;
		case 'notified': {
			// the officer takes it up: a notice goes to the application's people
			expect((await decide(db, { applicationId: app.id, action: 'claim', actor: officer(), now })).ok).toBe(true);
			const items = await notifications.listAndMarkRead(db, user, now);
			return items.some((n) => n.applicationId === app.id);
		}
		case 'claim': {
			claimAddress += 1;
			const claimed = await ownership.claimApplication(db, user, { code: app.trackingCode, phone: user.phone }, `10.20.0.${claimAddress}`, now);
			return claimed.ok;
		}
		default: {
			const unknown: never = op;
			throw new Error(`unknown operation ${String(unknown)}`);
		}
	}
}

const whos = Object.keys(allowed) as Who[];
const ops: Op[] = [...citizenSide, 'release', 'officer decision', 'officer opens', 'audit log', 'claim'];
const cells = whos.flatMap((who) => ops.map((op) => [who, op, allowed[who].includes(op)] as const));

describe('every relation × every operation', () => {
	it.each(cells)('%s · %s → allowed: %s', async (who, op, expected) => {
		const app = await applicationFor(who);
		if (who === 'anonymous') {
			// routes stop a request without a session before any feature function (their second lock);
			// the relation itself is none, so nothing is allowed
			expect(await relationTo(db, null, app.id)).toBe('none');
			expect(expected).toBe(false);
			return;
		}
		expect(await attempt(op, app, people[who])).toBe(expected);
	});
});

describe('what a refusal leaves behind', () => {
	it('a refused appointment, decision or release changes nothing', async () => {
		const app = await applicationFor('withdrawn volunteer');
		await setStatus(app.id, 'completed');
		const former = people['withdrawn volunteer'];
		expect(await appointmentBooking.book(db, { applicationId: app.id, slotId: slots.first, user: former, now })).toEqual({ ok: false, reason: 'not_found' });
		expect(await appointmentBooking.forApplication(db, app.id, now)).toBeNull();
		expect(await decide(db, { applicationId: app.id, action: 'cancel', actor: people['other citizen'], now })).toMatchObject({ ok: false, notFound: true });
		const [row] = await db.select().from(applicationsTable).where(eq(applicationsTable.id, app.id));
		expect(row!.status).toBe('completed');
		expect(row!.volunteerId).toBe(former.id);
	});

	it('a withdrawn volunteer is no longer told about the resident’s application; the resident still is', async () => {
		const app = await applicationFor('withdrawn volunteer');
		await setStatus(app.id, 'completed');
		expect((await appointmentBooking.book(db, { applicationId: app.id, slotId: slots.first, user: people.applicant, now })).ok).toBe(true);
		const resident = await notifications.listAndMarkRead(db, people.applicant, now);
		expect(resident.filter((n) => n.applicationId === app.id)).toHaveLength(1);
		const former = await notifications.listAndMarkRead(db, people['withdrawn volunteer'], now);
		expect(former.filter((n) => n.applicationId === app.id)).toEqual([]);
	});
});

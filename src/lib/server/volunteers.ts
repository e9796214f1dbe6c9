/**
 * Neighbourhood volunteers (relawan): residents who cannot apply alone get help from a volunteer of their
 * kelurahan, with their consent recorded.
 *
 * The life of a volunteer:
 * - a citizen asks to become one for one of Banjarbaru's 20 kelurahan (`request`); an admin approves
 *   (the account's role becomes `volunteer`, its kelurahan is set) or refuses with a note; an admin can
 *   withdraw the role later (back to `citizen`). Every role change ends that user's sessions, and the
 *   citizen is told in their notifications.
 * - a volunteer applies "for someone else": the draft carries the resident (name, phone) and how they
 *   agreed (`DraftResident`); on submit that becomes the application's `consent`, with its time and the
 *   volunteer's name, and the application belongs to the resident (`applicantId`, once they have an
 *   account) with the volunteer recorded as the helper (`volunteerId`).
 * - the resident claims the application into their own account with the tracking code and their phone
 *   number (`claim`; wrong guesses are limited like public tracking), and can remove the volunteer
 *   (`release`). A volunteer sees exactly the applications whose `volunteerId` is theirs, and only while
 *   they are a volunteer (access.ts), so after a release or a withdrawal they see it nowhere (status page,
 *   documents, correction page, appointments, their list) and are sent none of its notices.
 */
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { findKelurahan, kelurahanList, type KelurahanCode } from '$lib/domain/kelurahan';
import { formatPhone, normalizePhone } from '$lib/domain/phone';
import { residentComplete } from '$lib/domain/resident';
import { formatTrackingCode, normalizeTrackingCode } from '$lib/domain/tracking-code';
import type { Status } from '$lib/domain/workflow';
import { formatWita } from '$lib/domain/working-time';
import { draftStore } from './applications';
import { isActiveVolunteer, may, relationOf, whereRelation, type Viewer } from './access';
import type { SessionUser } from './auth/session';
import { invalidateAllForUser } from './auth/session';
import * as throttle from './auth/throttle';
import { insertIfPreviousChanged, insertWhere } from './db/conditional';
import type { Database } from './db/open';
import {
	applicationDrafts,
	applicationEvents,
	applications,
	notifications,
	services,
	users,
	volunteerRequests,
	type Consent,
	type DraftResident
} from './db/schema';
import { recordEvent } from './events';
import { trackingMessages } from './tracking';
import { m } from '../paraglide/messages.js';

export const volunteerMessages = {
	get kelurahan() {
		return m.staff_volunteer_kelurahan();
	},
	get kelurahanUnknown() {
		return m.staff_volunteer_kelurahan_unknown();
	},
	get motivation() {
		return m.staff_volunteer_motivation();
	},
	get motivationShort() {
		return m.staff_volunteer_motivation_short();
	},
	get motivationLong() {
		return m.staff_volunteer_motivation_long();
	},
	get notCitizen() {
		return m.staff_volunteer_not_citizen();
	},
	get pending() {
		return m.staff_volunteer_pending();
	},
	get refuseNote() {
		return m.staff_volunteer_refuse_note();
	},
	get requestGone() {
		return m.staff_volunteer_request_gone();
	},
	get noLongerCitizen() {
		return m.staff_volunteer_no_longer_citizen();
	},
	get volunteerGone() {
		return m.staff_volunteer_volunteer_gone();
	},
	get phoneEmpty() {
		return m.staff_volunteer_phone_empty();
	},
	get phoneUnknown() {
		return m.staff_volunteer_phone_unknown();
	},
	get claimPhone() {
		return m.staff_volunteer_claim_phone();
	},
	get claimNotFound() {
		return m.staff_volunteer_claim_not_found();
	},
	get releaseNone() {
		return m.staff_volunteer_release_none();
	},
	get releaseOnlyApplicant() {
		return m.staff_volunteer_release_only_applicant();
	},
	get notFound() {
		return m.staff_volunteer_not_found();
	}
} as const;

// ------------------------------------------------------------------------------------------------
// Becoming a volunteer

const kelurahanCodes = kelurahanList.map((k) => k.code) as [KelurahanCode, ...KelurahanCode[]];

export const requestSchema = v.object({
	kelurahan: v.pipe(
		v.string(() => volunteerMessages.kelurahan),
		v.nonEmpty(() => volunteerMessages.kelurahan),
		v.picklist(kelurahanCodes, () => volunteerMessages.kelurahanUnknown)
	),
	motivation: v.pipe(
		v.string(() => volunteerMessages.motivation),
		v.trim(),
		v.nonEmpty(() => volunteerMessages.motivation),
		v.minLength(10, () => volunteerMessages.motivationShort),
		v.maxLength(500, () => volunteerMessages.motivationLong)
	)
});

export const refuseSchema = v.object({
	requestId: v.pipe(v.string(), v.nonEmpty(() => volunteerMessages.requestGone)),
	note: v.pipe(
		v.string(() => volunteerMessages.refuseNote),
		v.trim(),
		v.nonEmpty(() => volunteerMessages.refuseNote),
		v.maxLength(500, () => m.staff_volunteer_refuse_note_long())
	)
});

export const idSchema = v.object({ id: v.pipe(v.string(), v.nonEmpty(() => volunteerMessages.requestGone)) });

export const kelurahanName = (code: string | null) => (code ? (findKelurahan(code)?.name ?? code) : null);

/** The citizen's latest request, for their "become a volunteer" page. */
export async function latestRequest(db: Database, userId: string) {
	const [row] = await db
		.select()
		.from(volunteerRequests)
		.where(eq(volunteerRequests.userId, userId))
		.orderBy(desc(volunteerRequests.createdAt))
		.limit(1);
	return row ? { ...row, kelurahanName: kelurahanName(row.kelurahan)! } : null;
}

export type RequestResult = { ok: true } | { ok: false; reason: 'not_citizen' | 'pending' };

/** A citizen asks to become a volunteer. One pending request at a time: asking twice changes nothing. */
export async function request(
	db: Database,
	user: Pick<SessionUser, 'id' | 'role'>,
	input: v.InferOutput<typeof requestSchema>,
	now = new Date()
): Promise<RequestResult> {
	if (user.role !== 'citizen') return { ok: false, reason: 'not_citizen' };
	const inserted = await insertWhere(
		db,
		volunteerRequests,
		[
			{
				id: crypto.randomUUID(),
				userId: user.id,
				kelurahan: input.kelurahan,
				motivation: input.motivation,
				status: 'pending',
				createdAt: now
			}
		],
		// decided in the database, so two posts at once still make one request
		sql`NOT EXISTS (SELECT 1 FROM ${volunteerRequests} WHERE ${volunteerRequests.userId} = ${user.id} AND ${volunteerRequests.status} = 'pending')
			AND EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${user.id} AND ${users.role} = 'citizen')`
	);
	return inserted.rowsAffected > 0 ? { ok: true } : { ok: false, reason: 'pending' };
}

/** The admin's page: requests waiting for a decision, and the volunteers there are, in one round trip. */
export async function forAdmin(db: Database) {
	const [pending, volunteers] = await db.batch([
		db
			.select({
				id: volunteerRequests.id,
				kelurahan: volunteerRequests.kelurahan,
				motivation: volunteerRequests.motivation,
				createdAt: volunteerRequests.createdAt,
				name: users.name,
				phone: users.phone,
				role: users.role
			})
			.from(volunteerRequests)
			.innerJoin(users, eq(users.id, volunteerRequests.userId))
			.where(eq(volunteerRequests.status, 'pending'))
			.orderBy(asc(volunteerRequests.createdAt))
			.limit(200),
		db
			.select({
				id: users.id,
				name: users.name,
				phone: users.phone,
				kelurahan: users.kelurahan,
				helped: sql<number>`(SELECT count(*) FROM ${applications} WHERE ${applications.volunteerId} = ${users.id})`
			})
			.from(users)
			.where(eq(users.role, 'volunteer'))
			.orderBy(asc(users.name))
	]);
	return {
		pending: pending.map((p) => ({
			...p,
			phone: formatPhone(p.phone),
			kelurahanName: kelurahanName(p.kelurahan)!,
			submittedAt: formatWita(p.createdAt)
		})),
		volunteers: volunteers.map((p) => ({ ...p, phone: formatPhone(p.phone), kelurahanName: kelurahanName(p.kelurahan) }))
	};
}

export type DecisionResult =
	| { ok: true; name: string }
	| { ok: false; reason: 'not_found' | 'not_citizen' };

async function pendingRequest(db: Database, requestId: string) {
	const [row] = await db
		.select({ userId: volunteerRequests.userId, kelurahan: volunteerRequests.kelurahan, name: users.name })
		.from(volunteerRequests)
		.innerJoin(users, eq(users.id, volunteerRequests.userId))
		.where(and(eq(volunteerRequests.id, requestId), eq(volunteerRequests.status, 'pending')));
	return row ?? null;
}

const stillPending = (requestId: string) =>
	sql`EXISTS (SELECT 1 FROM ${volunteerRequests} WHERE ${volunteerRequests.id} = ${requestId} AND ${volunteerRequests.status} = 'pending')`;

/**
 * Approves a request: the citizen becomes a volunteer for the kelurahan they asked for, is told, and logs
 * in again. The role, the request and the notification change together or not at all (one batch; each
 * step only if the one before it wrote something), so two admins deciding at once cannot both win.
 */
export async function approve(
	db: Database,
	admin: Pick<SessionUser, 'id'>,
	requestId: string,
	now = new Date()
): Promise<DecisionResult> {
	const found = await pendingRequest(db, requestId);
	if (!found) return { ok: false, reason: 'not_found' };
	const place = kelurahanName(found.kelurahan);
	const [promoted] = await db.batch([
		db
			.update(users)
			.set({ role: 'volunteer', kelurahan: found.kelurahan })
			.where(and(eq(users.id, found.userId), eq(users.role, 'citizen'), stillPending(requestId)))
			.returning({ id: users.id }),
		db
			.update(volunteerRequests)
			.set({ status: 'approved', decidedBy: admin.id, decidedAt: now })
			.where(and(eq(volunteerRequests.id, requestId), eq(volunteerRequests.status, 'pending'), sql`changes() > 0`)),
		insertIfPreviousChanged(db, notifications, [
			{
				userId: found.userId,
				applicationId: null,
				text: `Permintaan Anda menjadi relawan untuk Kelurahan ${place} disetujui. Masuk lagi, lalu buka "Bantu warga mengajukan".`,
				createdAt: now
			}
		])
	]);
	if (promoted.length === 0) {
		return (await pendingRequest(db, requestId)) ? { ok: false, reason: 'not_citizen' } : { ok: false, reason: 'not_found' };
	}
	await invalidateAllForUser(db, found.userId);
	return { ok: true, name: found.name };
}

/** Refuses a request with a note the citizen reads. They may ask again later. */
export async function refuse(
	db: Database,
	admin: Pick<SessionUser, 'id'>,
	input: v.InferOutput<typeof refuseSchema>,
	now = new Date()
): Promise<DecisionResult> {
	const found = await pendingRequest(db, input.requestId);
	if (!found) return { ok: false, reason: 'not_found' };
	const [refused] = await db.batch([
		db
			.update(volunteerRequests)
			.set({ status: 'refused', decidedBy: admin.id, decidedAt: now, note: input.note })
			.where(and(eq(volunteerRequests.id, input.requestId), eq(volunteerRequests.status, 'pending')))
			.returning({ id: volunteerRequests.id }),
		insertIfPreviousChanged(db, notifications, [
			{
				userId: found.userId,
				applicationId: null,
				text: `Permintaan Anda menjadi relawan belum disetujui. Alasan: ${input.note}`,
				createdAt: now
			}
		])
	]);
	return refused.length > 0 ? { ok: true, name: found.name } : { ok: false, reason: 'not_found' };
}

/** Takes the volunteer role away: the account becomes a citizen's again, is told, and its sessions end. */
export async function withdraw(
	db: Database,
	userId: string,
	now = new Date()
): Promise<DecisionResult> {
	const [withdrawn] = await db.batch([
		db
			.update(users)
			.set({ role: 'citizen', kelurahan: null })
			.where(and(eq(users.id, userId), eq(users.role, 'volunteer')))
			.returning({ name: users.name }),
		insertIfPreviousChanged(db, notifications, [
			{
				userId,
				applicationId: null,
				text: 'Peran relawan Anda dicabut oleh admin. Akun Anda kini akun warga biasa.',
				createdAt: now
			}
		]),
		db
			.update(volunteerRequests)
			.set({ status: 'withdrawn' })
			.where(and(eq(volunteerRequests.userId, userId), eq(volunteerRequests.status, 'approved'), sql`changes() > 0`))
	]);
	const row = withdrawn[0];
	if (!row) return { ok: false, reason: 'not_found' };
	await invalidateAllForUser(db, userId);
	return { ok: true, name: row.name };
}

// ------------------------------------------------------------------------------------------------
// Applying for a resident

/**
 * A draft for a resident, made by a volunteer in the field or by an officer at the counter for a walk-in
 * resident (only for their own office's services: the route checks the service); the resident page,
 * with the resident's consent, comes first. Null for anyone else.
 */
export async function startForResident(
	db: Database,
	volunteer: Pick<SessionUser, 'id' | 'role'>,
	serviceSlug: string,
	now = new Date()
): Promise<string | null> {
	if (volunteer.role !== 'volunteer' && volunteer.role !== 'officer') return null;
	return draftStore(db, volunteer.id, now).start(serviceSlug, { forResident: true });
}

/**
 * Saves who the resident is and how they agreed (checked by domain/resident.ts). The applicant's name and
 * phone are not kept in the answers: in field mode they are the resident's (domain/journey.ts).
 */
export async function saveResident(
	db: Database,
	draft: { id: string; userId: string },
	resident: DraftResident,
	now = new Date()
) {
	await draftStore(db, draft.userId, now).saveResident(draft.id, resident);
}

/** What `applications.submit` needs for a resident: null while the resident page is not complete. */
export function residentForSubmit(
	resident: DraftResident | null,
	volunteer: Pick<SessionUser, 'name'>,
	now = new Date()
): { name: string; phone: string; consent: Consent } | null {
	if (!resident?.consent || !residentComplete(resident)) return null;
	return {
		name: resident.name,
		phone: resident.phone,
		consent: { ...resident.consent, at: now.getTime(), volunteerName: volunteer.name }
	};
}

// ------------------------------------------------------------------------------------------------
// The volunteer's view

export interface HelpedApplication {
	id: string;
	code: string;
	serviceName: string;
	status: Status;
	dueAt: Date;
	submittedAt: Date;
	correctionNote: string | null;
	/** Whether the resident has the application in their own account. */
	inResidentAccount: boolean;
}

/**
 * Everything the volunteer helped with, by resident (newest first), the corrections waiting for them,
 * their resident drafts and their kelurahan, in one round trip. Only applications whose relation to
 * this user is `volunteer` (access.ts): a resident who removed them, or a withdrawn role, takes the
 * application out of this list.
 */
export async function helped(db: Database, volunteer: Viewer) {
	const volunteerId = volunteer.id;
	const [rows, drafts, me] = await db.batch([
		db
			.select({
				id: applications.id,
				trackingCode: applications.trackingCode,
				serviceName: services.name,
				applicantName: applications.applicantName,
				applicantPhone: applications.applicantPhone,
				applicantId: applications.applicantId,
				status: applications.status,
				dueAt: applications.dueAt,
				submittedAt: applications.submittedAt,
				correction: applications.correction
			})
			.from(applications)
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			.where(whereRelation(volunteer, ['volunteer']))
			.orderBy(desc(applications.submittedAt))
			.limit(300),
		db
			.select({
				id: applicationDrafts.id,
				serviceSlug: applicationDrafts.serviceSlug,
				serviceName: services.name,
				resident: applicationDrafts.resident,
				updatedAt: applicationDrafts.updatedAt
			})
			.from(applicationDrafts)
			.innerJoin(services, eq(services.slug, applicationDrafts.serviceSlug))
			.where(and(eq(applicationDrafts.userId, volunteerId), isNotNull(applicationDrafts.resident)))
			.orderBy(desc(applicationDrafts.updatedAt))
			.limit(50),
		db.select({ kelurahan: users.kelurahan }).from(users).where(eq(users.id, volunteerId))
	]);

	const residents = new Map<string, { name: string; phone: string; applications: HelpedApplication[] }>();
	for (const row of rows) {
		const item: HelpedApplication = {
			id: row.id,
			code: formatTrackingCode(row.trackingCode),
			serviceName: row.serviceName,
			status: row.status,
			dueAt: row.dueAt,
			submittedAt: row.submittedAt,
			correctionNote: row.status === 'needs_correction' ? (row.correction?.note ?? '') : null,
			inResidentAccount: row.applicantId !== null
		};
		const resident = residents.get(row.applicantPhone);
		if (resident) resident.applications.push(item);
		else residents.set(row.applicantPhone, { name: row.applicantName, phone: formatPhone(row.applicantPhone), applications: [item] });
	}
	const list = [...residents.values()];
	return {
		kelurahanName: kelurahanName(me[0]?.kelurahan ?? null),
		residents: list,
		corrections: list.flatMap((r) =>
			r.applications.filter((a) => a.correctionNote !== null).map((a) => ({ ...a, residentName: r.name }))
		),
		drafts: drafts.map((d) => ({
			id: d.id,
			serviceSlug: d.serviceSlug,
			serviceName: d.serviceName,
			residentName: d.resident?.name || m.staff_volunteer_resident_unnamed(),
			updatedAt: d.updatedAt
		}))
	};
}

// ------------------------------------------------------------------------------------------------
// Claiming and releasing

/** Wrong claims per account (and, more loosely, per client address) within the throttle's window. */
export const CLAIM_LIMIT = 5;
export const CLAIM_ADDRESS_LIMIT = 10;

export type ClaimResult =
	| { ok: true; applicationId: string; already: boolean }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'paused'; until: Date };

/**
 * A resident takes an application a volunteer made for them into their own account. They prove it is
 * theirs with the tracking code and the phone number given for them, which must also be their account's
 * number. Wrong guesses are counted per account and per address and pause further tries, as public
 * tracking does.
 */
export async function claim(
	db: Database,
	user: Pick<SessionUser, 'id' | 'phone' | 'role'>,
	input: { code: string; phone: string },
	clientAddress: string,
	now = new Date()
): Promise<ClaimResult> {
	// only residents' own accounts hold applications; an officer or admin has nothing to claim
	if (user.role !== 'citizen' && user.role !== 'volunteer') return { ok: false, reason: 'not_found' };
	const errors: Record<string, string> = {};
	const code = normalizeTrackingCode(input.code);
	const phone = input.phone.trim() ? normalizePhone(input.phone) : null;
	if (!code) errors.code = trackingMessages.code;
	if (!input.phone.trim()) errors.phone = volunteerMessages.phoneEmpty;
	else if (!phone) errors.phone = volunteerMessages.phoneUnknown;
	else if (phone !== user.phone) errors.phone = volunteerMessages.claimPhone;
	if (!code || !phone || phone !== user.phone) return { ok: false, reason: 'invalid', errors };

	const keys = [`claim:${user.id}`, `claim-ip:${clientAddress}`];
	const until = await throttle.lockedUntil(db, keys, now);
	if (until) return { ok: false, reason: 'paused', until };

	const [found] = await db
		.select({ id: applications.id, applicantId: applications.applicantId, applicantPhone: applications.applicantPhone })
		.from(applications)
		.where(eq(applications.trackingCode, code));
	if (!found || found.applicantPhone !== phone || (found.applicantId && found.applicantId !== user.id)) {
		await throttle.countFailure(db, keys[0]!, CLAIM_LIMIT, now);
		await throttle.countFailure(db, keys[1]!, CLAIM_ADDRESS_LIMIT, now);
		return { ok: false, reason: 'not_found' };
	}
	if (found.applicantId === user.id) return { ok: true, applicationId: found.id, already: true };

	const [claimed] = await db.batch([
		db
			.update(applications)
			.set({ applicantId: user.id, updatedAt: now })
			.where(and(eq(applications.id, found.id), isNull(applications.applicantId), eq(applications.applicantPhone, phone)))
			.returning({ id: applications.id }),
		...recordEvent(db, { applicationId: found.id, actorId: user.id, type: 'applicant_claimed', at: now })
	]);
	if (claimed.length > 0) return { ok: true, applicationId: found.id, already: false };
	// someone else's claim won in between: only the same account may count it as done
	const [after] = await db.select({ applicantId: applications.applicantId }).from(applications).where(eq(applications.id, found.id));
	return after?.applicantId === user.id ? { ok: true, applicationId: found.id, already: true } : { ok: false, reason: 'not_found' };
}

export type ReleaseResult = { ok: true } | { ok: false; message: string; notFound?: true };

/**
 * The applicant removes the volunteer from their application. From then on the volunteer sees it nowhere;
 * the recorded consent stays as history (it names the volunteer who helped at the time).
 */
export async function release(
	db: Database,
	applicant: Viewer,
	applicationId: string,
	now = new Date()
): Promise<ReleaseResult> {
	const [found] = await db
		.select({
			volunteerId: applications.volunteerId,
			applicantId: applications.applicantId,
			officeId: applications.officeId,
			applicantName: applications.applicantName,
			trackingCode: applications.trackingCode,
			serviceName: services.name
		})
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(eq(applications.id, applicationId));
	const relation = found ? relationOf(applicant, found) : 'none';
	if (!found || !may(relation, 'release')) {
		// the helping volunteer is told plainly; anyone else, as for a missing id
		return relation === 'volunteer'
			? { ok: false, message: volunteerMessages.releaseOnlyApplicant }
			: { ok: false, message: volunteerMessages.notFound, notFound: true };
	}
	if (!found.volunteerId || found.volunteerId === applicant.id) return { ok: false, message: volunteerMessages.releaseNone };

	const [released] = await db.batch([
		db
			.update(applications)
			.set({ volunteerId: null, updatedAt: now })
			.where(
				and(
					eq(applications.id, applicationId),
					eq(applications.applicantId, applicant.id),
					eq(applications.volunteerId, found.volunteerId)
				)
			)
			.returning({ id: applications.id }),
		...recordEvent(db, { applicationId, actorId: applicant.id, type: 'volunteer_released', at: now }),
		// the volunteer is told, without a link: the application is no longer theirs to open; a former
		// volunteer (role withdrawn) is told nothing more about residents
		insertWhere(
			db,
			notifications,
			[
				{
					userId: found.volunteerId,
					applicationId: null,
					text: `${found.applicantName} melepas Anda dari permohonan ${found.serviceName} (${formatTrackingCode(found.trackingCode)}).`,
					createdAt: now
				}
			],
			sql`changes() > 0 AND ${isActiveVolunteer(found.volunteerId)}`
		)
	]);
	return released.length > 0 ? { ok: true } : { ok: false, message: volunteerMessages.releaseNone };
}

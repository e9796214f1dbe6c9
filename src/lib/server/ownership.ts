/**
 * Who holds an application a volunteer made: the resident claims it into their own account with the
 * tracking code and their phone number (`claimApplication`; wrong guesses are limited like public
 * tracking), and can remove the volunteer (`releaseVolunteer`). After a release the volunteer sees the
 * application nowhere (access.ts) and is sent none of its notices. Results carry reason codes; the words
 * are in `ownershipMessages`, the feature's one wording map (`claimErrors`, `releaseProblemText`).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { normalizePhone } from '$lib/domain/phone';
import { formatTrackingCode, normalizeTrackingCode } from '$lib/domain/tracking-code';
import { isActiveVolunteer, may, relationOf, type Viewer } from './access';
import type { SessionUser } from './auth/session';
import * as throttle from './auth/throttle';
import { insertWhere } from './db/conditional';
import type { Database } from './db/open';
import { applications, notifications, services } from './db/schema';
import { recordEvent } from './events';
import { trackingMessages } from './tracking';
import { m } from '../paraglide/messages.js';

export const ownershipMessages = {
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
	}
} as const;
// Claiming and releasing

/** Wrong claims per account (and, more loosely, per client address) within the throttle's window. */
export const CLAIM_LIMIT = 5;
export const CLAIM_ADDRESS_LIMIT = 10;

/** What is wrong with a claim's form, per field. */
export interface ClaimProblems {
	code?: 'code_invalid';
	phone?: 'phone_empty' | 'phone_unknown' | 'phone_not_own';
}

/** A claim form's problems in words, per field (the form's `errors`). */
export function claimErrors(problems: ClaimProblems): Record<string, string> {
	const errors: Record<string, string> = {};
	if (problems.code) errors.code = trackingMessages.code;
	if (problems.phone === 'phone_empty') errors.phone = ownershipMessages.phoneEmpty;
	else if (problems.phone === 'phone_unknown') errors.phone = ownershipMessages.phoneUnknown;
	else if (problems.phone === 'phone_not_own') errors.phone = ownershipMessages.claimPhone;
	return errors;
}

export type ClaimResult =
	| { ok: true; applicationId: string; already: boolean }
	| { ok: false; reason: 'invalid'; problems: ClaimProblems }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'paused'; until: Date };

/**
 * A resident takes an application a volunteer made for them into their own account. They prove it is
 * theirs with the tracking code and the phone number given for them, which must also be their account's
 * number. Wrong guesses are counted per account and per address and pause further tries, as public
 * tracking does.
 */
export async function claimApplication(
	db: Database,
	user: Pick<SessionUser, 'id' | 'phone' | 'role'>,
	input: { code: string; phone: string },
	clientAddress: string,
	now = new Date()
): Promise<ClaimResult> {
	// only residents' own accounts hold applications; an officer or admin has nothing to claim
	if (user.role !== 'citizen' && user.role !== 'volunteer') return { ok: false, reason: 'not_found' };
	const problems: ClaimProblems = {};
	const code = normalizeTrackingCode(input.code);
	const phone = input.phone.trim() ? normalizePhone(input.phone) : null;
	if (!code) problems.code = 'code_invalid';
	if (!input.phone.trim()) problems.phone = 'phone_empty';
	else if (!phone) problems.phone = 'phone_unknown';
	else if (phone !== user.phone) problems.phone = 'phone_not_own';
	if (!code || !phone || phone !== user.phone) return { ok: false, reason: 'invalid', problems };

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

/** Why a release did nothing: not the applicant's to release, no volunteer on it, or no such application. */
export type ReleaseProblem = 'only_applicant' | 'not_helped' | 'not_found';

export type ReleaseResult = { ok: true } | { ok: false; reason: ReleaseProblem };

/** The words for a release that did nothing (a missing application is the route's 404). */
export const releaseProblemText = (reason: Exclude<ReleaseProblem, 'not_found'>): string =>
	reason === 'only_applicant' ? ownershipMessages.releaseOnlyApplicant : ownershipMessages.releaseNone;

/**
 * The applicant removes the volunteer from their application. From then on the volunteer sees it nowhere;
 * the recorded consent stays as history (it names the volunteer who helped at the time).
 */
export async function releaseVolunteer(
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
			? { ok: false, reason: 'only_applicant' }
			: { ok: false, reason: 'not_found' };
	}
	if (!found.volunteerId || found.volunteerId === applicant.id) return { ok: false, reason: 'not_helped' };

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
	return released.length > 0 ? { ok: true } : { ok: false, reason: 'not_helped' };
}
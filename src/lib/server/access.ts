/**
 * Access by relation: who may do what to an application is decided here, and only here, from the user's
 * relation to that one record. The hook's role gate (domain/roles.ts) is the first lock; every load, action
 * and feature function asks this module again (the second lock), so one mistake in the gate never opens
 * a record.
 *
 * Relations, in order of precedence (the first that holds is the relation):
 * - `applicant`: the application is in the user's own account (`applicantId`);
 * - `volunteer`: the volunteer who helped (`volunteerId`), only while the user is a volunteer now, or the
 *   officer who made it for a walk-in resident at the counter (loket), while an officer. The role comes
 *   from the session, and every role change ends that user's sessions, so a withdrawn volunteer's `role`
 *   is never stale; a resident who releases the helper clears the link itself;
 * - `officer`: an officer of the office that owns the application;
 * - `admin`;
 * - `none`: anyone else, the anonymous included. Routes answer 404 for it, exactly as for a missing id,
 *   so that an id is never confirmed to someone who has no business with it.
 * An applicant who is also an officer of the office stays `applicant`, and the officer who made an
 * application at the counter is its helper (`volunteer`), not its judge: nobody decides their own case.
 *
 * Threats handled: reading or acting on someone else's application by guessing or reusing its id; a
 * volunteer who keeps reaching residents' data (or their notices) after the role or the link ended; places
 * that each decided "is this yours?" a little differently. The relation is computed in memory
 * (`relationOf`) for a record already loaded, and as one SQL condition (`whereRelation`, `whereMay`) for
 * lists and single loads, from the same rules; the unit test keeps the two in step.
 */
import { and, eq, isNull, ne, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { OfficeId } from '$lib/domain/service';
import type { SessionUser } from './auth/session';
import type { Database } from './db/open';
import { applicationDrafts, applications, users } from './db/schema';

export const relations = ['applicant', 'volunteer', 'officer', 'admin', 'none'] as const;
export type Relation = (typeof relations)[number];

/** Who is asking: the session's user (role and office as they are now), or null for the anonymous. */
export type Viewer = Pick<SessionUser, 'id' | 'role'> & { officeId?: OfficeId | null };

/** The parts of an application that decide the relation. */
export interface Parties {
	applicantId: string | null;
	volunteerId: string | null;
	officeId: OfficeId;
}

/** The roles that can help a resident apply: volunteers in the field, officers at the counter. */
const helperRoles: readonly Viewer['role'][] = ['volunteer', 'officer'];

export function relationOf(user: Viewer | null | undefined, app: Parties): Relation {
	if (!user) return 'none';
	if (app.applicantId === user.id) return 'applicant';
	if (helperRoles.includes(user.role) && app.volunteerId === user.id) return 'volunteer';
	if (user.role === 'officer' && !!user.officeId && user.officeId === app.officeId) return 'officer';
	if (user.role === 'admin') return 'admin';
	return 'none';
}

/**
 * What each relation may do. Officers decide and read what they decide on; admins see the audit log and
 * reassign, but do not open residents' documents; the resident and the helping volunteer do the rest, and
 * only the resident may send the volunteer away.
 */
export const permissions = {
	/** The citizen's status page and timeline, and the application in "my applications". */
	view: ['applicant', 'volunteer'],
	/** Open a document of the application. */
	document: ['applicant', 'volunteer', 'officer'],
	/** Send the correction the officer asked for (resubmit). */
	correct: ['applicant', 'volunteer'],
	/** Cancel the application before review. */
	cancel: ['applicant', 'volunteer'],
	/** Book, move or cancel an appointment. */
	appointment: ['applicant', 'volunteer'],
	/** See the result and download or print it. */
	result: ['applicant', 'volunteer'],
	/** The printable hand-over slip. */
	slip: ['applicant', 'volunteer'],
	/** Remove the helping volunteer. */
	release: ['applicant'],
	/** Receive the application's notices. */
	notified: ['applicant', 'volunteer'],
	/** Submit an application: its author becomes its applicant, or its helping volunteer. */
	apply: ['applicant', 'volunteer'],
	/** Take an application a volunteer made into one's own account (with its tracking code). */
	adopt: ['applicant'],
	/** Submitting the same id again answers with the application (the idempotent replay). */
	replay: ['applicant', 'volunteer'],
	/** See the application whole in "Data saya" and download it, with who looked at it (UU PDP). */
	export: ['applicant'],
	/** Open the application at the desk (an audited look at personal data). */
	inspect: ['officer'],
	/** Claim, tick, ask for a correction, approve, reject, complete, upload the result, revoke. */
	decide: ['officer'],
	/** The full audit log and reassigning to another officer. */
	audit: ['admin']
} as const satisfies Record<string, readonly Exclude<Relation, 'none'>[]>;

export type Operation = keyof typeof permissions;
export const operations = Object.keys(permissions) as Operation[];

export function may(relation: Relation, operation: Operation): boolean {
	return (permissions[operation] as readonly Relation[]).includes(relation);
}

/** The relations allowed to do `operation`. */
export const relationsFor = (operation: Operation): readonly Relation[] => permissions[operation];

// ------------------------------------------------------------------------------------------------
// The same rules as SQL over `applications`

const never = sql`0 = 1`;

/**
 * SQL condition on `applications`: the user's relation to the row is one of `allowed`. Mirrors
 * `relationOf` exactly, precedence included (the applicant's own row is never also "volunteer" or
 * "officer" for them).
 */
export function whereRelation(user: Viewer | null | undefined, allowed: readonly Relation[]): SQL {
	if (!user) return never;
	const notApplicant = or(isNull(applications.applicantId), ne(applications.applicantId, user.id))!;
	const notHelper = or(isNull(applications.volunteerId), ne(applications.volunteerId, user.id))!;
	const parts: SQL[] = [];
	for (const relation of allowed) {
		switch (relation) {
			case 'applicant':
				parts.push(eq(applications.applicantId, user.id));
				break;
			case 'volunteer':
				if (helperRoles.includes(user.role)) parts.push(and(eq(applications.volunteerId, user.id), notApplicant)!);
				break;
			case 'officer':
				if (user.role === 'officer' && user.officeId) {
					parts.push(and(eq(applications.officeId, user.officeId), notApplicant, notHelper)!);
				}
				break;
			case 'admin':
				if (user.role === 'admin') parts.push(notApplicant);
				break;
			case 'none':
				// "nobody in particular" is never a reason to list a row
				break;
			default: {
				const unknown: never = relation;
				throw new Error(`unknown relation ${String(unknown)}`);
			}
		}
	}
	return parts.length === 0 ? never : parts.length === 1 ? parts[0]! : or(...parts)!;
}

/** SQL condition on `applications`: this user may do `operation` on the row. */
export const whereMay = (user: Viewer | null | undefined, operation: Operation) =>
	whereRelation(user, permissions[operation]);

/**
 * SQL condition on a user id column: that account is a volunteer now. Notices to the helping volunteer are
 * addressed with it at write time, in the same transaction, so a withdrawn volunteer is told nothing more.
 */
export const isActiveVolunteer = (userId: SQLWrapper | string) =>
	sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${userId} AND ${users.role} = 'volunteer')`;

/** The user's relation to one application, in one small query; 'none' for a missing or malformed id. */
export async function relationTo(db: Database, user: Viewer | null | undefined, applicationId: string): Promise<Relation> {
	if (!user || !isUuid(applicationId)) return 'none';
	const [row] = await db
		.select({ applicantId: applications.applicantId, volunteerId: applications.volunteerId, officeId: applications.officeId })
		.from(applications)
		.where(eq(applications.id, applicationId));
	return row ? relationOf(user, row) : 'none';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => UUID.test(value);

/**
 * SQL: the account `uploaderId` may attach a document under `applicationId` now. Decided inside the
 * INSERT, from the database's current rows and role, so an upload that races a submission, a release or
 * a role change cannot slip past it.
 * - Not submitted yet: the id belongs to its server draft's owner. An id with no server draft (the phone
 *   makes its own) is open to whoever uploads, but only the uploader's own documents count when it is
 *   submitted, and the others' are removed then.
 * - Submitted: the applicant or the helping volunteer while the officer waits on their correction; the
 *   officer holding it, of its office, once approved (the result file). Nobody else, ever.
 */
export function mayAttach(applicationId: string, uploaderId: string): SQL {
	return sql`CASE WHEN EXISTS (SELECT 1 FROM ${applications} WHERE ${applications.id} = ${applicationId})
		THEN EXISTS (SELECT 1 FROM ${applications} WHERE ${applications.id} = ${applicationId} AND (
			(${applications.status} = 'needs_correction' AND (${applications.applicantId} = ${uploaderId}
				OR (${applications.volunteerId} = ${uploaderId} AND ${isActiveVolunteer(uploaderId)})))
			OR (${applications.status} = 'approved' AND ${applications.assignedOfficerId} = ${uploaderId}
				AND EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${uploaderId} AND ${users.role} = 'officer' AND ${users.officeId} = ${applications.officeId}))))
		ELSE NOT EXISTS (SELECT 1 FROM ${applicationDrafts} WHERE ${applicationDrafts.id} = ${applicationId} AND ${applicationDrafts.userId} <> ${uploaderId})
		END`;
}

// ------------------------------------------------------------------------------------------------
// Complaints (pengaduan): the same idea, one table of relation → permission

/**
 * Relations to a complaint, in order of precedence:
 * - `filer`: the account that filed it, or whoever holds its code (a complaint can be filed without an
 *   account; the 12-character code is the key, like a receipt);
 * - `office`: an officer of the office that runs the service, unless the complaint names an officer (the
 *   office does not judge its own staff: those go to the admin only);
 * - `admin`: every complaint, the escalated ones and those naming an officer above all;
 * - `none`: anyone else (answered 404, as for a missing code).
 */
export const complaintRelations = ['filer', 'office', 'admin', 'none'] as const;
export type ComplaintRelation = (typeof complaintRelations)[number];

export interface ComplaintParties {
	userId: string | null;
	officeId: OfficeId;
	namesOfficer: boolean;
}

export function complaintRelationOf(
	user: Viewer | null | undefined,
	complaint: ComplaintParties,
	holdsCode = false
): ComplaintRelation {
	if (holdsCode || (user && complaint.userId === user.id)) return 'filer';
	if (!user) return 'none';
	if (user.role === 'officer' && !!user.officeId && user.officeId === complaint.officeId && !complaint.namesOfficer) return 'office';
	if (user.role === 'admin') return 'admin';
	return 'none';
}

export const complaintPermissions = {
	/** Read the complaint and its answer. */
	read: ['filer', 'office', 'admin'],
	/** Answer it (again, after a reopening). */
	answer: ['office', 'admin'],
	/** Say the answer solved it, or reopen it once. */
	close: ['filer'],
	/** See who filed it and how to reach them. */
	contact: ['office', 'admin']
} as const satisfies Record<string, readonly Exclude<ComplaintRelation, 'none'>[]>;
export type ComplaintOperation = keyof typeof complaintPermissions;

export function mayComplaint(relation: ComplaintRelation, operation: ComplaintOperation): boolean {
	return (complaintPermissions[operation] as readonly ComplaintRelation[]).includes(relation);
}

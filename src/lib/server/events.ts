/**
 * Application events: append-only (the database refuses UPDATE and DELETE on them). Every transition,
 * every officer note, every officer's look at an application or document, every booking is one event.
 * The citizen's timeline shows those with `visibleToCitizen`; the admin's audit log shows all.
 *
 * Helpers here return drizzle statements, so a caller can put the event in the same batch (one round trip,
 * one transaction) as the change it records.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Status } from '$lib/domain/workflow';
import { isActiveVolunteer } from './access';
import type { Database } from './db/open';
import { applicationEvents, applications, notifications, users } from './db/schema';

export type EventType =
	| 'submitted'
	| 'claimed'
	| 'reassigned'
	| 'correction_requested'
	| 'resubmitted'
	| 'approved'
	| 'rejected'
	| 'completed'
	| 'cancelled'
	| 'viewed'
	| 'document_viewed'
	| 'note'
	| 'checklist'
	| 'appointment_booked'
	| 'appointment_moved'
	| 'appointment_cancelled'
	| 'result_revoked'
	| 'volunteer_released'
	| 'applicant_claimed';

export interface NewEvent {
	applicationId: string;
	actorId: string | null;
	type: EventType;
	fromStatus?: Status | null;
	toStatus?: Status | null;
	note?: string | null;
	visibleToCitizen: boolean;
	at: Date;
}

/** Anything that can insert: the database or a transaction. */
export type Writer = Pick<Database, 'insert'>;

export function eventRow(event: NewEvent) {
	return {
		applicationId: event.applicationId,
		actorId: event.actorId,
		type: event.type,
		fromStatus: event.fromStatus ?? null,
		toStatus: event.toStatus ?? null,
		note: event.note ?? null,
		visibleToCitizen: event.visibleToCitizen,
		createdAt: event.at
	};
}

export function appendEvent(db: Writer, event: NewEvent) {
	return db.insert(applicationEvents).values(eventRow(event));
}

/**
 * A notice to the application's people, addressed at write time from the application row itself: its
 * applicant, and the helping volunteer only while that account is a volunteer (a withdrawn volunteer, or
 * one the resident released, is told nothing more). Reading the addressees inside the statement, not
 * before it, means a release or a withdrawal that lands at the same moment cannot be missed.
 * `ifPreviousChanged`: only if the statement before it in the same batch changed something.
 */
export function noticeToParties(
	db: Pick<Database, 'run'>,
	input: { applicationId: string; text: string; at: Date; ifPreviousChanged?: boolean }
) {
	const guard = input.ifPreviousChanged ? sql` AND changes() > 0` : sql``;
	const at = input.at.getTime();
	return db.run(sql`INSERT INTO ${notifications} (${sql.identifier(notifications.userId.name)}, ${sql.identifier(notifications.applicationId.name)}, ${sql.identifier(notifications.text.name)}, ${sql.identifier(notifications.createdAt.name)})
		SELECT ${applications.applicantId}, ${applications.id}, ${input.text}, ${at} FROM ${applications}
			WHERE ${applications.id} = ${input.applicationId} AND ${applications.applicantId} IS NOT NULL${guard}
		UNION ALL
		SELECT ${applications.volunteerId}, ${applications.id}, ${input.text}, ${at} FROM ${applications}
			WHERE ${applications.id} = ${input.applicationId} AND ${applications.volunteerId} IS NOT NULL
				AND ${applications.volunteerId} IS NOT ${applications.applicantId}
				AND ${isActiveVolunteer(applications.volunteerId)}${guard}`);
}

/** The full audit log of one application, for admins: every event, with who did it. */
export function auditLog(db: Database, applicationId: string) {
	return db
		.select({
			id: applicationEvents.id,
			type: applicationEvents.type,
			fromStatus: applicationEvents.fromStatus,
			toStatus: applicationEvents.toStatus,
			note: applicationEvents.note,
			visibleToCitizen: applicationEvents.visibleToCitizen,
			createdAt: applicationEvents.createdAt,
			actorName: users.name,
			actorRole: users.role
		})
		.from(applicationEvents)
		.leftJoin(users, eq(users.id, applicationEvents.actorId))
		.where(eq(applicationEvents.applicationId, applicationId))
		.orderBy(asc(applicationEvents.id));
}

/**
 * Application events: append-only (the database refuses UPDATE and DELETE on them). Every transition,
 * every officer note, every officer's look at an application or document, every booking is one event.
 * What each kind of event means (its action, who sees it, its label, its notice) is the table in
 * domain/events.ts; this module only writes and reads them.
 *
 * `recordEvent` returns drizzle statements, so a caller puts the event and its notice in the same batch
 * (one round trip, one transaction) as the change it records: the in-app notice, and the messages for
 * the channels outside the app (WhatsApp, SMS, Web Push) queued in the outbox (notify/outbox.ts).
 */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { definitionOf, noticeText, type EventData, type EventType } from '$lib/domain/events';
import { formatTrackingCode } from '$lib/domain/tracking-code';
import type { Status } from '$lib/domain/workflow';
import { isActiveVolunteer } from './access';
import { insertWhere } from './db/conditional';
import type { Database } from './db/open';
import { applicationEvents, applications, notifications, users } from './db/schema';
import { queueEventNotices } from './notify/outbox';

export type { EventType } from '$lib/domain/events';

export interface NewEvent<T extends EventType = EventType> {
	applicationId: string;
	actorId: string | null;
	type: T;
	fromStatus?: Status | null;
	toStatus?: Status | null;
	note?: string | null;
	data?: EventData[T];
	at: Date;
}

/** The row of an event; whether the citizen sees it comes from the event table, never from the caller. */
export function eventRow<T extends EventType>(event: NewEvent<T>) {
	return {
		applicationId: event.applicationId,
		actorId: event.actorId,
		type: event.type,
		fromStatus: event.fromStatus ?? null,
		toStatus: event.toStatus ?? null,
		note: event.note ?? null,
		data: event.data ?? null,
		visibleToCitizen: definitionOf(event.type).citizen,
		createdAt: event.at
	};
}

export interface RecordOptions {
	/**
	 * When the event is written: `always`; `ifPreviousChanged` (default), only if the statement before it in
	 * the batch changed something (the update it records did not lose a race); or only where an SQL
	 * condition holds.
	 */
	when?: 'always' | 'ifPreviousChanged' | SQL;
	/** The service's name and the raw tracking code, for the notice text (needed when the type sends one). */
	about?: { service: string; trackingCode: string };
}

/**
 * The statements that record one event: the event row, then the notice its type sends (if any), addressed
 * inside the batch and written only if the event was. Spread them into the caller's `db.batch`.
 */
export function recordEvent<T extends EventType>(db: Database, event: NewEvent<T>, options: RecordOptions = {}) {
	const when = options.when ?? 'ifPreviousChanged';
	const row = eventRow(event);
	const eventStatement =
		when === 'always'
			? db.insert(applicationEvents).values(row)
			: insertWhere(db, applicationEvents, [row], when === 'ifPreviousChanged' ? sql`changes() > 0` : when);
	const text = definitionOf(event.type).notice
		? noticeText(event.type, {
				service: options.about?.service ?? '',
				code: options.about ? formatTrackingCode(options.about.trackingCode) : '',
				data: (event.data ?? null) as EventData[T]
			})
		: null;
	if (text !== null && !options.about && definitionOf(event.type).action) {
		throw new Error(`the notice of a ${event.type} event names the service: pass \`about\``);
	}
	if (text === null) return [eventStatement] as const;
	const inApp = noticeToParties(db, { applicationId: event.applicationId, text, at: event.at, ifPreviousChanged: true });
	// WhatsApp, SMS, Web Push: queued in the same batch, only if the event was written (notify/outbox.ts)
	const outside = queueEventNotices(db, { applicationId: event.applicationId, type: event.type, at: event.at, text });
	return outside ? ([eventStatement, inApp, outside] as const) : ([eventStatement, inApp] as const);
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
			data: applicationEvents.data,
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

/** Every event of one application, oldest first: what `deriveStatus` replays. */
export function eventsOf(db: Database, applicationId: string) {
	return db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.id));
}

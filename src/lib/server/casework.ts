/**
 * An officer's work on one application, outside the status changes (those are in decisions.ts): opening
 * it (every opening is an audit event), ticking the requirements checklist, reassigning (admins), and
 * revoking an issued document. Officers see only their own office's applications, admins only the audit
 * side: every function here asks access.ts (`inspect`, `decide`, `audit`) inside its own query.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { limitMessages, textLimits, textTooLong } from '$lib/domain/limits';
import type { Status } from '$lib/domain/workflow';
import { whereMay } from './access';
import type { SessionUser } from './auth/session';
import type { Database } from './db/open';
import {
	applicationEvents,
	applications,
	documents,
	results,
	services,
	users
} from './db/schema';
import { openAnswers } from './crypto/answers';
import { keyring } from './crypto/keys';
import { auditLog, recordEvent } from './events';
import { m } from '../paraglide/messages.js';
import { localizedName } from '$lib/server/db/localized';

export const caseworkMessages = {
	get notHolding() {
		return m.staff_casework_not_holding();
	},
	get officerOffice() {
		return m.staff_casework_officer_office();
	},
	get notIssued() {
		return m.staff_casework_not_issued();
	},
	get reasonMissing() {
		return m.staff_casework_reason_missing();
	}
} as const;

/**
 * The application with everything an officer needs to check it, and an audit event for this opening,
 * in one round trip. The event is written only if the application belongs to the officer's office.
 */
export async function openForOfficer(db: Database, officer: SessionUser, applicationId: string, now = new Date()) {
	const mine = and(eq(applications.id, applicationId), whereMay(officer, 'inspect'))!;
	const [rows, docs, result, events] = await db.batch([
		db
			.select({ application: applications, service: services, holderName: users.name })
			.from(applications)
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			.leftJoin(users, eq(users.id, applications.assignedOfficerId))
			.where(mine),
		db.select().from(documents).where(eq(documents.applicationId, applicationId)).orderBy(asc(documents.createdAt)),
		db.select().from(results).where(eq(results.applicationId, applicationId)),
		db
			.select({
				type: applicationEvents.type,
				note: applicationEvents.note,
				createdAt: applicationEvents.createdAt,
				actorName: users.name
			})
			.from(applicationEvents)
			.leftJoin(users, eq(users.id, applicationEvents.actorId))
			.where(and(eq(applicationEvents.applicationId, applicationId), eq(applicationEvents.visibleToCitizen, true)))
			.orderBy(asc(applicationEvents.id)),
		// audit: "an officer opened this application", only when it is theirs to open
		...recordEvent(db, { applicationId, actorId: officer.id, type: 'viewed', at: now }, { when: sql`EXISTS (SELECT 1 FROM ${applications} WHERE ${mine})` })
	]);
	const row = rows[0];
	if (!row) return null;
	const answers = await openAnswers(keyring(), row.application.answers, 'applications', row.application.id);
	return { ...row, application: { ...row.application, answers }, documents: docs, result: result[0] ?? null, events };
}

/**
 * An officer chooses to see one NIK or No. KK of an application in full (masked by default): the value,
 * and an audit event `nik_revealed` naming the field, only for an officer of its office (`inspect`).
 * Null when it is not theirs to see or the field is not such a number.
 */
export async function revealNumber(db: Database, officer: SessionUser, applicationId: string, fieldKey: string, now = new Date()) {
	const [row] = await db
		.select({ application: applications, steps: services.steps })
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(and(eq(applications.id, applicationId), whereMay(officer, 'inspect')));
	const field = row?.steps.flatMap((s) => s.fields).find((f) => f.key === fieldKey);
	if (!row || !field || (field.kind !== 'nik' && field.kind !== 'kk')) return null;
	const answers = await openAnswers(keyring(), { [fieldKey]: row.application.answers[fieldKey] ?? '' }, 'applications', applicationId);
	const [statement] = recordEvent(
		db,
		{ applicationId, actorId: officer.id, type: 'nik_revealed', note: field.label, data: { field: fieldKey }, at: now },
		{ when: 'always' }
	);
	await statement;
	return { key: fieldKey, label: field.label, value: answers[fieldKey] };
}

/** Whether this officer holds the application and it is in `status`: the guard before storing a result file. */
export async function holds(db: Database, officer: SessionUser, applicationId: string, status: Status) {
	const [row] = await db
		.select({ id: applications.id })
		.from(applications)
		.where(
			and(
				eq(applications.id, applicationId),
				whereMay(officer, 'decide'),
				eq(applications.assignedOfficerId, officer.id),
				eq(applications.status, status)
			)
		);
	return !!row;
}

/** Records that an officer opened a document (called by the document route). */
export function documentViewed(db: Database, officer: SessionUser, applicationId: string, requirementKey: string) {
	const [statement] = recordEvent(
		db,
		{ applicationId, actorId: officer.id, type: 'document_viewed', note: requirementKey, data: { requirementKey }, at: new Date() },
		{ when: 'always' }
	);
	return statement;
}

export async function setChecklist(
	db: Database,
	officer: SessionUser,
	applicationId: string,
	checks: Record<string, boolean>,
	now = new Date()
): Promise<{ ok: true } | { ok: false; message: string }> {
	// only the ids of this service's requirements (at most 30), so a forged post cannot store thousands
	// of keys in the application, nor a tick for an item that does not exist
	const [found] = await db
		.select({ standard: services.standard })
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(eq(applications.id, applicationId));
	const requirements = found?.standard.requirements ?? [];
	const ticked = requirements.filter((r) => checks[r.id] === true);
	checks = Object.fromEntries(ticked.map((r) => [r.id, true]));
	const [updated] = await db.batch([
		db
			.update(applications)
			.set({ checklist: checks, updatedAt: now })
			.where(and(eq(applications.id, applicationId), whereMay(officer, 'decide'), eq(applications.assignedOfficerId, officer.id)))
			.returning({ id: applications.id }),
		...recordEvent(db, {
			applicationId,
			actorId: officer.id,
			type: 'checklist',
			note: ticked.length ? `Dicentang: ${ticked.map((r) => r.text).join(' ')}` : 'Semua centang dihapus',
			data: { ticked: ticked.map((r) => r.id) },
			at: now
		})
	]);
	return updated.length > 0 ? { ok: true } : { ok: false, message: caseworkMessages.notHolding };
}

/** Admins move an application to another officer of the same office. */
export async function reassign(
	db: Database,
	admin: SessionUser,
	applicationId: string,
	officerId: string,
	now = new Date()
): Promise<{ ok: true } | { ok: false; message: string }> {
	const [officer] = await db.select({ name: users.name }).from(users).where(eq(users.id, officerId));
	const [updated] = await db.batch([
		db
			.update(applications)
			.set({ assignedOfficerId: officerId, updatedAt: now })
			.where(
				and(
					eq(applications.id, applicationId),
					whereMay(admin, 'audit'),
					sql`${applications.officeId} = (SELECT ${users.officeId} FROM ${users} WHERE ${users.id} = ${officerId} AND ${users.role} = 'officer')`
				)
			)
			.returning({ id: applications.id }),
		...recordEvent(db, {
			applicationId,
			actorId: admin.id,
			type: 'reassigned',
			note: `Dialihkan ke ${officer?.name ?? officerId}`,
			data: { officerId },
			at: now
		})
	]);
	return updated.length > 0 ? { ok: true } : { ok: false, message: caseworkMessages.officerOffice };
}

/** Revokes a document this app issued; the verification page then says so. */
export async function revokeResult(
	db: Database,
	officer: SessionUser,
	applicationId: string,
	reason: string,
	now = new Date()
): Promise<{ ok: true } | { ok: false; message: string }> {
	if (!reason.trim()) return { ok: false, message: caseworkMessages.reasonMissing };
	if (textTooLong(reason.trim(), 'reason')) return { ok: false, message: limitMessages.tooLongNamed(m.staff_label_reason(), textLimits.reason) };
	const [updated] = await db.batch([
		db
			.update(results)
			.set({ revokedAt: now, revokedReason: reason.trim() })
			.where(
				and(
					eq(results.applicationId, applicationId),
					eq(results.kind, 'issued'),
					sql`${results.revokedAt} IS NULL`,
					sql`EXISTS (SELECT 1 FROM ${applications} WHERE ${applications.id} = ${applicationId} AND ${whereMay(officer, 'decide')})`
				)
			)
			.returning({ id: results.applicationId }),
		...recordEvent(db, { applicationId, actorId: officer.id, type: 'result_revoked', note: reason.trim(), at: now })
	]);
	return updated.length > 0 ? { ok: true } : { ok: false, message: caseworkMessages.notIssued };
}

/** For admins: an application by tracking code or id, with its full audit log and the office's officers. */
export async function forAdmin(db: Database, admin: SessionUser, idOrCode: string) {
	const [rows, officers] = await db.batch([
		db
			.select({ application: applications, serviceName: localizedName(services), holderName: users.name })
			.from(applications)
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			.leftJoin(users, eq(users.id, applications.assignedOfficerId))
			.where(and(sql`(${applications.id} = ${idOrCode} OR ${applications.trackingCode} = ${idOrCode})`, whereMay(admin, 'audit'))),
		db
			.select({ id: users.id, name: users.name, officeId: users.officeId })
			.from(users)
			.where(eq(users.role, 'officer'))
			.orderBy(asc(users.name))
	]);
	const row = rows[0];
	if (!row) return null;
	const log = await auditLog(db, row.application.id);
	return { ...row, log, officers: officers.filter((o) => o.officeId === row.application.officeId) };
}

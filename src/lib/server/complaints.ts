/**
 * Complaints (pengaduan): filing with or without an account, the office's answer, the resident's verdict.
 * The rules (clock, reopening, escalation) are domain/complaints.ts; who may do what is access.ts
 * (`complaintRelationOf`, `complaintPermissions`); this module only reads and writes, each change as one
 * conditional UPDATE (… WHERE status = <the status it checked>), so two clicks cannot both win.
 */
import { and, asc, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import {
	answerDue,
	answerSchema,
	answeredOnTime,
	complaintMessages,
	complaintSchema,
	generateComplaintCode,
	isEscalated,
	mayMarkSolved,
	mayReopen,
	normalizeComplaintCode,
	reopenSchema
} from '$lib/domain/complaints';
import { calendarFrom } from '$lib/domain/holidays';
import { normalizePhone } from '$lib/domain/phone';
import { normalizeTrackingCode } from '$lib/domain/tracking-code';
import { complaintRelationOf, mayComplaint, type ComplaintRelation, type Viewer } from './access';
import type { Database } from './db/open';
import { applications, complaints, holidays, services, type Complaint } from './db/schema';
import { localizedName } from '$lib/server/db/localized';

type Errors = Record<string, string>;

function issuesToErrors(issues: readonly v.BaseIssue<unknown>[]): Errors {
	const errors: Errors = {};
	for (const issue of issues) {
		const key = issue.path?.[0]?.key;
		const name = typeof key === 'string' ? key : 'form';
		if (!errors[name]) errors[name] = issue.message;
	}
	return errors;
}

async function calendarOf(db: Database) {
	return calendarFrom(await db.select({ date: holidays.date }).from(holidays));
}

export type FileResult = { ok: true; code: string } | { ok: false; errors: Errors };

/**
 * Files a complaint about a service, or about one application (its tracking code: then the application's
 * own service and office count, whatever service was chosen). Idempotent by `id` (the form's hidden id):
 * sending the same form twice gives the first complaint's code.
 */
export async function file(
	db: Database,
	user: Viewer | null,
	input: Record<string, string>,
	id: string,
	now = new Date()
): Promise<FileResult> {
	const parsed = v.safeParse(complaintSchema, input);
	if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.issues) };
	const form = parsed.output;
	const errors: Errors = {};
	let phone: string | null = null;
	if (form.contactPhone) {
		phone = normalizePhone(form.contactPhone);
		if (!phone) errors.contactPhone = complaintMessages.phoneInvalid;
	}
	if (!/^[0-9a-f-]{36}$/.test(id)) id = crypto.randomUUID();
	const [replayed] = await db.select({ code: complaints.code }).from(complaints).where(eq(complaints.id, id));
	if (replayed) return { ok: true, code: replayed.code };

	let application: { id: string; serviceSlug: string; officeId: Complaint['officeId'] } | null = null;
	if (form.application) {
		const code = normalizeTrackingCode(form.application);
		const [row] = code
			? await db
					.select({ id: applications.id, serviceSlug: applications.serviceSlug, officeId: applications.officeId })
					.from(applications)
					.where(eq(applications.trackingCode, code))
			: [];
		if (!row) errors.application = complaintMessages.applicationUnknown;
		application = row ?? null;
	}
	const slug = application?.serviceSlug ?? form.service;
	const [service] = await db.select({ slug: services.slug, officeId: services.officeId }).from(services).where(eq(services.slug, slug));
	if (!service) errors.service = complaintMessages.serviceMissing;
	if (Object.keys(errors).length > 0 || !service) return { ok: false, errors };

	const cal = await calendarOf(db);
	const code = generateComplaintCode();
	const namesOfficer = form.aboutOfficer === 'ya';
	await db
		.insert(complaints)
		.values({
			id,
			code,
			serviceSlug: service.slug,
			officeId: service.officeId,
			applicationId: application?.id ?? null,
			userId: user?.id ?? null,
			contactName: form.contactName || null,
			contactPhone: phone,
			text: form.text,
			namesOfficer,
			officerName: namesOfficer ? form.officerName || null : null,
			status: 'open',
			filedAt: now,
			dueAt: answerDue(now, cal),
			updatedAt: now
		})
		.onConflictDoNothing();
	const [stored] = await db.select({ code: complaints.code }).from(complaints).where(eq(complaints.id, id));
	return { ok: true, code: stored!.code };
}

export interface ComplaintView {
	complaint: Complaint;
	serviceName: string;
	relation: ComplaintRelation;
	escalated: boolean;
	mayReopen: boolean;
	mayMarkSolved: boolean;
	mayAnswer: boolean;
	showContact: boolean;
}

async function view(db: Database, where: SQL, user: Viewer | null, holdsCode: boolean, now: Date): Promise<ComplaintView | null> {
	const [[row], calendarRows] = await db.batch([
		db
			.select({ complaint: complaints, serviceName: localizedName(services) })
			.from(complaints)
			.innerJoin(services, eq(services.slug, complaints.serviceSlug))
			.where(where),
		db.select({ date: holidays.date }).from(holidays)
	]);
	if (!row) return null;
	const relation = complaintRelationOf(user, row.complaint, holdsCode);
	if (!mayComplaint(relation, 'read')) return null;
	const c = row.complaint;
	const cal = calendarFrom(calendarRows);
	const isFiler = mayComplaint(relation, 'close');
	return {
		complaint: c,
		serviceName: row.serviceName,
		relation,
		escalated: isEscalated(c, now),
		mayReopen: isFiler && mayReopen(c, now, cal),
		mayMarkSolved: isFiler && mayMarkSolved(c),
		mayAnswer: mayComplaint(relation, 'answer') && c.status === 'open',
		showContact: mayComplaint(relation, 'contact')
	};
}

/** The complaint behind a code, for whoever holds the code. */
export function byCode(db: Database, user: Viewer | null, typed: string, now = new Date()) {
	const code = normalizeComplaintCode(typed);
	return code ? view(db, eq(complaints.code, code), user, true, now) : Promise.resolve(null);
}

/** A complaint by id, for the office or the admin (and the filer's own account). */
export function byId(db: Database, user: Viewer, id: string, now = new Date()) {
	return view(db, eq(complaints.id, id), user, false, now);
}

export type ChangeResult = { ok: true } | { ok: false; message: string; notFound?: true };

/** The office (or the admin) answers; a reopened complaint is answered again the same way. */
export async function answer(db: Database, user: Viewer, id: string, input: Record<string, string>, now = new Date()): Promise<ChangeResult> {
	const found = await byId(db, user, id, now);
	if (!found) return { ok: false, message: complaintMessages.notFound, notFound: true };
	if (!mayComplaint(found.relation, 'answer')) return { ok: false, message: complaintMessages.notAllowed };
	const parsed = v.safeParse(answerSchema, input);
	if (!parsed.success) return { ok: false, message: parsed.issues[0].message };
	const c = found.complaint;
	if (c.status !== 'open') return { ok: false, message: complaintMessages.changed };
	const first = c.reopenCount === 0 && c.firstAnsweredOnTime === null;
	const updated = await db
		.update(complaints)
		.set({
			status: 'answered',
			answer: parsed.output.answer,
			answeredAt: now,
			answeredBy: user.id,
			...(first ? { firstAnsweredOnTime: answeredOnTime(now, c.dueAt) } : {}),
			updatedAt: now
		})
		.where(and(eq(complaints.id, id), eq(complaints.status, 'open')))
		.returning({ id: complaints.id });
	return updated.length > 0 ? { ok: true } : { ok: false, message: complaintMessages.changed };
}

/** The filer (by code) says the answer solved it. */
export async function markSolved(db: Database, user: Viewer | null, code: string, now = new Date()): Promise<ChangeResult> {
	const found = await byCode(db, user, code, now);
	if (!found) return { ok: false, message: complaintMessages.notFound, notFound: true };
	if (!found.mayMarkSolved) return { ok: false, message: complaintMessages.changed };
	const updated = await db
		.update(complaints)
		.set({ status: 'solved', solvedAt: now, updatedAt: now })
		.where(and(eq(complaints.id, found.complaint.id), eq(complaints.status, 'answered')))
		.returning({ id: complaints.id });
	return updated.length > 0 ? { ok: true } : { ok: false, message: complaintMessages.changed };
}

/** The filer reopens once, within 5 working days of the answer: a new 5-day clock starts. */
export async function reopen(db: Database, user: Viewer | null, code: string, input: Record<string, string>, now = new Date()): Promise<ChangeResult> {
	const found = await byCode(db, user, code, now);
	if (!found) return { ok: false, message: complaintMessages.notFound, notFound: true };
	if (!found.mayReopen) return { ok: false, message: complaintMessages.reopenClosed };
	const parsed = v.safeParse(reopenSchema, input);
	if (!parsed.success) return { ok: false, message: parsed.issues[0].message };
	const cal = await calendarOf(db);
	const updated = await db
		.update(complaints)
		.set({
			status: 'open',
			reopenCount: 1,
			reopenReason: parsed.output.reason,
			previousAnswer: found.complaint.answer,
			answer: null,
			answeredAt: null,
			answeredBy: null,
			dueAt: answerDue(now, cal),
			updatedAt: now
		})
		.where(and(eq(complaints.id, found.complaint.id), eq(complaints.status, 'answered'), eq(complaints.reopenCount, 0)))
		.returning({ id: complaints.id });
	return updated.length > 0 ? { ok: true } : { ok: false, message: complaintMessages.changed };
}

/** The columns of a complaints list, the service named in the reader's language. */
const listColumns = () => ({
	id: complaints.id,
	code: complaints.code,
	status: complaints.status,
	text: complaints.text,
	filedAt: complaints.filedAt,
	dueAt: complaints.dueAt,
	namesOfficer: complaints.namesOfficer,
	reopenCount: complaints.reopenCount,
	serviceName: localizedName(services)
});

/** The office's complaints (never those naming an officer), waiting ones first, by due time. */
export async function listForOffice(db: Database, user: Viewer & { officeId: NonNullable<Viewer['officeId']> }, now = new Date()) {
	const rows = await db
		.select(listColumns())
		.from(complaints)
		.innerJoin(services, eq(services.slug, complaints.serviceSlug))
		.where(and(eq(complaints.officeId, user.officeId), eq(complaints.namesOfficer, false)))
		.orderBy(sql`${complaints.status} <> 'open'`, asc(complaints.dueAt))
		.limit(200);
	return rows.map((r) => ({ ...r, escalated: isEscalated(r, now) }));
}

/**
 * The admin's list: escalated complaints (open past their due time) and those naming an officer first,
 * then the rest that still wait.
 */
export async function listForAdmin(db: Database, now = new Date()) {
	const rows = await db
		.select(listColumns())
		.from(complaints)
		.innerJoin(services, eq(services.slug, complaints.serviceSlug))
		.where(or(eq(complaints.status, 'open'), eq(complaints.namesOfficer, true)))
		.orderBy(desc(sql`${complaints.status} = 'open' AND ${complaints.dueAt} < ${now.getTime()}`), desc(complaints.namesOfficer), asc(complaints.dueAt))
		.limit(200);
	return rows.map((r) => ({ ...r, escalated: isEscalated(r, now) }));
}

/** The signed-in user's own complaints. */
export function listMine(db: Database, user: Viewer) {
	return db
		.select(listColumns())
		.from(complaints)
		.innerJoin(services, eq(services.slug, complaints.serviceSlug))
		.where(eq(complaints.userId, user.id))
		.orderBy(desc(complaints.filedAt))
		.limit(100);
}

/** Open complaints past due now, for the admin's badge. */
export async function escalatedCount(db: Database, now = new Date()) {
	const [row] = await db
		.select({ n: sql<number>`count(*)` })
		.from(complaints)
		.where(and(eq(complaints.status, 'open'), lt(complaints.dueAt, now)));
	return row?.n ?? 0;
}


/**
 * "Data saya" (UU 27/2022): everything the city holds about one account, who looked at it and when, and
 * the resident's requests to correct or delete, answered by an admin within 3 × 24 hours.
 *
 * - What is shown is the account's own: its row, the applications it is the applicant of (access.ts,
 *   `export`), their answers opened (server/crypto), documents, consents, notifications, requests.
 * - "Who looked" is read from the one event table (domain/events.ts): the officer views of personal data
 *   (`viewed`, `document_viewed`, `nik_revealed`) that the citizen's timeline does not show as steps.
 * - Admins see requests and the access log across accounts (`audit`-side screens, requireAdmin in routes).
 */
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { answerSections } from '$lib/domain/answers';
import { labelOfEvent } from '$lib/domain/events';
import { dataRequestAnswerSchema, dataRequestDue, dataRequestSchema, privacyMessages, type DataRequestKind } from '$lib/domain/privacy';
import { roleLabel } from '$lib/domain/roles';
import { localizeService } from '$lib/domain/service-language';
import { statusLabel } from '$lib/domain/workflow';
import { m } from '../paraglide/messages.js';
import { whereRelation } from './access';
import type { SessionUser } from './auth/session';
import { openAnswers } from './crypto/answers';
import { keyring } from './crypto/keys';
import type { Database } from './db/open';
import {
	applicationDrafts,
	applicationEvents,
	applications,
	dataRequests,
	documents,
	notifications,
	offices,
	services,
	users
} from './db/schema';
import { localizedName } from '$lib/server/db/localized';

/** The event types that are an officer's look at personal data. */
export const viewEventTypes = ['viewed', 'document_viewed', 'nik_revealed'] as const;

/** Everything held about this account, as one object: the page shows it, the download is it. */
export async function collect(db: Database, user: Pick<SessionUser, 'id' | 'role'>) {
	const mine = whereRelation(user, ['applicant']);
	const [[account], apps, docs, events, notices, requests, drafts] = await db.batch([
		db
			.select({ name: users.name, phone: users.phone, role: users.role, createdAt: users.createdAt, office: localizedName(offices) })
			.from(users)
			.leftJoin(offices, eq(offices.id, users.officeId))
			.where(eq(users.id, user.id)),
		db
			.select({ application: applications, service: services, officeName: localizedName(offices) })
			.from(applications)
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			.innerJoin(offices, eq(offices.id, applications.officeId))
			.where(mine)
			.orderBy(desc(applications.submittedAt)),
		db
			.select({
				id: documents.id,
				applicationId: documents.applicationId,
				requirementKey: documents.requirementKey,
				contentType: documents.contentType,
				size: documents.size,
				createdAt: documents.createdAt
			})
			.from(documents)
			.innerJoin(applications, eq(applications.id, documents.applicationId))
			.where(mine)
			.orderBy(asc(documents.createdAt)),
		db
			.select({
				applicationId: applicationEvents.applicationId,
				type: applicationEvents.type,
				note: applicationEvents.note,
				visibleToCitizen: applicationEvents.visibleToCitizen,
				createdAt: applicationEvents.createdAt,
				actorName: users.name,
				actorRole: users.role,
				actorOffice: localizedName(offices)
			})
			.from(applicationEvents)
			.innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
			.leftJoin(users, eq(users.id, applicationEvents.actorId))
			.leftJoin(offices, eq(offices.id, users.officeId))
			.where(mine)
			.orderBy(asc(applicationEvents.id)),
		db
			.select({ text: notifications.text, createdAt: notifications.createdAt, readAt: notifications.readAt })
			.from(notifications)
			.where(eq(notifications.userId, user.id))
			.orderBy(desc(notifications.id))
			.limit(500),
		db.select().from(dataRequests).where(eq(dataRequests.userId, user.id)).orderBy(desc(dataRequests.createdAt)),
		db
			.select({ id: applicationDrafts.id, service: services, updatedAt: applicationDrafts.updatedAt })
			.from(applicationDrafts)
			.innerJoin(services, eq(services.slug, applicationDrafts.serviceSlug))
			.where(eq(applicationDrafts.userId, user.id))
	]);

	const keys = keyring();
	const applicationsHeld = [];
	for (const row of apps) {
		const app = row.application;
		const service = localizeService(row.service);
		const answers = await openAnswers(keys, app.answers, 'applications', app.id);
		const label = (key: string) => service.documents.find((d) => d.key === key)?.label ?? (key === 'hasil' ? m.account_data_result_document() : key);
		applicationsHeld.push({
			id: app.id,
			trackingCode: app.trackingCode,
			service: service.name,
			office: row.officeName,
			status: statusLabel[app.status],
			submittedAt: app.submittedAt,
			applicantName: app.applicantName,
			applicantPhone: app.applicantPhone,
			answers: answerSections(service.steps, answers).map((s) => ({ title: s.title, rows: s.rows.map((r) => ({ label: r.label, value: r.value })) })),
			documents: docs.filter((d) => d.applicationId === app.id).map((d) => ({ id: d.id, label: label(d.requirementKey), contentType: d.contentType, size: d.size, createdAt: d.createdAt })),
			history: events
				.filter((e) => e.applicationId === app.id && e.visibleToCitizen)
				.map((e) => ({ what: labelOfEvent(e.type), at: e.createdAt }))
		});
	}
	const codeOf = new Map(apps.map((r) => [r.application.id, r.application.trackingCode]));
	const views = events
		.filter((e) => (viewEventTypes as readonly string[]).includes(e.type))
		.map((e) => ({
			trackingCode: codeOf.get(e.applicationId) ?? '',
			type: e.type as (typeof viewEventTypes)[number],
			what: privacyMessages.viewLabel[e.type as (typeof viewEventTypes)[number]],
			detail: e.note,
			who: e.actorName ?? m.account_data_unknown_person(),
			role: e.actorRole ? roleLabel[e.actorRole] : '',
			office: e.actorOffice,
			at: e.createdAt
		}))
		.reverse();
	const consents = apps.flatMap((r) =>
		r.application.consent
			? [
					{
						trackingCode: r.application.trackingCode,
						service: localizeService(r.service).name,
						by: r.application.consent.by === 'parent' ? m.account_data_consent_by_parent() : m.account_data_consent_by_self(),
						how: r.application.consent.how === 'spoken' ? m.account_data_consent_spoken() : m.account_data_consent_ticked(),
						name: r.application.consent.name,
						volunteerName: r.application.consent.volunteerName,
						helperActive: r.application.volunteerId !== null,
						at: new Date(r.application.consent.at)
					}
				]
			: []
	);
	return {
		exportedAt: new Date(),
		account: account ?? null,
		applications: applicationsHeld,
		consents,
		views,
		notifications: notices,
		drafts: drafts.map((d) => ({ id: d.id, serviceName: localizeService(d.service).name, updatedAt: d.updatedAt })),
		requests: requests.map((r) => ({
			id: r.id,
			kind: privacyMessages.kind[r.kind],
			detail: r.detail,
			status: privacyMessages.status[r.status],
			answer: r.answer,
			createdAt: r.createdAt,
			dueAt: r.dueAt,
			decidedAt: r.decidedAt
		}))
	};
}

export type MyData = Awaited<ReturnType<typeof collect>>;

export type RequestResult = { ok: true; kind: DataRequestKind } | { ok: false; errors: Record<string, string> };

/** A resident's correction or deletion request, with its 3 × 24-hour clock. */
export async function request(db: Database, user: Pick<SessionUser, 'id'>, input: unknown, now = new Date()): Promise<RequestResult> {
	const parsed = v.safeParse(dataRequestSchema, input);
	if (!parsed.success) {
		const flat = v.flatten<typeof dataRequestSchema>(parsed.issues).nested ?? {};
		return { ok: false, errors: Object.fromEntries(Object.entries(flat).map(([k, m]) => [k, m?.[0] ?? ''])) };
	}
	await db.insert(dataRequests).values({
		id: crypto.randomUUID(),
		userId: user.id,
		kind: parsed.output.kind,
		detail: parsed.output.detail,
		status: 'open',
		createdAt: now,
		dueAt: dataRequestDue(now)
	});
	return { ok: true, kind: parsed.output.kind };
}

/** For admins: requests still open (the oldest deadline first), then the latest answered. */
export function requestsForAdmin(db: Database) {
	return db
		.select({ request: dataRequests, name: users.name, phone: users.phone, decidedByName: sql<string | null>`(SELECT name FROM users AS d WHERE d.id = ${dataRequests.decidedBy})` })
		.from(dataRequests)
		.innerJoin(users, eq(users.id, dataRequests.userId))
		.orderBy(sql`${dataRequests.status} <> 'open'`, asc(dataRequests.dueAt))
		.limit(200);
}

/**
 * An admin answers a request: done (what was done) or refused (the legal reason). A deletion marked done
 * deletes what may be deleted (`erasable`); what the law keeps stays, and the answer says so.
 */
export async function answer(
	db: Database,
	admin: Pick<SessionUser, 'id'>,
	requestId: string,
	input: unknown,
	erase: (userId: string) => Promise<unknown>,
	now = new Date()
): Promise<{ ok: true } | { ok: false; message: string }> {
	const parsed = v.safeParse(dataRequestAnswerSchema, input);
	if (!parsed.success) return { ok: false, message: parsed.issues[0].message };
	const [open] = await db.select().from(dataRequests).where(and(eq(dataRequests.id, requestId), eq(dataRequests.status, 'open')));
	if (!open) return { ok: false, message: privacyMessages.notFound };
	if (open.kind === 'deletion' && parsed.output.outcome === 'done') await erase(open.userId);
	const updated = await db
		.update(dataRequests)
		.set({ status: parsed.output.outcome, answer: parsed.output.answer, decidedBy: admin.id, decidedAt: now })
		.where(and(eq(dataRequests.id, requestId), eq(dataRequests.status, 'open')))
		.returning({ id: dataRequests.id });
	return updated.length > 0 ? { ok: true } : { ok: false, message: privacyMessages.notFound };
}

/**
 * For a breach or a question of misuse: whose data was looked at in a time window, by whom, how often
 * (the view events), grouped by applicant. The list of people to tell within 3 × 24 hours.
 */
export async function affectedBetween(db: Database, from: Date, to: Date) {
	const actor = sql<string | null>`(SELECT name FROM users AS a WHERE a.id = ${applicationEvents.actorId})`;
	const rows = await db
		.select({
			applicantId: applications.applicantId,
			applicantName: applications.applicantName,
			applicantPhone: applications.applicantPhone,
			trackingCode: applications.trackingCode,
			type: applicationEvents.type,
			actorName: actor,
			at: applicationEvents.createdAt
		})
		.from(applicationEvents)
		.innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
		.where(
			and(
				inArray(applicationEvents.type, [...viewEventTypes]),
				gte(applicationEvents.createdAt, from),
				lt(applicationEvents.createdAt, to)
			)
		)
		.orderBy(asc(applicationEvents.createdAt))
		.limit(5000);
	const people = new Map<string, { name: string; phone: string; codes: Set<string>; looks: number; by: Set<string>; first: Date; last: Date }>();
	for (const r of rows) {
		const key = r.applicantId ?? r.applicantPhone;
		const entry = people.get(key) ?? { name: r.applicantName, phone: r.applicantPhone, codes: new Set(), looks: 0, by: new Set(), first: r.at, last: r.at };
		entry.codes.add(r.trackingCode);
		entry.looks++;
		if (r.actorName) entry.by.add(r.actorName);
		entry.last = r.at;
		people.set(key, entry);
	}
	return [...people.values()].map((p) => ({ ...p, codes: [...p.codes], by: [...p.by] }));
}

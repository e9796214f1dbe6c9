/**
 * Decisions on an application: every change of status goes through here, and through the one transition
 * table in domain/workflow.ts. Whatever a page sent, the server:
 *   1. works out who the actor is for this application from the user's relation to it (access.ts): an
 *      officer of its office, or its applicant or helping volunteer; anyone else is told it is not there;
 *   2. asks the table whether the action is allowed from the current status, by that actor, with the note
 *      it requires; an officer must also hold the application (claiming is how one gets it);
 *   3. writes the change with a conditional UPDATE (… WHERE status = <the status it checked>), so two
 *      clicks at once cannot both win, and appends the event and the citizen's notification in the same
 *      transaction.
 *
 * The SLA clock pauses while the application waits on the citizen: `pausedAt` is set when an officer asks
 * for a correction, and on resubmission the promised time moves by exactly the working time that passed.
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { may, relationOf, whereMay, type Operation } from './access';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { fieldSchema, type Answers } from '$lib/domain/fields';
import { calendarFrom } from '$lib/domain/holidays';
import { limitMessages, textLimits, textTooLong } from '$lib/domain/limits';
import { definitionOf, eventOf, type EventData } from '$lib/domain/events';
import { openRequirements, requirementMessages } from '$lib/domain/requirements';
import { documentContent, documentNumber } from '$lib/domain/issued-document';
import { checkTransition, type Action, type ActorKind, type Status } from '$lib/domain/workflow';
import { extendByWorkingMillis, workingMillisBetween } from '$lib/domain/working-time';
import * as v from 'valibot';
import type { SessionUser } from './auth/session';
import type { Database } from './db/open';
import {
	applications,
	documents,
	holidays,
	nikIndex,
	offices,
	results,
	services,
	type Application,
	type CorrectionRequest,
	type ServiceRow
} from './db/schema';
import { insertIfPreviousChanged, insertWhere } from './db/conditional';
import { nikIndexRows, openAnswers, sealAnswers, sealEvery } from './crypto/answers';
import { keyring } from './crypto/keys';
import { recordEvent } from './events';
import { finish } from '$lib/domain/performance';
import * as survey from './survey';
import { localizeService } from '../domain/service-language';
import { m } from '../paraglide/messages.js';

export const decisionMessages = {
	get notFound() {
		return m.staff_decision_not_found();
	},
	get notYours() {
		return m.staff_decision_not_yours();
	},
	get notHolding() {
		return m.staff_decision_not_holding();
	},
	get mustClaim() {
		return m.staff_decision_must_claim();
	},
	get changed() {
		return m.staff_decision_changed();
	},
	get correctionEmpty() {
		return m.staff_decision_correction_empty();
	},
	get resultMissing() {
		return m.staff_decision_result_missing();
	},
	get resultFile() {
		return m.staff_decision_result_file();
	},
	get pickupNote() {
		return m.staff_decision_pickup_note();
	},
	get correctionNothing() {
		return m.staff_decision_correction_nothing();
	}
} as const;

/** `notFound`: the application is missing, or this user has no relation to it (routes answer 404 alike). */
/** The message when a note is longer than its kind allows (a rejection's reason, any other note). */
function noteLimit(action: Action, note: string): string | null {
	const kind = action === 'reject' ? 'reason' : 'note';
	return textTooLong(note, kind) ? limitMessages.tooLongNamed(action === 'reject' ? m.staff_label_reason() : m.staff_label_note(), textLimits[kind]) : null;
}

export type DecisionResult = { ok: true; status: Status } | { ok: false; message: string; notFound?: true };

/** What each action asks of the actor's relation (access.ts): read off the event table. */
const operationFor = (action: Action): Operation => definitionOf(eventOf[action]).by;

/**
 * The workflow's actor kind for this user on this application, or null when they may not take `action`
 * at all. The resident and the helping volunteer both act as the "applicant" of the workflow table.
 */
export function actorKind(application: Application, user: SessionUser, action?: Action): ActorKind | null {
	const relation = relationOf(user, application);
	if (action && !may(relation, operationFor(action))) return null;
	if (relation === 'officer') return 'officer';
	if (relation === 'applicant' || relation === 'volunteer') return 'applicant';
	return null;
}

async function load(db: Database, applicationId: string) {
	const [found, calendarRows] = await db.batch([
		db
			.select({ application: applications, service: services, numberFormat: offices.documentNumber })
			.from(applications)
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			.innerJoin(offices, eq(offices.id, applications.officeId))
			.where(eq(applications.id, applicationId)),
		db.select({ date: holidays.date }).from(holidays)
	]);
	const row = found[0];
	if (!row) return null;
	// the answers as typed (sealed at rest): a resubmission merges them, an issued document shows them
	const answers = await openAnswers(keyring(), row.application.answers, 'applications', row.application.id);
	return { ...row, application: { ...row.application, answers }, calendar: calendarFrom(calendarRows) };
}

export type ResultInput =
	| { kind: 'file'; documentId: string }
	| { kind: 'pickup'; pickupNote: string }
	| { kind: 'issued' };

export interface DecisionInput {
	applicationId: string;
	action: Action;
	actor: SessionUser;
	note?: string;
	/** request_correction: what to fix. */
	correction?: { fields: string[]; documents: string[] };
	/** complete: what the citizen gets. */
	result?: ResultInput;
	/** resubmit: the corrected answers (only the asked fields are taken). */
	answers?: Answers;
	now?: Date;
}

export async function decide(db: Database, input: DecisionInput): Promise<DecisionResult> {
	const now = input.now ?? new Date();
	const loaded = await load(db, input.applicationId);
	if (!loaded) return { ok: false, message: decisionMessages.notFound, notFound: true };
	const { application, service, calendar, numberFormat } = loaded;
	const relation = relationOf(input.actor, application);
	// no relation at all: answered exactly like a missing application, so the id is not confirmed
	if (relation === 'none') return { ok: false, message: decisionMessages.notFound, notFound: true };
	const kind = actorKind(application, input.actor, input.action);
	if (!kind) return { ok: false, message: decisionMessages.notYours };
	const note = input.note?.trim() || null;
	// a rejection's reason and an officer's note are read by the citizen: capped like every free text
	const noteTooLong = note && noteLimit(input.action, note);
	if (noteTooLong) return { ok: false, message: noteTooLong };
	const checked = checkTransition(application.status, input.action, kind, note);
	if (!checked.ok) return checked;

	if (kind === 'officer') {
		const holder = application.assignedOfficerId;
		if (input.action === 'claim') {
			if (holder && holder !== input.actor.id) return { ok: false, message: decisionMessages.notHolding };
		} else if (holder !== input.actor.id) {
			return { ok: false, message: holder ? decisionMessages.notHolding : decisionMessages.mustClaim };
		}
	}

	const changes: Partial<Application> = { status: checked.to, updatedAt: now };
	let eventNote = note;
	// what the event carries beyond its note, so the log alone can rebuild the history
	let data: EventData[keyof EventData] = null;
	// statements after the event, written only if the change won (a resubmission's NIK blind index)
	const afterStatements: BatchItem<'sqlite'>[] = [];
	switch (input.action) {
		case 'claim':
			changes.assignedOfficerId = input.actor.id;
			break;
		case 'request_correction': {
			const fieldKeys = new Set(service.steps.flatMap((s) => s.fields.map((f) => f.key)));
			const documentKeys = new Set(service.documents.map((d) => d.key));
			const fields = (input.correction?.fields ?? []).filter((k) => fieldKeys.has(k));
			const docs = (input.correction?.documents ?? []).filter((k) => documentKeys.has(k));
			if (fields.length + docs.length === 0) return { ok: false, message: decisionMessages.correctionEmpty };
			changes.correction = { fields, documents: docs, note: note! } satisfies CorrectionRequest;
			data = changes.correction;
			changes.pausedAt = now;
			break;
		}
		case 'resubmit': {
			const resubmitted = applyCorrection(application, service, input.answers ?? {}, now);
			if (!resubmitted.ok) return resubmitted;
			const replaced = await replacedDocuments(db, application);
			// named as the reader reads it (the catalogue in their language)
			const missing = localizeService(service).documents.find(
				(d) => application.correction?.documents.includes(d.key) && !replaced.has(d.key)
			);
			if (missing) return { ok: false, message: m.staff_decision_document_new({ label: missing.label }) };
			// at rest: the sensitive answers sealed in the row; in the event that keeps what was resent, all of them
			const keys = keyring();
			changes.answers = await sealAnswers(keys, service.steps, resubmitted.answers, 'applications', application.id);
			const resent = Object.fromEntries((application.correction?.fields ?? []).map((k) => [k, resubmitted.answers[k] ?? '']));
			data = {
				answers: await sealEvery(keys, resent, 'application_events', application.id),
				documents: application.correction?.documents ?? []
			} satisfies EventData['resubmitted'];
			const after = sql`EXISTS (SELECT 1 FROM ${applications} WHERE ${applications.id} = ${application.id} AND ${applications.status} = ${checked.to} AND ${applications.updatedAt} = ${now.getTime()})`;
			const nikRows = await nikIndexRows(keys, service.steps, resubmitted.answers, application.id);
			afterStatements.push(db.delete(nikIndex).where(and(eq(nikIndex.applicationId, application.id), after)));
			if (nikRows.length > 0) afterStatements.push(insertWhere(db, nikIndex, nikRows, after));
			changes.correction = null;
			changes.pausedAt = null;
			// the promise moves by exactly the working time the application waited on the citizen
			if (application.pausedAt) {
				const waited = workingMillisBetween(application.pausedAt, now, calendar);
				changes.dueAt = extendByWorkingMillis(application.dueAt, waited, calendar).due;
				changes.waitedMs = application.waitedMs + waited;
				eventNote = null;
			}
			break;
		}
		case 'complete':
			if (!input.result) return { ok: false, message: decisionMessages.resultMissing };
			if (input.result.kind === 'pickup' && !input.result.pickupNote.trim()) {
				return { ok: false, message: decisionMessages.pickupNote };
			}
			if (input.result.kind === 'pickup' && textTooLong(input.result.pickupNote.trim(), 'note')) {
				return { ok: false, message: limitMessages.tooLongNamed(m.staff_label_pickup_note(), textLimits.note) };
			}
			data = { result: input.result.kind } satisfies EventData['completed'];
			break;
		case 'approve': {
			// every required item ticked, or the officer says in writing why it is approved without them
			const open = openRequirements(service.standard.requirements, application.checklist);
			if (open.length > 0 && !note) {
				const shown = openRequirements(localizeService(service).standard.requirements, application.checklist);
				return { ok: false, message: requirementMessages.reasonMissing(shown) };
			}
			data = {
				checklist: {
					ticked: service.standard.requirements.filter((r) => application.checklist[r.id]).map((r) => r.id),
					open: open.map((r) => r.id),
					reason: open.length > 0 ? note : null
				}
			} satisfies EventData['approved'];
			break;
		}
		case 'reject':
		case 'cancel':
			break;
		default: {
			const unknownAction: never = input.action;
			throw new Error(`unknown action ${String(unknownAction)}`);
		}
	}

	// the result is given: the figures /kinerja counts (triggers roll them up), on the SLA clock
	if (input.action === 'complete' || input.action === 'reject') {
		const done = finish(application, now, calendar);
		Object.assign(changes, { finishedAt: now, workingMs: done.workingMs, onTime: done.onTime, waitedMs: done.waitedMs, pausedAt: null });
	}
	// and the survey invitation with its notice, only if this very update gave the result
	const invitation =
		input.action === 'complete' || input.action === 'reject'
			? survey.invitationStatements(db, { applicationId: application.id, serviceSlug: service.slug, serviceName: service.name, trackingCode: application.trackingCode, finishedAt: now })
			: [];

	// One batch, one transaction, one round trip: the change only if the application is still as checked,
	// then each record only if the statement before it wrote something.
	const update = db
		.update(applications)
		.set(changes)
		.where(
			and(
				eq(applications.id, application.id),
				eq(applications.status, application.status),
				input.action === 'claim'
					? or(isNull(applications.assignedOfficerId), eq(applications.assignedOfficerId, input.actor.id))
					: undefined
			)
		)
		.returning({ id: applications.id });
	// the event only if the update won; its notice (addressed inside the batch) only if the event was written
	const event = recordEvent(
		db,
		{
			applicationId: application.id,
			actorId: input.actor.id,
			type: eventOf[input.action],
			fromStatus: application.status,
			toStatus: checked.to,
			note: eventNote,
			data,
			at: now
		},
		{ about: { service: service.name, trackingCode: application.trackingCode } }
	);
	// the result right after the update and only if it won; the event after it, chained on it
	const result =
		input.action === 'complete' && input.result
			? [insertIfPreviousChanged(db, results, [resultRow(application, service, numberFormat, input.result, input.actor.id, now)])]
			: [];
	const [updated] = await db.batch([update, ...result, ...event, ...invitation, ...afterStatements]);
	const written = updated.length > 0;
	return written ? { ok: true, status: checked.to } : { ok: false, message: decisionMessages.changed };
}

/** The result as issued: for whom, showing what the service defines, numbered in its office's format. */
function resultRow(application: Application, service: ServiceRow, numberFormat: string, result: ResultInput, officerId: string, now: Date) {
	const content = documentContent(service.issued, service.steps, application.answers, application.applicantName);
	const base = {
		applicationId: application.id,
		kind: result.kind,
		holderName: content.holderName,
		applicantName: content.applicantName,
		details: content.details,
		issuedBy: officerId,
		issuedAt: now
	};
	switch (result.kind) {
		case 'file':
			return { ...base, documentId: result.documentId };
		case 'pickup':
			return { ...base, pickupNote: result.pickupNote.trim() };
		case 'issued': {
			return {
				...base,
				// 16 base32 characters: 80 bits, unguessable, short enough for a QR code and to type
				verificationCode: encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(10))),
				// printed as issued: a later rename of the service or its document leaves this paper as it was
				title: service.issued?.title || service.name,
				number: documentNumber(numberFormat, { code: application.trackingCode, at: now })
			};
		}
	}
}

/**
 * The corrected answers: only the fields the officer asked about change; each is checked with its rule.
 * Asked documents must have been replaced after the correction was asked for.
 */
function applyCorrection(
	application: Application,
	service: ServiceRow,
	answers: Answers,
	now: Date
): { ok: true; answers: Answers } | { ok: false; message: string } {
	const asked = application.correction;
	if (!asked) return { ok: true, answers: application.answers };
	const fields = service.steps.flatMap((s) => s.fields).filter((f) => asked.fields.includes(f.key));
	// the field's name as the reader reads it (the catalogue in their language)
	const labels = new Map(localizeService(service).steps.flatMap((s) => s.fields).map((f) => [f.key, f.label]));
	const next = { ...application.answers };
	for (const field of fields) {
		const result = v.safeParse(fieldSchema(field, now), answers[field.key] ?? application.answers[field.key] ?? '');
		if (!result.success) return { ok: false, message: `${labels.get(field.key) ?? field.label}: ${result.issues[0].message}` };
		next[field.key] = result.output;
	}
	return { ok: true, answers: next };
}

/** Documents replaced since the correction was asked for: the citizen's part of a resubmission. */
export async function replacedDocuments(db: Database, application: Application) {
	if (!application.pausedAt) return new Set<string>();
	const rows = await db
		.select({ key: documents.requirementKey, createdAt: documents.createdAt })
		.from(documents)
		.where(eq(documents.applicationId, application.id));
	return new Set(rows.filter((r) => r.createdAt >= application.pausedAt!).map((r) => r.key));
}

/**
 * What the officer asked the citizen to fix, for the correction page: only those fields and documents are
 * shown and taken. Null unless the application waits on this user (its applicant or volunteer).
 */
export async function correctionFor(db: Database, user: Pick<SessionUser, 'id' | 'role'>, applicationId: string) {
	const [row] = await db
		.select({ application: applications, service: services })
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(and(eq(applications.id, applicationId), eq(applications.status, 'needs_correction'), whereMay(user, 'correct')));
	if (!row?.application.correction) return null;
	const asked = row.application.correction;
	const answers = await openAnswers(keyring(), row.application.answers, 'applications', row.application.id);
	// shown to the resident: the service in their language (keys and option values stay the same)
	const service = localizeService(row.service);
	return {
		application: { ...row.application, answers },
		service,
		asked,
		fields: service.steps.flatMap((s) => s.fields).filter((f) => asked.fields.includes(f.key)),
		documents: service.documents.filter((d) => asked.documents.includes(d.key))
	};
}

/**
 * Submitting an application, in steps (the pages without JavaScript) or whole in one request (the phone's
 * outbox).
 *
 * Invariants:
 * - an application's id is made by the browser (or, without JavaScript, when the draft starts) and is the
 *   idempotency key: submitting the same id again returns the first application, never a second one;
 * - the promised finish time is computed once at submission from the service's SLA and the holiday
 *   calendar (working time, WITA) and stored, so the promise never changes behind the citizen's back;
 * - every change is an event; the citizen's timeline shows the events meant for them.
 */
import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { isApplicationId } from '$lib/domain/application-id';
import { checkDocument, type FileProblem } from '$lib/domain/file-type';
import { applicantOf, cleanAnswers, type Answers, type FieldErrors } from '$lib/domain/fields';
import { limitMessages } from '$lib/domain/limits';
import { calendarFrom } from '$lib/domain/holidays';
import { generateTrackingCode } from '$lib/domain/tracking-code';
import { dueAt } from '$lib/domain/working-time';
import { m } from '../paraglide/messages.js';
import { may, relationOf, type Viewer } from './access';
import type { SessionUser } from './auth/session';
import { insertWhere } from './db/conditional';
import type { Database } from './db/open';
import {
	applicationDrafts,
	applications,
	documents,
	holidays,
	nikIndex,
	services,
	users,
	type Application,
	type Consent,
	type ServiceRow
} from './db/schema';
import { nikIndexRows, sealAnswers } from './crypto/answers';
import { keyring } from './crypto/keys';
import { attachDocument, removeDocuments } from './documents';
import { recordEvent } from './events';
import type { DocumentStore } from './storage';

export type SubmitResult =
	| { ok: true; application: Application; created: boolean }
	| { ok: false; reason: 'invalid'; errors: FieldErrors; missingDocuments: string[] }
	| { ok: false; reason: 'not_yours' };

const residentOnlyByVolunteer = () => m.journey_resident_only_volunteer();

/**
 * The answer to an id that is already an application: the application itself for its applicant or
 * helping volunteer (a retry after a lost response), `not_yours` for anyone else.
 */
function replayFor(sender: Viewer, application: Application): SubmitResult {
	return may(relationOf(sender, application), 'replay')
		? { ok: true, application, created: false }
		: { ok: false, reason: 'not_yours' };
}

function isUniqueViolation(error: unknown, column: string) {
	const text = String((error as { message?: string })?.message ?? error) + String((error as { cause?: unknown })?.cause ?? '');
	return text.includes('UNIQUE') && text.includes(column);
}

export async function submit(
	db: Database,
	input: {
		id: string;
		service: ServiceRow;
		answers: Answers;
		/** Who sends it: the applicant, or a volunteer applying for `resident`. */
		applicant: Pick<SessionUser, 'id' | 'name' | 'phone' | 'role'> & { officeId?: SessionUser['officeId'] };
		/** A volunteer's application for a resident, with the resident's recorded consent. */
		resident?: { name: string; phone: string; consent: Consent };
		/** Where the documents are kept: documents others uploaded under this id are removed from it. */
		store?: DocumentStore;
		now?: Date;
	}
): Promise<SubmitResult> {
	const now = input.now ?? new Date();
	const resident = input.resident;
	const sender = input.applicant;
	const [existing, calendarRows, docs, residentAccounts, drafts] = await db.batch([
		db.select().from(applications).where(eq(applications.id, input.id)),
		db.select({ date: holidays.date }).from(holidays),
		// only the sender's own uploads count: an id belongs to its first author
		db
			.select({ key: documents.requirementKey })
			.from(documents)
			.where(and(eq(documents.applicationId, input.id), eq(documents.uploadedBy, sender.id))),
		db.select({ id: users.id }).from(users).where(eq(users.phone, resident?.phone ?? '')),
		db.select({ userId: applicationDrafts.userId }).from(applicationDrafts).where(eq(applicationDrafts.id, input.id))
	]);
	const replay = existing[0];
	if (replay) return replayFor(sender, replay);
	if (drafts[0] && drafts[0].userId !== sender.id) return { ok: false, reason: 'not_yours' };
	if (resident && sender.role !== 'volunteer' && sender.role !== 'officer') {
		return { ok: false, reason: 'invalid', errors: { resident: residentOnlyByVolunteer() }, missingDocuments: [] };
	}

	// the one check of the answers (only the service's fields, each normalised and capped); what is
	// stored below is its output, never the input
	const cleaned = cleanAnswers(input.service.steps, input.answers, now);
	const errors = cleaned.ok ? {} : cleaned.errors;
	const uploaded = new Set(docs.map((d) => d.key));
	const missingDocuments = input.service.documents
		.filter((d) => d.required && !uploaded.has(d.key))
		.map((d) => d.key);
	if (!cleaned.ok || missingDocuments.length > 0) {
		return { ok: false, reason: 'invalid', errors, missingDocuments };
	}
	const answers = cleaned.values;
	// at rest: the sensitive answers sealed to this application, and the NIKs' blind index
	const keys = keyring();
	const sealedAnswers = await sealAnswers(keys, input.service.steps, answers, 'applications', input.id);
	const nikRows = await nikIndexRows(keys, input.service.steps, answers, input.id);

	const { due } = dueAt(now, { value: input.service.slaValue, unit: input.service.slaUnit }, calendarFrom(calendarRows));
	for (let attempt = 0; attempt < 5; attempt++) {
		const named = applicantOf(input.service.steps, answers);
		const application: Application = {
			id: input.id,
			trackingCode: generateTrackingCode(),
			serviceSlug: input.service.slug,
			officeId: input.service.officeId,
			// a resident who already has an account owns it at once; otherwise they claim it later
			applicantId: resident ? (residentAccounts[0]?.id ?? null) : input.applicant.id,
			volunteerId: resident ? input.applicant.id : null,
			consent: resident?.consent ?? null,
			// who applies: the resident, else the service's own (checked) fields, else the account
			applicantName: resident?.name || named.name || input.applicant.name,
			applicantPhone: resident?.phone || named.phone || input.applicant.phone,
			answers,
			status: 'submitted',
			submittedAt: now,
			dueAt: due,
			pausedAt: null,
			assignedOfficerId: null,
			checklist: {},
			correction: null,
			waitedMs: 0,
			finishedAt: null,
			workingMs: null,
			onTime: null,
			updatedAt: now
		};
		// this attempt's application is the one in the table: the marker for the statements after it
		const won = sql`EXISTS (SELECT 1 FROM ${applications} WHERE ${applications.id} = ${application.id} AND ${applications.trackingCode} = ${application.trackingCode})`;
		try {
			const [inserted, , foreign] = await db.batch([
				// the id is taken only if no one else's draft holds it (decided in the INSERT itself)
				insertWhere(
					db,
					applications,
					[{ ...application, answers: sealedAnswers }],
					sql`NOT EXISTS (SELECT 1 FROM ${applicationDrafts} WHERE ${applicationDrafts.id} = ${application.id} AND ${applicationDrafts.userId} <> ${sender.id})`
				),
				// the submitted event sends no notice: the first statement is the whole of it
				recordEvent(db, { applicationId: application.id, actorId: sender.id, type: 'submitted', toStatus: 'submitted', at: now })[0],
				// documents someone else uploaded under this id before it was taken are never the application's
				db
					.delete(documents)
					.where(
						and(
							eq(documents.applicationId, application.id),
							or(isNull(documents.uploadedBy), ne(documents.uploadedBy, sender.id)),
							won
						)
					)
					.returning({ storageKey: documents.storageKey }),
				db.delete(applicationDrafts).where(and(eq(applicationDrafts.id, application.id), eq(applicationDrafts.userId, sender.id))),
				...(nikRows.length > 0 ? [insertWhere(db, nikIndex, nikRows, won)] : [])
			]);
			if (inserted.rowsAffected === 0) return { ok: false, reason: 'not_yours' };
			if (input.store) await Promise.all(foreign.map((d) => input.store!.delete(d.storageKey)));
			return { ok: true, application, created: true };
		} catch (error) {
			if (isUniqueViolation(error, 'applications.id')) {
				// the same id arrived twice at once: the other one won; answer with it if it is the sender's
				const [first] = await db.select().from(applications).where(eq(applications.id, input.id));
				if (first) return replayFor(sender, first);
			}
			if (!isUniqueViolation(error, 'tracking_code')) throw error;
			// a tracking code collision (1 in ~3.8e11 per pair): draw another
		}
	}
	throw new Error('could not draw a free tracking code');
}

// ------------------------------------------------------------------------------------------------
// Submission in one request (the phone's outbox)

export type CompleteSubmission = {
	id: string;
	serviceSlug: string;
	answers: Answers;
	files: { requirementKey: string; bytes: Uint8Array; name: string }[];
	resident?: { name: string; phone: string; consent: Consent };
};

export type CompleteResult =
	| SubmitResult
	| { ok: false; reason: 'unknown_service' }
	| { ok: false; reason: 'bad_file'; requirementKey: string; problem: FileProblem };

/**
 * An application sent whole from the phone: answers and documents in one request, sent from the outbox.
 * A retry after a lost response finds the application already made and returns it without storing the
 * documents a second time; a refusal (4xx) tells the phone what to fix.
 */
export async function submitComplete(
	db: Database,
	store: DocumentStore,
	user: SessionUser,
	input: CompleteSubmission,
	now = new Date()
): Promise<CompleteResult> {
	if (!isApplicationId(input.id)) return { ok: false, reason: 'invalid', errors: { id: m.journey_application_unknown() }, missingDocuments: [] };
	const [[replay], [service]] = await db.batch([
		db.select().from(applications).where(eq(applications.id, input.id)),
		db.select().from(services).where(and(eq(services.slug, input.serviceSlug), eq(services.active, true)))
	]);
	if (replay) return replayFor(user, replay);
	if (!service) return { ok: false, reason: 'unknown_service' };

	// Everything that can be judged without storing a byte is judged first: the answers (the same
	// check as `submit`), which documents were sent, and what each file really is.
	const cleaned = cleanAnswers(service.steps, input.answers, now);
	const errors: FieldErrors = cleaned.ok ? {} : { ...cleaned.errors };
	const known = new Set(service.documents.map((d) => d.key));
	const seen = new Set<string>();
	for (const file of input.files) {
		const key = `dokumen-${file.requirementKey}`;
		if (!known.has(file.requirementKey)) errors[key] = limitMessages.unknownDocument;
		else if (seen.has(file.requirementKey)) errors[key] = limitMessages.duplicateDocument;
		seen.add(file.requirementKey);
	}
	if (!cleaned.ok || Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors, missingDocuments: [] };
	for (const file of input.files) {
		const checked = checkDocument(file.bytes);
		if (!checked.ok) return { ok: false, reason: 'bad_file', requirementKey: file.requirementKey, problem: checked.problem };
	}

	// Then the documents are stored, and taken away again if the submission is refused after all
	// (a document missing, or the id taken by someone else meanwhile): a refused submission leaves nothing.
	const storedIds: string[] = [];
	const refuse = async <T extends CompleteResult>(result: T): Promise<T> => {
		await removeDocuments(db, store, input.id, user.id, storedIds);
		return result;
	};
	for (const file of input.files) {
		const stored = await attachDocument(db, store, {
			applicationId: input.id,
			requirementKey: file.requirementKey,
			bytes: file.bytes,
			originalName: file.name,
			uploadedBy: user.id,
			now
		});
		if (!stored.ok && stored.problem === 'not_yours') {
			// someone else's id; or this sender's own, submitted meanwhile by a parallel retry: then the
			// application answers, and the documents this request stored are its own, so they stay
			const [taken] = await db.select().from(applications).where(eq(applications.id, input.id));
			const late = taken && replayFor(user, taken);
			return late?.ok ? late : refuse({ ok: false, reason: 'not_yours' });
		}
		if (!stored.ok) return refuse({ ok: false, reason: 'bad_file', requirementKey: file.requirementKey, problem: stored.problem });
		storedIds.push(stored.documentId);
	}
	const result = await submit(db, {
		id: input.id,
		service,
		answers: cleaned.values,
		applicant: user,
		resident: user.role === 'volunteer' || user.role === 'officer' ? input.resident : undefined,
		store,
		now
	});
	// a replay by the same sender (created: false) keeps them: they may be the ones the application holds now
	return result.ok ? result : refuse(result);
}

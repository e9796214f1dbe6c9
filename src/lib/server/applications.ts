/**
 * Applications: drafts on the server (for browsers without JavaScript), documents, the submission that
 * cannot duplicate, and the views of an application for its owner and for the public tracking page.
 *
 * Invariants:
 * - an application's id is made by the browser (or, without JavaScript, when the draft starts) and is the
 *   idempotency key: submitting the same id again returns the first application, never a second one;
 * - the promised finish time is computed once at submission from the service's SLA and the holiday
 *   calendar (working time, WITA) and stored, so the promise never changes behind the citizen's back;
 * - every change is an event; the citizen's timeline shows the events meant for them.
 */
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { checkDocument, fileMessages, type FileProblem } from '$lib/domain/file-type';
import { cleanAnswers, type Answers, type FieldErrors } from '$lib/domain/fields';
import { limitMessages } from '$lib/domain/limits';
import { calendarFrom } from '$lib/domain/holidays';
import { phoneLastFour } from '$lib/domain/phone';
import { generateTrackingCode } from '$lib/domain/tracking-code';
import { dueAt } from '$lib/domain/working-time';
import type { SessionUser } from './auth/session';
import type { Database } from './db/open';
import {
	applicationDrafts,
	applicationEvents,
	applications,
	documents,
	holidays,
	offices,
	results,
	services,
	users,
	type Application,
	type Consent,
	type ServiceRow
} from './db/schema';
import { newStorageKey, type DocumentStore } from './storage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isApplicationId = (value: string) => UUID.test(value);

// ------------------------------------------------------------------------------------------------
// Drafts

export async function startDraft(db: Database, userId: string, serviceSlug: string, now = new Date()) {
	const id = crypto.randomUUID();
	await db
		.insert(applicationDrafts)
		.values({ id, userId, serviceSlug, answers: {}, createdAt: now, updatedAt: now });
	return id;
}

/** The draft, its service and its documents, in one round trip. Only the draft's owner gets it. */
export async function loadDraft(db: Database, userId: string, draftId: string) {
	if (!isApplicationId(draftId)) return null;
	const [drafts, docs] = await db.batch([
		db
			.select({ draft: applicationDrafts, service: services })
			.from(applicationDrafts)
			.innerJoin(services, eq(services.slug, applicationDrafts.serviceSlug))
			.where(and(eq(applicationDrafts.id, draftId), eq(applicationDrafts.userId, userId))),
		db
			.select()
			.from(documents)
			.where(eq(documents.applicationId, draftId))
			.orderBy(asc(documents.createdAt))
	]);
	const found = drafts[0];
	return found ? { ...found, documents: docs } : null;
}

export async function saveAnswers(db: Database, draftId: string, answers: Answers, now = new Date()) {
	await db
		.update(applicationDrafts)
		.set({ answers, updatedAt: now })
		.where(eq(applicationDrafts.id, draftId));
}

// ------------------------------------------------------------------------------------------------
// Documents

export type AttachResult = { ok: true; documentId: string } | { ok: false; problem: FileProblem };

/**
 * Stores a document for an application that is not submitted yet (its draft). A new file for the same
 * requirement replaces the old one.
 */
export async function attachDocument(
	db: Database,
	store: DocumentStore,
	input: {
		applicationId: string;
		requirementKey: string;
		bytes: Uint8Array;
		originalName: string;
		uploadedBy: string;
		now?: Date;
	}
): Promise<AttachResult> {
	const checked = checkDocument(input.bytes);
	if (!checked.ok) return checked;

	const storageKey = newStorageKey();
	await store.put(storageKey, input.bytes, checked.type);
	const previous = await db
		.select({ id: documents.id, storageKey: documents.storageKey })
		.from(documents)
		.where(
			and(
				eq(documents.applicationId, input.applicationId),
				eq(documents.requirementKey, input.requirementKey)
			)
		);
	const documentId = crypto.randomUUID();
	await db.batch([
		db.insert(documents).values({
			id: documentId,
			applicationId: input.applicationId,
			requirementKey: input.requirementKey,
			storageKey,
			contentType: checked.type,
			size: input.bytes.byteLength,
			originalName: input.originalName.slice(0, 200) || 'dokumen',
			uploadedBy: input.uploadedBy,
			createdAt: input.now ?? new Date()
		}),
		...previous.map((p) => db.delete(documents).where(eq(documents.id, p.id)))
	]);
	await Promise.all(previous.map((p) => store.delete(p.storageKey)));
	return { ok: true, documentId };
}

export { fileMessages };

/**
 * A document, if this user may see it: its applicant, the volunteer who helped, the officers of the
 * application's office, or (before submitting) the owner of the draft.
 */
export async function documentForViewer(db: Database, viewer: SessionUser, documentId: string) {
	if (!isApplicationId(documentId)) return null;
	const [row] = await db
		.select({
			document: documents,
			applicantId: applications.applicantId,
			volunteerId: applications.volunteerId,
			officeId: applications.officeId,
			draftOwner: applicationDrafts.userId
		})
		.from(documents)
		.leftJoin(applications, eq(applications.id, documents.applicationId))
		.leftJoin(applicationDrafts, eq(applicationDrafts.id, documents.applicationId))
		.where(eq(documents.id, documentId));
	if (!row) return null;
	const allowed =
		row.applicantId === viewer.id ||
		(viewer.role === 'volunteer' && row.volunteerId === viewer.id) ||
		row.draftOwner === viewer.id ||
		(viewer.role === 'officer' && !!row.officeId && row.officeId === viewer.officeId);
	return allowed ? row.document : null;
}

// ------------------------------------------------------------------------------------------------
// Submission

export type SubmitResult =
	| { ok: true; application: Application; created: boolean }
	| { ok: false; reason: 'invalid'; errors: FieldErrors; missingDocuments: string[] }
	| { ok: false; reason: 'not_yours' };

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
		applicant: Pick<SessionUser, 'id' | 'name' | 'phone'> & { role?: SessionUser['role'] };
		/** A volunteer's application for a resident, with the resident's recorded consent. */
		resident?: { name: string; phone: string; consent: Consent };
		now?: Date;
	}
): Promise<SubmitResult> {
	const now = input.now ?? new Date();
	const resident = input.resident;
	const [existing, calendarRows, docs, residentAccounts] = await db.batch([
		db.select().from(applications).where(eq(applications.id, input.id)),
		db.select({ date: holidays.date }).from(holidays),
		db.select({ key: documents.requirementKey }).from(documents).where(eq(documents.applicationId, input.id)),
		db.select({ id: users.id }).from(users).where(eq(users.phone, resident?.phone ?? ''))
	]);
	const replay = existing[0];
	if (replay) {
		return replay.applicantId === input.applicant.id || (resident && replay.volunteerId === input.applicant.id)
			? { ok: true, application: replay, created: false }
			: { ok: false, reason: 'not_yours' };
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

	const { due } = dueAt(now, { value: input.service.slaValue, unit: input.service.slaUnit }, calendarFrom(calendarRows));
	for (let attempt = 0; attempt < 5; attempt++) {
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
			applicantName: resident?.name || answers.applicant_name || answers.owner_name || input.applicant.name,
			applicantPhone: resident?.phone || answers.applicant_phone || input.applicant.phone,
			answers,
			status: 'submitted',
			submittedAt: now,
			dueAt: due,
			pausedAt: null,
			assignedOfficerId: null,
			checklist: {},
			correction: null,
			updatedAt: now
		};
		try {
			await db.batch([
				db.insert(applications).values(application),
				db.insert(applicationEvents).values({
					applicationId: application.id,
					actorId: input.applicant.id,
					type: 'submitted',
					toStatus: 'submitted',
					visibleToCitizen: true,
					createdAt: now
				}),
				db.delete(applicationDrafts).where(eq(applicationDrafts.id, application.id))
			]);
			return { ok: true, application, created: true };
		} catch (error) {
			if (isUniqueViolation(error, 'applications.id')) {
				// the same submission arrived twice at once: the other one won; answer with it
				const [first] = await db.select().from(applications).where(eq(applications.id, input.id));
				if (first && (first.applicantId === input.applicant.id || first.volunteerId === input.applicant.id)) {
					return { ok: true, application: first, created: false };
				}
				if (first) return { ok: false, reason: 'not_yours' };
			}
			if (!isUniqueViolation(error, 'tracking_code')) throw error;
			// a tracking code collision (1 in ~3.8e11 per pair): draw another
		}
	}
	throw new Error('could not draw a free tracking code');
}

// ------------------------------------------------------------------------------------------------
// Views

const summaryColumns = {
	id: applications.id,
	trackingCode: applications.trackingCode,
	serviceName: services.name,
	applicantName: applications.applicantName,
	status: applications.status,
	submittedAt: applications.submittedAt,
	dueAt: applications.dueAt
};

export function listForApplicant(db: Database, userId: string) {
	return db
		.select(summaryColumns)
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(eq(applications.applicantId, userId))
		.orderBy(desc(applications.submittedAt))
		.limit(100);
}

export function listForVolunteer(db: Database, volunteerId: string) {
	return db
		.select(summaryColumns)
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(eq(applications.volunteerId, volunteerId))
		.orderBy(desc(applications.submittedAt))
		.limit(100);
}

export function listDrafts(db: Database, userId: string) {
	return db
		.select({ id: applicationDrafts.id, serviceSlug: services.slug, serviceName: services.name, updatedAt: applicationDrafts.updatedAt })
		.from(applicationDrafts)
		.innerJoin(services, eq(services.slug, applicationDrafts.serviceSlug))
		.where(eq(applicationDrafts.userId, userId))
		.orderBy(desc(applicationDrafts.updatedAt))
		.limit(20);
}

/** Everything the status page shows, in one round trip. */
async function loadView(db: Database, where: ReturnType<typeof eq>) {
	const [rows, events, result] = await db.batch([
		db
			.select({ application: applications, serviceName: services.name, officeName: offices.name, inPerson: services.inPerson })
			.from(applications)
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			.innerJoin(offices, eq(offices.id, applications.officeId))
			.where(where),
		db
			.select({
				type: applicationEvents.type,
				toStatus: applicationEvents.toStatus,
				note: applicationEvents.note,
				createdAt: applicationEvents.createdAt
			})
			.from(applicationEvents)
			.innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
			.where(and(where, eq(applicationEvents.visibleToCitizen, true)))
			.orderBy(asc(applicationEvents.id)),
		db
			.select({
				kind: results.kind,
				documentId: results.documentId,
				pickupNote: results.pickupNote,
				verificationCode: results.verificationCode,
				revokedAt: results.revokedAt
			})
			.from(results)
			.innerJoin(applications, eq(applications.id, results.applicationId))
			.where(where)
	]);
	const row = rows[0];
	return row ? { ...row, events, result: result[0] ?? null } : null;
}

export type ApplicationView = NonNullable<Awaited<ReturnType<typeof loadView>>>;

/** For the applicant and the volunteer who helped. */
/**
 * For the applicant, and for the volunteer who helped while they are still a volunteer: a withdrawn
 * volunteer keeps no access to residents' applications.
 */
export function viewForOwner(db: Database, viewer: Pick<SessionUser, 'id' | 'role'>, id: string) {
	if (!isApplicationId(id)) return Promise.resolve(null);
	const helper = viewer.role === 'volunteer' ? eq(applications.volunteerId, viewer.id) : undefined;
	return loadView(db, and(eq(applications.id, id), or(eq(applications.applicantId, viewer.id), helper))!);
}

/** For the public tracking page: the code and the last four digits of the applicant's phone must match. */
export async function viewByCode(db: Database, code: string, lastFour: string) {
	const view = await loadView(db, eq(applications.trackingCode, code));
	if (!view || phoneLastFour(view.application.applicantPhone) !== lastFour) return null;
	return view;
}

export async function documentsOf(db: Database, applicationId: string) {
	return db
		.select({ id: documents.id, requirementKey: documents.requirementKey, contentType: documents.contentType, size: documents.size })
		.from(documents)
		.where(eq(documents.applicationId, applicationId));
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
	if (!isApplicationId(input.id)) return { ok: false, reason: 'invalid', errors: { id: 'Permohonan tidak dikenali.' }, missingDocuments: [] };
	const [[replay], [service]] = await db.batch([
		db.select().from(applications).where(eq(applications.id, input.id)),
		db.select().from(services).where(and(eq(services.slug, input.serviceSlug), eq(services.active, true)))
	]);
	if (replay) {
		return replay.applicantId === user.id || replay.volunteerId === user.id
			? { ok: true, application: replay, created: false }
			: { ok: false, reason: 'not_yours' };
	}
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
		if (!stored.ok) return refuse({ ok: false, reason: 'bad_file', requirementKey: file.requirementKey, problem: stored.problem });
		storedIds.push(stored.documentId);
	}
	const result = await submit(db, {
		id: input.id,
		service,
		answers: cleaned.values,
		applicant: user,
		resident: user.role === 'volunteer' ? input.resident : undefined,
		now
	});
	// a replay by the same sender (created: false) keeps them: they may be the ones the application holds now
	return result.ok ? result : refuse(result);
}

/**
 * Takes away documents this request stored for an application that was then refused: their rows, then
 * their bytes. Only rows of that application uploaded by that user, whatever ids are passed.
 */
async function removeDocuments(db: Database, store: DocumentStore, applicationId: string, uploadedBy: string, ids: string[]) {
	if (ids.length === 0) return;
	const rows = await db
		.delete(documents)
		.where(and(inArray(documents.id, ids), eq(documents.applicationId, applicationId), eq(documents.uploadedBy, uploadedBy)))
		.returning({ storageKey: documents.storageKey });
	await Promise.all(rows.map((row) => store.delete(row.storageKey)));
}


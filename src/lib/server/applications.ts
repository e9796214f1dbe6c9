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
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { noResidentYet, type DraftStore } from '$lib/drafts/draft-store';
import { checkDocument, fileMessages as fileProblemMessages, type FileProblem } from '$lib/domain/file-type';
import { cleanAnswers, type Answers, type FieldErrors } from '$lib/domain/fields';
import { limitMessages } from '$lib/domain/limits';
import { calendarFrom } from '$lib/domain/holidays';
import { phoneLastFour } from '$lib/domain/phone';
import { generateTrackingCode } from '$lib/domain/tracking-code';
import { dueAt } from '$lib/domain/working-time';
import { m } from '../paraglide/messages.js';
import { may, mayAttach, relationOf, whereMay, whereRelation, type Operation, type Viewer } from './access';
import type { SessionUser } from './auth/session';
import { insertIfPreviousChanged, insertWhere } from './db/conditional';
import type { Database } from './db/open';
import {
	applicationDrafts,
	applicationEvents,
	applications,
	documents,
	holidays,
	nikIndex,
	offices,
	results,
	services,
	surveyInvitations,
	users,
	type Application,
	type Consent,
	type ServiceRow
} from './db/schema';
import { nikIndexRows, openAnswers, sealAnswers, sealEvery } from './crypto/answers';
import { keyring } from './crypto/keys';
import { blindIndexes } from './crypto/sealing';
import { recordEvent } from './events';
import { newStorageKey, type DocumentStore } from './storage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isApplicationId = (value: string) => UUID.test(value);

// ------------------------------------------------------------------------------------------------
// Drafts

export function startDraft(db: Database, userId: string, serviceSlug: string, now = new Date()) {
	return draftStore(db, userId, now).start(serviceSlug);
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
			// what others uploaded under this id is never the draft's (an id belongs to its first author)
			.where(and(eq(documents.applicationId, draftId), eq(documents.uploadedBy, userId)))
			.orderBy(asc(documents.createdAt))
	]);
	const found = drafts[0];
	if (!found) return null;
	const answers = await openAnswers(keyring(), found.draft.answers, 'application_drafts', found.draft.id);
	return { ...found, draft: { ...found.draft, answers }, documents: docs };
}

/**
 * The server's draft store (drafts/draft-store.ts) for one user: their own drafts only. Answers are
 * merged in the database (`json_patch`), so two pages saved at once both stay. Every answer of a draft is
 * sealed (server/crypto): a draft is short-lived, and which of its answers are sensitive needs no asking.
 */
export function draftStore(db: Database, userId: string, now: Date | (() => Date) = () => new Date()): DraftStore {
	const mine = (id: string) => and(eq(applicationDrafts.id, id), eq(applicationDrafts.userId, userId));
	const at = typeof now === 'function' ? now : () => now;
	// sealing answers is asynchronous (WebCrypto): this store's operations run one after another, in the
	// order they were called, so a save fired without waiting never lands after a later one
	let tail: Promise<unknown> = Promise.resolve();
	const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
		const run = tail.then(work, work);
		tail = run.catch(() => {});
		return run;
	};
	const store: DraftStore = {
		async start(serviceSlug, options = {}) {
			const id = options.id ?? crypto.randomUUID();
			const time = at();
			await db.insert(applicationDrafts).values({
				id,
				userId,
				serviceSlug,
				answers: {},
				resident: options.forResident ? noResidentYet() : null,
				createdAt: time,
				updatedAt: time
			}).onConflictDoNothing(); // starting twice is harmless; someone else's id stays theirs
			return id;
		},
		async load(id) {
			if (!isApplicationId(id)) return null;
			const [row] = await db.select().from(applicationDrafts).where(mine(id));
			if (!row) return null;
			const answers = await openAnswers(keyring(), row.answers, 'application_drafts', row.id);
			return { id: row.id, serviceSlug: row.serviceSlug, answers, resident: row.resident, updatedAt: row.updatedAt.getTime() };
		},
		async saveAnswers(id, answers) {
			if (!isApplicationId(id)) return;
			const sealed = await sealEvery(keyring(), answers, 'application_drafts', id);
			await db
				.update(applicationDrafts)
				.set({ answers: sql`json_patch(${applicationDrafts.answers}, ${JSON.stringify(sealed)})`, updatedAt: at() })
				.where(mine(id));
		},
		async saveResident(id, resident) {
			if (!isApplicationId(id)) return;
			await db
				.update(applicationDrafts)
				.set({ resident, updatedAt: at() })
				.where(and(mine(id), isNotNull(applicationDrafts.resident)));
		},
		async remove(id) {
			if (!isApplicationId(id)) return;
			await db.delete(applicationDrafts).where(mine(id));
		}
	};
	return {
		start: (...args) => inOrder(() => store.start(...args)),
		load: (...args) => inOrder(() => store.load(...args)),
		saveAnswers: (...args) => inOrder(() => store.saveAnswers(...args)),
		saveResident: (...args) => inOrder(() => store.saveResident(...args)),
		remove: (...args) => inOrder(() => store.remove(...args))
	};
}

// ------------------------------------------------------------------------------------------------
// Documents

export type AttachResult =
	| { ok: true; documentId: string }
	| { ok: false; problem: FileProblem }
	/** The id is someone else's: their draft, or an application this uploader may not add to now. */
	| { ok: false; problem: 'not_yours' };

/**
 * Stores a document for an application: while it is a draft (by its owner), while the officer waits on a
 * correction (by its applicant or helping volunteer), or its result (by the officer holding it). Who may
 * is decided inside the INSERT (`access.mayAttach`), so it holds under races. A new file for the same
 * requirement replaces the old one; before submission only the uploader's own old file, never someone
 * else's under the same id.
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
	if (!isApplicationId(input.applicationId)) return { ok: false, problem: 'not_yours' };

	const storageKey = newStorageKey();
	await store.put(storageKey, input.bytes, checked.type);
	const documentId = crypto.randomUUID();
	const [inserted, replaced] = await db.batch([
		insertWhere(
			db,
			documents,
			[
				{
					id: documentId,
					applicationId: input.applicationId,
					requirementKey: input.requirementKey,
					storageKey,
					contentType: checked.type,
					size: input.bytes.byteLength,
					originalName: input.originalName.slice(0, 200) || 'dokumen',
					uploadedBy: input.uploadedBy,
					createdAt: input.now ?? new Date()
				}
			],
			mayAttach(input.applicationId, input.uploadedBy)
		),
		// the file it replaces, only once the new one is in (same transaction)
		db
			.delete(documents)
			.where(
				and(
					eq(documents.applicationId, input.applicationId),
					eq(documents.requirementKey, input.requirementKey),
					ne(documents.id, documentId),
					or(
						eq(documents.uploadedBy, input.uploadedBy),
						sql`EXISTS (SELECT 1 FROM ${applications} WHERE ${applications.id} = ${input.applicationId})`
					),
					sql`EXISTS (SELECT 1 FROM ${documents} AS ${sql.identifier('fresh')} WHERE ${sql.identifier('fresh')}.${sql.identifier('id')} = ${documentId})`
				)
			)
			.returning({ storageKey: documents.storageKey })
	]);
	if (inserted.rowsAffected === 0) {
		await store.delete(storageKey);
		return { ok: false, problem: 'not_yours' };
	}
	await Promise.all(replaced.map((p) => store.delete(p.storageKey)));
	return { ok: true, documentId };
}

/** What to tell about a refused upload, by problem. */
export const fileMessages = {
	missing: fileProblemMessages.missing,
	get tooBig() { return fileProblemMessages.tooBig; },
	get wrongType() { return fileProblemMessages.wrongType; },
	get empty() { return fileProblemMessages.empty; },
	get not_yours() { return m.journey_file_not_yours(); }
};

/**
 * A document, if this user may see it: once submitted, by the user's relation to the application
 * (access.ts: applicant, helping volunteer, officers of its office); before, only the draft's owner, and
 * only what they uploaded themselves.
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
	if (row.officeId) {
		const parties = { applicantId: row.applicantId, volunteerId: row.volunteerId, officeId: row.officeId };
		return may(relationOf(viewer, parties), 'document') ? row.document : null;
	}
	return row.draftOwner === viewer.id && row.document.uploadedBy === viewer.id ? row.document : null;
}

// ------------------------------------------------------------------------------------------------
// Submission

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

/** "My applications": those in the user's own account (relation `applicant`). */
export function listForApplicant(db: Database, user: Viewer) {
	return db
		.select(summaryColumns)
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(whereRelation(user, ['applicant']))
		.orderBy(desc(applications.submittedAt))
		.limit(100);
}

/** Those the user helped with, while they are a volunteer (relation `volunteer`). */
export function listForVolunteer(db: Database, user: Viewer) {
	return db
		.select(summaryColumns)
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(whereRelation(user, ['volunteer']))
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
async function loadView(db: Database, where: SQL) {
	const [rows, events, result, survey] = await db.batch([
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
			.where(where),
		// the satisfaction survey's invitation (server/survey.ts), once there is a result
		db
			.select({ token: surveyInvitations.token, answeredAt: surveyInvitations.answeredAt })
			.from(surveyInvitations)
			.innerJoin(applications, eq(applications.id, surveyInvitations.applicationId))
			.where(where)
	]);
	const row = rows[0];
	return row ? { ...row, events, result: result[0] ?? null, survey: survey[0] ?? null } : null;
}

export type ApplicationView = NonNullable<Awaited<ReturnType<typeof loadView>>>;

/**
 * The citizen-side view, for a user who may do `operation` on the application (access.ts: by default
 * `view`, i.e. its applicant or the volunteer who helped, while still a volunteer); null otherwise, exactly
 * as for a missing id.
 */
export function viewForOwner(db: Database, viewer: Viewer, id: string, operation: Operation = 'view') {
	if (!isApplicationId(id)) return Promise.resolve(null);
	return loadView(db, and(eq(applications.id, id), whereMay(viewer, operation))!);
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

// ------------------------------------------------------------------------------------------------
// Search by NIK (the counter)

/**
 * The applications that carry this NIK in any NIK answer (the applicant's, a parent's, …), found through
 * the keyed blind index (nik_index: the NIK is never stored in the clear, nor compared in SQL), and only
 * those the viewer may inspect (access.ts: officers of the owning office; admins). Newest first, at most 50.
 * Every configured key is searched, so a lookup keeps working while a key rotation is under way.
 */
export async function findByNik(db: Database, viewer: Viewer, nik: string) {
	const normalised = nik.replace(/\s/g, '');
	if (!/^\d{16}$/.test(normalised)) return [];
	const digests = await blindIndexes(keyring(), normalised);
	return db
		.selectDistinct({ ...summaryColumns, officeId: applications.officeId, fieldKey: nikIndex.fieldKey })
		.from(nikIndex)
		.innerJoin(applications, eq(applications.id, nikIndex.applicationId))
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(and(inArray(nikIndex.digest, digests), whereMay(viewer, 'inspect')))
		.orderBy(desc(applications.submittedAt))
		.limit(50);
}

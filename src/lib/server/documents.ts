/**
 * An application's documents: attaching one (while a draft, while a correction is awaited, or the
 * officer's result), who may see one, and the list of an application's documents. Refusals are problem
 * codes (`AttachResult`); `fileMessages` is the feature's wording for them.
 */
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { isApplicationId } from '$lib/domain/application-id';
import { checkDocument, fileMessages as fileProblemMessages, type FileProblem } from '$lib/domain/file-type';
import { m } from '../paraglide/messages.js';
import { may, mayAttach, relationOf } from './access';
import type { SessionUser } from './auth/session';
import { insertWhere } from './db/conditional';
import type { Database } from './db/open';
import { applicationDrafts, applications, documents } from './db/schema';
import { newStorageKey, type DocumentStore } from './storage';

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

export async function documentsOf(db: Database, applicationId: string) {
	return db
		.select({ id: documents.id, requirementKey: documents.requirementKey, contentType: documents.contentType, size: documents.size })
		.from(documents)
		.where(eq(documents.applicationId, applicationId));
}

/**
 * Takes away documents this request stored for an application that was then refused: their rows, then
 * their bytes. Only rows of that application uploaded by that user, whatever ids are passed.
 */
export async function removeDocuments(db: Database, store: DocumentStore, applicationId: string, uploadedBy: string, ids: string[]) {
	if (ids.length === 0) return;
	const rows = await db
		.delete(documents)
		.where(and(inArray(documents.id, ids), eq(documents.applicationId, applicationId), eq(documents.uploadedBy, uploadedBy)))
		.returning({ storageKey: documents.storageKey });
	await Promise.all(rows.map((row) => store.delete(row.storageKey)));
}

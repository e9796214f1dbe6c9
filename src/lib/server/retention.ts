/**
 * Retention (UU 27/2022: kept no longer than needed). One function the scheduler calls (h10's jobs.ts: a
 * Cron Trigger on Workers, a timer on Node): `runRetention(db, now)` deletes what has outlived its period,
 * the periods being `retentionPeriods` in domain/privacy.ts (the privacy notice states the same ones):
 * - server drafts untouched for the period, with the documents uploaded to them;
 * - the documents of rejected or cancelled applications, the period after that decision (the application
 *   and its history stay: they are the office's record);
 * - throttle rows whose window and lock are over;
 * - one-time codes (phone_codes) past their period.
 * Document bytes are deleted from `store` when one is given; without it, document rows are left alone
 * (never a row deleted whose bytes would be orphaned). Idempotent: running it twice deletes nothing more.
 */
import { and, eq, inArray, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import { retentionMillis } from '$lib/domain/privacy';
import type { Database } from './db/open';
import { applicationDrafts, applications, documents, loginThrottle, notifications, phoneCodes, results } from './db/schema';
import type { DocumentStore } from './storage';

export interface RetentionCount {
	drafts: number;
	documents: number;
	throttle: number;
	oneTimeCodes: number;
}

export async function runRetention(db: Database, now: Date, options: { store?: DocumentStore } = {}): Promise<RetentionCount> {
	const count: RetentionCount = { drafts: 0, documents: 0, throttle: 0, oneTimeCodes: 0 };
	const before = (kind: Parameters<typeof retentionMillis>[0]) => new Date(now.getTime() - retentionMillis(kind));

	// documents first (they name the drafts and applications they belong to), then the drafts
	if (options.store) {
		const staleDraftIds = db
			.select({ id: applicationDrafts.id })
			.from(applicationDrafts)
			.where(lt(applicationDrafts.updatedAt, before('serverDraft')));
		const closedIds = db
			.select({ id: applications.id })
			.from(applications)
			.where(and(inArray(applications.status, ['rejected', 'cancelled']), lt(applications.updatedAt, before('closedApplicationDocuments'))));
		const doomed = await db
			.select({ id: documents.id, storageKey: documents.storageKey })
			.from(documents)
			.where(
				and(
					or(
						inArray(documents.applicationId, staleDraftIds),
						inArray(documents.applicationId, closedIds)
					),
					// a result file is the office's record, never a retention victim
					notExists(db.select({ one: sql`1` }).from(results).where(eq(results.documentId, documents.id)))
				)
			);
		for (const doc of doomed) {
			await options.store.delete(doc.storageKey);
			await db.delete(documents).where(eq(documents.id, doc.id));
			count.documents++;
		}
	}

	const drafts = await db
		.delete(applicationDrafts)
		.where(lt(applicationDrafts.updatedAt, before('serverDraft')))
		.returning({ id: applicationDrafts.id });
	count.drafts = drafts.length;

	const throttle = await db
		.delete(loginThrottle)
		.where(
			and(
				lt(loginThrottle.windowStartedAt, before('throttle')),
				or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, now))
			)
		)
		.returning({ key: loginThrottle.key });
	count.throttle = throttle.length;

	const codes = await db
		.delete(phoneCodes)
		.where(lt(phoneCodes.expiresAt, before('oneTimeCode')))
		.returning({ id: phoneCodes.id });
	count.oneTimeCodes = codes.length;
	return count;
}

/**
 * A deletion request answered "done" (my-data.ts): what may be deleted of one account, now, whatever its
 * age: its server drafts and their documents, its notifications, and the documents of its rejected or
 * cancelled applications. What the law keeps (`keptByLaw`) stays.
 */
export async function eraseErasable(db: Database, userId: string, store: DocumentStore) {
	const draftIds = db.select({ id: applicationDrafts.id }).from(applicationDrafts).where(eq(applicationDrafts.userId, userId));
	const closedIds = db
		.select({ id: applications.id })
		.from(applications)
		.where(and(eq(applications.applicantId, userId), inArray(applications.status, ['rejected', 'cancelled'])));
	const doomed = await db
		.select({ id: documents.id, storageKey: documents.storageKey })
		.from(documents)
		.where(
			and(
				or(inArray(documents.applicationId, draftIds), inArray(documents.applicationId, closedIds)),
				notExists(db.select({ one: sql`1` }).from(results).where(eq(results.documentId, documents.id)))
			)
		);
	for (const doc of doomed) {
		await store.delete(doc.storageKey);
		await db.delete(documents).where(eq(documents.id, doc.id));
	}
	await db.batch([
		db.delete(applicationDrafts).where(eq(applicationDrafts.userId, userId)),
		db.delete(notifications).where(eq(notifications.userId, userId))
	]);
	return { documents: doomed.length };
}

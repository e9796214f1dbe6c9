/**
 * Reading applications: the lists (the user's own, those they helped with), the status page's view for
 * its owner and for public tracking, and the counter's search by NIK. Drafts: drafts.ts; documents:
 * documents.ts; submitting: submission.ts.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { isApplicationId } from '$lib/domain/application-id';
import { phoneLastFour } from '$lib/domain/phone';
import { whereMay, whereRelation, type Operation, type Viewer } from './access';
import type { Database } from './db/open';
import { applicationEvents, applications, nikIndex, offices, results, services, surveyInvitations } from './db/schema';
import { blindIndexes } from './crypto/sealing';
import { keyring } from './crypto/keys';
import { localizedName } from './db/localized';

/** The columns of an application list, the service named in the reader's language. */
const summaryColumns = () => ({
	id: applications.id,
	trackingCode: applications.trackingCode,
	serviceName: localizedName(services),
	applicantName: applications.applicantName,
	status: applications.status,
	submittedAt: applications.submittedAt,
	dueAt: applications.dueAt
});

/** "My applications": those in the user's own account (relation `applicant`). */
export function listForApplicant(db: Database, user: Viewer) {
	return db
		.select(summaryColumns())
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(whereRelation(user, ['applicant']))
		.orderBy(desc(applications.submittedAt))
		.limit(100);
}

/** Those the user helped with, while they are a volunteer (relation `volunteer`). */
export function listForVolunteer(db: Database, user: Viewer) {
	return db
		.select(summaryColumns())
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(whereRelation(user, ['volunteer']))
		.orderBy(desc(applications.submittedAt))
		.limit(100);
}

/** Everything the status page shows, in one round trip. */
async function loadView(db: Database, where: SQL) {
	const [rows, events, result, survey] = await db.batch([
		db
			.select({ application: applications, serviceName: localizedName(services), officeName: localizedName(offices), inPerson: services.inPerson })
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
		.selectDistinct({ ...summaryColumns(), officeId: applications.officeId, fieldKey: nikIndex.fieldKey })
		.from(nikIndex)
		.innerJoin(applications, eq(applications.id, nikIndex.applicationId))
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(and(inArray(nikIndex.digest, digests), whereMay(viewer, 'inspect')))
		.orderBy(desc(applications.submittedAt))
		.limit(50);
}

/**
 * The officers' work queue of one office: open applications sorted by the time left on their SLA, overdue
 * first; filters by service, status and "assigned to me"; counts per status. Served by
 * applications_queue_idx (office, status, due), read per status in due order and merged, and
 * applications_assigned_idx (officer, due) for "assigned to me", so it stays fast with 100,000 applications
 * (`npm run bench:queue`). One round trip: counts and page in a batch.
 */
import { and, asc, count, eq, gte, inArray, min, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/sqlite-core';
import type { OfficeId } from '$lib/domain/service';
import { openStatuses, type Status } from '$lib/domain/workflow';
import type { Database } from './db/open';
import { applications, offices, services, users } from './db/schema';
import { localizedName } from '$lib/server/db/localized';

/** Statuses in which the office still has work to do (needs_correction waits on the citizen). */
export { openStatuses };

export const PAGE_SIZE = 50;

export interface QueueFilter {
	service?: string;
	status?: Status;
	assignedTo?: string;
	page?: number;
}

/** What a queue row shows, read from the application itself (service and officer names are joined after). */
const queueColumns = {
	id: applications.id,
	trackingCode: applications.trackingCode,
	serviceSlug: applications.serviceSlug,
	applicantName: applications.applicantName,
	status: applications.status,
	submittedAt: applications.submittedAt,
	dueAt: applications.dueAt,
	pausedAt: applications.pausedAt,
	assignedOfficerId: applications.assignedOfficerId
};

export async function list(db: Database, officeId: OfficeId, filter: QueueFilter = {}) {
	const { page, counts, rows } = queueStatements(db, officeId, filter);
	const [counted, listed] = await db.batch([counts, rows]);
	return { counts: countsByStatus(counted), rows: listed, page };
}

/**
 * The officer's queue page: the office, its services (the filter's choices) and the queue, in one batch,
 * so that the page with the session check stays within two round trips (DESIGN.md).
 */
export async function queuePage(db: Database, officeId: OfficeId, filter: QueueFilter = {}) {
	const { page, counts, rows } = queueStatements(db, officeId, filter);
	const [[office], officeServices, counted, listed] = await db.batch([
		db.select({ name: localizedName(offices) }).from(offices).where(eq(offices.id, officeId)),
		db.select({ slug: services.slug, name: localizedName(services) }).from(services).where(eq(services.officeId, officeId)),
		counts,
		rows
	]);
	if (!office) throw new Error(`unknown office ${officeId}`);
	return { office, services: officeServices, counts: countsByStatus(counted), rows: listed, page };
}

function countsByStatus(counted: { status: Status; n: number }[]) {
	return Object.fromEntries(counted.map((c) => [c.status, c.n])) as Partial<Record<Status, number>>;
}

/** The two statements of a queue page (counts per status, the page's rows), for one batch. */
function queueStatements(db: Database, officeId: OfficeId, filter: QueueFilter) {
	const conditions: SQL[] = [eq(applications.officeId, officeId)];
	if (filter.service) conditions.push(eq(applications.serviceSlug, filter.service));
	if (filter.assignedTo) conditions.push(eq(applications.assignedOfficerId, filter.assignedTo));
	const page = Math.max(1, filter.page ?? 1);

	const statusesShown = filter.status ? [filter.status] : openStatuses;
	const limit = page * PAGE_SIZE;
	const candidates = (
		filter.assignedTo
			? mine(db, officeId, statusesShown, conditions, limit)
			: byStatus(db, statusesShown, conditions, limit)
	).as('candidates');

	return {
		page,
		counts: db
			.select({ status: applications.status, n: count() })
			.from(applications)
			.where(eq(applications.officeId, officeId))
			.groupBy(applications.status),
		rows: db
			.select({
				id: candidates.id,
				trackingCode: candidates.trackingCode,
				serviceSlug: candidates.serviceSlug,
				serviceName: localizedName(services),
				applicantName: candidates.applicantName,
				status: candidates.status,
				submittedAt: candidates.submittedAt,
				dueAt: candidates.dueAt,
				pausedAt: candidates.pausedAt,
				assignedOfficerId: candidates.assignedOfficerId,
				assignedOfficerName: users.name
			})
			.from(candidates)
			.innerJoin(services, eq(services.slug, candidates.serviceSlug))
			.leftJoin(users, eq(users.id, candidates.assignedOfficerId))
			.orderBy(asc(candidates.dueAt), asc(candidates.submittedAt))
			.limit(PAGE_SIZE)
			.offset((page - 1) * PAGE_SIZE)
	};
}

/*
 * Candidates for the page: at least the first `limit` rows in queue order, with their columns; `list` joins the
 * names and cuts the page. Two shapes, because one index order serves each best (see `npm run bench:queue`).
 */

/**
 * Each status is one stretch of applications_queue_idx (office, status, due), already in due order, so each
 * status gives its first `limit` rows by reading about that many, and the merged few hundred are sorted.
 * A plain `status IN (…) ORDER BY due_at` sorts every open application of the office instead: ~70 ms at
 * 100,000 applications against ~5.
 */
function byStatus(db: Database, statuses: readonly Status[], conditions: SQL[], limit: number) {
	const perStatus = statuses.map((status, i) =>
		db
			.select()
			.from(
				db
					.select(queueColumns)
					.from(applications)
					.where(and(...conditions, eq(applications.status, status)))
					.orderBy(asc(applications.dueAt), asc(applications.submittedAt))
					.limit(limit)
					.as(`status_${i}`)
			)
	);
	const [first, second, ...more] = perStatus;
	return second ? unionAll(first!, second, ...more) : first!;
}

/**
 * "Assigned to me" walks the officer's own applications in due order on applications_assigned_idx (officer,
 * due). Without a lower bound that walk starts at the officer's oldest closed work, which only grows; it starts
 * instead at the earliest due time still open in the office (one index probe per status), so years of closed
 * work are skipped. Per status, as above, would scan all of `submitted` (never assigned) to find nothing.
 */
function mine(db: Database, officeId: OfficeId, statuses: readonly Status[], conditions: SQL[], limit: number) {
	const earliestDue = statuses.map(
		(status) =>
			sql`coalesce((${db
				.select({ due: min(applications.dueAt) })
				.from(applications)
				.where(and(eq(applications.officeId, officeId), eq(applications.status, status)))}), ${Number.MAX_SAFE_INTEGER})`
	);
	// one argument would make min() the aggregate
	const lowerBound = earliestDue.length === 1 ? earliestDue[0]! : sql`min(${sql.join(earliestDue, sql`, `)})`;
	return db
		.select(queueColumns)
		.from(applications)
		.where(and(...conditions, inArray(applications.status, [...statuses]), gte(applications.dueAt, lowerBound)))
		.orderBy(asc(applications.dueAt), asc(applications.submittedAt))
		.limit(limit);
}

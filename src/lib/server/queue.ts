/**
 * The officers' work queue of one office: open applications sorted by the time left on their SLA, overdue
 * first; filters by service, status and "assigned to me"; counts per status. Served by
 * applications_queue_idx (office, status, due) and applications_assigned_idx (officer, due), so it stays
 * fast with 100,000 applications (see `npm run bench:queue`). One round trip: counts and page in a batch.
 */
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { OfficeId } from '$lib/domain/service';
import type { Status } from '$lib/domain/workflow';
import type { Database } from './db/open';
import { applications, services, users } from './db/schema';

/** Statuses in which the office still has work to do (needs_correction waits on the citizen). */
export const openStatuses: Status[] = ['submitted', 'in_review', 'needs_correction', 'resubmitted', 'approved'];

export const PAGE_SIZE = 50;

export interface QueueFilter {
	service?: string;
	status?: Status;
	assignedTo?: string;
	page?: number;
}

export async function list(db: Database, officeId: OfficeId, filter: QueueFilter = {}) {
	const conditions: SQL[] = [
		eq(applications.officeId, officeId),
		filter.status ? eq(applications.status, filter.status) : inArray(applications.status, openStatuses)
	];
	if (filter.service) conditions.push(eq(applications.serviceSlug, filter.service));
	if (filter.assignedTo) conditions.push(eq(applications.assignedOfficerId, filter.assignedTo));
	const page = Math.max(1, filter.page ?? 1);

	const [counts, rows] = await db.batch([
		db
			.select({ status: applications.status, n: count() })
			.from(applications)
			.where(eq(applications.officeId, officeId))
			.groupBy(applications.status),
		db
			.select({
				id: applications.id,
				trackingCode: applications.trackingCode,
				serviceSlug: applications.serviceSlug,
				serviceName: services.name,
				applicantName: applications.applicantName,
				status: applications.status,
				submittedAt: applications.submittedAt,
				dueAt: applications.dueAt,
				pausedAt: applications.pausedAt,
				assignedOfficerId: applications.assignedOfficerId,
				assignedOfficerName: users.name
			})
			.from(applications)
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			.leftJoin(users, eq(users.id, applications.assignedOfficerId))
			.where(and(...conditions))
			.orderBy(asc(applications.dueAt), asc(applications.submittedAt))
			.limit(PAGE_SIZE)
			.offset((page - 1) * PAGE_SIZE)
	]);
	return {
		counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<Status, number>>,
		rows,
		page
	};
}

/**
 * The officers' view of their office's applications: counts per status and the work queue, sorted by
 * the time left on the SLA (overdue first). Served by applications_queue_idx (office, status, due).
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { OfficeId } from '$lib/domain/service';
import type { Status } from '$lib/domain/workflow';
import type { Database } from './db/open';
import { applications, services } from './db/schema';

const open: Status[] = ['submitted', 'in_review', 'needs_correction', 'resubmitted', 'approved'];

export async function overview(db: Database, officeId: OfficeId, limit = 50) {
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
				serviceName: services.name,
				applicantName: applications.applicantName,
				status: applications.status,
				dueAt: applications.dueAt
			})
			.from(applications)
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			.where(and(eq(applications.officeId, officeId), inArray(applications.status, open)))
			.orderBy(asc(applications.dueAt))
			.limit(limit)
	]);
	return { counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<Status, number>>, rows };
}

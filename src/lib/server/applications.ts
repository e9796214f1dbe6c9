/**
 * Applications as their owners see them. (Submitting, tracking and officers' actions grow here.)
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from './db/open';
import { applications, services } from './db/schema';

const listColumns = {
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
		.select(listColumns)
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(eq(applications.applicantId, userId))
		.orderBy(desc(applications.submittedAt))
		.limit(100);
}

export function listForVolunteer(db: Database, volunteerId: string) {
	return db
		.select(listColumns)
		.from(applications)
		.innerJoin(services, eq(services.slug, applications.serviceSlug))
		.where(eq(applications.volunteerId, volunteerId))
		.orderBy(desc(applications.submittedAt))
		.limit(100);
}

/** The service catalogue as stored (admins edit it): lists for the public pages, one service by slug. */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from './db/open';
import { offices, services } from './db/schema';

export function listActive(db: Database) {
	return db
		.select({
			slug: services.slug,
			name: services.name,
			summary: services.summary,
			office: offices.shortName,
			inPerson: services.inPerson
		})
		.from(services)
		.innerJoin(offices, eq(offices.id, services.officeId))
		.where(eq(services.active, true))
		.orderBy(asc(services.rank), asc(services.name));
}

export async function findActive(db: Database, slug: string) {
	const [row] = await db
		.select({ service: services, office: offices })
		.from(services)
		.innerJoin(offices, eq(offices.id, services.officeId))
		.where(and(eq(services.slug, slug), eq(services.active, true)));
	return row ?? null;
}

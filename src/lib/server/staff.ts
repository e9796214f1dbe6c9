/** Who works in the app: officers with their offices, volunteers, and how many accounts each role has. */
import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Database } from './db/open';
import { offices, users } from './db/schema';

export async function overview(db: Database) {
	const [people, counts] = await db.batch([
		db
			.select({ id: users.id, name: users.name, role: users.role, office: offices.shortName })
			.from(users)
			.leftJoin(offices, eq(offices.id, users.officeId))
			.where(inArray(users.role, ['officer', 'admin', 'volunteer']))
			.orderBy(asc(users.role), asc(users.name)),
		db.select({ role: users.role, n: count() }).from(users).groupBy(users.role)
	]);
	return { people, counts: Object.fromEntries(counts.map((c) => [c.role, c.n])) };
}

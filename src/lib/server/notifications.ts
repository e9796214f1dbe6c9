/** The citizen's in-app notifications: newest first; opening the list marks them read. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from './db/open';
import { notifications } from './db/schema';

export async function listAndMarkRead(db: Database, userId: string, now = new Date()) {
	const [items] = await db.batch([
		db
			.select({
				id: notifications.id,
				text: notifications.text,
				applicationId: notifications.applicationId,
				createdAt: notifications.createdAt,
				readAt: notifications.readAt
			})
			.from(notifications)
			.where(eq(notifications.userId, userId))
			.orderBy(desc(notifications.id))
			.limit(50),
		db
			.update(notifications)
			.set({ readAt: now })
			.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
	]);
	return items;
}

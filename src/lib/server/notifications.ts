/**
 * The citizen's in-app notifications: newest first; opening the list marks them read. A notice about an
 * application is shown only while the user may still receive that application's notices (access.ts):
 * a volunteer the resident released, or whose role was withdrawn, no longer reads what was said about it.
 */
import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { whereMay, type Viewer } from './access';
import type { Database } from './db/open';
import { applications, notifications } from './db/schema';

export async function listAndMarkRead(db: Database, user: Viewer, now = new Date()) {
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
			.where(
				and(
					eq(notifications.userId, user.id),
					or(
						isNull(notifications.applicationId),
						sql`EXISTS (SELECT 1 FROM ${applications} WHERE ${applications.id} = ${notifications.applicationId} AND ${whereMay(user, 'notified')})`
					)
				)
			)
			.orderBy(desc(notifications.id))
			.limit(50),
		db
			.update(notifications)
			.set({ readAt: now })
			.where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
	]);
	return items;
}

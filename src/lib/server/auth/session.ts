/**
 * Sessions, after Lucia's session recipe (lucia-auth.com/sessions/basic).
 *
 * Model: a session row holds an id, the user, the SHA-256 of a random secret, its creation time and the
 * last time it was verified. The cookie holds the token `id.secret`.
 *
 * Threats handled:
 * - a stolen database does not yield usable tokens: only the secret's hash is stored;
 * - timing attacks on the lookup: the id finds the row, the secret is compared in constant time;
 * - forgotten sessions on shared phones: a session expires after INACTIVITY_TIMEOUT without use, and
 *   logging out deletes it;
 * - a write on every request: the expiry slides at most once per ACTIVITY_CHECK_INTERVAL.
 * Every failure returns null; the caller treats it as "not logged in".
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { notifications, sessions, users, type User } from '../db/schema';

export const SESSION_COOKIE = 'sesi';
export const INACTIVITY_TIMEOUT_MS = 10 * 24 * 60 * 60 * 1000;
const ACTIVITY_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export type SessionUser = Pick<User, 'id' | 'name' | 'phone' | 'role' | 'officeId'> & {
	/** Someone else chose the password (a temporary one): the user must choose their own first. */
	mustChangePassword?: boolean;
	/** Unread notifications, for the header's badge (absent outside a request). */
	unread?: number;
};
export interface ValidSession {
	id: string;
	user: SessionUser;
	/** When the cookie should expire, given this use. */
	expiresAt: Date;
}

function randomString(): string {
	// 24 bytes = 192 bits of entropy, well past guessing.
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(24)));
}

function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export async function create(db: Database, userId: string, now = new Date()) {
	const id = randomString();
	const secret = randomString();
	await db.insert(sessions).values({
		id,
		userId,
		secretHash: hashSecret(secret),
		createdAt: now,
		lastVerifiedAt: now
	});
	return { token: `${id}.${secret}`, expiresAt: new Date(now.getTime() + INACTIVITY_TIMEOUT_MS) };
}

export async function validate(
	db: Database,
	token: string,
	now = new Date()
): Promise<ValidSession | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return null;

	const [row] = await db
		.select({
			id: sessions.id,
			secretHash: sessions.secretHash,
			lastVerifiedAt: sessions.lastVerifiedAt,
			user: {
				id: users.id,
				name: users.name,
				phone: users.phone,
				role: users.role,
				officeId: users.officeId,
				mustChangePassword: users.mustChangePassword,
				// the header's badge rides along, so a page still needs at most two round trips
				unread: sql<number>`(SELECT count(*) FROM ${notifications} WHERE ${notifications.userId} = ${users.id} AND ${notifications.readAt} IS NULL)`
			}
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id))
		.limit(1);
	if (!row) return null;

	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;

	const idleFor = now.getTime() - row.lastVerifiedAt.getTime();
	if (idleFor >= INACTIVITY_TIMEOUT_MS) {
		await invalidate(db, id);
		return null;
	}
	let lastVerifiedAt = row.lastVerifiedAt;
	if (idleFor >= ACTIVITY_CHECK_INTERVAL_MS) {
		lastVerifiedAt = now;
		await db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, id));
	}
	return {
		id,
		user: row.user,
		expiresAt: new Date(lastVerifiedAt.getTime() + INACTIVITY_TIMEOUT_MS)
	};
}

export async function invalidate(db: Database, sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllForUser(db: Database, userId: string) {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * Accounts: registering and logging in with an Indonesian phone number and a password.
 * Routes call these verbs and turn their results into pages; the rules live in domain/account-forms.ts
 * and auth/throttle.ts.
 */
import { eq } from 'drizzle-orm';
import type { Database } from './db/open';
import { users } from './db/schema';
import { dummyPasswordHash, hashPassword, verifyPassword } from './auth/password';
import * as session from './auth/session';
import * as throttle from './auth/throttle';
import type { Role } from '$lib/domain/roles';

export type RegisterResult =
	| { ok: true; userId: string; token: string; expiresAt: Date }
	| { ok: false; reason: 'phone_taken' };

export async function register(
	db: Database,
	input: { name: string; phone: string; password: string },
	role: Role = 'citizen'
): Promise<RegisterResult> {
	const existing = await db.select({ id: users.id }).from(users).where(eq(users.phone, input.phone));
	if (existing.length > 0) return { ok: false, reason: 'phone_taken' };
	const userId = crypto.randomUUID();
	const passwordHash = await hashPassword(input.password);
	const inserted = await db
		.insert(users)
		.values({ id: userId, name: input.name, phone: input.phone, passwordHash, role })
		.onConflictDoNothing()
		.returning({ id: users.id });
	// two registrations for one number at once: the unique index lets exactly one through
	if (inserted.length === 0) return { ok: false, reason: 'phone_taken' };
	const created = await session.create(db, userId);
	return { ok: true, userId, ...created };
}

export type LoginResult =
	| { ok: true; token: string; expiresAt: Date; role: Role }
	| { ok: false; reason: 'wrong_credentials'; delayMs: number; attemptsLeft: number | null }
	| { ok: false; reason: 'locked'; until: Date };

export async function login(
	db: Database,
	input: { phone: string; password: string },
	clientAddress: string,
	now = new Date()
): Promise<LoginResult> {
	const until = await throttle.lockedUntil(
		db,
		[throttle.accountKey(input.phone), throttle.addressKey(clientAddress)],
		now
	);
	if (until) return { ok: false, reason: 'locked', until };

	const [user] = await db
		.select({ id: users.id, passwordHash: users.passwordHash, role: users.role })
		.from(users)
		.where(eq(users.phone, input.phone));
	// an unknown number costs the same hashing time as a known one
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);

	if (!user || !valid) {
		const { delayMs, accountFailures } = await throttle.recordFailure(
			db,
			input.phone,
			clientAddress,
			now
		);
		const locked = await throttle.lockedUntil(
			db,
			[throttle.accountKey(input.phone), throttle.addressKey(clientAddress)],
			now
		);
		if (locked) return { ok: false, reason: 'locked', until: locked };
		return {
			ok: false,
			reason: 'wrong_credentials',
			delayMs,
			attemptsLeft: accountFailures >= 2 ? throttle.ACCOUNT_LIMIT - accountFailures : null
		};
	}

	await throttle.clearAccount(db, input.phone);
	const created = await session.create(db, user.id, now);
	return { ok: true, role: user.role, ...created };
}

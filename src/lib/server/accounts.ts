/**
 * Accounts: registering, logging in and changing the password, with an Indonesian phone number.
 * Routes call these verbs and turn their results into pages; the form rules live in domain/account-forms.ts
 * and domain/password-change.ts, the counting of wrong guesses in auth/throttle.ts.
 *
 * A password someone else chose (an admin's temporary password for a new officer) marks the account
 * `mustChangePassword`; until its owner picks their own at /akun/sandi, the hook lets them nowhere else
 * (see `passwordChangeRequired`). Changing the password ends every other session of the account and
 * rotates the current one.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from './db/open';
import { loginThrottle, sessions, users } from './db/schema';
import { dummyPasswordHash, hashPassword, verifyPassword } from './auth/password';
import * as session from './auth/session';
import type { SessionUser } from './auth/session';
import * as throttle from './auth/throttle';
import type { Role } from '$lib/domain/roles';

// --- registering ----------------------------------------------------------------------------------------

export type RegisterResult =
	| { ok: true; userId: string; token: string; expiresAt: Date }
	| { ok: false; reason: 'phone_taken' }
	| { ok: false; reason: 'paused'; until: Date };

/**
 * Creates a citizen's account (or, for seeds and tests, another role) and opens its session.
 *
 * Registering has to say when a number already has an account, so it is an oracle for "is this number a
 * user here". Without `clientAddress` (seeds, tests) it is not throttled; the route always passes one:
 * then tries at registered numbers are counted per address and per number, and past the limits the
 * answer is a pause, for that address or for that number from anywhere.
 */
export async function register(
	db: Database,
	input: { name: string; phone: string; password: string },
	role: Role = 'citizen',
	clientAddress?: string,
	now = new Date()
): Promise<RegisterResult> {
	const probeKeys = clientAddress
		? [
				{ key: throttle.registerAddressKey(clientAddress), rule: throttle.REGISTER_ADDRESS },
				{ key: throttle.registerPhoneKey(input.phone), rule: throttle.REGISTER_PHONE }
			]
		: [];
	const byPhone = db.select({ id: users.id }).from(users).where(eq(users.phone, input.phone));
	const [existing, counts] =
		probeKeys.length > 0
			? await db.batch([
					byPhone,
					db.select().from(loginThrottle).where(inArray(loginThrottle.key, probeKeys.map((k) => k.key)))
				])
			: [await byPhone, []];
	const until = latest(
		probeKeys.map(({ key, rule }) => throttle.countOf(counts.find((r) => r.key === key), rule, now).lockedUntil)
	);
	if (until) return { ok: false, reason: 'paused', until };

	const taken = async (): Promise<RegisterResult> => {
		if (probeKeys.length === 0) return { ok: false, reason: 'phone_taken' };
		const [byAddress = 1, byPhone = 1] = await throttle.countFailures(db, probeKeys, now);
		// the try that reaches a limit already gets the pause
		if (byAddress >= throttle.REGISTER_ADDRESS.limit! || byPhone >= throttle.REGISTER_PHONE.limit!) {
			const paused = await throttle.lockedUntil(db, probeKeys.map((k) => k.key), now);
			if (paused) return { ok: false, reason: 'paused', until: paused };
		}
		return { ok: false, reason: 'phone_taken' };
	};
	if (existing.length > 0) return taken();

	const userId = crypto.randomUUID();
	const passwordHash = await hashPassword(input.password);
	const inserted = await db
		.insert(users)
		.values({ id: userId, name: input.name, phone: input.phone, passwordHash, role })
		.onConflictDoNothing()
		.returning({ id: users.id });
	// two registrations for one number at once: the unique index lets exactly one through
	if (inserted.length === 0) return taken();
	const created = await session.create(db, userId, now);
	return { ok: true, userId, ...created };
}

function latest(dates: (Date | null)[]): Date | null {
	return dates.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
}

// --- logging in -----------------------------------------------------------------------------------------

export type LoginResult =
	| { ok: true; token: string; expiresAt: Date; role: Role; mustChangePassword: boolean }
	| { ok: false; reason: 'wrong_credentials'; delayMs: number; attemptsLeft: number | null }
	| { ok: false; reason: 'locked'; until: Date };

/**
 * Checks a phone number and password from a client address (auth/address.ts). `delayMs` is how long the
 * route holds a wrong answer back (auth/throttle.ts: the right password is never slowed).
 * `locked` only ever means: this number from this address, for a while.
 */
export async function login(
	db: Database,
	input: { phone: string; password: string },
	clientAddress: string,
	now = new Date()
): Promise<LoginResult> {
	const keys = throttle.loginKeys(input.phone, clientAddress);
	const [rows, [user]] = await db.batch([
		db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys.map((k) => k.key))),
		db
			.select({
				id: users.id,
				passwordHash: users.passwordHash,
				role: users.role,
				mustChangePassword: users.mustChangePassword
			})
			.from(users)
			.where(eq(users.phone, input.phone))
	]);
	const before = throttle.loginState(keys.map(({ key, rule }) => throttle.countOf(rows.find((r) => r.key === key), rule, now)));
	if (before.lockedUntil) return { ok: false, reason: 'locked', until: before.lockedUntil };

	// an unknown number costs the same hashing time as a known one
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);

	if (!user || !valid) {
		const after = await throttle.recordLoginFailure(db, input.phone, clientAddress, now);
		if (after.lockedUntil) return { ok: false, reason: 'locked', until: after.lockedUntil };
		return {
			ok: false,
			reason: 'wrong_credentials',
			delayMs: before.delayMs,
			attemptsLeft: after.pairAttemptsLeft <= throttle.PAIR_LIMIT - 2 ? after.pairAttemptsLeft : null
		};
	}

	const [, created] = await Promise.all([
		throttle.recordLoginSuccess(db, input.phone, clientAddress),
		session.create(db, user.id, now)
	]);
	return {
		ok: true,
		role: user.role,
		mustChangePassword: user.mustChangePassword,
		...created
	};
}

// --- changing the password ------------------------------------------------------------------------------

export type ChangePasswordResult =
	| { ok: true; token: string; expiresAt: Date }
	| { ok: false; reason: 'wrong_current'; delayMs: number }
	| { ok: false; reason: 'locked'; until: Date };

/**
 * Sets a new password (already checked against the policy by domain/password-change.ts) after checking
 * the current one. A wrong current password counts as a failed login for this number and address, so a
 * session left open on a shared phone is no way round the login throttle. On success every session of
 * the account ends, including this one, and a fresh session replaces it: whoever else was logged in
 * (perhaps with the old password) is out, and the old token is worth nothing.
 */
export async function changePassword(
	db: Database,
	user: Pick<SessionUser, 'id' | 'phone'>,
	input: { current: string; password: string },
	clientAddress: string,
	now = new Date()
): Promise<ChangePasswordResult> {
	const keys = throttle.loginKeys(user.phone, clientAddress);
	const [rows, [row]] = await db.batch([
		db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys.map((k) => k.key))),
		db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id))
	]);
	const before = throttle.loginState(keys.map(({ key, rule }) => throttle.countOf(rows.find((r) => r.key === key), rule, now)));
	if (before.lockedUntil) return { ok: false, reason: 'locked', until: before.lockedUntil };

	const valid = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), input.current);
	if (!row || !valid) {
		const after = await throttle.recordLoginFailure(db, user.phone, clientAddress, now);
		if (after.lockedUntil) return { ok: false, reason: 'locked', until: after.lockedUntil };
		return { ok: false, reason: 'wrong_current', delayMs: before.delayMs };
	}

	const passwordHash = await hashPassword(input.password);
	await db.batch([
		db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id)),
		db.delete(sessions).where(eq(sessions.userId, user.id))
	]);
	await throttle.recordLoginSuccess(db, user.phone, clientAddress);
	return { ok: true, ...(await session.create(db, user.id, now)) };
}

/**
 * For the server hook: whether this request must be sent to /akun/sandi first. True for a signed-in user
 * whose password someone else chose, on every route but the change-password page itself and logging out.
 * (A request that matched no route, `routeId` null, is sent there too: nothing is open before the change.)
 */
export function passwordChangeRequired(
	user: Pick<SessionUser, 'mustChangePassword'> | null,
	routeId: string | null
): boolean {
	if (!user?.mustChangePassword) return false;
	return !passwordChangeRoutes.has(routeId ?? '');
}

export const PASSWORD_CHANGE_PATH = '/akun/sandi';
const passwordChangeRoutes = new Set([PASSWORD_CHANGE_PATH, '/keluar']);

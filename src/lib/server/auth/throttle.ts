/**
 * Failed-login throttling, per account and per client address, stored in the database so that every
 * Worker isolate sees the same counts.
 *
 * Within a 15-minute window: from the 3rd failure on, answers are slowed down (1 s more per failure, at
 * most 5 s); at ACCOUNT_LIMIT failures the account is locked for LOCK_MS, at ADDRESS_LIMIT failures
 * (many accounts tried from one address) the address is. A successful login clears the account's count.
 * A lock says how long it lasts, so a resident who forgot their password knows when to try again.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { loginThrottle } from '../db/schema';

export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 30;

export const accountKey = (phone: string) => `account:${phone}`;
export const addressKey = (address: string) => `ip:${address}`;

/** The latest lock end among the keys, if any is locked now. */
export async function lockedUntil(db: Database, keys: string[], now = new Date()): Promise<Date | null> {
	const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
	let until: Date | null = null;
	for (const row of rows) {
		if (row.lockedUntil && row.lockedUntil > now && (!until || row.lockedUntil > until)) {
			until = row.lockedUntil;
		}
	}
	return until;
}

/**
 * Records one failure for a key; returns the failures counted in the current window. At `limit` failures
 * the key is locked for LOCK_MS. Also used for guessing tracking codes (`track:…` keys).
 */
export async function countFailure(db: Database, key: string, limit: number, now: Date): Promise<number> {
	const t = now.getTime();
	const windowStart = t - WINDOW_MS;
	const rows = await db.all<{ failures: number }>(sql`
		insert into login_throttle (key, failures, window_started_at, locked_until)
		values (${key}, 1, ${t}, null)
		on conflict (key) do update set
			failures = case when window_started_at < ${windowStart} then 1 else failures + 1 end,
			window_started_at = case when window_started_at < ${windowStart} then ${t} else window_started_at end,
			locked_until = case
				when (case when window_started_at < ${windowStart} then 1 else failures + 1 end) >= ${limit}
				then ${t + LOCK_MS} else locked_until end
		returning failures`);
	return rows[0]?.failures ?? 1;
}

/** Records a failed login; returns how long to hold the answer back. */
export async function recordFailure(
	db: Database,
	phone: string | null,
	address: string,
	now = new Date()
): Promise<{ delayMs: number; accountFailures: number }> {
	const [accountFailures, addressFailures] = await Promise.all([
		phone ? countFailure(db, accountKey(phone), ACCOUNT_LIMIT, now) : Promise.resolve(0),
		countFailure(db, addressKey(address), ADDRESS_LIMIT, now)
	]);
	const worst = Math.max(accountFailures, Math.ceil(addressFailures / 3));
	return { delayMs: Math.min(Math.max(worst - 2, 0) * 1000, 5000), accountFailures };
}

export async function clearAccount(db: Database, phone: string) {
	await db.delete(loginThrottle).where(inArray(loginThrottle.key, [accountKey(phone)]));
}

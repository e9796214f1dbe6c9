/**
 * Throttling of everything that can be guessed: passwords, whether a number is registered, tracking codes
 * with the last four phone digits, claims. Counts live in the database (`login_throttle`, one row per key,
 * a fixed window per row), so every Worker isolate and every Node process sees the same numbers.
 *
 * ## Logins: a lock that cannot be aimed at a victim
 * A plain "5 wrong passwords lock the account" lets anyone who knows a phone number lock its owner out, and
 * a plain "30 failures lock the address" locks out a whole carrier: Indonesian mobile networks put
 * thousands of subscribers behind one CGNAT address. So failures are counted three ways, and only the
 * narrowest count may lock:
 *
 * - **per account and address** (`login-pair:`): PAIR_LIMIT wrong passwords for one number from one
 *   address lock that pair for PAIR.lockMs, and the page says until when. This stops one guesser, and
 *   only them (and whoever shares their address *and* tries the same number).
 * - **per account** (`account:`), over all addresses: never locks. Past ACCOUNT_FREE failures in the
 *   window, every wrong answer for the account, from anywhere, comes after a growing delay (1 s, 2 s,
 *   4 s, …, at most MAX_DELAY_MS). The owner's right password, from any address not locked, gets in at
 *   once; a distributed guesser gets at most PAIR_LIMIT guesses per address per window, each one slow.
 * - **per address** (`ip:`), over all accounts: never locks (a CGNAT address is thousands of people).
 *   Past ADDRESS_FREE failures the wrong answers to that address slow down the same way, which makes
 *   spraying many numbers from one address slow without shutting out the people behind it.
 *
 * Why only wrong answers wait: a delay cannot hide the verdict anyway (a right guess gets a session),
 * and a guesser who does not wait for answers (parallel requests, cut connections) is held by the
 * counts, not the delay; the delay is there to slow the simple sequential guesser. Keeping right answers
 * instant means an attack on someone's number never makes their own login slow.
 * A right password clears its own pair's count only: the account's count is the attacker's, not the
 * owner's, and runs out with its window. What is left: an attacker with very many addresses still gets
 * PAIR_LIMIT slow guesses from each; the password policy (no common passwords, not the phone number) is
 * what makes those few guesses useless. A device cookie for known phones would be the next step.
 *
 * ## Other guesses
 * Registration says whether a number has an account (it must, to be useful); probing is counted per
 * address and per target number. Tracking (code + last four digits) and claiming are counted per code as
 * well as per address, so guesses at one code spread over many addresses stop after a handful.
 *
 * Addresses come from auth/address.ts only (the platform's word, IPv6 as /64).
 */
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/open';
import { loginThrottle } from '../db/schema';

const MINUTE = 60 * 1000;

/** A counter: failures within `windowMs`; at `limit` (if any) the key is locked for `lockMs`. */
export interface Rule {
	windowMs: number;
	limit: number | null;
	lockMs: number;
}

export const WINDOW_MS = 15 * MINUTE;
export const LOCK_MS = 15 * MINUTE;
/** The longest window of any rule: rows older than this (and unlocked) can go. */
const LONGEST_WINDOW_MS = 60 * MINUTE;

// --- logins -------------------------------------------------------------------------------------------

export const PAIR_LIMIT = 5;
export const PAIR: Rule = { windowMs: WINDOW_MS, limit: PAIR_LIMIT, lockMs: LOCK_MS };
/** Failures on one account, from anywhere, before its answers slow down. */
export const ACCOUNT_FREE = 5;
export const ACCOUNT: Rule = { windowMs: WINDOW_MS, limit: null, lockMs: 0 };
/** Failures from one address, over all accounts, before its answers slow down (a CGNAT is many people). */
export const ADDRESS_FREE = 100;
export const ADDRESS: Rule = { windowMs: WINDOW_MS, limit: null, lockMs: 0 };
export const MAX_DELAY_MS = 8000;

export const pairKey = (phone: string, address: string) => `login-pair:${phone}|${address}`;
export const accountKey = (phone: string) => `account:${phone}`;
export const addressKey = (address: string) => `ip:${address}`;

// --- registration, tracking, claims -------------------------------------------------------------------

/** Registration attempts for an already registered number: per address, and per number. */
export const REGISTER_ADDRESS: Rule = { windowMs: WINDOW_MS, limit: 20, lockMs: LOCK_MS };
export const REGISTER_PHONE: Rule = { windowMs: 60 * MINUTE, limit: 3, lockMs: 60 * MINUTE };
export const registerAddressKey = (address: string) => `register-ip:${address}`;
export const registerPhoneKey = (phone: string) => `register-phone:${phone}`;

/** Wrong tracking guesses: per address, and per code from everywhere together. */
export const TRACK_ADDRESS: Rule = { windowMs: WINDOW_MS, limit: 20, lockMs: LOCK_MS };
export const TRACK_CODE: Rule = { windowMs: 60 * MINUTE, limit: 5, lockMs: 60 * MINUTE };
export const trackAddressKey = (address: string) => `track:${address}`;
export const trackCodeKey = (code: string) => `track-code:${code}`;

/** Wrong claims at one code, from every account and address together (ownership.ts counts the rest). */
export const CLAIM_CODE: Rule = { windowMs: 60 * MINUTE, limit: 5, lockMs: 60 * MINUTE };
export const claimCodeKey = (code: string) => `claim-code:${code}`;

// --- counting -----------------------------------------------------------------------------------------

export interface Count {
	/** Failures in the key's current window (0 once the window is over). */
	failures: number;
	/** Set while the key is locked. */
	lockedUntil: Date | null;
}

/** The counts of some keys now, one query. Keys without a row count zero. */
export async function read(
	db: Database,
	keys: { key: string; rule: Rule }[],
	now = new Date()
): Promise<Count[]> {
	const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys.map((k) => k.key)));
	return keys.map(({ key, rule }) => countOf(rows.find((r) => r.key === key), rule, now));
}

/** The same, for rows already fetched (e.g. in a batch with other queries). */
export function countOf(
	row: typeof loginThrottle.$inferSelect | undefined,
	rule: Rule,
	now: Date
): Count {
	if (!row) return { failures: 0, lockedUntil: null };
	const inWindow = row.windowStartedAt.getTime() > now.getTime() - rule.windowMs;
	const locked = row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
	return { failures: inWindow ? row.failures : 0, lockedUntil: locked };
}

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

function failureStatement(key: string, rule: Rule, now: Date) {
	const t = now.getTime();
	const windowStart = t - rule.windowMs;
	const counted = sql`(case when window_started_at <= ${windowStart} then 1 else failures + 1 end)`;
	const lock =
		rule.limit === null
			? sql`locked_until`
			: sql`case when ${counted} >= ${rule.limit} then ${t + rule.lockMs} else locked_until end`;
	const firstLock = rule.limit !== null && rule.limit <= 1 ? t + rule.lockMs : null;
	return sql`
		insert into login_throttle (key, failures, window_started_at, locked_until)
		values (${key}, 1, ${t}, ${firstLock})
		on conflict (key) do update set
			failures = ${counted},
			window_started_at = case when window_started_at <= ${windowStart} then ${t} else window_started_at end,
			locked_until = ${lock}
		returning failures`;
}

/**
 * Records one failure for each key, in one round trip; returns the failures now counted per key.
 * Now and then also removes rows whose window and lock are long over.
 */
export async function countFailures(
	db: Database,
	keys: { key: string; rule: Rule }[],
	now = new Date()
): Promise<number[]> {
	const statements = keys.map(({ key, rule }) => db.run(failureStatement(key, rule, now)));
	if (Math.random() < 0.02) {
		const old = now.getTime() - LONGEST_WINDOW_MS;
		statements.push(
			db.run(
				sql`delete from login_throttle where window_started_at < ${old} and (locked_until is null or locked_until < ${now.getTime()})`
			)
		);
	}
	if (statements.length === 0) return [];
	const results = await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
	return keys.map((_, i) => Number(results[i]?.rows[0]?.failures ?? 1));
}

/**
 * Records one failure for a key; returns the failures counted in the current window. At `limit` failures
 * the key is locked for LOCK_MS (or the rule's own window and lock, when given).
 */
export async function countFailure(
	db: Database,
	key: string,
	limit: number,
	now: Date,
	rule: Rule = { windowMs: WINDOW_MS, limit, lockMs: LOCK_MS }
): Promise<number> {
	const [failures] = await countFailures(db, [{ key, rule: { ...rule, limit } }], now);
	return failures ?? 1;
}

export async function clear(db: Database, keys: string[]) {
	if (keys.length > 0) await db.delete(loginThrottle).where(inArray(loginThrottle.key, keys));
}

// --- login policy -------------------------------------------------------------------------------------

/** Growing, capped delay once `failures` passed `free`: 1 s, 2 s, 4 s, … up to MAX_DELAY_MS. */
export function slowdown(failures: number, free: number): number {
	if (failures < free) return 0;
	return Math.min(1000 * 2 ** (failures - free), MAX_DELAY_MS);
}

export interface LoginState {
	/** Set while this account is locked for this address (and only then). */
	lockedUntil: Date | null;
	/** How long to hold back a wrong answer to this attempt. */
	delayMs: number;
	/** Wrong passwords left for this number from this address before the pair locks. */
	pairAttemptsLeft: number;
}

export function loginKeys(phone: string, address: string) {
	return [
		{ key: pairKey(phone, address), rule: PAIR },
		{ key: accountKey(phone), rule: ACCOUNT },
		{ key: addressKey(address), rule: ADDRESS }
	];
}

/** What the counts say about a login attempt for `phone` from `address`: [pair, account, address]. */
export function loginState(counts: Count[]): LoginState {
	const [pair, account, address] = counts as [Count, Count, Count];
	return {
		lockedUntil: pair.lockedUntil,
		delayMs: Math.max(slowdown(account.failures, ACCOUNT_FREE), slowdown(address.failures, ADDRESS_FREE)),
		pairAttemptsLeft: Math.max(PAIR_LIMIT - pair.failures, 0)
	};
}

/** Records a wrong password (or an unknown number) for all three counters; returns the state after it. */
export async function recordLoginFailure(
	db: Database,
	phone: string,
	address: string,
	now = new Date()
): Promise<LoginState> {
	const keys = loginKeys(phone, address);
	const [pair = 1, account = 1, byAddress = 1] = await countFailures(db, keys, now);
	const pairLocked = pair >= PAIR_LIMIT ? new Date(now.getTime() + PAIR.lockMs) : null;
	return loginState([
		{ failures: pair, lockedUntil: pairLocked },
		{ failures: account, lockedUntil: null },
		{ failures: byAddress, lockedUntil: null }
	]);
}

/** A right password ends its own pair's count; the account's and the address's run out on their own. */
export async function recordLoginSuccess(db: Database, phone: string, address: string) {
	await clear(db, [pairKey(phone, address)]);
}

// --- guesses at one secret from anywhere ----------------------------------------------------------------

export type Paused = { ok: false; reason: 'paused'; until: Date };

/**
 * Runs a guess at something behind `key` (e.g. one tracking code) unless the key is paused, and counts it
 * when `wrong` says it missed. For checks whose own module counts per address or account already (claims),
 * this adds the count per target that distributed guessing cannot spread out. `key` null: nothing to count
 * (the input was malformed, and the attempt refuses it without guessing).
 */
export async function guessAt<R>(
	db: Database,
	key: string | null,
	rule: Rule,
	attempt: () => Promise<R>,
	wrong: (result: R) => boolean,
	now = new Date()
): Promise<R | Paused> {
	if (key) {
		const until = await lockedUntil(db, [key], now);
		if (until) return { ok: false, reason: 'paused', until };
	}
	const result = await attempt();
	if (key && wrong(result)) await countFailures(db, [{ key, rule }], now);
	return result;
}

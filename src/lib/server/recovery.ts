/**
 * A forgotten password, without an office visit: a one-time code to the account's own number
 * (notify/codes.ts), then a new password. Asking answers the same whether or not the number has an
 * account (and sends nothing when it has none). A right code also confirms the number; the new password
 * ends every session of the account and opens a fresh one here.
 */
import { eq } from 'drizzle-orm';
import { hashPassword } from './auth/password';
import * as session from './auth/session';
import * as throttle from './auth/throttle';
import type { Database } from './db/open';
import { sessions, users } from './db/schema';
import { checkCode, sendCode, type CheckCodeResult, type SendCodeResult } from './notify/codes';

export async function requestReset(db: Database, phone: string, address: string, now = new Date()): Promise<SendCodeResult> {
	const [account] = await db.select({ id: users.id, by: users.noticeByPhone }).from(users).where(eq(users.phone, phone));
	return sendCode(db, { phone, purpose: 'reset', address, send: !!account, by: account?.by }, now);
}

export type ResetResult = { ok: true; token: string; expiresAt: Date } | Exclude<CheckCodeResult, { ok: true }>;

export async function resetPassword(
	db: Database,
	input: { phone: string; code: string; password: string },
	address: string,
	now = new Date()
): Promise<ResetResult> {
	const checked = await checkCode(db, { phone: input.phone, purpose: 'reset', code: input.code, address }, now);
	if (!checked.ok) return checked;
	const [account] = await db.select({ id: users.id }).from(users).where(eq(users.phone, input.phone));
	// a code is only ever sent to a number with an account; one deleted since has nothing to reset
	if (!account) return { ok: false, reason: 'expired' };
	const passwordHash = await hashPassword(input.password);
	await db.batch([
		db.update(users).set({ passwordHash, mustChangePassword: false, phoneVerifiedAt: now }).where(eq(users.id, account.id)),
		db.delete(sessions).where(eq(sessions.userId, account.id))
	]);
	await throttle.recordLoginSuccess(db, input.phone, address);
	return { ok: true, ...(await session.create(db, account.id, now)) };
}

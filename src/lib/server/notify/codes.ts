/**
 * One-time codes to a phone number, over WhatsApp or SMS (whichever is configured): 6 digits, valid
 * CODE_MINUTES, only SHA-256(id, code) stored, CODE_TRIES tries per code, and only the newest code of a
 * number and purpose counts. Used to confirm a number (`verify`), to reset a forgotten password
 * (`reset`, recovery.ts) and to claim applications made for that number (`claim`).
 *
 * Threats handled: guessing a code (a million values, five tries each, then a new code is needed; wrong
 * tries also counted per address); flooding a number with messages, or sending many at the city's cost
 * (sends counted per number and per address in auth/throttle.ts's table, locking for a while); a stolen
 * database (no usable codes in it, and they expire in minutes). The code travels through the outbox in
 * the same batch as its row, and a sender starts at once after the request.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { CODE_MINUTES, CODE_TRIES, newCode } from '$lib/domain/recovery';
import { m } from '../../paraglide/messages.js';
import * as throttle from '../auth/throttle';
import type { Database } from '../db/open';
import { phoneCodes, type CodePurpose, type PhoneChoice } from '../db/schema';
import { notifyConfig, phoneChannel, type NotifyConfig } from './config';
import { queueCode } from './outbox';

const MINUTE = 60_000;
/** Codes sent to one number: 3 in 15 minutes, then a pause of 15 minutes. */
export const SEND_PHONE: throttle.Rule = { windowMs: 15 * MINUTE, limit: 3, lockMs: 15 * MINUTE };
/** Codes asked from one address (a CGNAT is many people: generous): 20 in 15 minutes. */
export const SEND_ADDRESS: throttle.Rule = { windowMs: 15 * MINUTE, limit: 20, lockMs: 15 * MINUTE };
/** Wrong codes from one address: 30 in 15 minutes. */
export const WRONG_ADDRESS: throttle.Rule = { windowMs: 15 * MINUTE, limit: 30, lockMs: 15 * MINUTE };

const sendPhoneKey = (phone: string) => `code-send:${phone}`;
const sendAddressKey = (address: string) => `code-send-ip:${address}`;
const wrongAddressKey = (address: string) => `code-wrong-ip:${address}`;

const hash = (id: string, code: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(`${id}:${code}`)));

export type SendCodeResult =
	| { ok: true; channel: 'whatsapp' | 'sms' }
	| { ok: false; reason: 'unavailable' }
	| { ok: false; reason: 'paused'; until: Date };

/**
 * Sends a new code for `purpose` to `phone`, unless no phone channel is configured or the number or the
 * address asked too often. Older codes of the number for the same purpose stop counting.
 * `send: false` counts and answers the same without sending (a reset for a number with no account:
 * the page cannot tell the two apart).
 */
export async function sendCode(
	db: Database,
	input: { phone: string; purpose: CodePurpose; address: string; send?: boolean; by?: PhoneChoice },
	now = new Date(),
	config: NotifyConfig = notifyConfig()
): Promise<SendCodeResult> {
	// a code must arrive even for someone who wants no notices by phone: their choice only picks the channel
	const channel = phoneChannel(input.by === 'sms' ? 'sms' : 'whatsapp', config);
	if (!channel) return { ok: false, reason: 'unavailable' };
	const keys = [sendPhoneKey(input.phone), sendAddressKey(input.address)];
	const until = await throttle.lockedUntil(db, keys, now);
	if (until) return { ok: false, reason: 'paused', until };
	await throttle.countFailures(db, [{ key: keys[0]!, rule: SEND_PHONE }, { key: keys[1]!, rule: SEND_ADDRESS }], now);
	if (input.send === false) return { ok: true, channel };
	const id = crypto.randomUUID();
	const code = newCode();
	await db.batch([
		db
			.update(phoneCodes)
			.set({ usedAt: now })
			.where(and(eq(phoneCodes.phone, input.phone), eq(phoneCodes.purpose, input.purpose), isNull(phoneCodes.usedAt))),
		db.insert(phoneCodes).values({
			id,
			phone: input.phone,
			purpose: input.purpose,
			codeHash: hash(id, code),
			expiresAt: new Date(now.getTime() + CODE_MINUTES * MINUTE),
			createdAt: now
		}),
		queueCode(db, { codeId: id, channel, phone: input.phone, code, minutes: CODE_MINUTES, at: now })
	]);
	return { ok: true, channel };
}

export type CheckCodeResult =
	| { ok: true }
	| { ok: false; reason: 'wrong'; triesLeft: number }
	| { ok: false; reason: 'expired' }
	| { ok: false; reason: 'paused'; until: Date };

/**
 * Checks a code for `phone` and `purpose` and uses it up when right (one conditional UPDATE: a code is
 * good for one success only, even for two requests at the same moment).
 */
export async function checkCode(
	db: Database,
	input: { phone: string; purpose: CodePurpose; code: string; address: string },
	now = new Date()
): Promise<CheckCodeResult> {
	const until = await throttle.lockedUntil(db, [wrongAddressKey(input.address)], now);
	if (until) return { ok: false, reason: 'paused', until };
	const [row] = await db
		.select()
		.from(phoneCodes)
		.where(and(eq(phoneCodes.phone, input.phone), eq(phoneCodes.purpose, input.purpose), isNull(phoneCodes.usedAt), gt(phoneCodes.expiresAt, now)))
		.orderBy(desc(phoneCodes.createdAt))
		.limit(1);
	if (!row || row.attempts >= CODE_TRIES) return { ok: false, reason: 'expired' };
	const right = constantTimeEqual(new TextEncoder().encode(hash(row.id, input.code)), new TextEncoder().encode(row.codeHash));
	if (!right) {
		await db.update(phoneCodes).set({ attempts: sql`${phoneCodes.attempts} + 1` }).where(eq(phoneCodes.id, row.id));
		await throttle.countFailures(db, [{ key: wrongAddressKey(input.address), rule: WRONG_ADDRESS }], now);
		const left = CODE_TRIES - row.attempts - 1;
		return left > 0 ? { ok: false, reason: 'wrong', triesLeft: left } : { ok: false, reason: 'expired' };
	}
	const used = await db
		.update(phoneCodes)
		.set({ usedAt: now })
		.where(and(eq(phoneCodes.id, row.id), isNull(phoneCodes.usedAt), sql`${phoneCodes.attempts} < ${CODE_TRIES}`))
		.returning({ id: phoneCodes.id });
	return used.length > 0 ? { ok: true } : { ok: false, reason: 'expired' };
}

export const codeMessages = {
	sent: (channel: 'whatsapp' | 'sms') =>
		m.account_code_sent_if_registered({ channel: channel === 'whatsapp' ? 'WhatsApp' : 'SMS', minutes: CODE_MINUTES }),
	get unavailable() {
		return m.account_code_unavailable();
	},
	/** For a page that offers a code only when one can be sent. */
	get notOffered() {
		return m.account_code_not_offered();
	},
	paused: (until: string) => m.account_code_paused({ until }),
	wrong: (left: number) => m.account_code_wrong({ count: left }),
	get expired() {
		return m.account_code_expired();
	}
} as const;

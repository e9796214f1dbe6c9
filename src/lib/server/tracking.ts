/**
 * Public tracking: anyone with the tracking code and the last four digits of the applicant's phone number
 * sees the status, without an account. The code alone is not enough (it is printed on slips and sent on
 * WhatsApp), so the four digits are the secret, and 10^4 is small: wrong guesses are counted per client
 * address and, above all, per code from every address together (auth/throttle.ts TRACK_CODE), so guesses
 * at one code spread over many addresses stop after a handful, and the code pauses for an hour. The pause
 * answers the same whether the code exists or not; the applicant can still see it in their account.
 */
import { normalizeTrackingCode } from '$lib/domain/tracking-code';
import { m } from '../paraglide/messages.js';
import * as applications from './applications';
import * as throttle from './auth/throttle';
import type { Database } from './db/open';

/** Wrong guesses at one code, from all addresses together, before it pauses. */
export const GUESS_LIMIT = throttle.TRACK_CODE.limit!;

export const trackingMessages = {
	get code() { return m.public_track_code_invalid(); },
	get lastFour() { return m.public_track_last_four_invalid(); },
	get notFound() { return m.public_track_not_found(); },
	paused: (until: string) => m.public_track_paused({ until })
} as const;

export type TrackResult =
	| { ok: true; view: applications.ApplicationView }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'paused'; until: Date };

export async function track(
	db: Database,
	input: { code: string; lastFour: string },
	clientAddress: string,
	now = new Date()
): Promise<TrackResult> {
	const errors: Record<string, string> = {};
	const code = normalizeTrackingCode(input.code);
	const lastFour = input.lastFour.replace(/\D/g, '');
	if (!code) errors.code = trackingMessages.code;
	if (lastFour.length !== 4) errors.lastFour = trackingMessages.lastFour;
	if (!code || lastFour.length !== 4) return { ok: false, reason: 'invalid', errors };

	const keys = [
		{ key: throttle.trackAddressKey(clientAddress), rule: throttle.TRACK_ADDRESS },
		{ key: throttle.trackCodeKey(code), rule: throttle.TRACK_CODE }
	];
	const until = await throttle.lockedUntil(db, keys.map((k) => k.key), now);
	if (until) return { ok: false, reason: 'paused', until };
	const view = await applications.viewByCode(db, code, lastFour);
	if (!view) {
		await throttle.countFailures(db, keys, now);
		return { ok: false, reason: 'not_found' };
	}
	return { ok: true, view };
}

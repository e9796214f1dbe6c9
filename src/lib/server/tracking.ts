/**
 * Public tracking: anyone with the tracking code and the last four digits of the applicant's phone number
 * sees the status, without an account. 28^8 codes × 10^4 endings make guessing hopeless, and wrong guesses
 * are still limited per client address (GUESS_LIMIT per 15 minutes, then a 15-minute pause).
 */
import { normalizeTrackingCode } from '$lib/domain/tracking-code';
import * as applications from './applications';
import * as throttle from './auth/throttle';
import type { Database } from './db/open';

export const GUESS_LIMIT = 10;

export const trackingMessages = {
	code: 'Kode lacak terdiri dari 8 huruf dan angka, misalnya ABCD 2345.',
	lastFour: 'Tulis 4 angka terakhir nomor HP pemohon.',
	notFound: 'Permohonan tidak ditemukan. Periksa lagi kode lacak dan 4 angka terakhir nomor HP.'
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

	const key = `track:${clientAddress}`;
	const until = await throttle.lockedUntil(db, [key], now);
	if (until) return { ok: false, reason: 'paused', until };
	const view = await applications.viewByCode(db, code, lastFour);
	if (!view) {
		await throttle.countFailure(db, key, GUESS_LIMIT, now);
		return { ok: false, reason: 'not_found' };
	}
	return { ok: true, view };
}

import { fail } from '@sveltejs/kit';
import { normalizeTrackingCode } from '$lib/domain/tracking-code';
import { formatWita } from '$lib/domain/working-time';
import * as applications from '$lib/server/applications';
import * as throttle from '$lib/server/auth/throttle';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { statusView } from '$lib/server/status-view';
import type { Actions, PageServerLoad } from './$types';

/** Wrong guesses allowed per client address per 15 minutes before tracking is paused for it. */
const GUESS_LIMIT = 10;

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('kode') ?? '' });

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const form = await request.formData();
		const typed = { code: text(form, 'code'), lastFour: text(form, 'lastFour') };
		const errors: Record<string, string> = {};
		const code = normalizeTrackingCode(typed.code);
		if (!code) errors.code = 'Kode lacak terdiri dari 8 huruf dan angka, misalnya ABCD 2345.';
		const lastFour = typed.lastFour.replace(/\D/g, '');
		if (lastFour.length !== 4) errors.lastFour = 'Tulis 4 angka terakhir nomor HP pemohon.';
		if (!code || lastFour.length !== 4) return fail(400, { ...typed, errors });

		const db = getDb();
		const key = `track:${getClientAddress()}`;
		const locked = await throttle.lockedUntil(db, [key]);
		if (locked) {
			return fail(429, {
				...typed,
				errors: { form: `Terlalu banyak kode yang salah. Coba lagi setelah ${formatWita(locked)}.` }
			});
		}
		const view = await applications.viewByCode(db, code, lastFour);
		if (!view) {
			await throttle.countFailure(db, key, GUESS_LIMIT, new Date());
			return fail(404, {
				...typed,
				errors: { form: 'Permohonan tidak ditemukan. Periksa lagi kode lacak dan 4 angka terakhir nomor HP.' }
			});
		}
		return { ...typed, view: statusView(view) };
	}
};

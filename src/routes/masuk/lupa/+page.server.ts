import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/form-errors';
import { formatPhone } from '$lib/domain/phone';
import { askCodeSchema, resetSchema } from '$lib/domain/recovery';
import { formatWita } from '$lib/domain/working-time';
import { clientAddress } from '$lib/server/auth/address';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { codeMessages } from '$lib/server/notify/codes';
import { phoneChannel } from '$lib/server/notify/config';
import * as recovery from '$lib/server/recovery';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/akun/sandi');
	return { unavailable: phoneChannel() ? null : codeMessages.unavailable };
};

export const actions: Actions = {
	kirim: async (event) => {
		const form = await event.request.formData();
		const phone = text(form, 'phone');
		const parsed = v.safeParse(askCodeSchema, { phone });
		if (!parsed.success) return fail(400, { phone, errors: fieldErrors(parsed.issues) });
		const sent = await recovery.requestReset(getDb(), parsed.output.phone, clientAddress(event));
		if (!sent.ok) {
			const message = sent.reason === 'paused' ? codeMessages.paused(formatWita(sent.until)) : codeMessages.unavailable;
			return fail(sent.reason === 'paused' ? 429 : 503, { phone, errors: { form: message } });
		}
		return { sent: codeMessages.sent(sent.channel), phone: formatPhone(parsed.output.phone) };
	},
	ganti: async (event) => {
		const form = await event.request.formData();
		const phone = text(form, 'phone');
		// passwords are never sent back to the page, not even after an error
		const parsed = v.safeParse(resetSchema, { phone, code: text(form, 'code'), password: text(form, 'password'), repeat: text(form, 'repeat') });
		if (!parsed.success) return fail(400, { phone, step: 'code' as const, errors: fieldErrors(parsed.issues) });
		const result = await recovery.resetPassword(getDb(), parsed.output, clientAddress(event));
		if (!result.ok) {
			const message =
				result.reason === 'wrong' ? codeMessages.wrong(result.triesLeft) : result.reason === 'paused' ? codeMessages.paused(formatWita(result.until)) : codeMessages.expired;
			return fail(result.reason === 'paused' ? 429 : 400, { phone, step: 'code' as const, errors: { code: message } });
		}
		setSessionCookie(event.cookies, result.token, result.expiresAt);
		redirect(303, '/akun?sandi=diganti');
	}
};

export const csr = false;

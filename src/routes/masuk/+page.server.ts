import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors, loginSchema } from '$lib/domain/account-forms';
import { formatWita } from '$lib/domain/working-time';
import { m } from '$lib/paraglide/messages';
import * as accounts from '$lib/server/accounts';
import { clientAddress } from '$lib/server/auth/address';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { getDb } from '$lib/server/db';
import { safeRedirectTarget, sleep, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('ke'), '/akun'));
	return { returnTo: url.searchParams.get('ke') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		const form = await request.formData();
		const phone = text(form, 'phone');
		const parsed = v.safeParse(loginSchema, { phone, password: text(form, 'password') });
		if (!parsed.success) return fail(400, { phone, errors: fieldErrors(parsed.issues) });

		const result = await accounts.login(getDb(), parsed.output, clientAddress(event));
		if (!result.ok && result.reason === 'locked') {
			return fail(429, {
				phone,
				errors: {
					form: m.account_login_locked({ until: formatWita(result.until) })
				}
			});
		}
		if (!result.ok) {
			// many wrong passwords for this number or from this network: wrong answers come slowly
			await sleep(result.delayMs);
			const message =
				result.attemptsLeft !== null && result.attemptsLeft > 0
					? m.account_login_wrong_tries_left({ count: result.attemptsLeft })
					: m.account_login_wrong();
			return fail(400, { phone, errors: { form: message } });
		}
		setSessionCookie(cookies, result.token, result.expiresAt);
		if (result.mustChangePassword) redirect(303, accounts.PASSWORD_CHANGE_PATH);
		redirect(303, safeRedirectTarget(text(form, 'ke') || url.searchParams.get('ke'), '/akun'));
	}
};

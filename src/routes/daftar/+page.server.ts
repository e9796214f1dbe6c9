import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors, registerSchema } from '$lib/domain/account-forms';
import { formatWita } from '$lib/domain/working-time';
import { m } from '$lib/paraglide/messages';
import * as accounts from '$lib/server/accounts';
import { clientAddress } from '$lib/server/auth/address';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { getDb } from '$lib/server/db';
import { safeRedirectTarget, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/akun');
	return { returnTo: url.searchParams.get('ke') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies } = event;
		const form = await request.formData();
		const typed = { name: text(form, 'name'), phone: text(form, 'phone') };
		const parsed = v.safeParse(registerSchema, { ...typed, password: text(form, 'password') });
		if (!parsed.success) return fail(400, { ...typed, errors: fieldErrors(parsed.issues) });

		const result = await accounts.register(getDb(), parsed.output, 'citizen', clientAddress(event));
		if (!result.ok) {
			if (result.reason === 'paused') {
				return fail(429, {
					...typed,
					errors: {
						form: m.account_register_paused({ until: formatWita(result.until) })
					}
				});
			}
			return fail(400, {
				...typed,
				errors: { phone: m.account_register_phone_taken() }
			});
		}
		setSessionCookie(cookies, result.token, result.expiresAt);
		redirect(303, safeRedirectTarget(text(form, 'ke'), '/akun'));
	}
};

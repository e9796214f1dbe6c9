import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors, registerSchema } from '$lib/domain/account-forms';
import * as accounts from '$lib/server/accounts';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { getDb } from '$lib/server/db';
import { safeRedirectTarget, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, '/akun');
	return { returnTo: url.searchParams.get('ke') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const typed = { name: text(form, 'name'), phone: text(form, 'phone') };
		const parsed = v.safeParse(registerSchema, { ...typed, password: text(form, 'password') });
		if (!parsed.success) return fail(400, { ...typed, errors: fieldErrors(parsed.issues) });

		const result = await accounts.register(getDb(), parsed.output);
		if (!result.ok) {
			return fail(400, {
				...typed,
				errors: { phone: 'Nomor HP ini sudah terdaftar. Silakan masuk, atau pakai nomor lain.' }
			});
		}
		setSessionCookie(cookies, result.token, result.expiresAt);
		redirect(303, safeRedirectTarget(text(form, 'ke'), '/akun'));
	}
};

import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/form-errors';
import { passwordChangeMessages, passwordChangeSchema } from '$lib/domain/password-change';
import { formatWita } from '$lib/domain/working-time';
import { m } from '$lib/paraglide/messages';
import * as accounts from '$lib/server/accounts';
import { clientAddress } from '$lib/server/auth/address';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { getDb } from '$lib/server/db';
import { sleep, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const here = `/masuk?ke=${encodeURIComponent(accounts.PASSWORD_CHANGE_PATH)}`;

export const load: PageServerLoad = ({ locals }) => {
	// the hook lets only signed-in users into /akun; this page checks again
	if (!locals.user) redirect(303, here);
	return { required: locals.user.mustChangePassword === true };
};

export const actions: Actions = {
	default: async (event) => {
		const user = event.locals.user;
		if (!user) redirect(303, here);
		const form = await event.request.formData();
		// passwords are never sent back to the page, not even after an error
		const parsed = v.safeParse(passwordChangeSchema, {
			current: text(form, 'current'),
			password: text(form, 'password'),
			repeat: text(form, 'repeat'),
			phone: user.phone
		});
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.issues) });

		const result = await accounts.changePassword(getDb(), user, parsed.output, clientAddress(event));
		if (!result.ok) {
			if (result.reason === 'locked') {
				return fail(429, {
					errors: {
						form: m.account_password_locked({ until: formatWita(result.until) })
					}
				});
			}
			await sleep(result.delayMs);
			return fail(400, { errors: { current: passwordChangeMessages.currentWrong } });
		}
		setSessionCookie(event.cookies, result.token, result.expiresAt);
		redirect(303, '/akun?sandi=diganti');
	}
};

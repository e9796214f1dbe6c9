import { redirect } from '@sveltejs/kit';
import * as session from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/auth/cookie';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Logging out is a POST (a form button), never a link: a prefetch or a crawler must not log anyone out.
export const load: PageServerLoad = () => redirect(303, '/akun');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionId) await session.invalidate(getDb(), locals.sessionId);
		clearSessionCookie(cookies);
		redirect(303, '/?keluar=1');
	}
};

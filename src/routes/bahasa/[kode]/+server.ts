/**
 * The language link (`/bahasa/en?kembali=/layanan`): remembers the reader's choice in the `bahasa` cookie
 * and goes back to the page they were on. A plain link, so it works without JavaScript; the cookie is not
 * HttpOnly because the browser reads it too (a prerendered or cached page is written in Indonesian and the
 * app switches it on load). A preference, not a secret: no session, no personal data.
 */
import { error, redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeRedirectTarget } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, cookies }) => {
	if (!isLocale(params.kode)) error(404, m.common_language_unknown());
	cookies.set(cookieName, params.kode, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
	redirect(303, safeRedirectTarget(url.searchParams.get('kembali'), '/'));
};

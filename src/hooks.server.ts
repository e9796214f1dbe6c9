/**
 * Every request passes here: read the session cookie, then let the role table (domain/roles.ts) decide
 * whether the route, page or form action alike, may be opened. Routes check again for the record they
 * touch; this is the gate, not the only lock.
 */
import { error, redirect, type Handle } from '@sveltejs/kit';
import { accessFor } from '$lib/domain/roles';
import * as session from '$lib/server/auth/session';
import { clearSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { getDb } from '$lib/server/db';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;

	const token = event.cookies.get(session.SESSION_COOKIE);
	if (token) {
		const valid = await session.validate(getDb(), token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.sessionId = valid.id;
			setSessionCookie(event.cookies, token, valid.expiresAt);
		} else {
			clearSessionCookie(event.cookies);
		}
	}

	const access = accessFor(event.url.pathname, event.locals.user?.role ?? null);
	if (access === 'login-required') {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/masuk?ke=${encodeURIComponent(back)}`);
	}
	if (access === 'forbidden') {
		error(403, 'Halaman ini bukan untuk peran akun Anda.');
	}

	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	if (
		response.headers.get('content-type')?.startsWith('text/html') &&
		!response.headers.has('cache-control')
	) {
		// personal pages must never sit in a shared cache (Cloudflare's included)
		response.headers.set('Cache-Control', event.locals.user ? 'private, no-store' : 'no-cache');
	}
	return response;
};

import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/** HttpOnly, SameSite=Lax, Secure (SvelteKit sets Secure everywhere but on http://localhost). */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', expires: expiresAt });
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/**
 * A readable companion of the session cookie, with no secret in it: it only tells the page's own script
 * (src/lib/client/shell.ts) that a session exists, so pages served from the phone's cache ask `/api/saya`
 * for the account menu only then. Same lifetime as the session cookie.
 */
export const SIGNED_IN_COOKIE = 'ada-akun';

/** HttpOnly, SameSite=Lax, Secure (SvelteKit sets Secure everywhere but on http://localhost). */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', expires: expiresAt });
	cookies.set(SIGNED_IN_COOKIE, '1', { path: '/', httpOnly: false, sameSite: 'lax', expires: expiresAt });
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
	cookies.delete(SIGNED_IN_COOKIE, { path: '/', httpOnly: false });
}

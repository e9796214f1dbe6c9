/**
 * The second lock. The hook's gate (src/hooks.server.ts) refuses a request before any route code runs;
 * every protected load and action calls `requireRole` again itself, so that a mistake in the gate (a path
 * the gate reads differently from the router, a route moved out of its area) never opens anything alone.
 * Records (an application, its documents) are judged further by `access.ts`, from the user's relation.
 */
import { error, redirect } from '@sveltejs/kit';
import type { Role } from '$lib/domain/roles';
import { m } from '../paraglide/messages.js';
import type { SessionUser } from './auth/session';

/** The same words as the hook's gate (messages/<locale>/common.json), in the reader's language. */
export const forbiddenMessage = () => m.common_forbidden_role();

/** The signed-in user if their role is one of `roles`; otherwise to the login page, or 403. */
export function requireRole<R extends Role>(
	event: { locals: App.Locals; url: URL },
	roles: readonly R[]
): SessionUser & { role: R } {
	const user = event.locals.user;
	if (!user) redirect(303, `/masuk?ke=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	if (!(roles as readonly Role[]).includes(user.role)) error(403, forbiddenMessage());
	return user as SessionUser & { role: R };
}

export const requireAdmin = (event: { locals: App.Locals; url: URL }) => requireRole(event, ['admin']);

/** An officer, and the office they work for (an officer without an office can do nothing). */
export function requireOfficer(event: { locals: App.Locals; url: URL }) {
	const officer = requireRole(event, ['officer']);
	if (!officer.officeId) error(403, m.status_officer_no_office());
	return officer as typeof officer & { officeId: NonNullable<SessionUser['officeId']> };
}

export const requireSignedIn = (event: { locals: App.Locals; url: URL }) =>
	requireRole(event, ['citizen', 'volunteer', 'officer', 'admin']);

/** A whole number from a query parameter within [min, max]; anything else (1e309, -1, 'x') gives `fallback`. */
export function intParam(value: string | null, fallback: number, min = 1, max = 10_000): number {
	if (value === null || !/^\d{1,6}$/.test(value)) return fallback;
	const n = Number(value);
	return n >= min && n <= max ? n : fallback;
}

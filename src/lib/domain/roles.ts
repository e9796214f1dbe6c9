/**
 * Who may open which part of the app. One table, read by the server hook for every request (pages and
 * form actions alike) and by the pages to decide which links to show. Feature modules check again for the
 * record they touch (an officer's own office, an applicant's own application).
 */

import { m } from '../paraglide/messages.js';

export const roles = ['citizen', 'volunteer', 'officer', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Each role's name in the reader's language (read at each use: the language is per request). */
export const roleLabel: Record<Role, string> = {
	get citizen() {
		return m.common_role_citizen();
	},
	get volunteer() {
		return m.common_role_volunteer();
	},
	get officer() {
		return m.common_role_officer();
	},
	get admin() {
		return m.common_role_admin();
	}
};

/**
 * Protected areas by URL prefix. Anything not listed is public. Longest prefix wins.
 * `/akun` is every signed-in user's home; the others belong to their roles.
 */
export const protectedAreas = [
	{ prefix: '/akun', roles: roles },
	// officers too: a walk-in resident's application started at the counter (loket), and its receipt and slip
	{ prefix: '/permohonan', roles: ['citizen', 'volunteer', 'officer'] },
	{ prefix: '/ajukan', roles: ['citizen', 'volunteer', 'officer'] },
	{ prefix: '/dokumen', roles: roles },
	{ prefix: '/notifikasi', roles: roles },
	{ prefix: '/relawan', roles: ['volunteer'] },
	{ prefix: '/petugas', roles: ['officer'] },
	{ prefix: '/admin', roles: ['admin'] }
] as const satisfies readonly { prefix: string; roles: readonly Role[] }[];

export type Access = 'public' | 'allowed' | 'login-required' | 'forbidden';

/**
 * Decides on a path the router has already decoded: the route id (`/admin/petugas`, `/permohonan/[id]`)
 * or the decoded pathname. Never pass a raw `url.pathname`: `/%61dmin` is `/admin` to the router.
 * Paths are compared case-sensitively as the router does, after dropping a trailing slash.
 */
export function accessFor(path: string, role: Role | null): Access {
	const area = areaOf(path);
	if (!area) return 'public';
	if (!role) return 'login-required';
	return (area.roles as readonly Role[]).includes(role) ? 'allowed' : 'forbidden';
}

/**
 * The path the gate judges: the route id without its (groups), or, when no route matched, the decoded
 * pathname (so an unmatched `/%61dmin/x` is still judged as `/admin/x`). Null when it cannot be decoded.
 */
export function gatePath(routeId: string | null, pathname: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return null;
	}
	if (/[\u0000-\u001f\\]/.test(decoded)) return null;
	if (routeId) return routeId.replace(/\/\([^/]+\)/g, '') || '/';
	return decoded.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
}

export function areaOf(path: string) {
	let area: (typeof protectedAreas)[number] | undefined;
	for (const candidate of protectedAreas) {
		const inside = path === candidate.prefix || path.startsWith(`${candidate.prefix}/`);
		if (inside && (!area || candidate.prefix.length > area.prefix.length)) area = candidate;
	}
	return area;
}

/** Whether a role may use an area at all: the second lock that each protected route calls itself. */
export function roleMayOpen(prefix: (typeof protectedAreas)[number]['prefix'], role: Role): boolean {
	const area = protectedAreas.find((a) => a.prefix === prefix)!;
	return (area.roles as readonly Role[]).includes(role);
}

/** Where a user lands after logging in, and the first thing their home page points to. */
export const homeFor: Record<Role, { href: string; label: string }> = {
	citizen: { href: '/layanan', label: 'Ajukan layanan' },
	volunteer: { href: '/relawan', label: 'Bantu warga mengajukan' },
	officer: { href: '/petugas', label: 'Buka antrean permohonan' },
	admin: { href: '/admin', label: 'Kelola petugas dan layanan' }
};

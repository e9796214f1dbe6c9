/**
 * Who may open which part of the app. One table, read by the server hook for every request (pages and
 * form actions alike) and by the pages to decide which links to show. Feature modules check again for the
 * record they touch (an officer's own office, an applicant's own application).
 */

export const roles = ['citizen', 'volunteer', 'officer', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabel: Record<Role, string> = {
	citizen: 'Warga',
	volunteer: 'Relawan',
	officer: 'Petugas',
	admin: 'Admin'
};

/**
 * Protected areas by URL prefix. Anything not listed is public. Longest prefix wins.
 * `/akun` is every signed-in user's home; the others belong to their roles.
 */
export const protectedAreas = [
	{ prefix: '/akun', roles: roles },
	{ prefix: '/permohonan', roles: ['citizen', 'volunteer'] },
	{ prefix: '/ajukan', roles: ['citizen', 'volunteer'] },
	{ prefix: '/dokumen', roles: roles },
	{ prefix: '/notifikasi', roles: roles },
	{ prefix: '/relawan', roles: ['volunteer'] },
	{ prefix: '/petugas', roles: ['officer'] },
	{ prefix: '/admin', roles: ['admin'] }
] as const satisfies readonly { prefix: string; roles: readonly Role[] }[];

export type Access = 'public' | 'allowed' | 'login-required' | 'forbidden';

export function accessFor(pathname: string, role: Role | null): Access {
	let area: (typeof protectedAreas)[number] | undefined;
	for (const candidate of protectedAreas) {
		const inside = pathname === candidate.prefix || pathname.startsWith(`${candidate.prefix}/`);
		if (inside && (!area || candidate.prefix.length > area.prefix.length)) area = candidate;
	}
	if (!area) return 'public';
	if (!role) return 'login-required';
	return (area.roles as readonly Role[]).includes(role) ? 'allowed' : 'forbidden';
}

/** Where a user lands after logging in, and the first thing their home page points to. */
export const homeFor: Record<Role, { href: string; label: string }> = {
	citizen: { href: '/layanan', label: 'Ajukan layanan' },
	volunteer: { href: '/relawan', label: 'Bantu warga mengajukan' },
	officer: { href: '/petugas', label: 'Buka antrean permohonan' },
	admin: { href: '/admin', label: 'Kelola petugas dan layanan' }
};

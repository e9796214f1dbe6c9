import { error, redirect } from '@sveltejs/kit';
import { normalizeTrackingCode } from '$lib/domain/tracking-code';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	// the second lock: finding applications by code is the admins' (access.ts, `audit`)
	if (locals.user?.role !== 'admin') error(404, 'Halaman tidak ditemukan.');
	const typed = url.searchParams.get('kode') ?? '';
	const code = typed ? normalizeTrackingCode(typed) : null;
	if (code) redirect(303, `/admin/permohonan/${code}`);
	return { typed, error: typed ? 'Kode lacak terdiri dari 8 huruf dan angka, misalnya ABCD 2345.' : null };
};

import { error, redirect } from '@sveltejs/kit';
import { normalizeTrackingCode } from '$lib/domain/tracking-code';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	// the second lock: finding applications by code is the admins' (access.ts, `audit`)
	if (locals.user?.role !== 'admin') error(404, m.admin_page_not_found());
	const typed = url.searchParams.get('kode') ?? '';
	const code = typed ? normalizeTrackingCode(typed) : null;
	if (code) redirect(303, `/admin/permohonan/${code}`);
	return { typed, error: typed ? m.admin_search_bad_code() : null };
};

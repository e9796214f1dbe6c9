import { error, fail, redirect } from '@sveltejs/kit';
import { complaintView } from '$lib/server/complaint-pages';
import * as complaints from '$lib/server/complaints';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Public: whoever holds the code is the filer (access.ts, complaintRelationOf).
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const found = await complaints.byCode(getDb(), locals.user ?? null, params.code);
	if (!found) error(404, m.public_complaint_page_not_found());
	return {
		fresh: url.searchParams.get('baru') === '1',
		c: complaintView(found),
		mayReopen: found.mayReopen,
		mayMarkSolved: found.mayMarkSolved
	};
};

export const actions: Actions = {
	selesai: async ({ params, locals }) => {
		const result = await complaints.markSolved(getDb(), locals.user ?? null, params.code);
		if (!result.ok) return result.notFound ? error(404, m.public_complaint_page_not_found()) : fail(409, { message: result.message });
		redirect(303, `/pengaduan/${params.code}`);
	},
	bukaLagi: async ({ params, locals, request }) => {
		const reason = text(await request.formData(), 'reason');
		const result = await complaints.reopen(getDb(), locals.user ?? null, params.code, { reason });
		if (!result.ok) return result.notFound ? error(404, m.public_complaint_page_not_found()) : fail(400, { message: result.message, reason });
		redirect(303, `/pengaduan/${params.code}`);
	}
};

export const csr = false;

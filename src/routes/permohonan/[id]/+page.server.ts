import { error, fail, redirect } from '@sveltejs/kit';
import * as applications from '$lib/server/applications';
import { getDb } from '$lib/server/db';
import { statusView } from '$lib/server/status-view';
import { decide } from '$lib/server/decisions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const view = await applications.viewForOwner(getDb(), locals.user!, params.id);
	if (!view) error(404, 'Permohonan tidak ditemukan.');
	return { view: statusView(view), justSubmitted: url.searchParams.has('baru'), origin: url.origin };
};

export const actions: Actions = {
	batalkan: async ({ params, locals }) => {
		const outcome = await decide(getDb(), { applicationId: params.id, action: 'cancel', actor: locals.user! });
		if (!outcome.ok) return fail(400, { message: outcome.message });
		redirect(303, `/permohonan/${params.id}`);
	}
};

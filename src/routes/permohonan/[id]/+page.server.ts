import { error } from '@sveltejs/kit';
import * as applications from '$lib/server/applications';
import { getDb } from '$lib/server/db';
import { statusView } from '$lib/server/status-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const view = await applications.viewForOwner(getDb(), locals.user!, params.id);
	if (!view) error(404, 'Permohonan tidak ditemukan.');
	return { view: statusView(view), justSubmitted: url.searchParams.has('baru'), origin: url.origin };
};

import { error, redirect } from '@sveltejs/kit';
import * as applications from '$lib/server/applications';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = getDb();
	const [found, drafts] = await Promise.all([
		catalogue.findActive(db, params.slug),
		applications.listDrafts(db, locals.user!.id)
	]);
	if (!found) error(404, 'Layanan tidak ditemukan.');
	return {
		slug: found.service.slug,
		name: found.service.name,
		steps: found.service.steps.map((s) => s.title),
		documents: found.service.documents.map((d) => ({ label: d.label, required: d.required })),
		drafts: drafts.filter((d) => d.serviceSlug === params.slug)
	};
};

export const actions: Actions = {
	default: async ({ params, locals }) => {
		const db = getDb();
		const found = await catalogue.findActive(db, params.slug);
		if (!found) error(404, 'Layanan tidak ditemukan.');
		const id = await applications.startDraft(db, locals.user!.id, found.service.slug);
		redirect(303, `/ajukan/${found.service.slug}/${id}/langkah-1`);
	}
};

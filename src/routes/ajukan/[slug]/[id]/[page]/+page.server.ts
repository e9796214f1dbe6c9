import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { pageView, savePage, submitDraft } from '$lib/server/draft-pages';
import { documentStore } from '$lib/server/storage';
import { m } from '$lib/paraglide/messages';
import { openDraft } from '../open-draft';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const opened = await openDraft(getDb(), locals.user!, params, url);
	const view = pageView(opened, opened.shown, locals.user!);
	if (!view) error(404, m.journey_step_not_found()); // the resident page has its own route (warga/)
	return view;
};

export const actions: Actions = {
	/** Saves one page (answers or a document) and goes where the journey says. */
	simpan: async ({ params, locals, request, platform, url }) => {
		const db = getDb();
		const user = locals.user!;
		const opened = await openDraft(db, user, params, url);
		const saved = await savePage(db, () => documentStore(platform), user, opened, request);
		if (saved === 'saved') redirect(303, opened.href(opened.journey.next(opened.page.slug, opened.changing).slug));
		if (saved === 'nothing') error(405, m.journey_saves_nothing());
		return fail(saved.status, saved.data);
	},

	/** Submits the application from the check page. Submitting twice is harmless. */
	kirim: async ({ params, locals, url }) => {
		const db = getDb();
		const user = locals.user!;
		const opened = await openDraft(db, user, params, url);
		const sent = await submitDraft(db, user, opened.service, opened);
		if (sent.ok) redirect(303, `/permohonan/${sent.id}?baru=1`);
		if ('notYours' in sent) error(409, m.journey_sent_from_other_account());
		return fail(400, { problems: sent.problems });
	}
};

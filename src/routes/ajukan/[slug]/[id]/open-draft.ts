/**
 * Opening a server-side draft for one of its journey's pages (the `[page]` route and the resident page
 * share it): only the draft's owner gets it, a draft already submitted leads to its application, and the
 * journey (domain/journey.ts) says which page shows, the resident page first while it is not complete.
 */
import { error, redirect } from '@sveltejs/kit';
import * as applications from '$lib/server/applications';
import * as serverDrafts from '$lib/server/drafts';
import type { SessionUser } from '$lib/server/auth/session';
import { journeyOf } from '$lib/server/catalogue';
import type { Database } from '$lib/server/db';
import { localizeService } from '$lib/domain/service-language';
import { m } from '$lib/paraglide/messages';

export async function openDraft(db: Database, user: SessionUser, params: { slug: string; id: string; page: string }, url: URL) {
	const loaded = await serverDrafts.loadDraft(db, user.id, params.id);
	if (!loaded) {
		const submitted = await applications.viewForOwner(db, user, params.id);
		if (submitted) redirect(303, `/permohonan/${params.id}`);
		error(404, m.journey_draft_not_found_sent());
	}
	if (loaded.service.slug !== params.slug) error(404, m.journey_draft_not_found());
	// what the person reads is in their language; what is checked and stored is the service as it is
	const shown = localizeService(loaded.service);
	const journey = journeyOf(shown, !!loaded.draft.resident);
	const page = journey.entry(params.page, loaded.draft.resident);
	if (!page) error(404, m.journey_step_not_found());
	const base = `/ajukan/${params.slug}/${params.id}`;
	if (page.slug !== params.page) redirect(303, `${base}/${page.slug}`);
	const changing = url.searchParams.has('ubah');
	return { ...loaded, shown, journey, page, base, changing, href: (slug: string, change = false) => `${base}/${slug}${change ? '?ubah=1' : ''}` };
}

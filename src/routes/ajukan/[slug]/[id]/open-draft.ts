/**
 * Opening a server-side draft for one of its journey's pages (the `[page]` route and the resident page
 * share it): only the draft's owner gets it, a draft already submitted leads to its application, and the
 * journey (domain/journey.ts) says which page shows, the resident page first while it is not complete.
 */
import { error, redirect } from '@sveltejs/kit';
import * as applications from '$lib/server/applications';
import type { SessionUser } from '$lib/server/auth/session';
import { journeyOf } from '$lib/server/catalogue';
import type { Database } from '$lib/server/db';

export async function openDraft(db: Database, user: SessionUser, params: { slug: string; id: string; page: string }, url: URL) {
	const loaded = await applications.loadDraft(db, user.id, params.id);
	if (!loaded) {
		const submitted = await applications.viewForOwner(db, user, params.id);
		if (submitted) redirect(303, `/permohonan/${params.id}`);
		error(404, 'Formulir ini tidak ditemukan. Mungkin sudah dikirim atau dihapus.');
	}
	if (loaded.service.slug !== params.slug) error(404, 'Formulir ini tidak ditemukan.');
	const journey = journeyOf(loaded.service, !!loaded.draft.resident);
	const page = journey.entry(params.page, loaded.draft.resident);
	if (!page) error(404, 'Langkah ini tidak ada.');
	const base = `/ajukan/${params.slug}/${params.id}`;
	if (page.slug !== params.page) redirect(303, `${base}/${page.slug}`);
	const changing = url.searchParams.has('ubah');
	return { ...loaded, journey, page, base, changing, href: (slug: string, change = false) => `${base}/${slug}${change ? '?ubah=1' : ''}` };
}

import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import * as applications from '$lib/server/applications';
import * as serverDrafts from '$lib/server/drafts';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// the second lock: the hook's gate should never let an anonymous request get here
	const user = locals.user;
	if (!user) error(404, m.status_page_not_found());
	const db = getDb();
	// one round trip: both lists in a batch
	const [items, drafts] = await db.batch([applications.listForApplicant(db, user), serverDrafts.listDrafts(db, user.id)]);
	return { items, drafts };
};

// Read-only (or a plain form post): no framework, only the shell script (src/lib/client/shell.ts).
export const csr = false;

import * as applications from '$lib/server/applications';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = getDb();
	const [items, drafts] = await Promise.all([
		applications.listForApplicant(db, locals.user!.id),
		applications.listDrafts(db, locals.user!.id)
	]);
	return { items, drafts };
};

import * as staff from '$lib/server/staff';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return staff.overview(getDb());
};

import * as complaints from '$lib/server/complaints';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return { rows: await complaints.listForAdmin(getDb()) };
};

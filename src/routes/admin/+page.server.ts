import * as complaints from '$lib/server/complaints';
import * as staff from '$lib/server/staff';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const [overview, escalated] = await Promise.all([staff.overview(getDb()), complaints.escalatedCount(getDb())]);
	return { ...overview, escalated };
};

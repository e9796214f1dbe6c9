import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return { services: await catalogue.listAll(getDb()) };
};

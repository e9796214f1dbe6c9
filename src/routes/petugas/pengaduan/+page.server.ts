import * as complaints from '$lib/server/complaints';
import { getDb } from '$lib/server/db';
import { requireOfficer } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const officer = requireOfficer(event);
	return { rows: await complaints.listForOffice(getDb(), officer) };
};

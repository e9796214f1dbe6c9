import * as applications from '$lib/server/applications';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	items: await applications.listForVolunteer(getDb(), locals.user!.id)
});

import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as volunteerDashboard from '$lib/server/volunteer-dashboard';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// the second lock: only a volunteer now (a withdrawn one's session has ended) has residents here
	if (locals.user?.role !== 'volunteer') error(404, m.staff_page_not_found());
	return volunteerDashboard.helped(getDb(), locals.user);
};

import { answerAction, complaintPage } from '$lib/server/complaint-pages';
import { requireAdmin } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => complaintPage(requireAdmin(event), event.params.id);

export const actions: Actions = {
	default: (event) => answerAction(requireAdmin(event), event.params.id, event.request, `/admin/pengaduan/${event.params.id}`)
};

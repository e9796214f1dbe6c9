import { answerAction, complaintPage } from '$lib/server/complaint-pages';
import { requireOfficer } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => complaintPage(requireOfficer(event), event.params.id);

export const actions: Actions = {
	default: (event) => answerAction(requireOfficer(event), event.params.id, event.request, `/petugas/pengaduan/${event.params.id}`)
};

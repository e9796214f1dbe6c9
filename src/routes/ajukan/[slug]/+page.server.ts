import { error, fail, redirect } from '@sveltejs/kit';
import { formLimits } from '$lib/domain/limits';
import { localizeService } from '$lib/domain/service-language';
import { m } from '$lib/paraglide/messages';
import * as serverDrafts from '$lib/server/drafts';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { requireRole } from '$lib/server/guard';
import * as residentDrafts from '$lib/server/resident-drafts';
import { readForm } from '$lib/server/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ['citizen', 'volunteer', 'officer']);
	const { params } = event;
	const db = getDb();
	// one round trip: the service and the user's drafts in a batch
	const [[found], drafts] = await db.batch([catalogue.activeServiceQuery(db, params.slug), serverDrafts.listDrafts(db, user.id)]);
	if (!found) error(404, m.journey_service_not_found());
	const service = localizeService(found.service);
	return {
		slug: service.slug,
		name: service.name,
		steps: service.steps.map((s) => s.title),
		documents: service.documents.map((d) => ({ label: d.label, required: d.required })),
		drafts: drafts.filter((d) => d.serviceSlug === params.slug),
		/** A volunteer first says for whom: themselves, or a resident (whose page then comes first). */
		volunteer: user.role === 'volunteer',
		/** An officer applies only for a walk-in resident, and only for their own office's services. */
		counter: user.role === 'officer' ? { ownOffice: found.service.officeId === user.officeId } : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, ['citizen', 'volunteer', 'officer']);
		const { params, request } = event;
		const db = getDb();
		const found = await catalogue.findActive(db, params.slug);
		if (!found) error(404, m.journey_service_not_found());
		const slug = found.service.slug;
		if (user.role === 'officer') {
			if (found.service.officeId !== user.officeId) return fail(403, { message: m.journey_other_office() });
			const id = await residentDrafts.startForResident(db, user, slug);
			redirect(303, `/ajukan/${slug}/${id}/warga`);
		}
		if (user.role === 'volunteer') {
			const read = await readForm(request, { maxBytes: formLimits.textBodyBytes, maxFiles: 0, maxParts: formLimits.maxParts });
			if (!read.ok) return fail(read.status, { message: read.message });
			const forWhom = text(read.form, 'untuk');
			if (forWhom === 'warga') {
				const id = await residentDrafts.startForResident(db, user, slug);
				redirect(303, `/ajukan/${slug}/${id}/warga`);
			}
			if (forWhom !== 'sendiri') return fail(400, { message: m.journey_choose_for_whom() });
		}
		const id = await serverDrafts.startDraft(db, user.id, slug);
		redirect(303, `/ajukan/${slug}/${id}/langkah-1`);
	}
};

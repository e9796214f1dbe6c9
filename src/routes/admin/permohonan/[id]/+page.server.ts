import { error, fail, redirect } from '@sveltejs/kit';
import * as casework from '$lib/server/casework';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const notFound = () => m.admin_application_not_found();

export const load: PageServerLoad = async ({ params, locals }) => {
	// the second lock: only an admin's relation (access.ts, `audit`) finds anything here
	if (!locals.user) error(404, notFound());
	const found = await casework.forAdmin(getDb(), locals.user, params.id);
	if (!found) error(404, notFound());
	return {
		id: found.application.id,
		code: found.application.trackingCode,
		serviceName: found.serviceName,
		applicantName: found.application.applicantName,
		status: found.application.status,
		holderId: found.application.assignedOfficerId,
		holderName: found.holderName,
		officers: found.officers,
		log: found.log
	};
};

export const actions: Actions = {
	alihkan: async ({ params, locals, request }) => {
		if (!locals.user) error(404, notFound());
		const form = await request.formData();
		const found = await casework.forAdmin(getDb(), locals.user, params.id);
		if (!found) error(404, notFound());
		const outcome = await casework.reassign(getDb(), locals.user, found.application.id, text(form, 'officer'));
		if (!outcome.ok) return fail(400, { message: outcome.message });
		redirect(303, `/admin/permohonan/${params.id}`);
	}
};

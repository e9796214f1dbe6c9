import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/account-forms';
import { formLimits } from '$lib/domain/limits';
import { formatPhone } from '$lib/domain/phone';
import * as applications from '$lib/server/applications';
import type { SessionUser } from '$lib/server/auth/session';
import { getDb, type Database } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { readForm } from '$lib/server/uploads';
import * as volunteers from '$lib/server/volunteers';
import type { Actions, PageServerLoad } from './$types';

/**
 * The first page of a volunteer's application for a resident: who the resident is and how they agreed.
 * Only a draft started "untuk warga lain" has it.
 */
async function open(db: Database, user: SessionUser, params: { slug: string; id: string }) {
	const loaded = await applications.loadDraft(db, user.id, params.id);
	if (!loaded) {
		const submitted = await applications.viewForOwner(db, user, params.id);
		if (submitted) redirect(303, `/permohonan/${params.id}`);
		error(404, 'Formulir ini tidak ditemukan. Mungkin sudah dikirim atau dihapus.');
	}
	if (loaded.service.slug !== params.slug) error(404, 'Formulir ini tidak ditemukan.');
	if (!loaded.draft.resident) redirect(303, `/ajukan/${params.slug}/${params.id}/langkah-1`);
	return { draft: loaded.draft, resident: loaded.draft.resident, service: loaded.service };
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { resident, service } = await open(getDb(), locals.user!, params);
	return {
		serviceName: service.name,
		volunteerName: locals.user!.name,
		parentConsent: volunteers.needsParentConsent(service.slug),
		fromCheck: url.searchParams.has('ubah'),
		backHref: url.searchParams.has('ubah') ? `/ajukan/${service.slug}/${params.id}/periksa` : `/ajukan/${service.slug}`,
		resident: {
			name: resident.name,
			phone: resident.phone ? formatPhone(resident.phone) : '',
			how: resident.consent?.how ?? '',
			parentName: resident.consent?.by === 'parent' ? resident.consent.name : ''
		}
	};
};

export const actions: Actions = {
	default: async ({ params, locals, request, url }) => {
		const db = getDb();
		const user = locals.user!;
		const { draft, service } = await open(db, user, params);
		const read = await readForm(request, { maxBytes: formLimits.textBodyBytes, maxFiles: 0, maxParts: formLimits.maxParts });
		if (!read.ok) return fail(read.status, { typed: undefined, errors: { name: read.message } });
		const form = read.form;
		const typed = {
			name: text(form, 'name'),
			phone: text(form, 'phone'),
			how: text(form, 'how'),
			parentName: text(form, 'parentName'),
			isParent: text(form, 'isParent')
		};
		const schema = volunteers.residentSchema(volunteers.needsParentConsent(service.slug), user.phone);
		const parsed = v.safeParse(schema, typed);
		if (!parsed.success) return fail(400, { typed, errors: fieldErrors(parsed.issues) });
		await volunteers.saveResident(db, draft, volunteers.residentFrom(parsed.output));
		redirect(303, `/ajukan/${service.slug}/${draft.id}/${url.searchParams.has('ubah') ? 'periksa' : 'langkah-1'}`);
	}
};

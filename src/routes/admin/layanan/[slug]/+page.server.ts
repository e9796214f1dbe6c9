import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/account-forms';
import { holderFields, printableFields } from '$lib/domain/issued-document';
import { m } from '$lib/paraglide/messages';
import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { params } = event;
	const found = await catalogue.find(getDb(), params.slug);
	if (!found) error(404, m.admin_service_not_found());
	const { service, office } = found;
	const option = (f: { key: string; label: string }) => ({ key: f.key, label: f.label });
	return {
		slug: service.slug,
		office: office.name,
		// the answers its issued document may print, and those that can name whom it is for
		printable: printableFields(service.steps).map(option),
		holders: holderFields(service.steps).map(option),
		values: catalogue.serviceFormValues(service)
	};
};

const textFields = [
	'name',
	'summary',
	'description',
	'requirements',
	'procedure',
	'time',
	'fee',
	'feeBasis',
	'product',
	'complaints',
	'slaValue',
	'slaUnit',
	'consentBy',
	'issuedTitle',
	'issuedHolder'
] as const;

export const actions: Actions = {
	simpan: async (event) => {
		requireAdmin(event);
		const { request, params } = event;
		const form = await request.formData();
		const typed = {
			...(Object.fromEntries(textFields.map((key) => [key, text(form, key)])) as Record<(typeof textFields)[number], string>),
			inPerson: form.get('inPerson') === 'ya',
			active: form.get('active') === 'ya',
			issuedShows: form.getAll('issuedShows').filter((value) => typeof value === 'string')
		};
		const parsed = v.safeParse(catalogue.serviceFormSchema, typed);
		if (!parsed.success) return fail(400, { values: typed, errors: fieldErrors(parsed.issues) });

		const result = await catalogue.update(getDb(), params.slug, parsed.output);
		if (!result.ok && result.reason === 'not_found') error(404, m.admin_service_not_found());
		if (!result.ok) return fail(400, { values: typed, errors: result.errors });
		return { done: m.admin_service_saved({ name: result.name }) };
	}
};

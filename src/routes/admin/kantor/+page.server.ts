import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/account-forms';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/guard';
import * as offices from '$lib/server/offices';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	return { offices: await offices.listOffices(getDb()) };
};

export const actions: Actions = {
	nomor: async (event) => {
		requireAdmin(event);
		const form = await event.request.formData();
		const typed = { officeId: text(form, 'officeId'), documentNumber: text(form, 'documentNumber') };
		const parsed = v.safeParse(offices.numberFormatSchema, typed);
		if (!parsed.success) return fail(400, { values: typed, errors: fieldErrors(parsed.issues) });
		const result = await offices.setNumberFormat(getDb(), parsed.output);
		if (!result.ok) error(404, m.admin_offices_not_found());
		return { officeId: typed.officeId, done: m.admin_offices_saved({ name: result.name }) };
	}
};

import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/account-forms';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import * as holidays from '$lib/server/holidays';
import { requireAdmin } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return holidays.calendar(getDb());
};

export const actions: Actions = {
	tambah: async (event) => {
		requireAdmin(event);
		const { request } = event;
		const form = await request.formData();
		const typed = { date: text(form, 'date'), name: text(form, 'name'), kind: text(form, 'kind') };
		const parsed = v.safeParse(holidays.holidaySchema, typed);
		if (!parsed.success) return fail(400, { ...typed, errors: fieldErrors(parsed.issues) });

		const result = await holidays.add(getDb(), parsed.output);
		if (!result.ok) {
			return fail(400, {
				...typed,
				errors: { date: m.admin_holidays_exists({ name: result.existing }) }
			});
		}
		return { done: m.admin_holidays_added({ name: parsed.output.name, date: parsed.output.date }) };
	},

	hapus: async (event) => {
		requireAdmin(event);
		const { request } = event;
		const parsed = v.safeParse(holidays.removeSchema, { date: text(await request.formData(), 'date') });
		if (!parsed.success) return fail(400, { errors: { form: parsed.issues[0].message } });

		const removed = await holidays.remove(getDb(), parsed.output.date);
		if (!removed) return fail(404, { errors: { form: m.admin_holidays_gone() } });
		return { done: m.admin_holidays_removed({ date: parsed.output.date }) };
	}
};

import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/account-forms';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import * as staff from '$lib/server/staff';
import { requireAdmin } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return staff.listOfficers(getDb());
};

const gone = () => m.admin_officers_gone();

export const actions: Actions = {
	buat: async (event) => {
		requireAdmin(event);
		const { request } = event;
		const form = await request.formData();
		const typed = { name: text(form, 'name'), phone: text(form, 'phone'), officeId: text(form, 'officeId') };
		const parsed = v.safeParse(staff.newOfficerSchema, { ...typed, password: text(form, 'password') });
		if (!parsed.success) return fail(400, { action: 'buat', ...typed, errors: fieldErrors(parsed.issues) });

		const result = await staff.createOfficer(getDb(), parsed.output);
		if (!result.ok) {
			return fail(400, {
				action: 'buat',
				...typed,
				errors: { phone: m.admin_officers_phone_taken() }
			});
		}
		return {
			action: 'buat',
			done: m.admin_officers_created({ name: parsed.output.name })
		};
	},

	pindah: async (event) => {
		requireAdmin(event);
		const { request } = event;
		const form = await request.formData();
		const parsed = v.safeParse(staff.moveSchema, { userId: text(form, 'userId'), officeId: text(form, 'officeId') });
		if (!parsed.success) return fail(400, { action: 'pindah', errors: { form: parsed.issues[0].message } });

		const result = await staff.moveOfficer(getDb(), parsed.output);
		if (!result.ok) {
			const message = result.reason === 'unchanged' ? m.admin_officers_same_office() : gone();
			return fail(result.reason === 'unchanged' ? 400 : 404, { action: 'pindah', errors: { form: message } });
		}
		return { action: 'pindah', done: m.admin_officers_moved({ name: result.name }) };
	},

	cabut: async (event) => {
		requireAdmin(event);
		const { request } = event;
		const form = await request.formData();
		const parsed = v.safeParse(staff.withdrawSchema, { userId: text(form, 'userId') });
		if (!parsed.success) return fail(400, { action: 'cabut', errors: { form: parsed.issues[0].message } });

		const result = await staff.withdrawOfficer(getDb(), parsed.output.userId);
		if (!result.ok) return fail(404, { action: 'cabut', errors: { form: gone() } });
		return {
			action: 'cabut',
			done: m.admin_officers_withdrawn({ name: result.name })
		};
	}
};

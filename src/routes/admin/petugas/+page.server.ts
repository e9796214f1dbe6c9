import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/account-forms';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import * as staff from '$lib/server/staff';
import { requireAdmin } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return staff.listOfficers(getDb());
};

const gone = 'Petugas ini tidak ditemukan lagi. Mungkin perannya sudah dicabut. Muat ulang halaman.';

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
				errors: { phone: 'Nomor HP ini sudah punya akun. Pakai nomor lain.' }
			});
		}
		return {
			action: 'buat',
			done: `Akun petugas ${parsed.output.name} dibuat. Berikan kata sandi sementara secara langsung, dan minta petugas menggantinya.`
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
			const message = result.reason === 'unchanged' ? 'Petugas ini sudah di kantor itu.' : gone;
			return fail(result.reason === 'unchanged' ? 400 : 404, { action: 'pindah', errors: { form: message } });
		}
		return { action: 'pindah', done: `${result.name} dipindahkan. Sesinya diakhiri: ia perlu masuk lagi.` };
	},

	cabut: async (event) => {
		requireAdmin(event);
		const { request } = event;
		const form = await request.formData();
		const parsed = v.safeParse(staff.withdrawSchema, { userId: text(form, 'userId') });
		if (!parsed.success) return fail(400, { action: 'cabut', errors: { form: parsed.issues[0].message } });

		const result = await staff.withdrawOfficer(getDb(), parsed.output.userId);
		if (!result.ok) return fail(404, { action: 'cabut', errors: { form: gone } });
		return {
			action: 'cabut',
			done: `Peran petugas ${result.name} dicabut. Akunnya kini akun warga, dan sesinya diakhiri.`
		};
	}
};

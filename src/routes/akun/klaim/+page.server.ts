import { fail, redirect } from '@sveltejs/kit';
import { formatPhone } from '$lib/domain/phone';
import { formatWita } from '$lib/domain/working-time';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import * as volunteers from '$lib/server/volunteers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({
	role: locals.user!.role,
	phone: formatPhone(locals.user!.phone),
	code: url.searchParams.get('kode') ?? ''
});

export const actions: Actions = {
	default: async ({ locals, request, getClientAddress }) => {
		const form = await request.formData();
		const typed = { code: text(form, 'code'), phone: text(form, 'phone') };
		if (!['citizen', 'volunteer'].includes(locals.user!.role)) {
			return fail(403, { ...typed, errors: { form: 'Hanya akun warga yang bisa memasukkan permohonan ke akunnya.' } });
		}
		const result = await volunteers.claim(getDb(), locals.user!, typed, getClientAddress());
		if (result.ok) redirect(303, `/permohonan/${result.applicationId}?diklaim=1`);
		switch (result.reason) {
			case 'invalid':
				return fail(400, { ...typed, errors: result.errors });
			case 'not_found':
				return fail(404, { ...typed, errors: { form: volunteers.volunteerMessages.claimNotFound } });
			case 'paused':
				return fail(429, {
					...typed,
					errors: { form: `Terlalu banyak percobaan yang salah. Coba lagi setelah ${formatWita(result.until)}.` }
				});
		}
	}
};

import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/account-forms';
import { kecamatan } from '$lib/domain/kelurahan';
import { requestSchema, volunteerRequestMessages } from '$lib/domain/volunteer-requests';
import { formatWita } from '$lib/domain/working-time';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { requireSignedIn } from '$lib/server/guard';
import * as volunteerRequests from '$lib/server/volunteer-requests';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	const { url } = event;
	const latest = await volunteerRequests.latestRequest(getDb(), user.id);
	return {
		role: user.role,
		sent: url.searchParams.has('terkirim'),
		kecamatan: kecamatan.map((k) => ({ name: k.name, kelurahan: k.kelurahan.map((kel) => ({ ...kel })) })),
		latest: latest && {
			status: latest.status,
			kelurahanName: latest.kelurahanName,
			createdAt: formatWita(latest.createdAt),
			note: latest.note
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireSignedIn(event);
		const form = await event.request.formData();
		const typed = { kelurahan: text(form, 'kelurahan'), motivation: text(form, 'motivation') };
		const parsed = v.safeParse(requestSchema, typed);
		if (!parsed.success) return fail(400, { ...typed, errors: fieldErrors(parsed.issues) });
		const result = await volunteerRequests.request(getDb(), user, parsed.output);
		if (!result.ok) {
			const message = result.reason === 'pending' ? volunteerRequestMessages.pending : volunteerRequestMessages.notCitizen;
			return fail(400, { ...typed, errors: { form: message } });
		}
		redirect(303, '/akun/relawan?terkirim=1');
	}
};

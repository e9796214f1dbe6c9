import { fail, redirect } from '@sveltejs/kit';
import { normalizeComplaintCode, complaintMessages } from '$lib/domain/complaints';
import { localizeService } from '$lib/domain/service-language';
import * as catalogue from '$lib/server/catalogue';
import * as complaints from '$lib/server/complaints';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const fields = ['service', 'application', 'text', 'aboutOfficer', 'officerName', 'contactName', 'contactPhone'] as const;

// Public: a complaint can be filed with or without an account.
export const load: PageServerLoad = async ({ url, locals }) => {
	const services = await catalogue.listActive(getDb());
	return {
		services: services.map((service) => localizeService(service)).map((s) => ({ slug: s.slug, name: s.name })),
		application: url.searchParams.get('permohonan')?.slice(0, 20) ?? '',
		service: url.searchParams.get('layanan')?.slice(0, 80) ?? '',
		id: crypto.randomUUID(),
		signedIn: !!locals.user
	};
};

export const actions: Actions = {
	ajukan: async ({ request, locals }) => {
		const form = await request.formData();
		const input = Object.fromEntries(fields.map((f) => [f, text(form, f)]));
		const id = text(form, 'id');
		const result = await complaints.file(getDb(), locals.user ?? null, input, id);
		if (!result.ok) return fail(400, { values: input, id, errors: result.errors });
		redirect(303, `/pengaduan/${result.code}?baru=1`);
	},
	lihat: async ({ request }) => {
		const typed = text(await request.formData(), 'code');
		const code = normalizeComplaintCode(typed);
		if (!code) return fail(400, { code: typed, codeError: complaintMessages.codeInvalid });
		redirect(303, `/pengaduan/${code}`);
	}
};

export const csr = false;

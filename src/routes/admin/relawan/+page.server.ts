import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { idSchema, refuseSchema, volunteerRequestMessages as messages } from '$lib/domain/volunteer-requests';
import * as volunteerRequests from '$lib/server/volunteer-requests';
import { requireAdmin } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return volunteerRequests.forAdmin(getDb());
};


export const actions: Actions = {
	setujui: async (event) => {
		const admin = requireAdmin(event);
		const { request } = event;
		const parsed = v.safeParse(idSchema, { id: text(await request.formData(), 'requestId') });
		if (!parsed.success) return fail(400, { action: 'setujui', errors: { form: messages.requestGone } });
		const result = await volunteerRequests.approve(getDb(), admin, parsed.output.id);
		if (!result.ok) {
			const message = result.reason === 'not_citizen' ? messages.noLongerCitizen : messages.requestGone;
			return fail(result.reason === 'not_citizen' ? 409 : 404, { action: 'setujui', errors: { form: message } });
		}
		return { action: 'setujui', done: m.admin_volunteers_approved({ name: result.name }) };
	},

	tolak: async (event) => {
		const admin = requireAdmin(event);
		const { request } = event;
		const form = await request.formData();
		const typed = { requestId: text(form, 'requestId'), note: text(form, 'note') };
		const parsed = v.safeParse(refuseSchema, typed);
		if (!parsed.success) {
			return fail(400, { action: 'tolak', requestId: typed.requestId, errors: { [`note-${typed.requestId}`]: parsed.issues[0].message } });
		}
		const result = await volunteerRequests.refuse(getDb(), admin, parsed.output);
		if (!result.ok) return fail(404, { action: 'tolak', errors: { form: messages.requestGone } });
		return { action: 'tolak', done: m.admin_volunteers_refused({ name: result.name }) };
	},

	cabut: async (event) => {
		requireAdmin(event);
		const { request } = event;
		const parsed = v.safeParse(idSchema, { id: text(await request.formData(), 'userId') });
		if (!parsed.success) return fail(400, { action: 'cabut', errors: { form: messages.volunteerGone } });
		const result = await volunteerRequests.withdraw(getDb(), parsed.output.id);
		if (!result.ok) return fail(404, { action: 'cabut', errors: { form: messages.volunteerGone } });
		return { action: 'cabut', done: m.admin_volunteers_withdrawn({ name: result.name }) };
	}
};

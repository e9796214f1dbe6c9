import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as survey from '$lib/server/survey';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

// Public: the one-time token is the key (no account needed: the resident may have applied through a volunteer).
export const load: PageServerLoad = async ({ params }) => {
	const found = await survey.open(getDb(), params.token);
	if (!found) return { state: 'used' as const };
	return { state: 'open' as const, serviceName: found.serviceName };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const form = await request.formData();
		const input: Record<string, string> = {};
		for (const key of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9', 'ageBand', 'sex', 'education', 'occupation']) {
			const value = form.get(key);
			if (typeof value === 'string') input[key] = value.slice(0, 100);
		}
		const result = await survey.answer(getDb(), params.token, input);
		if (result.ok) return { done: true };
		if (result.reason === 'used') error(410, m.public_survey_gone());
		return fail(400, { values: input, errors: result.errors });
	}
};

export const csr = false;

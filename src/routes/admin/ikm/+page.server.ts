import { fail } from '@sveltejs/kit';
import { formatHundredths } from '$lib/domain/ikm';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/guard';
import * as kinerja from '$lib/server/kinerja';
import * as survey from '$lib/server/survey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { months, services } = await kinerja.figures(getDb());
	return {
		months,
		rows: services.flatMap((s) =>
			s.months.map((m) => ({
				slug: s.slug,
				name: s.name,
				month: m.month,
				respondents: m.respondents,
				score: m.ikm ? `${formatHundredths(m.ikm.scoreHundredths)} (${m.ikm.grade})` : '–',
				followup: m.followup
			}))
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireAdmin(event);
		const form = await event.request.formData();
		const input = { service: text(form, 'service'), month: text(form, 'month'), text: text(form, 'text') };
		const result = await survey.saveFollowup(getDb(), admin.id, input);
		if (!result.ok) return fail(400, { ...input, message: result.message });
		return { saved: survey.followupMessages.saved };
	}
};

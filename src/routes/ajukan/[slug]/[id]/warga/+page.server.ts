import { fail, redirect } from '@sveltejs/kit';
import { formLimits } from '$lib/domain/limits';
import { checkResident, residentInput, type ResidentInput } from '$lib/domain/resident';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import * as residentDrafts from '$lib/server/resident-drafts';
import { readForm } from '$lib/server/uploads';
import { openDraft } from '../open-draft';
import type { Actions, PageServerLoad } from './$types';

/**
 * The first page of a volunteer's application for a resident (domain/journey.ts `warga`): who the
 * resident is and how they agreed. Only a draft started "untuk warga lain" has it.
 */
const open = async (user: App.Locals['user'], params: { slug: string; id: string }, url: URL) => {
	const opened = await openDraft(getDb(), user!, { ...params, page: 'warga' }, url);
	if (!opened.journey.forResident) redirect(303, opened.href('langkah-1'));
	return opened;
};

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { draft, shown: service, journey, href, changing } = await open(locals.user, params, url);
	return {
		serviceName: service.name,
		volunteerName: locals.user!.name,
		consentBy: journey.consentBy,
		progress: journey.progress('warga').text,
		fromCheck: changing,
		backHref: changing ? href('periksa') : `/ajukan/${service.slug}`,
		resident: residentInput(draft.resident)
	};
};

export const actions: Actions = {
	default: async ({ params, locals, request, url }) => {
		const user = locals.user!;
		const { draft, journey, href, changing } = await open(user, params, url);
		const read = await readForm(request, { maxBytes: formLimits.textBodyBytes, maxFiles: 0, maxParts: formLimits.maxParts });
		if (!read.ok) return fail(read.status, { typed: undefined, errors: { name: read.message } });
		const keys = ['name', 'phone', 'how', 'parentName', 'isParent'] as const;
		const typed = Object.fromEntries(keys.map((k) => [k, text(read.form, k)])) as unknown as ResidentInput;
		const checked = checkResident(journey.consentBy, user.phone, typed);
		if (!checked.ok) return fail(400, { typed, errors: checked.errors });
		await residentDrafts.saveResident(getDb(), draft, checked.resident);
		redirect(303, href(journey.next('warga', changing).slug));
	}
};

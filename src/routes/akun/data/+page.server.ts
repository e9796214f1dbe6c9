import { fail } from '@sveltejs/kit';
import { keptByLaw, privacyMessages, type DataRequestKind } from '$lib/domain/privacy';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { requireSignedIn } from '$lib/server/guard';
import * as myData from '$lib/server/my-data';
import type { Actions, PageServerLoad } from './$types';

/** "Data saya": everything held about this account, who looked at it, and the requests. No JavaScript. */
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	return { data: await myData.collect(getDb(), user), keptByLaw, sent: event.url.searchParams.get('terkirim') };
};

export const actions = {
	request: async (event) => {
		const user = requireSignedIn(event);
		const form = await event.request.formData();
		const input = { kind: text(form, 'kind'), detail: text(form, 'detail') };
		const result = await myData.request(getDb(), user, input);
		// what was typed comes back with the message: nothing is lost
		if (!result.ok) return fail(400, { kind: input.kind, detail: input.detail, errors: result.errors });
		return { sent: privacyMessages.sent(result.kind as DataRequestKind) };
	}
} satisfies Actions;

import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { requireSignedIn } from '$lib/server/guard';
import { choiceSchema, preferenceMessages, readChoice, saveChoice, subscribe, subscriptionSchema } from '$lib/server/notify/preferences';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	const choice = await readChoice(getDb(), user.id);
	return { ...choice, willUse: preferenceMessages.willUse(choice.effective), unavailable: preferenceMessages.unavailable };
};

export const actions: Actions = {
	pilih: async (event) => {
		const user = requireSignedIn(event);
		const form = await event.request.formData();
		const parsed = v.safeParse(choiceSchema, { byPhone: text(form, 'byPhone') });
		if (!parsed.success) return fail(400, { error: parsed.issues[0].message });
		await saveChoice(getDb(), user.id, parsed.output.byPhone);
		return { saved: preferenceMessages.saved };
	},
	/** Posted by the page's script with the browser's subscription (Web Push needs JavaScript). */
	push: async (event) => {
		const user = requireSignedIn(event);
		const form = await event.request.formData();
		const parsed = v.safeParse(subscriptionSchema, { endpoint: text(form, 'endpoint'), p256dh: text(form, 'p256dh'), auth: text(form, 'auth') });
		if (!parsed.success) return fail(400, { error: m.account_notices_push_invalid() });
		await subscribe(getDb(), user.id, parsed.output);
		return { saved: m.account_notices_push_on() };
	}
};

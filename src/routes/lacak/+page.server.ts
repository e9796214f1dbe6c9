import { fail } from '@sveltejs/kit';
import { formatWita } from '$lib/domain/working-time';
import { clientAddress } from '$lib/server/auth/address';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { statusView } from '$lib/server/status-view';
import * as tracking from '$lib/server/tracking';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('kode') ?? '' });

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const typed = { code: text(form, 'code'), lastFour: text(form, 'lastFour') };
		const result = await tracking.track(getDb(), typed, clientAddress(event));
		if (result.ok) return { ...typed, view: statusView(result.view) };
		switch (result.reason) {
			case 'invalid':
				return fail(400, { ...typed, errors: result.errors });
			case 'not_found':
				return fail(404, { ...typed, errors: { form: tracking.trackingMessages.notFound } });
			case 'paused':
				return fail(429, {
					...typed,
					errors: { form: tracking.trackingMessages.paused(formatWita(result.until)) }
				});
		}
	}
};

// Read-only (or a plain form post): no framework, only the shell script (src/lib/client/shell.ts).
export const csr = false;

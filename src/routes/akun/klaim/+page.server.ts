import { error, fail, redirect } from '@sveltejs/kit';
import { formatPhone } from '$lib/domain/phone';
import { normalizeTrackingCode } from '$lib/domain/tracking-code';
import { formatWita } from '$lib/domain/working-time';
import { m } from '$lib/paraglide/messages';
import { clientAddress } from '$lib/server/auth/address';
import * as throttle from '$lib/server/auth/throttle';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import * as ownership from '$lib/server/ownership';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	// the second lock: never a page for the anonymous, whatever the hook let through
	if (!locals.user) error(404, m.account_not_found());
	return { role: locals.user.role, phone: formatPhone(locals.user.phone), code: url.searchParams.get('kode') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, request } = event;
		if (!locals.user) error(404, m.account_not_found());
		const form = await request.formData();
		const typed = { code: text(form, 'code'), phone: text(form, 'phone') };
		if (!['citizen', 'volunteer'].includes(locals.user!.role)) {
			return fail(403, { ...typed, errors: { form: m.account_claim_citizens_only() } });
		}
		// wrong claims at one code are counted from every account and address together, besides claim()'s own counts
		const code = normalizeTrackingCode(typed.code);
		const result = await throttle.guessAt(
			getDb(),
			code && throttle.claimCodeKey(code),
			throttle.CLAIM_CODE,
			() => ownership.claimApplication(getDb(), locals.user!, typed, clientAddress(event)),
			(r) => !r.ok && r.reason === 'not_found'
		);
		if (result.ok) redirect(303, `/permohonan/${result.applicationId}?diklaim=1`);
		switch (result.reason) {
			case 'invalid':
				return fail(400, { ...typed, errors: ownership.claimErrors(result.problems) });
			case 'not_found':
				return fail(404, { ...typed, errors: { form: ownership.ownershipMessages.claimNotFound } });
			case 'paused':
				return fail(429, {
					...typed,
					errors: { form: m.account_claim_paused({ until: formatWita(result.until) }) }
				});
		}
	}
};

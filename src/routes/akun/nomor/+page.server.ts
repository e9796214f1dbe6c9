import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/form-errors';
import { formatPhone } from '$lib/domain/phone';
import { formatTrackingCode } from '$lib/domain/tracking-code';
import { verifySchema } from '$lib/domain/recovery';
import { formatWita } from '$lib/domain/working-time';
import { m } from '$lib/paraglide/messages';
import { clientAddress } from '$lib/server/auth/address';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { requireSignedIn } from '$lib/server/guard';
import { codeMessages } from '$lib/server/notify/codes';
import { phoneChannel } from '$lib/server/notify/config';
import * as verified from '$lib/server/verified-phone';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	const db = getDb();
	const [isVerified, claimable] = await Promise.all([verified.isVerified(db, user.id), verified.claimable(db, user)]);
	return {
		phone: formatPhone(user.phone),
		verified: isVerified,
		justConfirmed: event.url.searchParams.has('dikonfirmasi'),
		claimable: claimable.map((a) => ({ id: a.id, code: formatTrackingCode(a.trackingCode), service: a.serviceName, submitted: formatWita(a.submittedAt) })),
		unavailable: phoneChannel() ? null : codeMessages.notOffered
	};
};

export const actions: Actions = {
	kirim: async (event) => {
		const user = requireSignedIn(event);
		const sent = await verified.sendVerification(getDb(), user, clientAddress(event));
		if (!sent.ok) {
			return fail(sent.reason === 'paused' ? 429 : 503, {
				error: sent.reason === 'paused' ? codeMessages.paused(formatWita(sent.until)) : codeMessages.unavailable
			});
		}
		return { sent: m.account_number_code_sent({ channel: sent.channel === 'whatsapp' ? 'WhatsApp' : 'SMS' }) };
	},
	cek: async (event) => {
		const user = requireSignedIn(event);
		const form = await event.request.formData();
		const parsed = v.safeParse(verifySchema, { code: text(form, 'code') });
		if (!parsed.success) return fail(400, { sent: null, errors: fieldErrors(parsed.issues) });
		const result = await verified.confirm(getDb(), user, parsed.output.code, clientAddress(event));
		if (!result.ok) {
			const message =
				result.reason === 'wrong' ? codeMessages.wrong(result.triesLeft) : result.reason === 'paused' ? codeMessages.paused(formatWita(result.until)) : codeMessages.expired;
			return fail(400, { sent: null, errors: { code: message } });
		}
		redirect(303, '/akun/nomor?dikonfirmasi');
	},
	ambil: async (event) => {
		const user = requireSignedIn(event);
		const form = await event.request.formData();
		const id = text(form, 'id');
		if (!(await verified.claimByPhone(getDb(), user, id))) return fail(404, { error: m.account_number_cannot_claim() });
		redirect(303, `/permohonan/${id}?diklaim=1`);
	}
};

export const csr = false;

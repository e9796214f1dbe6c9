import { error } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import { m } from '$lib/paraglide/messages';
import * as applications from '$lib/server/applications';
import { getDb } from '$lib/server/db';
import * as results from '$lib/server/results';
import { publicOrigin } from '$lib/server/origin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const view = locals.user ? await applications.viewForOwner(getDb(), locals.user, params.id, 'result') : null;
	if (!view) error(404, m.status_not_found());
	const issued = await results.issuedFor(getDb(), locals.user!, params.id);
	if (!issued) error(404, m.status_no_issued());
	const verifyUrl = `${publicOrigin(url)}/verifikasi/${issued.verificationCode}`;
	return {
		...issued,
		verifyUrl,
		// rendered on the server: no QR library in the browser
		qr: renderSVG(verifyUrl, { ecc: 'M', border: 2 })
	};
};

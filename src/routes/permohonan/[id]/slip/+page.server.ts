import { error } from '@sveltejs/kit';
import { phoneLastFour } from '$lib/domain/phone';
import { formatWitaDate } from '$lib/domain/working-time';
import { m } from '$lib/paraglide/messages';
import * as applications from '$lib/server/applications';
import { getDb } from '$lib/server/db';
import { statusView } from '$lib/server/status-view';
import { publicOrigin } from '$lib/server/origin';
import type { PageServerLoad } from './$types';

/** A printable slip for handing an application over to a resident without a smartphone. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const view = locals.user ? await applications.viewForOwner(getDb(), locals.user, params.id, 'slip') : null;
	if (!view) error(404, m.status_not_found());
	const status = statusView(view);
	const { application } = view;
	return {
		id: status.id,
		code: status.code,
		serviceName: status.serviceName,
		officeName: status.officeName,
		applicantName: application.applicantName,
		lastFour: phoneLastFour(application.applicantPhone),
		submittedOn: formatWitaDate(application.submittedAt),
		dueAt: status.dueAt,
		/** Population documents are free by law (UU 24/2013, Pasal 79A). */
		free: application.officeId === 'disdukcapil',
		volunteerName: application.volunteerId ? (application.consent?.volunteerName ?? null) : null,
		trackUrl: `${publicOrigin(url)}/lacak`,
		claimUrl: `${publicOrigin(url)}/akun/klaim`,
		/** Once there is a result: the satisfaction survey's one-time link, printed for the resident. */
		surveyUrl: status.survey?.state === 'open' ? `${publicOrigin(url)}${status.survey.href}` : null
	};
};

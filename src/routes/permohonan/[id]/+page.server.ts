import { error, fail, redirect } from '@sveltejs/kit';
import { formatPhone } from '$lib/domain/phone';
import { m } from '$lib/paraglide/messages';
import { relationOf } from '$lib/server/access';
import * as applications from '$lib/server/applications';
import { getDb } from '$lib/server/db';
import { statusView } from '$lib/server/status-view';
import { decide } from '$lib/server/decisions';
import * as ownership from '$lib/server/ownership';
import { publicOrigin } from '$lib/server/origin';
import { phoneChannel } from '$lib/server/notify/config';
import { notifyMessages } from '$lib/server/notify/wording';
import type { Actions, PageServerLoad } from './$types';

const notFound = () => m.status_not_found();

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = locals.user;
	if (!user) error(404, notFound());
	const view = await applications.viewForOwner(getDb(), user, params.id, 'view');
	if (!view) error(404, notFound());
	const { application } = view;
	const relation = relationOf(user, application);
	// the volunteer who helped hands the code over to the resident
	const helping = relation === 'volunteer';
	return {
		view: statusView(view),
		justSubmitted: url.searchParams.has('baru'),
		justClaimed: url.searchParams.has('diklaim'),
		justReleased: url.searchParams.has('dilepas'),
		origin: publicOrigin(url),
		/** Only what is configured is promised (notify/config.ts). */
		messagesBy: notifyMessages.trackingCodeBy(phoneChannel()),
		resident: helping
			? {
					name: application.applicantName,
					phone: formatPhone(application.applicantPhone),
					wa: application.applicantPhone.replace(/^\+/, ''),
					inOwnAccount: application.applicantId !== null
				}
			: null,
		/** For the applicant: the volunteer who helped, while they still do. */
		helper:
			relation === 'applicant' && application.volunteerId && application.volunteerId !== user.id
				? { name: application.consent?.volunteerName ?? m.common_role_volunteer() }
				: null
	};
};

export const actions: Actions = {
	cancel: async ({ params, locals }) => {
		if (!locals.user) error(404, notFound());
		const outcome = await decide(getDb(), { applicationId: params.id, action: 'cancel', actor: locals.user });
		if (!outcome.ok && outcome.notFound) error(404, notFound());
		if (!outcome.ok) return fail(400, { message: outcome.message });
		redirect(303, `/permohonan/${params.id}`);
	},
	'lepas-relawan': async ({ params, locals }) => {
		if (!locals.user) error(404, notFound());
		const outcome = await ownership.releaseVolunteer(getDb(), locals.user, params.id);
		if (!outcome.ok) {
			if (outcome.reason === 'not_found') error(404, notFound());
			return fail(400, { message: ownership.releaseProblemText(outcome.reason) });
		}
		redirect(303, `/permohonan/${params.id}?dilepas=1`);
	}
};

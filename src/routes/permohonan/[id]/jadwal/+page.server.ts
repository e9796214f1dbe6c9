import { error, fail, redirect } from '@sveltejs/kit';
import { appointmentMessages, appointmentPurpose, type AppointmentProblem } from '$lib/domain/appointments';
import { formatTrackingCode } from '$lib/domain/tracking-code';
import { m } from '$lib/paraglide/messages';
import * as applications from '$lib/server/applications';
import * as appointmentBooking from '$lib/server/appointment-booking';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = getDb();
	// only those who may book for it see its booking page (access.ts: `appointment`)
	const view = locals.user ? await applications.viewForOwner(db, locals.user, params.id, 'appointment') : null;
	if (!view) error(404, m.status_not_found());
	const page = await appointmentBooking.bookingPage(db, {
		applicationId: params.id,
		officeId: view.application.officeId,
		locationId: url.searchParams.get('lokasi')
	});
	return {
		id: params.id,
		serviceName: view.serviceName,
		code: formatTrackingCode(view.application.trackingCode),
		purpose: appointmentPurpose(view.application.status, view.inPerson),
		done: url.searchParams.get('selesai'),
		...page
	};
};

/** What went wrong, as the form shows it; someone else's application is simply not there. */
function refused(reason: AppointmentProblem) {
	if (reason === 'not_found') error(404, appointmentMessages.not_found);
	const status = reason === 'invalid' ? 400 : 409;
	return fail(status, { errors: { [reason === 'invalid' ? 'slotId' : 'form']: appointmentMessages[reason] } });
}

const back = (id: string, done: string, locationId: string) =>
	`/permohonan/${id}/jadwal?selesai=${done}&lokasi=${encodeURIComponent(locationId)}`;

export const actions: Actions = {
	pesan: async ({ params, locals, request }) => {
		if (!locals.user) return refused('not_found');
		const form = await request.formData();
		const result = await appointmentBooking.book(getDb(), { applicationId: params.id, slotId: text(form, 'slotId'), user: locals.user });
		if (!result.ok) return refused(result.reason);
		redirect(303, back(params.id, 'pesan', result.booking.locationId));
	},
	pindah: async ({ params, locals, request }) => {
		if (!locals.user) return refused('not_found');
		const form = await request.formData();
		const result = await appointmentBooking.move(getDb(), { applicationId: params.id, slotId: text(form, 'slotId'), user: locals.user });
		if (!result.ok) return refused(result.reason);
		redirect(303, back(params.id, 'pindah', result.booking.locationId));
	},
	batal: async ({ params, locals }) => {
		if (!locals.user) return refused('not_found');
		const result = await appointmentBooking.cancel(getDb(), { applicationId: params.id, user: locals.user });
		if (!result.ok) return refused(result.reason);
		redirect(303, back(params.id, 'batal', result.cancelled.locationId));
	}
};

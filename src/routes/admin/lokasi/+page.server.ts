import { fail, redirect } from '@sveltejs/kit';
import { witaToday } from '$lib/domain/fields';
import { isDateKey } from '$lib/domain/locations';
import * as appointmentSlots from '$lib/server/appointment-slots';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { requireAdmin } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { url } = event;
	const asked = url.searchParams.get('tanggal') ?? '';
	const date = isDateKey(asked) ? asked : witaToday(new Date());
	const locationId = url.searchParams.get('lokasi') || 'disdukcapil';
	const created = url.searchParams.get('dibuat');
	return {
		date,
		locationId,
		created: created === null ? null : { slots: Number(created), days: Number(url.searchParams.get('hari') ?? 0) },
		beyondCalendar: url.searchParams.has('kalender-habis'),
		saved: url.searchParams.has('disimpan'),
		...(await appointmentSlots.slotsOfDay(getDb(), { locationId, date }))
	};
};

const dayUrl = (locationId: string, date: string) =>
	`/admin/lokasi?lokasi=${encodeURIComponent(locationId)}&tanggal=${encodeURIComponent(date)}`;

export const actions: Actions = {
	buat: async (event) => {
		requireAdmin(event);
		const { request } = event;
		const form = await request.formData();
		const typed = {
			locationId: text(form, 'locationId'),
			from: text(form, 'from'),
			to: text(form, 'to'),
			times: text(form, 'times'),
			capacity: text(form, 'capacity')
		};
		const result = await appointmentSlots.createSlotsForRange(getDb(), typed);
		if (!result.ok) return fail(400, { plan: { typed, errors: result.errors } });
		const beyond = result.beyondKnownCalendar ? '&kalender-habis=1' : '';
		redirect(303, `${dayUrl(typed.locationId, typed.from)}&dibuat=${result.created}&hari=${result.dates.length}${beyond}`);
	},
	kapasitas: async (event) => {
		requireAdmin(event);
		const { request } = event;
		const form = await request.formData();
		const typed = { slotId: text(form, 'slotId'), capacity: text(form, 'capacity') };
		const result = await appointmentSlots.setCapacity(getDb(), typed);
		if (!result.ok) return fail(400, { capacity: { ...typed, errors: appointmentSlots.capacityErrors(result) } });
		redirect(303, `${dayUrl(result.slot.locationId, result.slot.date)}&disimpan=1`);
	}
};

import { witaToday } from '$lib/domain/fields';
import { defaultLocationFor, isDateKey } from '$lib/domain/locations';
import * as appointmentDay from '$lib/server/appointment-day';
import { getDb } from '$lib/server/db';
import { requireOfficer } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { officeId } = requireOfficer(event);
	const { url } = event;
	const asked = url.searchParams.get('tanggal') ?? '';
	const date = isDateKey(asked) ? asked : witaToday(new Date());
	const locationId = url.searchParams.get('lokasi') || defaultLocationFor[officeId];
	return { date, locationId, ...(await appointmentDay.dayList(getDb(), { locationId, date, officeId })) };
};

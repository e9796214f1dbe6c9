import { error } from '@sveltejs/kit';
import { witaToday } from '$lib/domain/fields';
import { defaultLocationFor, isDateKey } from '$lib/domain/locations';
import * as appointments from '$lib/server/appointments';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const officeId = locals.user!.officeId;
	if (!officeId) error(403, 'Akun petugas ini belum terhubung ke kantor. Hubungi admin.');
	const asked = url.searchParams.get('tanggal') ?? '';
	const date = isDateKey(asked) ? asked : witaToday(new Date());
	const locationId = url.searchParams.get('lokasi') || defaultLocationFor[officeId];
	return { date, locationId, ...(await appointments.dayList(getDb(), { locationId, date, officeId })) };
};

/**
 * The reads that booking, the admin's slots and the counter's day list share: the locations in their
 * usual order, and the slots with a free place.
 */
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { addDays, slotStart } from '$lib/domain/locations';
import type { Database } from './db/open';
import { appointmentLocations, appointmentSlots } from './db/schema';

/** Disdukcapil's own office first, then MPP, then the kecamatan offices: the order of the seed data. */
export function locationsQuery(db: Database, onlyActive = false) {
	const order = sql`case ${appointmentLocations.id} when 'disdukcapil' then 0 when 'mpp' then 1 else 2 end`;
	return db
		.select()
		.from(appointmentLocations)
		.where(onlyActive ? eq(appointmentLocations.active, true) : undefined)
		.orderBy(order, asc(appointmentLocations.name));
}


export function openSlotsQuery(db: Database, input: { locationId?: string; fromDate: string; days: number }) {
	return db
		.select({
			id: appointmentSlots.id,
			locationId: appointmentSlots.locationId,
			locationName: appointmentLocations.name,
			date: appointmentSlots.date,
			startTime: appointmentSlots.startTime,
			capacity: appointmentSlots.capacity,
			booked: appointmentSlots.booked
		})
		.from(appointmentSlots)
		.innerJoin(appointmentLocations, eq(appointmentLocations.id, appointmentSlots.locationId))
		.where(
			and(
				input.locationId ? eq(appointmentSlots.locationId, input.locationId) : undefined,
				gte(appointmentSlots.date, input.fromDate),
				lt(appointmentSlots.date, addDays(input.fromDate, input.days)),
				lt(appointmentSlots.booked, appointmentSlots.capacity),
				eq(appointmentLocations.active, true)
			)
		)
		.orderBy(asc(appointmentSlots.date), asc(appointmentSlots.startTime), asc(appointmentLocations.name))
		.limit(1000);
}

type OpenSlotRow = Awaited<ReturnType<typeof openSlotsQuery>>[number];

export function stillOpen(rows: OpenSlotRow[], now: Date) {
	return rows
		.filter((r) => slotStart(r.date, r.startTime) > now)
		.map((r) => ({ ...r, free: r.capacity - r.booked }));
}


export type OpenSlot = ReturnType<typeof stillOpen>[number];

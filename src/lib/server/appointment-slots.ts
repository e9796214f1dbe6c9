/**
 * The admin's side of appointments: slots at a location, created from a plan on working days only (the
 * holiday table decides), and their capacity; and the open slots anyone may see.
 *
 * Invariant: a slot's `booked` never exceeds its `capacity`. Booking takes a place with one conditional
 * UPDATE (appointment-booking.ts); an admin cannot set a capacity below what is booked, by the same kind of
 * conditional UPDATE. Results carry reason codes; the words are `slotMessages` in domain/locations.ts.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import * as v from 'valibot';
import { fieldErrors } from '$lib/domain/account-forms';
import { calendarFrom } from '$lib/domain/holidays';
import { capacitySchema, slotPlanSchema, slotMessages, slotStart, workingDatesBetween } from '$lib/domain/locations';
import { calendarCovers } from '$lib/domain/working-time';
import { locationsQuery, openSlotsQuery, stillOpen } from './appointment-reads';
import type { Database } from './db/open';
import { appointmentLocations, appointmentSlots, holidays } from './db/schema';

const openSlotsInput = v.object({
	locationId: v.optional(v.string()),
	fromDate: v.pipe(v.string(), v.isoDate()),
	days: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(92))
});

/** Slots with a free place that have not started yet, from `fromDate` for `days` days (WITA). */
export async function openSlots(
	db: Database,
	input: { locationId?: string; fromDate: string; days: number; now?: Date }
) {
	if (!v.is(openSlotsInput, input)) return [];
	return stillOpen(await openSlotsQuery(db, input), input.now ?? new Date());
}


/** One location's slots on one day, booked or not, for the admin. */
export async function slotsOfDay(db: Database, input: { locationId: string; date: string }) {
	const [locations, slots] = await db.batch([
		locationsQuery(db),
		db
			.select()
			.from(appointmentSlots)
			.where(and(eq(appointmentSlots.locationId, input.locationId), eq(appointmentSlots.date, input.date)))
			.orderBy(asc(appointmentSlots.startTime))
	]);
	return { locations, slots };
}


// Admin: slots and capacity

export type CreateSlotsResult =
	| { ok: true; created: number; dates: string[]; beyondKnownCalendar: boolean }
	| { ok: false; errors: Record<string, string> };

/**
 * Creates slots at one location on the given dates and times; a slot that already exists (same place, day
 * and time) is left as it is, so running the same plan twice changes nothing.
 */
export async function createSlots(
	db: Database,
	input: { locationId: string; dates: readonly string[]; times: readonly string[]; capacity: number }
): Promise<number> {
	const rows = input.dates.flatMap((date) =>
		input.times.map((startTime) => ({
			id: crypto.randomUUID(),
			locationId: input.locationId,
			date,
			startTime,
			capacity: input.capacity
		}))
	);
	if (rows.length === 0) return 0;
	const created = await db
		.insert(appointmentSlots)
		.values(rows)
		.onConflictDoNothing()
		.returning({ id: appointmentSlots.id });
	return created.length;
}

/**
 * The admin's plan: slots from one date to another, on working days only (the holiday table decides),
 * at the given times with one capacity. Form strings in; field errors out.
 */
export async function createSlotsForRange(
	db: Database,
	form: { locationId: string; from: string; to: string; times: string; capacity: string }
): Promise<CreateSlotsResult> {
	const parsed = v.safeParse(slotPlanSchema, form);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.issues) };
	const plan = parsed.output;
	const [location, holidayRows] = await db.batch([
		db.select({ id: appointmentLocations.id }).from(appointmentLocations).where(eq(appointmentLocations.id, plan.locationId)),
		db.select({ date: holidays.date }).from(holidays)
	]);
	if (location.length === 0) return { ok: false, errors: { locationId: slotMessages.location } };
	const calendar = calendarFrom(holidayRows);
	const dates = workingDatesBetween(plan.from, plan.to, calendar);
	const created = await createSlots(db, { locationId: plan.locationId, dates, times: plan.times, capacity: plan.capacity });
	return {
		ok: true,
		created,
		dates,
		beyondKnownCalendar: !calendarCovers(slotStart(plan.to, '12:00'), calendar)
	};
}

export type CapacityResult =
	| { ok: true; slot: typeof appointmentSlots.$inferSelect }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> }
	| { ok: false; reason: 'slot_gone' }
	| { ok: false; reason: 'below_booked'; booked: number };

/** A refused capacity as the form's field errors, in the feature's wording (`slotMessages`). */
export function capacityErrors(result: Exclude<CapacityResult, { ok: true }>): Record<string, string> {
	switch (result.reason) {
		case 'invalid':
			return result.errors;
		case 'slot_gone':
			return { form: slotMessages.slotGone };
		case 'below_booked':
			return { capacity: slotMessages.capacityBooked(result.booked) };
	}
}

/**
 * Sets one slot's capacity, never below the places already booked: the check is inside the UPDATE, so a
 * booking that lands at the same moment cannot slip under it.
 */
export async function setCapacity(db: Database, form: { slotId: string; capacity: string }): Promise<CapacityResult> {
	const parsed = v.safeParse(capacitySchema, form);
	if (!parsed.success) return { ok: false, reason: 'invalid', errors: fieldErrors(parsed.issues) };
	const { slotId, capacity } = parsed.output;
	const [updated] = await db
		.update(appointmentSlots)
		.set({ capacity })
		.where(and(eq(appointmentSlots.id, slotId), lte(appointmentSlots.booked, capacity)))
		.returning();
	if (updated) return { ok: true, slot: updated };
	const [slot] = await db.select().from(appointmentSlots).where(eq(appointmentSlots.id, slotId));
	return slot ? { ok: false, reason: 'below_booked', booked: slot.booked } : { ok: false, reason: 'slot_gone' };
}

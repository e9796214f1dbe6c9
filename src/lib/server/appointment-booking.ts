/**
 * Booking an appointment for the in-person steps: the biometric recording for a new KTP-el, and picking up a
 * finished document. A resident (or the volunteer who helped) books a slot for an application, may move or
 * cancel it, and gets a queue number. Officers' day list: appointment-day.ts; admins' slots and capacity:
 * appointment-slots.ts; the pure rules and wording: domain/appointments.ts; locations, the default day and
 * the date rules: domain/locations.ts.
 *
 * Invariants:
 * - a slot's `booked` never exceeds its `capacity`. A place is taken by ONE conditional UPDATE
 *   (`… SET booked = booked + 1, last_number = last_number + 1 WHERE id = ? AND booked < capacity
 *   RETURNING last_number`). SQLite runs a statement atomically, so however many people take the last place
 *   at once, exactly one UPDATE still sees `booked < capacity`; the others get no row back: "full".
 * - queue numbers come from `last_number`, which only grows: a cancelled number is never handed out again.
 * - an application has at most one current booking (one whose day is today or later; earlier ones are
 *   history). An appointment's id is `<application id>:<n>`, n counting that application's appointments so
 *   far (rows are never deleted): two requests that read the same bookings write the same id, and the
 *   second fails on the primary key, so a double tap or two open tabs cannot book twice.
 * - a place taken whose appointment could then not be written is given back at once.
 * - every booking, move and cancellation is an event on the application's timeline and a notification,
 *   written in the same batch (one transaction, one round trip) as the change itself.
 * - only the applicant and the helping volunteer (while still a volunteer) book, move or cancel: the
 *   `appointment` permission of access.ts, inside the query that reads the application.
 */
import { and, asc, count, eq, exists, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import {
	appointmentPurpose,
	BOOKING_WINDOW_DAYS,
	recordedWhen,
	toBooking,
	type AppointmentProblem,
	type Booking
} from '$lib/domain/appointments';
import { defaultLocationFor, slotStart } from '$lib/domain/locations';
import type { OfficeId } from '$lib/domain/service';
import { formatWitaDate, witaDateKey } from '$lib/domain/working-time';
import { whereMay, type Viewer } from './access';
import { locationsQuery, openSlotsQuery, stillOpen, type OpenSlot } from './appointment-reads';
import type { Database } from './db/open';
import { appointmentLocations, appointments, appointmentSlots, applications, services } from './db/schema';
import { recordEvent } from './events';

const bookingColumns = {
	id: appointments.id,
	applicationId: appointments.applicationId,
	slotId: appointments.slotId,
	queueNumber: appointments.queueNumber,
	date: appointmentSlots.date,
	startTime: appointmentSlots.startTime,
	locationId: appointmentSlots.locationId,
	locationName: appointmentLocations.name,
	locationAddress: appointmentLocations.address
};

function bookingsQuery(db: Database, applicationId: string, today: string) {
	return db
		.select(bookingColumns)
		.from(appointments)
		.innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
		.innerJoin(appointmentLocations, eq(appointmentLocations.id, appointmentSlots.locationId))
		.where(
			and(
				eq(appointments.applicationId, applicationId),
				eq(appointments.status, 'booked'),
				gte(appointmentSlots.date, today)
			)
		)
		.orderBy(asc(appointmentSlots.date), asc(appointmentSlots.startTime));
}


/** The application's current booking (today or later), or null. */
export async function forApplication(db: Database, applicationId: string, now = new Date()) {
	const [row] = await bookingsQuery(db, applicationId, witaDateKey(now));
	return row ? toBooking(row) : null;
}

/** Days with their open slots, in order: what the resident picks from. */
function byDay(slots: OpenSlot[]) {
	const days: { date: string; label: string; slots: { id: string; startTime: string; free: number }[] }[] = [];
	for (const slot of slots) {
		let day = days.at(-1);
		if (day?.date !== slot.date) {
			day = { date: slot.date, label: formatWitaDate(slotStart(slot.date, '12:00')), slots: [] };
			days.push(day);
		}
		day.slots.push({ id: slot.id, startTime: slot.startTime, free: slot.free });
	}
	return days;
}

/**
 * Everything the resident's booking page shows, in one round trip: the locations, the application's current
 * booking, and the open slots at the chosen location (by default the office's own) for the next two weeks,
 * grouped by day. The caller has already checked that the application is the viewer's.
 */
export async function bookingPage(
	db: Database,
	input: { applicationId: string; officeId: OfficeId; locationId: string | null; now?: Date }
) {
	const now = input.now ?? new Date();
	const today = witaDateKey(now);
	const wanted = input.locationId || defaultLocationFor[input.officeId];
	const [locations, current, open] = await db.batch([
		locationsQuery(db, true),
		bookingsQuery(db, input.applicationId, today),
		openSlotsQuery(db, { locationId: wanted, fromDate: today, days: BOOKING_WINDOW_DAYS })
	]);
	const locationId = locations.some((l) => l.id === wanted) ? wanted : null;
	return {
		locations,
		locationId,
		current: current[0] ? toBooking(current[0]) : null,
		days: locationId ? byDay(stillOpen(open, now)) : []
	};
}


export type BookingResult = { ok: true; booking: Booking } | { ok: false; reason: AppointmentProblem };

const choiceInput = v.object({
	applicationId: v.pipe(v.string(), v.uuid()),
	slotId: v.pipe(v.string(), v.uuid())
});

interface ChoiceInput {
	applicationId: string;
	slotId: string;
	user: Viewer;
	now?: Date;
}

const refuse = (reason: AppointmentProblem) => ({ ok: false, reason }) as const;

/** The application (if the user may act for it), its current booking, its appointment count, and a slot. */
async function readState(db: Database, applicationId: string, slotId: string | null, user: Viewer, now: Date) {
	const [apps, current, counted, slots] = await db.batch([
		db
			.select({
				id: applications.id,
				status: applications.status,
				inPerson: services.inPerson
			})
			.from(applications)
			.innerJoin(services, eq(services.slug, applications.serviceSlug))
			// someone else's application (or a withdrawn volunteer's old one) reads exactly like a missing one
			.where(and(eq(applications.id, applicationId), whereMay(user, 'appointment'))),
		bookingsQuery(db, applicationId, witaDateKey(now)),
		db.select({ n: count() }).from(appointments).where(eq(appointments.applicationId, applicationId)),
		db
			.select({
				slot: appointmentSlots,
				locationName: appointmentLocations.name,
				locationAddress: appointmentLocations.address,
				active: appointmentLocations.active
			})
			.from(appointmentSlots)
			.innerJoin(appointmentLocations, eq(appointmentLocations.id, appointmentSlots.locationId))
			.where(eq(appointmentSlots.id, slotId ?? ''))
	]);
	const app = apps[0];
	if (!app) return null;
	return {
		app,
		current: current[0] ? toBooking(current[0]) : null,
		nextId: `${applicationId}:${(counted[0]?.n ?? 0) + 1}`,
		slot: slots[0]
	};
}

function slotProblem(
	found: { slot: typeof appointmentSlots.$inferSelect; active: boolean } | undefined,
	now: Date
): AppointmentProblem | null {
	if (!found || !found.active) return 'slot_not_found';
	if (slotStart(found.slot.date, found.slot.startTime) <= now) return 'past';
	if (found.slot.booked >= found.slot.capacity) return 'full';
	return null;
}

/** The one conditional UPDATE that takes a place: the new queue number, or null when the slot is full. */
async function takePlace(db: Database, slotId: string): Promise<number | null> {
	const [taken] = await db
		.update(appointmentSlots)
		.set({
			booked: sql`${appointmentSlots.booked} + 1`,
			lastNumber: sql`${appointmentSlots.lastNumber} + 1`
		})
		.where(and(eq(appointmentSlots.id, slotId), lt(appointmentSlots.booked, appointmentSlots.capacity)))
		.returning({ lastNumber: appointmentSlots.lastNumber });
	return taken?.lastNumber ?? null;
}

/** Gives a place back (the queue number stays used), optionally only while `also` holds. */
function givePlaceBack(db: Database, slotId: string, also?: SQL) {
	return db
		.update(appointmentSlots)
		.set({ booked: sql`${appointmentSlots.booked} - 1` })
		.where(and(eq(appointmentSlots.id, slotId), gt(appointmentSlots.booked, 0), also));
}

/**
 * Gives back the place of a booking only while it is still booked. Put before the statement that cancels
 * it, in the same batch: a booking cancelled twice at once gives its place back once.
 */
function givePlaceBackIfBooked(db: Database, booking: Pick<Booking, 'id' | 'slotId'>) {
	return givePlaceBack(
		db,
		booking.slotId,
		exists(
			db
				.select({ one: sql`1` })
				.from(appointments)
				.where(and(eq(appointments.id, booking.id), eq(appointments.status, 'booked')))
		)
	);
}

function cancelIfBooked(db: Database, appointmentId: string) {
	return db
		.update(appointments)
		.set({ status: 'cancelled' })
		.where(and(eq(appointments.id, appointmentId), eq(appointments.status, 'booked')));
}

function isDuplicateId(error: unknown) {
	const text = [error, (error as { cause?: unknown })?.cause]
		.map((e) => String((e as { message?: string })?.message ?? e))
		.join(' ');
	return text.includes('UNIQUE') && text.includes('appointments.id');
}

/**
 * Writes the new appointment with its event and notifications; when that fails the place is given back
 * (a duplicate id means another request for the same application got there first).
 */
async function writeOrGiveBack(db: Database, slotId: string, write: () => Promise<unknown>) {
	try {
		await write();
		return null;
	} catch (error) {
		await givePlaceBack(db, slotId);
		if (isDuplicateId(error)) return 'conflict' as const;
		throw error;
	}
}

/** Books a slot for an application: the applicant or the volunteer who helped, never in the past. */
export async function book(db: Database, input: ChoiceInput): Promise<BookingResult> {
	if (!v.is(choiceInput, input)) return refuse('invalid');
	const now = input.now ?? new Date();
	const state = await readState(db, input.applicationId, input.slotId, input.user, now);
	if (!state) return refuse('not_found');
	if (!appointmentPurpose(state.app.status, state.app.inPerson)) return refuse('not_needed');
	if (state.current) return refuse('already_booked');
	const problem = slotProblem(state.slot, now);
	if (problem) return refuse(problem);
	return placeBooking(db, input.user, state, now, null);
}

/** Moves the current booking to another slot: a new place and number there, the old place given back. */
export async function move(db: Database, input: ChoiceInput): Promise<BookingResult> {
	if (!v.is(choiceInput, input)) return refuse('invalid');
	const now = input.now ?? new Date();
	const state = await readState(db, input.applicationId, input.slotId, input.user, now);
	if (!state) return refuse('not_found');
	if (!appointmentPurpose(state.app.status, state.app.inPerson)) return refuse('not_needed');
	const old = state.current;
	if (!old) return refuse('no_booking');
	if (old.slotId === input.slotId) return refuse('same_slot');
	const problem = slotProblem(state.slot, now);
	if (problem) return refuse(problem);
	return placeBooking(db, input.user, state, now, old);
}

/**
 * Takes a place in the chosen slot (the conditional UPDATE), then writes the booking, its event and the
 * notification in one batch, giving the place back if that batch fails. For a move, the same batch gives
 * the old place back and cancels the old booking.
 */
async function placeBooking(
	db: Database,
	user: Viewer,
	state: NonNullable<Awaited<ReturnType<typeof readState>>>,
	now: Date,
	old: Booking | null
): Promise<BookingResult> {
	const { slot, locationName, locationAddress } = state.slot!;
	const number = await takePlace(db, slot.id);
	if (number === null) return refuse('full');

	const booking = toBooking({
		id: state.nextId,
		applicationId: state.app.id,
		slotId: slot.id,
		queueNumber: number,
		date: slot.date,
		startTime: slot.startTime,
		locationId: slot.locationId,
		locationName,
		locationAddress
	});
	const here = { when: recordedWhen(booking), queue: booking.queueLabel };
	// the event's note is its data in words: the audit log and the timeline read it as it was at the time
	const event = old
		? recordEvent(
				db,
				{
					applicationId: booking.applicationId,
					actorId: user.id,
					type: 'appointment_moved',
					note: `Jadwal: ${here.when}, nomor antrean ${booking.queueLabel} (sebelumnya ${recordedWhen(old)}, nomor antrean ${old.queueLabel})`,
					data: { ...here, previous: { when: recordedWhen(old), queue: old.queueLabel } },
					at: now
				},
				{ when: 'always' }
			)
		: recordEvent(
				db,
				{
					applicationId: booking.applicationId,
					actorId: user.id,
					type: 'appointment_booked',
					note: `Jadwal: ${here.when}, nomor antrean ${booking.queueLabel}`,
					data: here,
					at: now
				},
				{ when: 'always' }
			);
	const conflict = await writeOrGiveBack(db, slot.id, () =>
		db.batch([
			db.insert(appointments).values({
				id: booking.id,
				applicationId: booking.applicationId,
				slotId: slot.id,
				userId: user.id,
				queueNumber: number,
				status: 'booked',
				createdAt: now
			}),
			...(old ? [givePlaceBackIfBooked(db, old), cancelIfBooked(db, old.id)] : []),
			...event
		])
	);
	if (conflict) return refuse(conflict);
	return { ok: true, booking };
}

export type CancelResult = { ok: true; cancelled: Booking } | { ok: false; reason: AppointmentProblem };

/** Cancels the current booking and gives its place back; its queue number is not reused. */
export async function cancel(
	db: Database,
	input: { applicationId: string; user: Viewer; now?: Date }
): Promise<CancelResult> {
	if (!v.is(choiceInput.entries.applicationId, input.applicationId)) return refuse('not_found');
	const now = input.now ?? new Date();
	const state = await readState(db, input.applicationId, null, input.user, now);
	if (!state) return refuse('not_found');
	const old = state.current;
	if (!old) return refuse('no_booking');
	await db.batch([
		givePlaceBackIfBooked(db, old),
		cancelIfBooked(db, old.id),
		// the event and the notifications only if this request is the one that cancelled it
		...recordEvent(db, {
			applicationId: old.applicationId,
			actorId: input.user.id,
			type: 'appointment_cancelled',
			note: `Jadwal dibatalkan: ${recordedWhen(old)}, nomor antrean ${old.queueLabel}`,
			data: { when: recordedWhen(old), queue: old.queueLabel },
			at: now
		})
	]);
	return { ok: true, cancelled: old };
}

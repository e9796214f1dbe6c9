/**
 * Appointments' pure rules: why an application needs someone to come in (`appointmentPurpose`), how far
 * ahead slots are offered, a booking as the pages and records show it, and the reasons a booking, move or
 * cancellation is refused with their one wording map. The database side is in `server/appointment-*.ts`.
 */
import { describeSlot, formatQueueNumber } from './locations';
import type { Status } from './workflow';
import { m } from '../paraglide/messages.js';

/** How far ahead a resident sees open slots. */
export const BOOKING_WINDOW_DAYS = 14;

export type Purpose = 'recording' | 'pickup';

/**
 * Why an application needs someone to come in, if it does: a service with an in-person step (the KTP-el
 * recording) while the application is alive, or picking up the result once it is completed. Refused and
 * cancelled applications need nobody to come.
 */
export function appointmentPurpose(status: Status, inPerson: boolean): Purpose | null {
	switch (status) {
		case 'rejected':
		case 'cancelled':
			return null;
		case 'completed':
			return 'pickup';
		case 'submitted':
		case 'in_review':
		case 'needs_correction':
		case 'resubmitted':
		case 'approved':
			return inPerson ? 'recording' : null;
		default: {
			const unknown: never = status;
			throw new Error(`unknown status ${String(unknown)}`);
		}
	}
}

export type AppointmentProblem =
	| 'invalid'
	| 'not_found'
	| 'not_needed'
	| 'slot_not_found'
	| 'past'
	| 'full'
	| 'already_booked'
	| 'no_booking'
	| 'same_slot'
	| 'conflict';

export const appointmentMessages: Record<AppointmentProblem, string> = {
	get invalid() {
		return m.staff_appointment_invalid();
	},
	get not_found() {
		return m.staff_appointment_not_found();
	},
	get not_needed() {
		return m.staff_appointment_not_needed();
	},
	get slot_not_found() {
		return m.staff_appointment_slot_not_found();
	},
	get past() {
		return m.staff_appointment_past();
	},
	get full() {
		return m.staff_appointment_full();
	},
	get already_booked() {
		return m.staff_appointment_already_booked();
	},
	get no_booking() {
		return m.staff_appointment_no_booking();
	},
	get same_slot() {
		return m.staff_appointment_same_slot();
	},
	get conflict() {
		return m.staff_appointment_conflict();
	}
};


export interface Booking {
	id: string;
	applicationId: string;
	slotId: string;
	queueNumber: number;
	/** "A-007" */
	queueLabel: string;
	date: string;
	startTime: string;
	locationId: string;
	locationName: string;
	locationAddress: string;
	/** "Senin, 30 November 2026 pukul 09.00 WITA di MPP Banjarbaru" */
	when: string;
}

/** A booking row as read, with its queue label and its slot in words (in the reader's language). */
export function toBooking(row: Omit<Booking, 'queueLabel' | 'when'>): Booking {
	return { ...row, queueLabel: formatQueueNumber(row.queueNumber), when: describeSlot(row, row.locationName) };
}

/** The slot in words as the records keep it (events, notices): in Indonesian, whoever booked. */
export const recordedWhen = (booking: Booking) => describeSlot(booking, booking.locationName, 'id');

/**
 * Appointment locations and their daily slots, as data and pure rules.
 *
 * Some steps cannot happen online: the biometric recording for a new KTP-el (photo, fingerprints, iris,
 * signature) and picking up a finished document. A resident books a *slot* (one start time on one WITA
 * day at one location, with a capacity set by an admin) and gets a queue number to show at the counter.
 *
 * Invariants (kept by the server, `src/lib/server/appointment-booking.ts` and `appointment-slots.ts`): a slot's bookings never exceed its
 * capacity; queue numbers count up per slot and are never handed out twice, not even after a cancellation.
 * Dates here are WITA calendar dates 'YYYY-MM-DD' and times WITA wall-clock 'HH:MM', exactly as stored.
 */
import * as v from 'valibot';
import type { OfficeId } from './service';
import { formatWita, isWorkingDay, WITA_OFFSET_MS, type Calendar } from './working-time';
import { m } from '../paraglide/messages.js';
import { getLocale, type Locale } from '../paraglide/runtime.js';

export interface AppointmentLocation {
	id: string;
	name: string;
	address: string;
}

/** The seed: admins own the rows once inserted (names, addresses, whether a location takes bookings). */
export const appointmentLocations = [
	{
		id: 'disdukcapil',
		name: 'Kantor Disdukcapil Kota Banjarbaru',
		// Unverified: street address not confirmed from an official source (same as the office's record).
		address: 'Jl. Pangeran Suriansyah No. 5, Banjarbaru'
	},
	{ id: 'mpp', name: 'MPP Banjarbaru', address: 'Mal Pelayanan Publik, Jl. Husni Thamrin No. 1, Banjarbaru' },
	// Unverified: the kecamatan offices' street addresses are not confirmed; admins fill them in.
	{ id: 'kec-landasan-ulin', name: 'Kantor Kecamatan Landasan Ulin', address: 'Kantor Kecamatan Landasan Ulin, Banjarbaru' },
	{ id: 'kec-cempaka', name: 'Kantor Kecamatan Cempaka', address: 'Kantor Kecamatan Cempaka, Banjarbaru' },
	{
		id: 'kec-banjarbaru-utara',
		name: 'Kantor Kecamatan Banjarbaru Utara',
		address: 'Kantor Kecamatan Banjarbaru Utara, Banjarbaru'
	},
	{
		id: 'kec-banjarbaru-selatan',
		name: 'Kantor Kecamatan Banjarbaru Selatan',
		address: 'Kantor Kecamatan Banjarbaru Selatan, Banjarbaru'
	},
	{ id: 'kec-liang-anggang', name: 'Kantor Kecamatan Liang Anggang', address: 'Kantor Kecamatan Liang Anggang, Banjarbaru' }
] as const satisfies readonly AppointmentLocation[];

export type LocationId = (typeof appointmentLocations)[number]['id'];
export const locationIds = appointmentLocations.map((l) => l.id) as readonly LocationId[];

/** Where an office's residents are sent unless they choose another place: DPMPTSP serves at the MPP. */
export const defaultLocationFor: Record<OfficeId, LocationId> = { disdukcapil: 'disdukcapil', dpmptsp: 'mpp' };

/**
 * The default day: on the hour from opening, with the midday break (12:00–13:00) left free, and the last
 * start at 14:00 so a recording started then ends well before 16:00. Capacity is per start time and
 * unverified (it depends on counters and staff): admins change it per slot.
 */
export const defaultSlotTimes = ['08:00', '09:00', '10:00', '11:00', '13:00', '14:00'] as const;
export const defaultSlotCapacity = 10;

/** What the counter calls: 7 → "A-007". Numbers past 999 keep all their digits ("A-1000"). */
export function formatQueueNumber(n: number): string {
	return `A-${String(n).padStart(3, '0')}`;
}

export const datePattern = /^\d{4}-\d{2}-\d{2}$/;
export const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A real calendar date 'YYYY-MM-DD' (not 2026-02-30). */
export function isDateKey(value: string): boolean {
	if (!datePattern.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The date `n` days after a WITA date (negative goes back). */
export function addDays(date: string, n: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a slot starts: its WITA date and time, at UTC+8. */
export function slotStart(date: string, time: string): Date {
	return new Date(Date.parse(`${date}T${time}:00Z`) - WITA_OFFSET_MS);
}

/** "Senin, 30 November 2026 pukul 09.00 WITA di MPP Banjarbaru", in the reader's language unless told. */
export function describeSlot(slot: { date: string; startTime: string }, locationName: string, locale: Locale = getLocale()): string {
	return m.staff_slot_when({ time: formatWita(slotStart(slot.date, slot.startTime), locale), place: locationName }, { locale });
}

/** The working days (Mon–Fri minus holidays) from `from` to `to`, both included. */
export function workingDatesBetween(from: string, to: string, cal: Calendar): string[] {
	const dates: string[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) {
		// noon WITA lies safely inside the WITA day whatever the offset arithmetic
		if (isWorkingDay(slotStart(d, '12:00'), cal)) dates.push(d);
	}
	return dates;
}

/** The first `count` working days from `from` (included when it is one). */
export function nextWorkingDates(from: string, count: number, cal: Calendar): string[] {
	const dates: string[] = [];
	for (let d = from; dates.length < count; d = addDays(d, 1)) {
		if (isWorkingDay(slotStart(d, '12:00'), cal)) dates.push(d);
	}
	return dates;
}

// ------------------------------------------------------------------------------------------------
// The admin's forms: slots for a range of days, and one slot's capacity. Strings in (form fields),
// clean values out; the server runs these as the authority.

export const MAX_CAPACITY = 500;
/** A plan longer than about a quarter would outrun the holiday calendar admins keep. */
export const MAX_PLAN_DAYS = 92;

export const slotMessages = {
	get location() {
		return m.staff_slot_location();
	},
	get date() {
		return m.staff_slot_date();
	},
	get dateOrder() {
		return m.staff_slot_date_order();
	},
	get dateSpan() {
		return m.staff_slot_date_span({ days: MAX_PLAN_DAYS });
	},
	get times() {
		return m.staff_slot_times();
	},
	get capacity() {
		return m.staff_slot_capacity({ max: MAX_CAPACITY });
	},
	get capacityOrZero() {
		return m.staff_slot_capacity_or_zero({ max: MAX_CAPACITY });
	},
	get slotGone() {
		return m.staff_appointment_slot_gone();
	},
	capacityBooked: (booked: number) => m.staff_appointment_capacity_booked({ booked })
} as const;

const dateField = v.pipe(v.string(), v.trim(), v.check(isDateKey, () => slotMessages.date));

function wholeNumber(min: number, message: () => string) {
	return v.pipe(
		v.string(),
		v.trim(),
		v.regex(/^\d{1,4}$/, message),
		v.transform(Number),
		v.minValue(min, message),
		v.maxValue(MAX_CAPACITY, message)
	);
}

/** "08:00, 9.00 13:00" → ['08:00', '09:00', '13:00']: sorted, without repeats. */
const timesField = v.pipe(
	v.string(),
	v.transform((text) =>
		text
			.split(/[\s,;]+/)
			.filter(Boolean)
			.map((t) => t.replace('.', ':').padStart(5, '0'))
	),
	v.check((times) => times.length > 0 && times.length <= 24 && times.every((t) => timePattern.test(t)), () => slotMessages.times),
	v.transform((times) => [...new Set(times)].sort())
);

export const slotPlanSchema = v.pipe(
	v.object({
		locationId: v.pipe(v.string(), v.trim(), v.minLength(1, () => slotMessages.location)),
		from: dateField,
		to: dateField,
		times: timesField,
		capacity: wholeNumber(1, () => slotMessages.capacity)
	}),
	v.forward(
		v.partialCheck([['from'], ['to']], (input) => input.to >= input.from, () => slotMessages.dateOrder),
		['to']
	),
	v.forward(
		v.partialCheck(
			[['from'], ['to']],
			(input) => input.to < addDays(input.from, MAX_PLAN_DAYS),
			() => slotMessages.dateSpan
		),
		['to']
	)
);
export type SlotPlan = v.InferOutput<typeof slotPlanSchema>;

/** A capacity of 0 closes a slot that nobody has booked yet. */
export const capacitySchema = v.object({
	slotId: v.pipe(v.string(), v.uuid(() => m.staff_slot_unknown())),
	capacity: wholeNumber(0, () => slotMessages.capacityOrZero)
});

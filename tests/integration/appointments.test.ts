/**
 * Appointments against a real libSQL file database: no slot is ever overbooked (20 requests for the last
 * place, exactly one wins), moving and cancelling keep the counts right and never reuse a queue number,
 * only the applicant (or their volunteer) books, and admins cannot squeeze a slot below what is booked.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../../src/lib/server/accounts';
import * as appointmentBooking from '../../src/lib/server/appointment-booking';
import * as appointmentDay from '../../src/lib/server/appointment-day';
import * as slots from '../../src/lib/server/appointment-slots';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Database } from '../../src/lib/server/db/open';
import {
	applicationEvents,
	applications,
	appointments as appointmentsTable,
	appointmentSlots,
	notifications,
	users
} from '../../src/lib/server/db/schema';
import { generateTrackingCode } from '../../src/lib/domain/tracking-code';
import type { Status } from '../../src/lib/domain/workflow';
import { freshDatabase } from './db';

let db: Database;
let cleanup: () => void;
const people: Record<'citizen' | 'stranger' | 'volunteer' | 'officer' | 'otherOfficer', SessionUser> = {} as never;

const wita = (iso: string) => new Date(`${iso}+08:00`);
// Monday 30 November 2026, 07:00 WITA: before the office opens
const now = wita('2026-11-30T07:00:00');

async function person(name: string, phone: string, role: SessionUser['role'] = 'citizen', officeId: SessionUser['officeId'] = null) {
	await accounts.register(db, { name, phone, password: 'sungai kemuning jernih' }, role);
	if (officeId) await db.update(users).set({ officeId }).where(eq(users.phone, phone));
	const [row] = await db.select().from(users).where(eq(users.phone, phone));
	return { id: row!.id, name, phone: row!.phone, role, officeId } satisfies SessionUser;
}

/** A submitted application written straight into the table: these tests are about slots, not forms. */
async function application(
	owner: SessionUser,
	options: { service?: 'ktp-el-baru' | 'akta-kelahiran' | 'izin-usaha'; status?: Status; volunteer?: SessionUser } = {}
) {
	const id = crypto.randomUUID();
	const service = options.service ?? 'ktp-el-baru';
	await db.insert(applications).values({
		id,
		trackingCode: generateTrackingCode(),
		serviceSlug: service,
		officeId: service === 'izin-usaha' ? 'dpmptsp' : 'disdukcapil',
		applicantId: owner.id,
		volunteerId: options.volunteer?.id ?? null,
		applicantName: owner.name,
		applicantPhone: owner.phone,
		answers: {},
		status: options.status ?? 'submitted',
		submittedAt: now,
		dueAt: now,
		updatedAt: now
	});
	return id;
}

let slotCounter = 0;
/** A fresh slot at MPP on Tuesday 1 December 2026 (a working day), at a time no other test uses. */
async function slot(capacity: number, date = '2026-12-01', locationId = 'mpp') {
	slotCounter += 1;
	const startTime = `${String(6 + Math.floor(slotCounter / 60)).padStart(2, '0')}:${String(slotCounter % 60).padStart(2, '0')}`;
	expect(await slots.createSlots(db, { locationId, dates: [date], times: [startTime], capacity })).toBe(1);
	const [row] = await db
		.select()
		.from(appointmentSlots)
		.where(and(eq(appointmentSlots.locationId, locationId), eq(appointmentSlots.date, date), eq(appointmentSlots.startTime, startTime)));
	return row!;
}

async function slotRow(id: string) {
	const [row] = await db.select().from(appointmentSlots).where(eq(appointmentSlots.id, id));
	return row!;
}

async function bookedOn(slotId: string) {
	return db
		.select()
		.from(appointmentsTable)
		.where(and(eq(appointmentsTable.slotId, slotId), eq(appointmentsTable.status, 'booked')));
}

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	people.citizen = await person('Siti Aminah', '+6281322220001');
	people.stranger = await person('Orang Lain', '+6281322220002');
	people.volunteer = await person('Rudi Relawan', '+6281322220003', 'volunteer');
	people.officer = await person('Dewi', '+6281322220004', 'officer', 'disdukcapil');
	people.otherOfficer = await person('Bayu', '+6281322220005', 'officer', 'dpmptsp');
}, 60_000);
afterAll(() => cleanup());

describe('the last place', () => {
	it('goes to exactly one of 20 parallel requests, and the slot ends exactly full', async () => {
		const target = await slot(3);
		// two places already taken
		for (let i = 0; i < 2; i++) {
			const result = await appointmentBooking.book(db, {
				applicationId: await application(people.citizen),
				slotId: target.id,
				user: people.citizen,
				now
			});
			expect(result.ok).toBe(true);
		}
		const contenders = await Promise.all(Array.from({ length: 20 }, () => application(people.citizen)));
		const results = await Promise.all(
			contenders.map((applicationId) =>
				appointmentBooking.book(db, { applicationId, slotId: target.id, user: people.citizen, now })
			)
		);

		const winners = results.filter((r) => r.ok);
		expect(winners).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 19 }, () => ({ ok: false, reason: 'full' })));
		const after = await slotRow(target.id);
		expect(after.booked).toBe(3);
		expect(after.capacity).toBe(3);
		expect(after.lastNumber).toBe(3);
		const rows = await bookedOn(target.id);
		expect(rows.map((r) => r.queueNumber).sort()).toEqual([1, 2, 3]);
		expect(winners[0]!.ok && winners[0]!.booking.queueLabel).toBe('A-003');
	});

	it('lets one application hold one booking, even when it asks twice at once', async () => {
		const a = await slot(5);
		const b = await slot(5);
		const applicationId = await application(people.citizen);
		const results = await Promise.all([
			appointmentBooking.book(db, { applicationId, slotId: a.id, user: people.citizen, now }),
			appointmentBooking.book(db, { applicationId, slotId: b.id, user: people.citizen, now })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: expect.stringMatching(/^(conflict|already_booked)$/) });
		// the loser's place went back
		expect((await slotRow(a.id)).booked + (await slotRow(b.id)).booked).toBe(1);
		const again = await appointmentBooking.book(db, { applicationId, slotId: b.id, user: people.citizen, now });
		expect(again).toEqual({ ok: false, reason: 'already_booked' });
	});
});

describe('moving and cancelling', () => {
	it('keep the counts right and never hand out a queue number twice', async () => {
		const first = await slot(2);
		const second = await slot(2);
		const applicationId = await application(people.citizen);

		const booked = await appointmentBooking.book(db, { applicationId, slotId: first.id, user: people.citizen, now });
		expect(booked).toMatchObject({ ok: true, booking: { queueNumber: 1, queueLabel: 'A-001', locationName: 'MPP Banjarbaru' } });

		const moved = await appointmentBooking.move(db, { applicationId, slotId: second.id, user: people.citizen, now });
		expect(moved).toMatchObject({ ok: true, booking: { slotId: second.id, queueNumber: 1 } });
		expect(await slotRow(first.id)).toMatchObject({ booked: 0, lastNumber: 1 });
		expect(await slotRow(second.id)).toMatchObject({ booked: 1, lastNumber: 1 });
		expect((await appointmentBooking.forApplication(db, applicationId, now))?.slotId).toBe(second.id);

		// the freed place is taken by someone else, under a new number
		const other = await appointmentBooking.book(db, {
			applicationId: await application(people.citizen),
			slotId: first.id,
			user: people.citizen,
			now
		});
		expect(other).toMatchObject({ ok: true, booking: { queueNumber: 2 } });

		// moving back to the first slot: a new number again
		const back = await appointmentBooking.move(db, { applicationId, slotId: first.id, user: people.citizen, now });
		expect(back).toMatchObject({ ok: true, booking: { queueNumber: 3, queueLabel: 'A-003' } });
		expect(await slotRow(first.id)).toMatchObject({ booked: 2, lastNumber: 3 });
		expect(await slotRow(second.id)).toMatchObject({ booked: 0, lastNumber: 1 });
		expect(await appointmentBooking.move(db, { applicationId, slotId: first.id, user: people.citizen, now })).toEqual({
			ok: false,
			reason: 'same_slot'
		});

		// cancelling twice at once gives the place back once
		const [c1, c2] = await Promise.all([
			appointmentBooking.cancel(db, { applicationId, user: people.citizen, now }),
			appointmentBooking.cancel(db, { applicationId, user: people.citizen, now })
		]);
		expect([c1, c2].filter((c) => c.ok).length).toBeGreaterThanOrEqual(1);
		expect(await slotRow(first.id)).toMatchObject({ booked: 1, lastNumber: 3 });
		expect(await appointmentBooking.forApplication(db, applicationId, now)).toBeNull();
		expect(await appointmentBooking.cancel(db, { applicationId, user: people.citizen, now })).toEqual({
			ok: false,
			reason: 'no_booking'
		});

		// booking again after cancelling: the number is new, never the cancelled one
		const rebooked = await appointmentBooking.book(db, { applicationId, slotId: first.id, user: people.citizen, now });
		expect(rebooked).toMatchObject({ ok: true, booking: { queueNumber: 4 } });
		const numbers = (await db.select().from(appointmentsTable).where(eq(appointmentsTable.slotId, first.id))).map(
			(a) => a.queueNumber
		);
		expect(new Set(numbers).size).toBe(numbers.length);

		const events = await db
			.select()
			.from(applicationEvents)
			.where(eq(applicationEvents.applicationId, applicationId))
			.orderBy(asc(applicationEvents.id));
		expect(events.map((e) => e.type)).toEqual([
			'appointment_booked',
			'appointment_moved',
			'appointment_moved',
			'appointment_cancelled',
			'appointment_booked'
		]);
		expect(events.every((e) => e.visibleToCitizen)).toBe(true);
		expect(events[0]!.note).toMatch(
			/^Jadwal: Selasa, 1 Desember 2026 pukul 06\.\d\d WITA di MPP Banjarbaru, nomor antrean A-001$/
		);
		const notes = await db.select().from(notifications).where(eq(notifications.applicationId, applicationId));
		expect(notes).toHaveLength(5);
		expect(notes.every((n) => n.userId === people.citizen.id)).toBe(true);
	});
});

describe('who and when', () => {
	it('refuses a stranger, and takes no place doing so', async () => {
		const target = await slot(1);
		const applicationId = await application(people.citizen);
		for (const verb of [appointmentBooking.book, appointmentBooking.move]) {
			expect(await verb(db, { applicationId, slotId: target.id, user: people.stranger, now })).toEqual({
				ok: false,
				reason: 'not_found'
			});
		}
		expect(await appointmentBooking.cancel(db, { applicationId, user: people.stranger, now })).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect((await slotRow(target.id)).booked).toBe(0);
	});

	it('lets the volunteer who helped book, and tells both of them', async () => {
		const target = await slot(1);
		const applicationId = await application(people.citizen, { volunteer: people.volunteer });
		const result = await appointmentBooking.book(db, { applicationId, slotId: target.id, user: people.volunteer, now });
		expect(result.ok).toBe(true);
		const notes = await db.select().from(notifications).where(eq(notifications.applicationId, applicationId));
		expect(notes.map((n) => n.userId).sort()).toEqual([people.citizen.id, people.volunteer.id].sort());
		expect(notes[0]!.text).toMatch(/Nomor antrean A-001/);
	});

	it('refuses a slot that has started or lies in the past', async () => {
		const applicationId = await application(people.citizen);
		const yesterday = await slot(5, '2026-11-27');
		const earlier = await slot(5, '2026-12-01');
		const at = slotStartOf(earlier);
		for (const [target, when] of [
			[yesterday, now],
			[earlier, at],
			[earlier, new Date(at.getTime() + 60_000)]
		] as const) {
			expect(await appointmentBooking.book(db, { applicationId, slotId: target.id, user: people.citizen, now: when })).toEqual({
				ok: false,
				reason: 'past'
			});
		}
		expect((await slotRow(earlier.id)).booked).toBe(0);
	});

	it('books only where someone has to come: the KTP-el recording, or a pickup once completed', async () => {
		const target = await slot(5);
		const book = async (applicationId: string) =>
			appointmentBooking.book(db, { applicationId, slotId: target.id, user: people.citizen, now });
		expect(await book(await application(people.citizen, { service: 'akta-kelahiran' }))).toEqual({
			ok: false,
			reason: 'not_needed'
		});
		expect(await book(await application(people.citizen, { status: 'rejected' }))).toEqual({ ok: false, reason: 'not_needed' });
		expect(await book(await application(people.citizen, { status: 'cancelled' }))).toEqual({ ok: false, reason: 'not_needed' });
		expect((await book(await application(people.citizen, { service: 'akta-kelahiran', status: 'completed' }))).ok).toBe(true);
		expect(await appointmentBooking.book(db, { applicationId: 'not-an-id', slotId: target.id, user: people.citizen, now })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(
			await appointmentBooking.book(db, {
				applicationId: await application(people.citizen),
				slotId: crypto.randomUUID(),
				user: people.citizen,
				now
			})
		).toEqual({ ok: false, reason: 'slot_not_found' });
	});
});

function slotStartOf(s: { date: string; startTime: string }) {
	return wita(`${s.date}T${s.startTime}:00`);
}

describe('the office and the admin', () => {
	it("shows the day's list to the officers of the application's office only", async () => {
		const target = await slot(5, '2026-12-02', 'disdukcapil');
		const ktp = await application(people.citizen);
		const permit = await application(people.citizen, { service: 'izin-usaha', status: 'completed' });
		for (const applicationId of [ktp, permit]) {
			expect((await appointmentBooking.book(db, { applicationId, slotId: target.id, user: people.citizen, now })).ok).toBe(true);
		}
		const day = { locationId: 'disdukcapil', date: '2026-12-02' };
		const disdukcapil = await appointmentDay.dayList(db, { ...day, officeId: 'disdukcapil' });
		expect(disdukcapil.rows.map((r) => [r.applicationId, r.queueLabel, r.serviceName, r.applicantName])).toEqual([
			[ktp, 'A-001', 'KTP-el baru', 'Siti Aminah']
		]);
		const dpmptsp = await appointmentDay.dayList(db, { ...day, officeId: 'dpmptsp' });
		expect(dpmptsp.rows.map((r) => r.applicationId)).toEqual([permit]);
		expect(disdukcapil.locations).toHaveLength(7);
		expect(disdukcapil.locations[0]!.id).toBe('disdukcapil');

		await appointmentBooking.cancel(db, { applicationId: ktp, user: people.citizen, now });
		expect((await appointmentDay.dayList(db, { ...day, officeId: 'disdukcapil' })).rows).toEqual([]);
	});

	it('never sets a capacity below what is booked', async () => {
		const target = await slot(3);
		for (let i = 0; i < 2; i++) {
			await appointmentBooking.book(db, { applicationId: await application(people.citizen), slotId: target.id, user: people.citizen, now });
		}
		const below = await slots.setCapacity(db, { slotId: target.id, capacity: '1' });
		expect(below).toEqual({ ok: false, reason: 'below_booked', booked: 2 });
		expect(!below.ok && slots.capacityErrors(below)).toEqual({
			capacity: 'Sudah 2 orang memesan jam ini. Kapasitas tidak bisa kurang dari 2.'
		});
		expect((await slotRow(target.id)).capacity).toBe(3);
		expect(await slots.setCapacity(db, { slotId: target.id, capacity: '2' })).toMatchObject({
			ok: true,
			slot: { capacity: 2, booked: 2 }
		});
		// now full: nobody else gets in
		expect(
			await appointmentBooking.book(db, { applicationId: await application(people.citizen), slotId: target.id, user: people.citizen, now })
		).toEqual({ ok: false, reason: 'full' });
		expect(await slots.setCapacity(db, { slotId: target.id, capacity: '-1' })).toMatchObject({ ok: false, reason: 'invalid' });
		const gone = await slots.setCapacity(db, { slotId: crypto.randomUUID(), capacity: '4' });
		expect(gone).toEqual({ ok: false, reason: 'slot_gone' });
		expect(!gone.ok && slots.capacityErrors(gone)).toEqual({ form: 'Jadwal itu tidak ditemukan.' });
	});

	it('creates slots on working days only, and the same plan twice creates nothing new', async () => {
		const plan = {
			locationId: 'kec-cempaka',
			from: '2026-12-21',
			to: '2026-12-31',
			times: '08:00, 9.00',
			capacity: '4'
		};
		const result = await slots.createSlotsForRange(db, plan);
		// 24 Dec cuti bersama, 25 Dec Natal, 26–27 a weekend
		expect(result).toEqual({
			ok: true,
			created: 14,
			dates: ['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'],
			beyondKnownCalendar: false
		});
		expect(await slots.createSlotsForRange(db, plan)).toMatchObject({ ok: true, created: 0 });
		const open = await slots.openSlots(db, { locationId: 'kec-cempaka', fromDate: '2026-12-21', days: 2, now });
		expect(open.map((s) => [s.date, s.startTime, s.free])).toEqual([
			['2026-12-21', '08:00', 4],
			['2026-12-21', '09:00', 4],
			['2026-12-22', '08:00', 4],
			['2026-12-22', '09:00', 4]
		]);

		expect(await slots.createSlotsForRange(db, { ...plan, to: '2026-12-20', times: '8 pagi', capacity: '0' })).toEqual({
			ok: false,
			errors: {
				to: 'Tanggal akhir tidak boleh sebelum tanggal mulai.',
				times: 'Tulis jam mulai seperti 08:00, 09:00, 13:00 (dipisah koma).',
				capacity: 'Kapasitas harus angka bulat 1 sampai 500.'
			}
		});
		expect(await slots.createSlotsForRange(db, { ...plan, locationId: 'bulan' })).toEqual({
			ok: false,
			errors: { locationId: 'Pilih lokasi dari daftar.' }
		});
		expect(
			await slots.createSlotsForRange(db, { ...plan, from: '2027-01-04', to: '2027-01-05' })
		).toMatchObject({ ok: true, created: 4, beyondKnownCalendar: true });
	});
});

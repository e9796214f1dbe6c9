/**
 * Reference data and demo accounts.
 *
 * Reference data (offices, the service catalogue, the holiday calendar) is inserted when missing and never
 * overwrites a row: once seeded, admins own it. The one exception is a service's or office's English
 * (`translations`, from domain/catalogue-en.ts): a row that has none yet (a database seeded before there was
 * English) gets it, and nothing else on the row changes. Demo accounts exist only in local databases: the caller
 * decides, and `npm run db:migrate` against Turso never asks for them.
 */
import { offices as officeDefinitions, services as serviceDefinitions } from '../../domain/catalogue';
import { officesEn, servicesEn } from '../../domain/catalogue-en';
import type { OfficeTranslations, ServiceTranslations } from '../../domain/service';
import { calendarFrom, holidays2026 } from '../../domain/holidays';
import { appointmentLocations as locationDefinitions, defaultSlotCapacity, defaultSlotTimes, nextWorkingDates } from '../../domain/locations';
import { normalizePhone } from '../../domain/phone';
import type { Role } from '../../domain/roles';
import { witaDateKey } from '../../domain/working-time';
import { hashPassword } from '../auth/password';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from './open';
import { appointmentLocations, appointmentSlots, holidays, offices, services, users } from './schema';

export async function seedReferenceData(db: Database, now = new Date()) {
	await db
		.insert(offices)
		.values(
			officeDefinitions.map((o) => ({
				id: o.id,
				name: o.name,
				shortName: o.shortName,
				address: o.address,
				documentNumber: o.documentNumber,
				translations: officeTranslations(o.id)
			}))
		)
		.onConflictDoNothing();
	await db
		.insert(services)
		.values(
			serviceDefinitions.map((s) => ({
				slug: s.slug,
				officeId: s.office,
				name: s.name,
				summary: s.summary,
				description: s.description,
				steps: [...s.steps],
				documents: [...s.documents],
				standard: s.standard,
				slaValue: s.sla.value,
				slaUnit: s.sla.unit,
				inPerson: s.inPerson,
				rank: s.rank,
				externalLink: s.externalLink ?? null,
				issued: s.issued ?? null,
				consentBy: s.consentBy ?? 'resident',
				translations: serviceTranslations(s.slug),
				updatedAt: now
			}))
		)
		.onConflictDoNothing();
	await fillMissingTranslations(db);
	await db
		.insert(holidays)
		.values(holidays2026.map((h) => ({ date: h.date, name: h.name, kind: h.kind })))
		.onConflictDoNothing();
	await db
		.insert(appointmentLocations)
		.values(locationDefinitions.map((l) => ({ id: l.id, name: l.name, address: l.address })))
		.onConflictDoNothing();
}

const serviceTranslations = (slug: string): ServiceTranslations | null =>
	servicesEn[slug] ? { en: servicesEn[slug] } : null;

const officeTranslations = (id: keyof typeof officesEn): OfficeTranslations | null =>
	officesEn[id] ? { en: officesEn[id] } : null;

/**
 * English for the seeded services and offices whose rows have none (`translations` NULL): an existing
 * database gets the catalogue's English without losing an admin's edits. Rows that have translations are
 * left alone.
 */
async function fillMissingTranslations(db: Database) {
	const [servicesWithout, officesWithout] = await Promise.all([
		db.select({ slug: services.slug }).from(services).where(isNull(services.translations)),
		db.select({ id: offices.id }).from(offices).where(isNull(offices.translations))
	]);
	for (const { slug } of servicesWithout) {
		const translations = serviceTranslations(slug);
		if (!translations) continue;
		await db
			.update(services)
			.set({ translations })
			.where(and(eq(services.slug, slug), isNull(services.translations)));
	}
	for (const { id } of officesWithout) {
		const translations = id in officesEn ? officeTranslations(id) : null;
		if (!translations) continue;
		await db
			.update(offices)
			.set({ translations })
			.where(and(eq(offices.id, id), isNull(offices.translations)));
	}
}

/** The demo accounts the README lists: one per role, two officers (one per office). */
export const demoAccounts: readonly {
	name: string;
	phone: string;
	password: string;
	role: Role;
	officeId?: 'disdukcapil' | 'dpmptsp';
}[] = [
	{ name: 'Siti Warga', phone: '0812-0000-0001', password: 'demo-warga-2026', role: 'citizen' },
	{ name: 'Rudi Relawan', phone: '0812-0000-0002', password: 'demo-relawan-2026', role: 'volunteer' },
	{
		name: 'Dewi Petugas Disdukcapil',
		phone: '0812-0000-0003',
		password: 'demo-petugas-2026',
		role: 'officer',
		officeId: 'disdukcapil'
	},
	{
		name: 'Bayu Petugas DPMPTSP',
		phone: '0812-0000-0004',
		password: 'demo-perizinan-2026',
		role: 'officer',
		officeId: 'dpmptsp'
	},
	{ name: 'Admin Kota', phone: '0812-0000-0005', password: 'demo-admin-2026', role: 'admin' }
];

export async function seedDemoAccounts(db: Database) {
	for (const account of demoAccounts) {
		const phone = normalizePhone(account.phone);
		if (!phone) throw new Error(`demo phone ${account.phone} is not valid`);
		await db
			.insert(users)
			.values({
				id: crypto.randomUUID(),
				name: account.name,
				phone,
				passwordHash: await hashPassword(account.password),
				role: account.role,
				officeId: account.officeId ?? null
			})
			.onConflictDoNothing();
	}
	await seedDemoSlots(db, witaDateKey(new Date()), 14);
}

/**
 * Demo slots: the default day (every start time, default capacity) at every location for the next `days`
 * working days from `fromDate` (WITA), skipping the holidays in the database. Existing slots are left alone.
 */
export async function seedDemoSlots(db: Database, fromDate: string, days: number) {
	const calendar = calendarFrom(await db.select({ date: holidays.date }).from(holidays));
	const dates = nextWorkingDates(fromDate, days, calendar);
	const rows = locationDefinitions.flatMap((location) =>
		dates.flatMap((date) =>
			defaultSlotTimes.map((startTime) => ({
				id: crypto.randomUUID(),
				locationId: location.id,
				date,
				startTime,
				capacity: defaultSlotCapacity
			}))
		)
	);
	if (rows.length > 0) await db.insert(appointmentSlots).values(rows).onConflictDoNothing();
}

/**
 * The service catalogue as stored (admins edit it): lists for the public pages, one service by slug, and
 * the admin's list and edit. Seeded from domain/catalogue.ts once; from then on the database is the truth.
 */
import { withStableIds } from '$lib/domain/requirements';
import { and, asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { services as definitions } from '$lib/domain/catalogue';
import { journey } from '$lib/domain/journey';
import type { SlaUnit } from '$lib/domain/service';
import type { Database } from './db/open';
import { offices, services, type ServiceRow } from './db/schema';

/**
 * A stored service's journey (domain/journey.ts), for oneself or (field mode) for a resident. Who must
 * consent has no column yet: it is read from the catalogue's definition of the same service.
 */
export function journeyOf(service: Pick<ServiceRow, 'slug' | 'steps' | 'documents'>, forResident: boolean) {
	const consentBy = definitions.find((d) => d.slug === service.slug)?.consentBy;
	return journey({ steps: service.steps, documents: service.documents, consentBy }, { forResident });
}

export function listActive(db: Database) {
	return db
		.select({
			slug: services.slug,
			name: services.name,
			summary: services.summary,
			office: offices.shortName,
			officeId: services.officeId,
			inPerson: services.inPerson
		})
		.from(services)
		.innerJoin(offices, eq(offices.id, services.officeId))
		.where(eq(services.active, true))
		.orderBy(asc(services.rank), asc(services.name));
}

export async function findActive(db: Database, slug: string) {
	const [row] = await activeServiceQuery(db, slug);
	return row ?? null;
}

/** findActive's query, for a page that batches it with its other reads (one round trip). */
export function activeServiceQuery(db: Database, slug: string) {
	return db
		.select({ service: services, office: offices })
		.from(services)
		.innerJoin(offices, eq(offices.id, services.officeId))
		.where(and(eq(services.slug, slug), eq(services.active, true)));
}

// --- admin: every service, active or not, and editing one ----------------------------------------------------

/** Every service with its office, SLA and whether citizens see it, for the admin's list. */
export function listAll(db: Database) {
	return db
		.select({
			slug: services.slug,
			name: services.name,
			office: offices.shortName,
			slaValue: services.slaValue,
			slaUnit: services.slaUnit,
			inPerson: services.inPerson,
			active: services.active
		})
		.from(services)
		.innerJoin(offices, eq(offices.id, services.officeId))
		.orderBy(asc(services.rank), asc(services.name));
}

/** One service by slug, active or not (admins edit inactive ones too). */
export async function find(db: Database, slug: string) {
	const [row] = await db
		.select({ service: services, office: offices })
		.from(services)
		.innerJoin(offices, eq(offices.id, services.officeId))
		.where(eq(services.slug, slug));
	return row ?? null;
}

const slaUnitWord: Record<SlaUnit, string> = { days: 'hari kerja', hours: 'jam kerja' };

/** "3 hari kerja", "4 jam kerja": how the standard's texts name an SLA. */
export function slaPhrase(sla: { value: number; unit: SlaUnit }): string {
	return `${sla.value} ${slaUnitWord[sla.unit]}`;
}

/** A textarea with one item per line, as a list without blank lines. */
const lines = (what: string) =>
	v.pipe(
		v.string(`Isi ${what}.`),
		v.transform((text) =>
			text
				.split(/\r?\n/)
				.map((line) => line.trim())
				.filter(Boolean)
		),
		v.minLength(1, `Isi ${what}, satu per baris.`),
		v.maxLength(30, `Paling banyak 30 baris ${what}.`),
		v.check((items) => items.every((item) => item.length <= 500), `Satu baris ${what} paling banyak 500 huruf.`)
	);

const requiredText = (message: string, maxLength: number) =>
	v.pipe(
		v.string(message),
		v.trim(),
		v.nonEmpty(message),
		v.maxLength(maxLength, `Paling banyak ${maxLength} huruf.`)
	);

/**
 * The admin's service form. The six public components of the Standar Pelayanan stay filled in, the
 * complaints text keeps naming SP4N-LAPOR! (the national channel every standard must name), and a
 * population document stays free (UU 24/2013 Pasal 79A): the same invariants the seed catalogue is tested for.
 */
export const serviceFormSchema = v.object({
	name: requiredText('Isi nama layanan.', 120),
	summary: requiredText('Isi ringkasan satu kalimat.', 300),
	description: requiredText('Isi penjelasan layanan.', 2000),
	requirements: lines('persyaratan'),
	procedure: lines('langkah'),
	time: requiredText('Isi jangka waktu penyelesaian.', 500),
	fee: requiredText('Isi biaya. Tulis "Gratis" jika tidak ada biaya.', 300),
	feeBasis: v.pipe(v.string(), v.trim(), v.maxLength(500, 'Paling banyak 500 huruf.')),
	product: requiredText('Isi hasil layanan.', 500),
	complaints: v.pipe(
		requiredText('Isi cara menyampaikan pengaduan.', 1000),
		v.includes('SP4N-LAPOR!', 'Sebutkan SP4N-LAPOR! (lapor.go.id, SMS 1708) sebagai saluran pengaduan.')
	),
	slaValue: v.pipe(
		v.string('Isi lama waktu layanan.'),
		v.trim(),
		v.nonEmpty('Isi lama waktu layanan.'),
		v.regex(/^\d{1,3}$/, 'Tulis lama waktu layanan sebagai angka bulat, misalnya 3.'),
		v.transform(Number),
		v.minValue(1, 'Lama waktu layanan paling sedikit 1.'),
		v.maxValue(365, 'Lama waktu layanan paling banyak 365.')
	),
	slaUnit: v.picklist(['days', 'hours'] as const satisfies readonly SlaUnit[], 'Pilih satuan: hari kerja atau jam kerja.'),
	inPerson: v.boolean(),
	active: v.boolean()
});

export type ServiceForm = v.InferOutput<typeof serviceFormSchema>;

export type UpdateResult =
	| { ok: true; name: string }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'invalid'; errors: Record<string, string> };

/**
 * Saves an admin's edit of a service. A new SLA applies to applications submitted from now on; promises
 * already made keep their due time.
 *
 * The time sentence and the procedure name the SLA ("paling lama 3 hari kerja"). When the admin changes
 * the SLA but leaves such a text exactly as it was, the number in it follows the SLA, so the public page
 * cannot promise one thing in the text and another in the clock; a time sentence the admin rewrote must
 * name the new SLA itself, or the form says so.
 */
export async function update(db: Database, slug: string, input: ServiceForm, now = new Date()): Promise<UpdateResult> {
	const found = await find(db, slug);
	if (!found) return { ok: false, reason: 'not_found' };
	const { service, office } = found;

	const before = slaPhrase({ value: service.slaValue, unit: service.slaUnit });
	const after = slaPhrase({ value: input.slaValue, unit: input.slaUnit });
	const follow = (text: string, stored: string | undefined) =>
		before !== after && text === stored ? text.replace(phrasePattern(before), after) : text;
	const time = follow(input.time, service.standard.time);
	const procedure = input.procedure.map((line, i) => follow(line, service.standard.procedure[i]));

	const errors: Record<string, string> = {};
	if (!phrasePattern(after).test(time)) {
		errors.time = `Jangka waktu harus menyebut waktu layanan yang sama: ${after}.`;
	}
	if (office.id === 'disdukcapil' && input.fee !== 'Gratis') {
		errors.fee = 'Dokumen kependudukan gratis menurut UU No. 24 Tahun 2013 Pasal 79A. Tulis "Gratis".';
	}
	if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };

	await db
		.update(services)
		.set({
			name: input.name,
			summary: input.summary,
			description: input.description,
			standard: {
				// ids follow the texts they belong to, so old checklist ticks stay on their own items
				requirements: withStableIds(service.standard.requirements, input.requirements),
				procedure,
				time,
				fee: input.fee,
				...(input.feeBasis ? { feeBasis: input.feeBasis } : {}),
				product: input.product,
				complaints: input.complaints
			},
			slaValue: input.slaValue,
			slaUnit: input.slaUnit,
			inPerson: input.inPerson,
			active: input.active,
			updatedAt: now
		})
		.where(eq(services.slug, slug));
	return { ok: true, name: input.name };
}

/** The phrase as a whole word group: "3 hari kerja" must not match inside "13 hari kerja". */
function phrasePattern(phrase: string): RegExp {
	return new RegExp(`(?<!\\d)${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

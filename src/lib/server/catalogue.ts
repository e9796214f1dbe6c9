/**
 * The service catalogue as stored (admins edit it): lists for the public pages, one service by slug, and
 * the admin's list and edit. Seeded from domain/catalogue.ts once; from then on the database is the truth.
 */
import { withStableIds } from '$lib/domain/requirements';
import { and, asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { journey } from '$lib/domain/journey';
import { DOCUMENT_TITLE_MAX_LENGTH, holderFields, printableFields } from '$lib/domain/issued-document';
import type { ConsentBy, IssuedDocument, ServiceStandard, ServiceTranslation, ServiceTranslations, SlaUnit } from '$lib/domain/service';
import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import type { Database } from './db/open';
import { offices, services, type ServiceRow } from './db/schema';

/** A stored service's journey (domain/journey.ts), for oneself or (field mode) for a resident. */
export function journeyOf(service: Pick<ServiceRow, 'steps' | 'documents' | 'consentBy'>, forResident: boolean) {
	return journey({ steps: service.steps, documents: service.documents, consentBy: service.consentBy }, { forResident });
}

export function listActive(db: Database) {
	return db
		.select({
			slug: services.slug,
			name: services.name,
			summary: services.summary,
			office: offices.shortName,
			officeId: services.officeId,
			inPerson: services.inPerson,
			// the page localizes the row (domain/service-language.ts)
			translations: services.translations
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

/**
 * "3 hari kerja", "4 jam kerja" ("3 working days" in English): how the standard's texts name an SLA, in the
 * reader's language (the stored texts are Indonesian: `update` matches them with `locale` 'id').
 */
export function slaPhrase(sla: { value: number; unit: SlaUnit }, locale?: Locale): string {
	const options = locale ? { locale } : undefined;
	const inputs = { value: sla.value };
	if (sla.unit === 'hours') return sla.value === 1 ? m.services_sla_hour_one(inputs, options) : m.services_sla_hours(inputs, options);
	return sla.value === 1 ? m.services_sla_day_one(inputs, options) : m.services_sla_days(inputs, options);
}

/** A stored service as the admin's edit form shows it (and as the form, unchanged, sends it back). */
export function serviceFormValues(service: ServiceRow) {
	return {
		name: service.name,
		summary: service.summary,
		description: service.description,
		requirements: service.standard.requirements.map((r) => r.text).join('\n'),
		procedure: service.standard.procedure.join('\n'),
		time: service.standard.time,
		fee: service.standard.fee,
		feeBasis: service.standard.feeBasis ?? '',
		product: service.standard.product,
		complaints: service.standard.complaints,
		slaValue: String(service.slaValue),
		slaUnit: service.slaUnit as string,
		inPerson: service.inPerson,
		active: service.active,
		consentBy: service.consentBy as string,
		issuedTitle: service.issued?.title ?? '',
		issuedHolder: service.issued?.holder ?? '',
		issuedShows: [...(service.issued?.shows ?? [])]
	};
}

/** A textarea with one item per line, as a list without blank lines. */
const lines = (what: () => string) =>
	v.pipe(
		v.string(() => m.services_lines_missing({ what: what() })),
		v.transform((text) =>
			text
				.split(/\r?\n/)
				.map((line) => line.trim())
				.filter(Boolean)
		),
		v.minLength(1, () => m.services_lines_one_per_line({ what: what() })),
		v.maxLength(30, () => m.services_lines_too_many({ max: 30, what: what() })),
		v.check(
			(items) => items.every((item) => item.length <= 500),
			() => m.services_lines_too_long({ max: 500, what: what() })
		)
	);

const requiredText = (message: () => string, maxLength: number) =>
	v.pipe(
		v.string(message),
		v.trim(),
		v.nonEmpty(message),
		v.maxLength(maxLength, () => m.services_max_length({ max: maxLength }))
	);

/**
 * The admin's service form. The six public components of the Standar Pelayanan stay filled in, the
 * complaints text keeps naming SP4N-LAPOR! (the national channel every standard must name), and a
 * population document stays free (UU 24/2013 Pasal 79A): the same invariants the seed catalogue is tested for.
 */
export const serviceFormSchema = v.object({
	name: requiredText(() => m.services_name_required(), 120),
	summary: requiredText(() => m.services_summary_required(), 300),
	description: requiredText(() => m.services_description_required(), 2000),
	requirements: lines(() => m.services_lines_requirements()),
	procedure: lines(() => m.services_lines_procedure()),
	time: requiredText(() => m.services_time_required(), 500),
	fee: requiredText(() => m.services_fee_required(), 300),
	feeBasis: v.pipe(v.string(), v.trim(), v.maxLength(500, () => m.services_max_length({ max: 500 }))),
	product: requiredText(() => m.services_product_required(), 500),
	complaints: v.pipe(
		requiredText(() => m.services_complaints_required(), 1000),
		v.includes('SP4N-LAPOR!', () => m.services_complaints_lapor())
	),
	slaValue: v.pipe(
		v.string(() => m.services_sla_required()),
		v.trim(),
		v.nonEmpty(() => m.services_sla_required()),
		v.regex(/^\d{1,3}$/, () => m.services_sla_whole_number()),
		v.transform(Number),
		v.minValue(1, () => m.services_sla_min({ min: 1 })),
		v.maxValue(365, () => m.services_sla_max({ max: 365 }))
	),
	slaUnit: v.picklist(['days', 'hours'] as const satisfies readonly SlaUnit[], () => m.services_sla_unit()),
	inPerson: v.boolean(),
	active: v.boolean(),
	consentBy: v.picklist(['resident', 'parent'] as const satisfies readonly ConsentBy[], () => m.admin_service_consent_by_required()),
	// what its issued document shows; checked against the service's own fields in `update`
	issuedTitle: v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(DOCUMENT_TITLE_MAX_LENGTH, () => m.services_max_length({ max: DOCUMENT_TITLE_MAX_LENGTH }))
	),
	issuedHolder: v.pipe(v.string(() => m.admin_service_issued_unknown_field()), v.trim()),
	issuedShows: v.pipe(
		v.array(v.string(), () => m.admin_service_issued_unknown_field()),
		v.maxLength(50, () => m.admin_service_issued_unknown_field())
	)
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
 *
 * The admin edits the Indonesian. Its English (`translations`) follows: a text the admin changed loses its
 * English, so the English page shows the new Indonesian rather than an old translation; a text whose SLA
 * followed the new SLA has the SLA in its English follow too.
 *
 * What the issued document shows names the service's own printable fields (domain/issued-document.ts); a
 * document already issued keeps what it showed, stored with its result.
 */
export async function update(db: Database, slug: string, input: ServiceForm, now = new Date()): Promise<UpdateResult> {
	const found = await find(db, slug);
	if (!found) return { ok: false, reason: 'not_found' };
	const { service, office } = found;

	const oldSla = { value: service.slaValue, unit: service.slaUnit };
	const newSla = { value: input.slaValue, unit: input.slaUnit };
	// the stored texts are Indonesian, whatever the admin's language
	const before = slaPhrase(oldSla, 'id');
	const after = slaPhrase(newSla, 'id');
	const follow = (text: string, stored: string | undefined) =>
		before !== after && text === stored ? text.replace(phrasePattern(before), after) : text;
	const time = follow(input.time, service.standard.time);
	const procedure = input.procedure.map((line, i) => follow(line, service.standard.procedure[i]));

	const errors: Record<string, string> = {};
	if (!phrasePattern(after).test(time)) {
		errors.time = m.services_time_names_sla({ sla: after });
	}
	if (office.id === 'disdukcapil' && input.fee !== 'Gratis') {
		errors.fee = m.services_population_free();
	}
	const printable = new Set(printableFields(service.steps).map((f) => f.key));
	if (!input.issuedShows.every((key) => printable.has(key))) {
		errors.issuedShows = m.admin_service_issued_unknown_field();
	}
	if (input.issuedHolder && !holderFields(service.steps).some((f) => f.key === input.issuedHolder)) {
		errors.issuedHolder = m.admin_service_issued_unknown_field();
	}
	if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', errors };
	const issued = issuedOf(input);

	const requirements = withStableIds(service.standard.requirements, input.requirements);
	const standard: ServiceStandard = {
		// ids follow the texts they belong to, so old checklist ticks stay on their own items
		requirements,
		procedure,
		time,
		fee: input.fee,
		...(input.feeBasis ? { feeBasis: input.feeBasis } : {}),
		product: input.product,
		complaints: input.complaints
	};
	const translations = followTranslations(
		service,
		{ name: input.name, summary: input.summary, description: input.description, standard },
		{ id: { before, after }, en: { before: slaPhrase(oldSla, 'en'), after: slaPhrase(newSla, 'en') } }
	);

	await db
		.update(services)
		.set({
			name: input.name,
			summary: input.summary,
			description: input.description,
			standard,
			translations,
			slaValue: input.slaValue,
			slaUnit: input.slaUnit,
			inPerson: input.inPerson,
			active: input.active,
			consentBy: input.consentBy,
			issued,
			updatedAt: now
		})
		.where(eq(services.slug, slug));
	return { ok: true, name: input.name };
}

/** What the issued document shows, from the form; null when the admin set nothing (the applicant's name only). */
function issuedOf(input: Pick<ServiceForm, 'issuedTitle' | 'issuedHolder' | 'issuedShows'>): IssuedDocument | null {
	const shows = [...new Set(input.issuedShows)];
	if (!input.issuedTitle && !input.issuedHolder && shows.length === 0) return null;
	return {
		...(input.issuedTitle ? { title: input.issuedTitle } : {}),
		...(input.issuedHolder ? { holder: input.issuedHolder } : {}),
		shows
	};
}

/** The phrase as a whole word group: "3 hari kerja" must not match inside "13 hari kerja". */
function phrasePattern(phrase: string): RegExp {
	return new RegExp(`(?<!\\d)${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

type Texts = { name: string; summary: string; description: string; standard: ServiceStandard };

/** An SLA change in both languages: the Indonesian phrases the stored texts name, and their English. */
interface SlaChange {
	id: { before: string; after: string };
	en: { before: string; after: string };
}

/**
 * The English after an admin's edit: kept where the Indonesian stayed, dropped where it changed (the page
 * then shows the Indonesian), and where a text changed only because its SLA followed the new SLA, the same
 * change made in its English (dropped when the English does not name the old SLA).
 */
function followTranslations(stored: Texts & { translations: ServiceTranslations | null }, edited: Texts, sla: SlaChange) {
	const en = stored.translations?.en;
	if (!stored.translations || !en) return stored.translations;
	const keep = (english: string | undefined, old: string | undefined, now: string | undefined) =>
		old === now ? english : undefined;
	const follow = (english: string | undefined, old: string | undefined, now: string) => {
		if (english === undefined || old === now) return english;
		const onlySla =
			old !== undefined && sla.id.before !== sla.id.after && old.replace(phrasePattern(sla.id.before), sla.id.after) === now;
		return onlySla && phrasePattern(sla.en.before).test(english)
			? english.replace(phrasePattern(sla.en.before), sla.en.after)
			: undefined;
	};
	const s = stored.standard;
	const e = edited.standard;
	const oldRequirements = new Map(s.requirements.map((r) => [r.id, r.text]));
	const requirements: Record<string, string> = {};
	for (const r of e.requirements) {
		const english = en.standard?.requirements?.[r.id];
		if (english !== undefined && oldRequirements.get(r.id) === r.text) requirements[r.id] = english;
	}
	// undefined texts are left out when the JSON is written: the page shows their Indonesian
	const next: ServiceTranslation = {
		...en,
		name: keep(en.name, stored.name, edited.name),
		summary: keep(en.summary, stored.summary, edited.summary),
		description: keep(en.description, stored.description, edited.description),
		standard: {
			...en.standard,
			requirements,
			// line by line: '' where a line has no English
			procedure: e.procedure.map((line, i) => follow(en.standard?.procedure?.[i], s.procedure[i], line) ?? ''),
			time: follow(en.standard?.time, s.time, e.time),
			fee: keep(en.standard?.fee, s.fee, e.fee),
			feeBasis: keep(en.standard?.feeBasis, s.feeBasis, e.feeBasis),
			product: keep(en.standard?.product, s.product, e.product),
			complaints: keep(en.standard?.complaints, s.complaints, e.complaints)
		}
	};
	return { ...stored.translations, en: next };
}

/**
 * A journey is the path through a service's guided application. It is the same on both ways of applying
 * (the server form at `/ajukan/<slug>/<id>/<page>`, which needs no JavaScript, and the phone-side form at
 * `/formulir/<slug>?hal=<page>`, which works offline): both only read it.
 *
 * Pages, in order, named in the URL by their slug:
 * - `warga`: only when a volunteer applies for a resident (field mode): who the resident is and how they
 *   agreed (domain/resident.ts). It comes first, and no other page opens until it is complete;
 * - `langkah-N`: one page per step of fields (one topic each);
 * - `dokumen-N`: one page per document to upload;
 * - `periksa`: "Periksa jawaban" (check your answers), then submit.
 *
 * It decides, and nothing else does: which page comes next and before (changing an answer from the check
 * page returns to it), how far along a page is, the check page's summary, the page an error belongs to,
 * and who applies (the fields that name the applicant are filled from the account, or in field mode from
 * the resident, in which case they are not asked a second time). In field mode fields read for the
 * resident ("NIK warga", not "NIK Anda"): their `forResident` wording.
 */
import { displayAnswer } from './answers';
import type { Answers, FieldErrors } from './fields';
import { formatPhone } from './phone';
import { consentText, residentComplete, residentWording, type Resident } from './resident';
import type { ConsentBy, DocumentRequirement, FieldDefinition, StepDefinition } from './service';
import { m } from '../paraglide/messages.js';

export type JourneyPage =
	| { kind: 'resident'; slug: 'warga' }
	| { kind: 'fields'; slug: string; step: StepDefinition }
	| { kind: 'document'; slug: string; document: DocumentRequirement }
	| { kind: 'check'; slug: 'periksa' };

/** What a journey needs of a service: the catalogue's definition and the stored row both have it. */
export interface JourneyService {
	steps: readonly StepDefinition[];
	documents: readonly DocumentRequirement[];
	consentBy?: ConsentBy;
}

/** Who applies, as far as the form is concerned: a name and a phone number (+628… or as typed). */
export interface Applicant {
	name: string;
	phone: string;
}

export const journeyWording = {
	documentMissing: (label: string) => m.journey_document_missing({ label }),
	progress: (current: number, total: number) => m.journey_progress({ current, total })
} as const;

export interface CheckSection {
	title: string;
	/** The page where these answers are changed. */
	page: string;
	rows: { label: string; value: string }[];
}

export interface Problem {
	message: string;
	page: string;
}

export interface Journey {
	/** Applying for a resident (field mode). */
	forResident: boolean;
	consentBy: ConsentBy;
	pages: JourneyPage[];
	/** The steps as asked on this journey (worded for the resident in field mode; applicant fields left out). */
	steps: StepDefinition[];
	find(slug: string): JourneyPage | undefined;
	/** The page to show when `slug` is asked for: the resident page first while it is not complete. */
	entry(slug: string, resident: Resident | null | undefined): JourneyPage | undefined;
	/** Where to go once `slug` is saved; `changing` an answer from the check page goes back to it. */
	next(slug: string, changing?: boolean): JourneyPage;
	/** The page before, or undefined on the first page (the route then leads out of the form). */
	back(slug: string, changing?: boolean): JourneyPage | undefined;
	progress(slug: string): { current: number; total: number; text: string };
	pageOfField(key: string): JourneyPage;
	pageOfDocument(key: string): JourneyPage;
	/** Errors found at submit (by field key, `resident…`, or `dokumen-<key>`) and missing documents, each with its page. */
	problems(errors: FieldErrors, missingDocuments?: readonly string[]): Problem[];
	/** The check page: the resident (field mode), then each step's answers as people read them. */
	summary(answers: Answers, resident?: Resident | null): CheckSection[];
	/** The check page's documents, each with its page; the route says whether it is there. */
	documentList(): { key: string; label: string; required: boolean; page: string }[];
	/**
	 * The answers with who applies filled in, to be saved like typed ones: from the account where still
	 * empty, or (field mode) always from the resident. Phone numbers as people write them (`0812-…`).
	 */
	prefill(answers: Answers, applicant: Applicant): Answers;
	/** The answers as submitted: in field mode the applicant fields are the resident's. */
	answersToSubmit(answers: Answers, resident?: Resident | null): Answers;
}

const applicantFields = (steps: readonly StepDefinition[]) => steps.flatMap((s) => s.fields.filter((f) => f.applicant));

function wordedForResident(field: FieldDefinition): FieldDefinition {
	if (!field.forResident) return field;
	return { ...field, label: field.forResident.label ?? field.label, help: field.forResident.help ?? field.help };
}

export function journey(service: JourneyService, options: { forResident?: boolean } = {}): Journey {
	const forResident = !!options.forResident;
	const consentBy = service.consentBy ?? 'resident';
	const steps = forResident
		? service.steps
				.map((step) => ({
					...step,
					title: step.forResident?.title ?? step.title,
					fields: step.fields.filter((f) => !f.applicant).map(wordedForResident)
				}))
				.filter((step) => step.fields.length > 0)
		: [...service.steps];
	const pages: JourneyPage[] = [
		...(forResident ? [{ kind: 'resident' as const, slug: 'warga' as const }] : []),
		...steps.map((step, i) => ({ kind: 'fields' as const, slug: `langkah-${i + 1}`, step })),
		...service.documents.map((document, i) => ({ kind: 'document' as const, slug: `dokumen-${i + 1}`, document })),
		{ kind: 'check', slug: 'periksa' }
	];
	const check = pages[pages.length - 1]!;
	const first = pages[0]!;
	const indexOf = (slug: string) => pages.findIndex((p) => p.slug === slug);
	const find = (slug: string) => pages.find((p) => p.slug === slug);

	const pageOfField = (key: string): JourneyPage =>
		pages.find((p) => p.kind === 'fields' && p.step.fields.some((f) => f.key === key)) ??
		// in field mode the applicant's name and phone are the resident's: they are changed there
		(forResident && applicantFields(service.steps).some((f) => f.key === key) ? first : (pages.find((p) => p.kind === 'fields') ?? first));
	const pageOfDocument = (key: string): JourneyPage =>
		pages.find((p) => p.kind === 'document' && p.document.key === key) ?? check;

	return {
		forResident,
		consentBy,
		pages,
		steps,
		find,
		entry(slug, resident) {
			const page = find(slug);
			if (!page) return undefined;
			return forResident && !residentComplete(resident) ? first : page;
		},
		next(slug, changing = false) {
			if (changing) return check;
			const i = indexOf(slug);
			return (i >= 0 ? pages[i + 1] : undefined) ?? check;
		},
		back(slug, changing = false) {
			if (changing && slug !== check.slug) return check;
			const i = indexOf(slug);
			return i > 0 ? pages[i - 1] : undefined;
		},
		progress(slug) {
			const current = Math.max(indexOf(slug), 0) + 1;
			return { current, total: pages.length, text: journeyWording.progress(current, pages.length) };
		},
		pageOfField,
		pageOfDocument,
		problems(errors, missingDocuments = []) {
			const documentLabel = (key: string) => service.documents.find((d) => d.key === key)?.label ?? key;
			return [
				...Object.entries(errors).map(([key, message]) => ({
					message,
					page: key === 'resident' || key.startsWith('resident.')
						? first.slug
						: key.startsWith('dokumen-')
							? pageOfDocument(key.slice('dokumen-'.length)).slug
							: pageOfField(key).slug
				})),
				...missingDocuments.map((key) => ({
					message: journeyWording.documentMissing(documentLabel(key)),
					page: pageOfDocument(key).slug
				}))
			];
		},
		summary(answers, resident) {
			const sections: CheckSection[] = [];
			if (forResident) {
				sections.push({
					title: residentWording.checkTitle,
					page: first.slug,
					rows: [
						{ label: residentWording.name, value: resident?.name || '–' },
						{ label: residentWording.phone, value: resident?.phone ? formatPhone(resident.phone) : '–' },
						{ label: residentWording.consent, value: resident?.consent ? consentText(resident.consent) : '–' }
					]
				});
			}
			for (const page of pages) {
				if (page.kind !== 'fields') continue;
				sections.push({
					title: page.step.section ?? page.step.title,
					page: page.slug,
					rows: page.step.fields.map((f) => ({ label: f.label, value: displayAnswer(f, answers[f.key]) }))
				});
			}
			return sections;
		},
		documentList() {
			return pages.flatMap((p) =>
				p.kind === 'document' ? [{ key: p.document.key, label: p.document.label, required: p.document.required, page: p.slug }] : []
			);
		},
		prefill(answers, applicant) {
			const filled = { ...answers };
			for (const field of applicantFields(service.steps)) {
				const value = field.applicant === 'phone' ? formatPhone(applicant.phone) : applicant.name;
				if (forResident || !filled[field.key]) filled[field.key] = value;
			}
			return filled;
		},
		answersToSubmit(answers, resident) {
			return forResident && resident ? this.prefill(answers, resident) : answers;
		}
	};
}

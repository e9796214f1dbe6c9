/**
 * A public service as data. Services are records, not code paths: the catalogue file seeds them, an admin
 * edits them later, and the guided application is generated from `steps` and `documents`.
 *
 * The six public components of the Standar Pelayanan (UU 25/2009, PermenPANRB 15/2014) are in `standard`.
 */

export type OfficeId = 'disdukcapil' | 'dpmptsp';

/** How a field's value is checked; each kind has one valibot rule in domain/fields.ts. */
export type FieldKind =
	| 'text' // short free text
	| 'textarea' // longer free text
	| 'nik' // 16-digit NIK, DOMAIN.md rules
	| 'kk' // 16-digit No. KK
	| 'nib' // 13-digit NIB
	| 'phone' // Indonesian phone number, stored +628…
	| 'date' // a past (or today) date, YYYY-MM-DD
	| 'time' // HH:MM
	| 'select' // one of `options`
	| 'kelurahan'; // one of Banjarbaru's 20 kelurahan

export interface FieldDefinition {
	/** Stable key of the answer, e.g. `child_name`. */
	key: string;
	label: string;
	/** Plain-Indonesian help shown under the field. */
	help?: string;
	kind: FieldKind;
	required: boolean;
	options?: readonly { value: string; label: string }[];
	/** Browser autocomplete token, when one fits. */
	autocomplete?: string;
	/**
	 * This field names who applies (domain/journey.ts prefills it from the account, or from the resident a
	 * volunteer applies for; in field mode it is not asked again).
	 */
	applicant?: 'name' | 'phone';
	/** Wording when a volunteer applies for a resident ("NIK warga", not "NIK Anda"). */
	forResident?: { label?: string; help?: string };
	/**
	 * Specific personal data under UU PDP 27/2022 (a child's data): encrypted at rest like NIK and No. KK
	 * (`isSensitiveField` in domain/fields.ts decides, from this flag and the kind).
	 */
	specific?: true;
}

/** One page of the guided form: one topic. */
export interface StepDefinition {
	key: string;
	/** A question ("Siapa Anda?"), in the words of the one who applies for themselves. */
	title: string;
	intro?: string;
	/** The title when a volunteer or an officer applies for a resident ("Apa nomor KK warga?"), where it differs. */
	forResident?: { title?: string };
	/** A short name for the step where answers are summed up (check page, officer's view, Data saya): "Data diri". */
	section?: string;
	fields: readonly FieldDefinition[];
}

export interface DocumentRequirement {
	key: string;
	label: string;
	help?: string;
	required: boolean;
	/** Which paper it is, for the small drawing beside it (domain/pictures.ts); absent: a plain letter. */
	paper?: Paper;
}

/** The papers the app draws, so people see which one to photograph (components/pictures/PaperPicture). */
export type Paper = 'kk' | 'ktp' | 'birth-letter' | 'marriage-book' | 'letter' | 'shopfront';

/** One requirement (Persyaratan), with the id the officer's checklist ticks are stored under. */
export interface Requirement {
	/** Stable for the life of the service: never reused, kept when the admin edits the text. */
	id: string;
	text: string;
	/** Approving needs it ticked (or a written reason); false for lines that only inform. */
	required: boolean;
}

export interface ServiceStandard {
	/** Persyaratan, in plain words. */
	requirements: readonly Requirement[];
	/** Sistem, mekanisme dan prosedur. */
	procedure: readonly string[];
	/** Jangka waktu penyelesaian, as a sentence. */
	time: string;
	/** Biaya/tarif. */
	fee: string;
	/** The law that makes it free, when it is free. */
	feeBasis?: string;
	/** Produk pelayanan. */
	product: string;
	/** Penanganan pengaduan, saran dan masukan (names SP4N-LAPOR!). */
	complaints: string;
}

export type SlaUnit = 'days' | 'hours';

/**
 * What the document a service results in shows: who it is for (an answer naming them, e.g. the child on a
 * birth certificate; the applicant when absent) and which answers are printed on it, in order. The
 * applicant is always named as such when they are not the holder.
 */
export interface IssuedDocument {
	/** The document's title as printed; absent: the service's name. */
	title?: string;
	/** The answer key holding the name of the person the document is for. */
	holder?: string;
	/** Answer keys printed on the document, with their field labels. */
	shows: readonly string[];
}

export interface ServiceDefinition {
	slug: string;
	office: OfficeId;
	name: string;
	/** One sentence for lists. */
	summary: string;
	/** A short paragraph: who it is for and what you get. */
	description: string;
	steps: readonly StepDefinition[];
	documents: readonly DocumentRequirement[];
	standard: ServiceStandard;
	/** SLA in working days or working hours (WITA). */
	sla: { value: number; unit: SlaUnit };
	/** An in-person step (biometric recording) must be booked. */
	inPerson: boolean;
	/** Lower shows first; the home page shows the three lowest. */
	rank: number;
	/** What its result document shows (absent: the applicant's name only). */
	issued?: IssuedDocument;
	/** Optional external link shown on the service page, e.g. OSS for the NIB. */
	externalLink?: { href: string; label: string };
	/**
	 * Who must agree when a volunteer applies for someone: the resident, or (a child's document) a parent.
	 * Absent means the resident.
	 */
	consentBy?: ConsentBy;
}

export type ConsentBy = 'resident' | 'parent';

// ---------------------------------------------------------------------------------------------------------------
// The catalogue in other languages (domain/service-language.ts applies it). An overlay: it gives only what a
// person reads, and anything it leaves out stays Indonesian. Lists of keyed things are keyed by their stable
// key (steps and fields by `key`, options by `value`, requirements by `id`); the procedure goes line by line.

/** One field's wording in another language; options by value (the value itself never changes). */
export interface FieldTranslation {
	label?: string;
	help?: string;
	options?: Readonly<Record<string, string>>;
	forResident?: { label?: string; help?: string };
}

export interface StepTranslation {
	title?: string;
	intro?: string;
	forResident?: { title?: string };
	section?: string;
	fields?: Readonly<Record<string, FieldTranslation>>;
}

export interface DocumentTranslation {
	label?: string;
	help?: string;
}

export interface StandardTranslation {
	/** By requirement id. */
	requirements?: Readonly<Record<string, string>>;
	/** Line by line, in the same order as the Indonesian. */
	procedure?: readonly string[];
	time?: string;
	fee?: string;
	feeBasis?: string;
	product?: string;
	complaints?: string;
}

export interface ServiceTranslation {
	name?: string;
	summary?: string;
	description?: string;
	steps?: Readonly<Record<string, StepTranslation>>;
	documents?: Readonly<Record<string, DocumentTranslation>>;
	standard?: StandardTranslation;
	externalLink?: { label?: string };
}

export interface OfficeTranslation {
	name?: string;
	shortName?: string;
	address?: string;
}

/** What a service record carries beside its Indonesian: `{ en: {...} }`. Indonesian is the record itself. */
export interface ServiceTranslations {
	en?: ServiceTranslation;
}

export interface OfficeTranslations {
	en?: OfficeTranslation;
}

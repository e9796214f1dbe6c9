/**
 * Applying for someone else (field mode): a volunteer records who the resident is and how they agreed,
 * before the service's own pages. One schema, one wording, on every path: the server's resident page
 * (`/ajukan/<slug>/<id>/warga`), the phone's resident step (checked in the browser for quick feedback) and
 * the outbox's `POST /api/permohonan` (the authority for what the phone sends).
 *
 * Who must agree is data on the service (`ServiceDefinition.consentBy`): the resident themselves, or for
 * a child's document (Akta Kelahiran) the child's father or mother. The volunteer's own phone number is
 * refused as the resident's: that would be applying for oneself.
 */
import * as v from 'valibot';
import { formatPhone, normalizePhone } from './phone';
import type { ConsentBy } from './service';
import { formatWita } from './working-time';
import { m } from '../paraglide/messages.js';

export type ConsentHow = 'ticked' | 'spoken';

/** Who the resident is and how they agreed, as a draft holds it (the phone number as +628…). */
export interface Resident {
	name: string;
	phone: string;
	consent: { by: ConsentBy; how: ConsentHow; name: string } | null;
}

/** The resident form's fields, as typed (the same names on the server page and on the phone). */
export interface ResidentInput {
	name: string;
	phone: string;
	how: string;
	parentName: string;
	isParent: string;
}

/** What people read about the resident step: labels, help and errors, in one place. */
export const residentWording = {
	get title() { return m.journey_resident_title(); },
	get intro() { return m.journey_resident_intro(); },
	get checkTitle() { return m.journey_resident_check_title(); },
	get name() { return m.journey_resident_name(); },
	get nameHelp() { return m.journey_resident_name_help(); },
	get phone() { return m.journey_resident_phone(); },
	get phoneHelp() { return m.journey_resident_phone_help(); },
	get consentTitle() { return m.journey_resident_consent_title(); },
	get readAloud() { return m.journey_resident_read_aloud(); },
	get parentNote() { return m.journey_resident_parent_note(); },
	get parentName() { return m.journey_resident_parent_name(); },
	get isParent() { return m.journey_resident_is_parent(); },
	get how() { return m.journey_resident_how(); },
	get howParent() { return m.journey_resident_how_parent(); },
	get ticked() { return m.journey_resident_ticked(); },
	get spoken() { return m.journey_resident_spoken(); },
	get recorded() { return m.journey_resident_recorded(); },
	get consent() { return m.journey_resident_consent(); },
	get parent() { return m.journey_resident_parent(); },
	get change() { return m.journey_resident_change(); },
	/** Every page of the journey says for whom. */
	forWhom: (name: string, phone: string) => m.journey_resident_for_whom({ name, phone }),
	statement: (volunteerName: string, serviceName: string) =>
		volunteerName
			? m.journey_resident_statement({ volunteer: volunteerName, service: serviceName })
			: m.journey_resident_statement_unnamed({ service: serviceName }),
	errors: {
		get name() { return m.journey_resident_error_name(); },
		get nameShort() { return m.journey_resident_error_name_short(); },
		get nameLong() { return m.journey_resident_error_name_long(); },
		get phone() { return m.journey_resident_error_phone(); },
		get phoneUnknown() { return m.journey_resident_error_phone_unknown(); },
		get ownPhone() { return m.journey_resident_error_own_phone(); },
		get how() { return m.journey_resident_error_how(); },
		get parentName() { return m.journey_resident_error_parent_name(); },
		get parentConfirm() { return m.journey_resident_error_parent_confirm(); },
		get incomplete() { return m.journey_resident_error_incomplete(); },
		get unreadable() { return m.journey_resident_error_unreadable(); }
	}
} as const;

const errors = residentWording.errors;

const personName = (empty: () => string) =>
	v.pipe(
		v.string(empty),
		v.trim(),
		v.nonEmpty(empty),
		v.minLength(2, () => errors.nameShort),
		v.maxLength(100, () => errors.nameLong)
	);

/**
 * The resident form. `volunteerPhone` is the volunteer's own number (+628…), refused as the resident's;
 * '' when not known (the phone offline: the server checks again).
 */
export function residentSchema(consentBy: ConsentBy, volunteerPhone: string) {
	const common = {
		name: personName(() => errors.name),
		phone: v.pipe(
			v.string(() => errors.phone),
			v.trim(),
			v.nonEmpty(() => errors.phone),
			v.transform((value) => normalizePhone(value) ?? ''),
			v.nonEmpty(() => errors.phoneUnknown),
			v.check((phone) => phone !== volunteerPhone, () => errors.ownPhone)
		),
		how: v.picklist(['ticked', 'spoken'] as const, () => errors.how)
	};
	return consentBy === 'parent'
		? v.object({
				...common,
				parentName: personName(() => errors.parentName),
				isParent: v.literal('ya', () => errors.parentConfirm)
			})
		: v.object(common);
}

export type ResidentResult =
	| { ok: true; resident: Resident & { consent: NonNullable<Resident['consent']> } }
	| { ok: false; errors: Record<string, string> };

/** Checks a typed resident form; the errors are keyed by the form's field names. */
export function checkResident(consentBy: ConsentBy, volunteerPhone: string, input: Partial<ResidentInput>): ResidentResult {
	const typed = { name: '', phone: '', how: '', parentName: '', isParent: '', ...input };
	const parsed = v.safeParse(residentSchema(consentBy, volunteerPhone), consentBy === 'parent' ? typed : { name: typed.name, phone: typed.phone, how: typed.how });
	if (!parsed.success) {
		const found: Record<string, string> = {};
		for (const issue of parsed.issues) found[v.getDotPath(issue) ?? 'name'] ??= issue.message;
		return { ok: false, errors: found };
	}
	const out = parsed.output;
	const parent = 'parentName' in out;
	return {
		ok: true,
		resident: {
			name: out.name,
			phone: out.phone,
			consent: { by: parent ? 'parent' : 'resident', how: out.how, name: parent ? out.parentName : out.name }
		}
	};
}

/** A stored resident back as the form's fields: to show the form again, or to check what a phone sent. */
export function residentInput(resident: Partial<Resident> | null | undefined): ResidentInput {
	const consent = resident?.consent;
	return {
		name: resident?.name ?? '',
		phone: resident?.phone ? formatPhone(resident.phone) : '',
		how: consent?.how ?? '',
		parentName: consent?.by === 'parent' ? consent.name : '',
		isParent: consent?.by === 'parent' ? 'ya' : ''
	};
}

/** The resident page is complete: who, their number and how they agreed. */
export const residentComplete = (resident: Resident | null | undefined): boolean =>
	!!resident?.consent && !!resident.name && !!resident.phone;

/** The recorded consent in plain words: who agreed and how (and, once submitted, when and with whom). */
export function consentText(consent: { by: ConsentBy; how: ConsentHow; name: string; at?: number; volunteerName?: string }): string {
	const who = consent.by === 'parent' ? m.journey_consent_parent({ name: consent.name }) : consent.name;
	const how = consent.how === 'ticked' ? m.journey_consent_ticked() : m.journey_consent_spoken();
	const when = consent.at ? m.journey_consent_at({ time: formatWita(new Date(consent.at)) }) : '';
	const helper = consent.volunteerName ? m.journey_consent_by_volunteer({ name: consent.volunteerName }) : '';
	return m.journey_consent_sentence({ who, how, when, helper });
}

/**
 * What submitting needs for a resident: null while the resident page is not complete. The consent gets
 * its time and the helper's name here, so the application records who helped when.
 */
export function residentForSubmit(
	resident: Resident | null,
	volunteer: { name: string },
	now = new Date()
): { name: string; phone: string; consent: NonNullable<Resident['consent']> & { at: number; volunteerName: string } } | null {
	if (!resident?.consent || !residentComplete(resident)) return null;
	return {
		name: resident.name,
		phone: resident.phone,
		consent: { ...resident.consent, at: now.getTime(), volunteerName: volunteer.name }
	};
}

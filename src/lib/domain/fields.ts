/**
 * Validation of a guided form's answers. Each field kind has one valibot rule; a step's schema is built
 * from its field definitions (services are data, so their forms are too). The server runs these as the
 * authority; the browser may run them for instant feedback. Answers are strings in, cleaned strings out
 * (NIK without spaces, phone as +628…, dates as YYYY-MM-DD); an optional field left empty is ''.
 *
 * Checks across fields (a child born after the mother was old enough, the KTP-el age rule) sit in
 * `crossFieldErrors`, run when the later of the fields is answered and again before submitting.
 */
import * as v from 'valibot';
import { fieldErrors, type FieldErrors } from './form-errors';
import { ageOn, nibSchema, nikBirthDate, nikSchema, kkSchema } from './identity';
import { findKelurahan } from './kelurahan';
import { limitMessages, textKindOf, textLimits } from './limits';
import { normalizePhone } from './phone';
import type { FieldDefinition, StepDefinition } from './service';
import { WITA_OFFSET_MS } from './working-time';
import { m } from '../paraglide/messages.js';

export type Answers = Record<string, string>;
export type { FieldErrors };

export const fieldMessages = {
	required: (label: string) => m.journey_field_required({ label }),
	tooLong: limitMessages.tooLong,
	get unknownField() { return limitMessages.unknownField; },
	get notText() { return m.journey_field_not_text(); },
	get phone() { return m.journey_field_phone(); },
	get date() { return m.journey_field_date(); },
	get dateFuture() { return m.journey_field_date_future(); },
	get dateTooOld() { return m.journey_field_date_too_old(); },
	get time() { return m.journey_field_time(); },
	get choice() { return m.journey_field_choice(); },
	get kelurahan() { return m.journey_field_kelurahan(); },
	get motherAge() { return m.journey_field_mother_age(); },
	get fatherAge() { return m.journey_field_father_age(); },
	get ktpAge() { return m.journey_field_ktp_age(); }
} as const;

/**
 * Whether an answer is encrypted at rest and masked for officers: every NIK and No. KK (by kind), and the
 * fields a service marks as specific personal data (a child's data). The one rule; server/crypto uses it.
 */
export function isSensitiveField(field: Pick<FieldDefinition, 'kind' | 'specific'>): boolean {
	return field.kind === 'nik' || field.kind === 'kk' || field.specific === true;
}

/** The keys of a service's sensitive answers (see `isSensitiveField`). */
export function sensitiveKeys(steps: readonly StepDefinition[]): Set<string> {
	return new Set(steps.flatMap((s) => s.fields.filter(isSensitiveField).map((f) => f.key)));
}

/** Today's date in WITA as YYYY-MM-DD. */
export function witaToday(now: Date): string {
	return new Date(now.getTime() + WITA_OFFSET_MS).toISOString().slice(0, 10);
}

function isRealDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function ruleFor(field: FieldDefinition, now: Date): v.GenericSchema<string, string> {
	switch (field.kind) {
		case 'text':
		case 'textarea': {
			const max = textLimits[textKindOf(field)];
			return v.pipe(v.string(), v.trim(), v.maxLength(max, () => fieldMessages.tooLong(max)));
		}
		case 'nik':
			return nikSchema;
		case 'kk':
			return kkSchema;
		case 'nib':
			return nibSchema;
		case 'phone':
			return v.pipe(
				v.string(),
				v.trim(),
				v.transform((value) => normalizePhone(value) ?? ''),
				v.nonEmpty(() => fieldMessages.phone)
			);
		case 'date':
			return v.pipe(
				v.string(),
				v.trim(),
				v.check(isRealDate, () => fieldMessages.date),
				v.check((value) => value <= witaToday(now), () => fieldMessages.dateFuture),
				v.check((value) => value >= '1900-01-01', () => fieldMessages.dateTooOld)
			);
		case 'time':
			return v.pipe(
				v.string(),
				v.trim(),
				v.transform((value) => value.replace('.', ':')),
				v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, () => fieldMessages.time)
			);
		case 'select': {
			const allowed = new Set((field.options ?? []).map((o) => o.value));
			return v.pipe(v.string(), v.check((value) => allowed.has(value), () => fieldMessages.choice));
		}
		case 'kelurahan':
			return v.pipe(v.string(), v.check((value) => !!findKelurahan(value), () => fieldMessages.kelurahan));
		default: {
			const unknownKind: never = field.kind;
			throw new Error(`unknown field kind ${String(unknownKind)}`);
		}
	}
}

/** An empty optional field is '' and skips its rule; an empty required field says so by its label. */
export function fieldSchema(field: FieldDefinition, now: Date): v.GenericSchema<unknown, string> {
	const rule = ruleFor(field, now);
	const empty = fieldMessages.required(field.label);
	return v.pipe(
		v.optional(v.string(() => fieldMessages.notText), ''),
		v.rawTransform(({ dataset, addIssue, NEVER }) => {
			const raw = dataset.value;
			if (raw.trim() === '') {
				if (field.required) {
					addIssue({ message: empty });
					return NEVER;
				}
				return '';
			}
			const result = v.safeParse(rule, raw);
			if (!result.success) {
				addIssue({ message: result.issues[0].message });
				return NEVER;
			}
			return result.output;
		})
	);
}

export function stepSchema(step: StepDefinition, now: Date) {
	return v.object(Object.fromEntries(step.fields.map((f) => [f.key, fieldSchema(f, now)])));
}

export type StepResult =
	| { ok: true; values: Answers }
	| { ok: false; errors: FieldErrors; typed: Answers };

/** Validates one step's answers, then the checks across fields that this step completes. */
export function validateStep(
	step: StepDefinition,
	input: Answers,
	earlier: Answers,
	now: Date
): StepResult {
	const typed = Object.fromEntries(step.fields.map((f) => [f.key, input[f.key] ?? '']));
	const parsed = v.safeParse(stepSchema(step, now), typed);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.issues), typed };
	const values = parsed.output as Answers;
	const cross = crossFieldErrors({ ...earlier, ...values }, now);
	const mine = Object.fromEntries(Object.entries(cross).filter(([key]) => key in values));
	if (Object.keys(mine).length > 0) return { ok: false, errors: mine, typed };
	return { ok: true, values };
}

/**
 * Keys the app's own phone form fills in for every service (who applies), kept only where the service
 * has such a field and otherwise dropped without complaint: they are the app's, not the user's, mistake.
 */
const PREFILLED_KEYS: ReadonlySet<string> = new Set(['applicant_name', 'applicant_phone']);

export type CleanResult = { ok: true; values: Answers } | { ok: false; errors: FieldErrors };

/**
 * The one check of a whole answer set, on every path (the check page's submit, the phone's outbox API,
 * the browser's last look before queueing): the last word before submitting.
 *
 * - only the service's own fields are taken; any other key is refused, keyed by that key (except the
 *   app's own prefilled keys above, which are dropped);
 * - every field runs its rule (so its cap by kind) and comes out normalised: NIK and No. KK without
 *   spaces, phone as +628…, dates as YYYY-MM-DD; an optional field left empty is '';
 * - then the checks across fields.
 * What is stored is `values`, never the input.
 */
export function cleanAnswers(steps: readonly StepDefinition[], answers: Readonly<Record<string, unknown>>, now: Date): CleanResult {
	const fields = steps.flatMap((step) => step.fields);
	const known = new Set(fields.map((f) => f.key));
	const errors: FieldErrors = {};
	for (const key of Object.keys(answers)) {
		if (!known.has(key) && !PREFILLED_KEYS.has(key)) errors[key] = fieldMessages.unknownField;
	}
	const values: Answers = {};
	for (const field of fields) {
		const result = v.safeParse(fieldSchema(field, now), answers[field.key] ?? '');
		if (result.success) values[field.key] = result.output;
		else errors[field.key] ??= result.issues[0].message;
	}
	const fieldErrorsFound = Object.keys(errors).length > 0;
	// the checks across fields only read values that passed their own rule
	const cross = crossFieldErrors(values, now);
	for (const [key, message] of Object.entries(cross)) errors[key] ??= message;
	return fieldErrorsFound || Object.keys(cross).length > 0 ? { ok: false, errors } : { ok: true, values };
}

/** Every step's errors, keyed by field (see `cleanAnswers`); {} when the answers can be submitted. */
export function validateAll(steps: readonly StepDefinition[], answers: Readonly<Record<string, unknown>>, now: Date): FieldErrors {
	const result = cleanAnswers(steps, answers, now);
	return result.ok ? {} : result.errors;
}

const MIN_PARENT_AGE = 12;
const MAX_MOTHER_AGE = 60;

/**
 * Checks that span fields, keyed by the field that is most likely wrong (the later one in the form).
 * They only run when all the fields involved have valid values.
 */
export function crossFieldErrors(answers: Answers, now: Date): FieldErrors {
	const errors: FieldErrors = {};
	const childBirth = answers.child_birth_date;
	if (childBirth && isRealDate(childBirth)) {
		const born = new Date(`${childBirth}T00:00:00Z`);
		const parentAge = (nik: string | undefined) => {
			const parentBirth = nik ? nikBirthDate(nik, now) : null;
			return parentBirth ? ageOn(parentBirth, new Date(born.getTime() - WITA_OFFSET_MS)) : null;
		};
		const mother = parentAge(answers.mother_nik);
		if (mother !== null && (mother < MIN_PARENT_AGE || mother > MAX_MOTHER_AGE)) {
			errors.mother_nik = fieldMessages.motherAge;
		}
		const father = parentAge(answers.father_nik);
		if (father !== null && father < MIN_PARENT_AGE) errors.father_nik = fieldMessages.fatherAge;
	}

	const birth = answers.birth_date;
	if (birth && isRealDate(birth) && answers.marital_status === 'single') {
		const age = ageOn(new Date(`${birth}T00:00:00Z`), now);
		if (age < 17) errors.marital_status = fieldMessages.ktpAge;
	}
	return errors;
}

/**
 * Who applies, read from the service's own fields that name the applicant (`applicant: 'name' | 'phone'` on
 * the field: "applicant_name" on a KTP-el, "owner_name" on a business permit), never from a list of keys.
 */
export function applicantOf(steps: readonly StepDefinition[], answers: Readonly<Answers>): { name?: string; phone?: string } {
	const found: { name?: string; phone?: string } = {};
	for (const step of steps) {
		for (const field of step.fields) {
			const value = answers[field.key]?.trim();
			if (field.applicant && value && !found[field.applicant]) found[field.applicant] = value;
		}
	}
	return found;
}

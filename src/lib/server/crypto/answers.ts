/**
 * Answers at rest: the sensitive ones (domain/fields.ts `isSensitiveField`: NIK, No. KK, a child's data) are
 * sealed one by one inside the answers JSON, each bound to its place: `<table>/<row id>/<field key>`. The
 * rest stays plain, so lists and searches that need no personal data keep working without a key.
 *
 * The NIK blind index: one row per NIK answer (nik_index), the keyed HMAC of the NIK, so the counter can
 * find an application by NIK without the NIK being stored in the clear.
 */
import type { Answers } from '$lib/domain/fields';
import { isSensitiveField } from '$lib/domain/fields';
import type { StepDefinition } from '$lib/domain/service';
import { blindIndex, isSealed, seal, unseal, type Keyring } from './sealing';

/** Where a sealed answer lives; part of its associated data. */
export type AnswerPlace = 'applications' | 'application_drafts' | 'application_events';

const adOf = (place: AnswerPlace, rowId: string, key: string) => `${place}/${rowId}/${key}`;

/** The answers with their sensitive values sealed; values already sealed, and empty ones, stay. */
export async function sealAnswers(
	keyring: Keyring,
	steps: readonly StepDefinition[],
	answers: Readonly<Answers>,
	place: AnswerPlace,
	rowId: string
): Promise<Answers> {
	const sensitive = new Set(steps.flatMap((s) => s.fields.filter(isSensitiveField).map((f) => f.key)));
	const out: Answers = {};
	for (const [key, value] of Object.entries(answers)) {
		out[key] = sensitive.has(key) && value !== '' && !isSealed(value) ? await seal(keyring, value, adOf(place, rowId, key)) : value;
	}
	return out;
}

/**
 * Every non-empty answer sealed (a draft's, a resubmission's in the event log): where being short-lived or
 * append-only makes "which are sensitive" not worth asking. Already sealed values are opened and sealed
 * again with the current key (rotation).
 */
export async function sealEvery(keyring: Keyring, answers: Readonly<Answers>, place: AnswerPlace, rowId: string): Promise<Answers> {
	const out: Answers = {};
	for (const [key, value] of Object.entries(answers)) {
		const ad = adOf(place, rowId, key);
		out[key] = value === '' ? '' : await seal(keyring, await unseal(keyring, value, ad), ad);
	}
	return out;
}

/** The answers as typed: every sealed value opened (plain values, from before encryption, read as they are). */
export async function openAnswers(keyring: Keyring, answers: Readonly<Answers>, place: AnswerPlace, rowId: string): Promise<Answers> {
	const out: Answers = {};
	for (const [key, value] of Object.entries(answers)) out[key] = await unseal(keyring, value, adOf(place, rowId, key));
	return out;
}

/** The blind-index rows of an application's NIK answers (plain answers in). */
export async function nikIndexRows(keyring: Keyring, steps: readonly StepDefinition[], answers: Readonly<Answers>, applicationId: string) {
	const nikKeys = steps.flatMap((s) => s.fields.filter((f) => f.kind === 'nik').map((f) => f.key));
	const rows: { digest: string; applicationId: string; fieldKey: string }[] = [];
	for (const key of nikKeys) {
		const value = answers[key];
		if (value) rows.push({ digest: await blindIndex(keyring, value), applicationId, fieldKey: key });
	}
	return rows;
}

/**
 * The content of a result document, computed once when the officer completes the application and stored
 * with the result: a document says what it said on the day it was issued, whatever is edited later.
 * The number follows its office's format (data on the offices table): `{kode}` is the tracking code,
 * `{tahun}` the year of issue (WITA).
 */
import { displayAnswer } from './answers';
import type { FieldDefinition, IssuedDocument, StepDefinition } from './service';
import { formatWitaDate } from './working-time';

/**
 * "2026-11-01" → "1 November 2026" (the weekday is not part of a date printed on a document). In Indonesian
 * whoever completes it: the content is stored and printed as issued, like the labels beside it.
 */
const documentDate = (iso: string) => formatWitaDate(new Date(`${iso}T12:00:00+08:00`), 'id').replace(/^[^,]+, /, '');

/**
 * The answers a document may print: not a NIK or a No. KK (identity numbers stay sealed, and a result's
 * details are stored as plain text), nor a phone number (contact, not content). The seeded birth data is
 * personal (`specific`) and printed all the same: it is what the certificate certifies.
 */
export function printableFields(steps: readonly StepDefinition[]): FieldDefinition[] {
	return steps.flatMap((s) => s.fields).filter((f) => !identityNumber.has(f.kind) && f.kind !== 'phone');
}

const identityNumber = new Set<FieldDefinition['kind']>(['nik', 'kk']);

/** The answers that can name the person a document is for (a child's name): short printable texts. */
export function holderFields(steps: readonly StepDefinition[]): FieldDefinition[] {
	return printableFields(steps).filter((f) => f.kind === 'text');
}

/** The longest document title an admin may set. */
export const DOCUMENT_TITLE_MAX_LENGTH = 120;

export interface DocumentContent {
	holderName: string;
	/** Who applied, when that is not the holder (a parent for a child's certificate); null otherwise. */
	applicantName: string | null;
	details: { label: string; value: string }[];
}

/** The placeholders a number format may hold: `{kode}` (unique per application, so it must be there) and `{tahun}`. */
export const numberPlaceholders = ['kode', 'tahun'] as const;

/** The longest format an admin may set (a number printed on one line of an A4 document). */
export const NUMBER_FORMAT_MAX_LENGTH = 80;

/** A tracking code of the right shape, for the example number beside the format (never a real application). */
export const EXAMPLE_CODE = 'K7M2PX4A';

/**
 * What is wrong with a number format, or null when it is fine: it must hold `{kode}` (the part that makes
 * each number unique), and only known placeholders (a mistyped `{tahn}` would be printed as it is).
 */
export function numberFormatProblem(format: string): 'empty' | 'too_long' | 'no_code' | 'unknown_placeholder' | null {
	if (!format.trim()) return 'empty';
	if (format.length > NUMBER_FORMAT_MAX_LENGTH) return 'too_long';
	if (!format.includes('{kode}')) return 'no_code';
	const rest = numberPlaceholders.reduce((text, name) => text.replaceAll(`{${name}}`, ''), format);
	if (/[{}]/.test(rest)) return 'unknown_placeholder';
	return null;
}

export function documentNumber(format: string, input: { code: string; at: Date }): string {
	const year = String(new Date(input.at.getTime() + 8 * 3600_000).getUTCFullYear());
	return format.replaceAll('{kode}', input.code).replaceAll('{tahun}', year);
}

export function documentContent(
	issued: IssuedDocument | null | undefined,
	steps: readonly StepDefinition[],
	answers: Record<string, string>,
	applicantName: string
): DocumentContent {
	const fields = steps.flatMap((s) => s.fields);
	const holderName = (issued?.holder && answers[issued.holder]?.trim()) || applicantName;
	const details = (issued?.shows ?? []).flatMap((key) => {
		const field = fields.find((f) => f.key === key);
		const value = answers[key];
		if (!field || !value) return [];
		return [{ label: field.label, value: field.kind === 'date' ? documentDate(value) : displayAnswer(field, value) }];
	});
	return { holderName, applicantName: holderName === applicantName ? null : applicantName, details };
}

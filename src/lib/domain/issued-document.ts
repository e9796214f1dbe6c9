/**
 * The content of a result document, computed once when the officer completes the application and stored
 * with the result: a document says what it said on the day it was issued, whatever is edited later.
 * The number follows its office's format (data on the offices table): `{kode}` is the tracking code,
 * `{tahun}` the year of issue (WITA).
 */
import { displayAnswer } from './answers';
import type { IssuedDocument, StepDefinition } from './service';
import { formatWitaDate } from './working-time';

/**
 * "2026-11-01" → "1 November 2026" (the weekday is not part of a date printed on a document). In Indonesian
 * whoever completes it: the content is stored and printed as issued, like the labels beside it.
 */
const documentDate = (iso: string) => formatWitaDate(new Date(`${iso}T12:00:00+08:00`), 'id').replace(/^[^,]+, /, '');

export interface DocumentContent {
	holderName: string;
	/** Who applied, when that is not the holder (a parent for a child's certificate); null otherwise. */
	applicantName: string | null;
	details: { label: string; value: string }[];
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

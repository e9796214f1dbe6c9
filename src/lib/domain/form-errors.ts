/** valibot issues as a form shows them: the first message per field, keyed by the field's name. */
import * as v from 'valibot';

export type FieldErrors = Record<string, string>;

/** First message per field, keyed by the field's name: what the form shows beside each input. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const key = v.getDotPath(issue) ?? 'form';
		errors[key] ??= issue.message;
	}
	return errors;
}

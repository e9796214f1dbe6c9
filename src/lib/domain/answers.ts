/**
 * How a stored answer reads on screen: choice labels instead of codes, phone numbers as people write them,
 * dates in Indonesian ("20 November 2026").
 */
import { findKelurahan } from './kelurahan';
import { formatPhone } from './phone';
import { formatDateKey } from './working-time';
import type { FieldDefinition, StepDefinition } from './service';

export function displayAnswer(field: Pick<FieldDefinition, 'kind' | 'options'>, value: string | undefined): string {
	if (!value) return '–';
	switch (field.kind) {
		case 'select':
			return field.options?.find((o) => o.value === value)?.label ?? value;
		case 'kelurahan': {
			const k = findKelurahan(value);
			return k ? `${k.name}, Kec. ${k.kecamatanName}` : value;
		}
		case 'phone':
			return formatPhone(value);
		case 'date':
			return formatDateKey(value);
		default:
			return value;
	}
}

/** The answers grouped by step, as label/value rows. */
export function answerSections(steps: readonly StepDefinition[], answers: Record<string, string>) {
	return steps.map((step) => ({
		key: step.key,
		title: step.title,
		rows: step.fields.map((f) => ({ key: f.key, label: f.label, value: displayAnswer(f, answers[f.key]) }))
	}));
}

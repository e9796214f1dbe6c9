/**
 * How a stored answer reads on screen: choice labels instead of codes, phone numbers as people write them,
 * dates in the reader's language ("20 November 2026").
 */
import { maskIdentityNumber } from './identity';
import { findKelurahan } from './kelurahan';
import { formatPhone } from './phone';
import { formatDateKey } from './working-time';
import type { FieldDefinition, StepDefinition } from './service';
import { m } from '../paraglide/messages.js';

export function displayAnswer(field: Pick<FieldDefinition, 'kind' | 'options'>, value: string | undefined): string {
	if (!value) return '–';
	switch (field.kind) {
		case 'select':
			return field.options?.find((o) => o.value === value)?.label ?? value;
		case 'kelurahan': {
			const k = findKelurahan(value);
			return k ? m.journey_answer_kelurahan({ kelurahan: k.name, kecamatan: k.kecamatanName }) : value;
		}
		case 'phone':
			return formatPhone(value);
		case 'date':
			return formatDateKey(value);
		default:
			return value;
	}
}

/**
 * The answers grouped by step, as label/value rows. With `maskNumbers` (what officers see: least sight),
 * every NIK and No. KK is masked (`6372 04•• •••• 0001`) and marked `masked`, to be revealed on purpose.
 */
export function answerSections(steps: readonly StepDefinition[], answers: Record<string, string>, options: { maskNumbers?: boolean } = {}) {
	return steps.map((step) => ({
		key: step.key,
		title: step.section ?? step.title,
		rows: step.fields.map((f) => {
			const masked = !!options.maskNumbers && (f.kind === 'nik' || f.kind === 'kk') && !!answers[f.key];
			return { key: f.key, label: f.label, value: masked ? maskIdentityNumber(answers[f.key] ?? '') : displayAnswer(f, answers[f.key]), masked };
		})
	}));
}

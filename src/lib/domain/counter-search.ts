/**
 * What an officer typed at the counter (loket), read as what it most likely is: a tracking code, a
 * phone number, a NIK (16 digits) or part of a name. Pure; server/counter.ts turns it into a query.
 */
import { normalizePhone } from './phone';
import { normalizeTrackingCode } from './tracking-code';
import { m } from '../paraglide/messages.js';

export type CounterQuery =
	/** `name`: an eight-letter name (DARMAWAN) also reads as a code, so it is searched as a name too. */
	| { kind: 'code'; code: string; name: string }
	| { kind: 'phone'; phone: string }
	| { kind: 'nik'; nik: string }
	| { kind: 'name'; name: string }
	| { kind: 'invalid'; message: string };

export const counterMessages = {
	get empty() {
		return m.staff_counter_empty();
	},
	get short() {
		return m.staff_counter_short();
	},
	get long() {
		return m.staff_counter_long();
	},
	get none() {
		return m.staff_counter_none();
	}
} as const;

export function readCounterQuery(input: string): CounterQuery {
	const typed = input.trim().replace(/\s+/g, ' ');
	if (typed === '') return { kind: 'invalid', message: counterMessages.empty };
	if (typed.length > 100) return { kind: 'invalid', message: counterMessages.long };
	const digits = typed.replace(/[\s.-]/g, '');
	if (/^\d{16}$/.test(digits)) return { kind: 'nik', nik: digits };
	if (/^\+?\d[\d\s-]{6,}$/.test(typed)) {
		const phone = normalizePhone(typed);
		if (phone) return { kind: 'phone', phone };
	}
	const code = normalizeTrackingCode(typed);
	if (code) return { kind: 'code', code, name: typed };
	if (typed.length < 3) return { kind: 'invalid', message: counterMessages.short };
	return { kind: 'name', name: typed };
}

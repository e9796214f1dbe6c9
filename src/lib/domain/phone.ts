/**
 * Indonesian mobile numbers. People write them as 08…, 628… or +628…, with spaces or dashes; we store
 * one form, E.164 (+628…), so that a number typed three ways is still one account.
 *
 * Invariant: `normalizePhone` returns either null or a string matching /^\+628\d{7,11}$/
 * (Indonesian mobile numbers have 10–13 digits after the leading 0).
 */

const E164_MOBILE = /^\+628\d{7,11}$/;

export function normalizePhone(input: string): string | null {
	const compact = input.replace(/[\s\-().]/g, '');
	let rest: string;
	if (compact.startsWith('+62')) rest = compact.slice(3);
	else if (compact.startsWith('62')) rest = compact.slice(2);
	else if (compact.startsWith('0')) rest = compact.slice(1);
	else return null;
	const e164 = `+62${rest}`;
	return E164_MOBILE.test(e164) ? e164 : null;
}

/**
 * "+6281234567890" → "0812-3456-7890": how people read their own number. A number already written another
 * way ("0812 3456 7890", "0812-3456-7890") reads the same; text that is no phone number comes back as it is.
 */
export function formatPhone(phone: string): string {
	const e164 = normalizePhone(phone);
	if (!e164) return phone;
	return `0${e164.slice(3)}`.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}

/** The last four digits, used with a tracking code to look an application up without an account. */
export function phoneLastFour(e164: string): string {
	return e164.slice(-4);
}

/**
 * A service in the reader's language. The catalogue is data (an admin edits it) written in Indonesian; its
 * English lives beside it on the same record (`translations.en`, seeded from domain/catalogue-en.ts), as an
 * overlay: whatever has no English stays Indonesian. Pure, so the phone-side form applies it too (a
 * prerendered form carries the overlay and localizes on the phone).
 *
 * Values a form stores (option values, field keys, requirement ids) never change with the language: only what
 * a person reads does.
 */
import { getLocale, type Locale } from '../paraglide/runtime.js';

/** Filled in by the catalogue's English (issue 13); until then a service reads the same in every language. */
export function localizeService<T extends object>(service: T, locale: Locale = getLocale()): T {
	void locale;
	return service;
}

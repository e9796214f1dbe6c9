/**
 * The reader's language, for code that formats: which locale tag Intl gets, and the other language's link.
 * Messages themselves come from `$lib/paraglide/messages` (messages/<locale>/*.json).
 */
import { getLocale, type Locale } from './paraglide/runtime.js';

export type { Locale };

/** The BCP 47 tag for Intl and `utterance.lang`. British English writes dates as "20 November 2026". */
export const intlTag: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** The language a reader can switch to from this one, named in that language (so they can find it). */
export const otherLanguage: Record<Locale, { locale: Locale; name: string }> = {
	id: { locale: 'en', name: 'English' },
	en: { locale: 'id', name: 'Bahasa Indonesia' }
};

/** The address that switches to `locale` and comes back to `path` (a path with its query). */
export function languageHref(locale: Locale, path: string): string {
	return `/bahasa/${locale}?kembali=${encodeURIComponent(path)}`;
}

export { getLocale };

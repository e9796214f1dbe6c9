/**
 * Read-aloud ("Dengarkan"): what is said, and in which voice. Pure rules; the browser part that speaks
 * is src/lib/client/read-aloud.ts, loaded only when a "Dengarkan" button is first pressed.
 *
 * - The voice speaks the page's language: Indonesian (`id-ID`) on an Indonesian page, English (`en-GB`,
 *   `intlTag` in i18n.ts) on an English one. Android Chrome installs only the system language's voice by
 *   default, may list voices it does not have, and silently falls back to another voice unless
 *   `utterance.lang` is set: so `lang` is always set, a voice of that language is chosen when one is listed
 *   (one that works offline first), and when none is listed the button says so and links to the page on
 *   installing one. Older Android engines name Indonesian `in` (the withdrawn ISO code), some write `id_ID`.
 * - Codes are read character by character ("K, 7, M, P…"): a tracking code read as a word is useless.
 *   Long runs of digits (NIK, No. KK, phone numbers) are read digit by digit too, not as a huge number.
 */
import { intlTag } from '../i18n';
import { getLocale, type Locale } from '../paraglide/runtime.js';

/** The language an Indonesian page is spoken in. */
export const SPEECH_LANG = 'id-ID';

/** The `utterance.lang` of a page in `locale`: 'id-ID' or 'en-GB'. */
export const speechLang = (locale: Locale = getLocale()) => intlTag[locale];

/** What a listed voice tells about itself (SpeechSynthesisVoice's fields this needs). */
export interface VoiceInfo {
	lang: string;
	name: string;
	localService: boolean;
	default?: boolean;
}

export function isIndonesian(lang: string): boolean {
	return /^(id|in|ind)([-_].*)?$/i.test(lang.trim());
}

export function isEnglish(lang: string): boolean {
	return /^(en|eng)([-_].*)?$/i.test(lang.trim());
}

/** A voice of the page's language, and the exact tag it prefers (id-ID, en-GB). */
const voiceRules: Record<Locale, { speaks: (lang: string) => boolean; exact: RegExp }> = {
	id: { speaks: isIndonesian, exact: /^id[-_]id$/i },
	en: { speaks: isEnglish, exact: /^en[-_]gb$/i }
};

/**
 * The voice to use for a page in `locale` (Indonesian unless told), or null when the phone lists none of
 * that language. Offline (local) voices first, then the exact tag (id-ID, en-GB).
 */
export function pickVoice<V extends VoiceInfo>(voices: readonly V[], locale: Locale = getLocale()): V | null {
	const { speaks, exact } = voiceRules[locale];
	const rank = (v: V) => (v.localService ? 0 : 2) + (exact.test(v.lang.trim()) ? 0 : 1);
	return voices.filter((v) => speaks(v.lang)).sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** How a letter or digit is said, alone, by an Indonesian voice. */
const spoken: Record<string, string> = {
	'0': 'nol', '1': 'satu', '2': 'dua', '3': 'tiga', '4': 'empat', '5': 'lima', '6': 'enam', '7': 'tujuh', '8': 'delapan', '9': 'sembilan',
	A: 'a', B: 'be', C: 'ce', D: 'de', E: 'e', F: 'ef', G: 'ge', H: 'ha', I: 'i', J: 'je', K: 'ka', L: 'el', M: 'em',
	N: 'en', O: 'o', P: 'pe', Q: 'ki', R: 'er', S: 'es', T: 'te', U: 'u', V: 'fe', W: 'we', X: 'eks', Y: 'ye', Z: 'zet'
};

/**
 * How a character is said alone: in Indonesian by its Indonesian name; an English voice says a lone letter
 * or digit by its English name by itself.
 */
const say = (c: string, locale: Locale) => (locale === 'id' ? (spoken[c] ?? c) : c);

/** A code, character by character, with a pause between (commas) and a longer one between groups. */
export function spellOut(code: string, locale: Locale = getLocale()): string {
	return code
		.trim()
		.toUpperCase()
		.split(/[\s-]+/)
		.filter(Boolean)
		.map((group) => [...group].map((c) => say(c, locale)).join(', '))
		.join('. ');
}

/** Runs of 5 or more digits (spaces and dashes inside allowed) are identifiers: said digit by digit. */
export function forSpeech(text: string, locale: Locale = getLocale()): string {
	return text.replace(/\+?\d[\d -]{3,}\d/g, (run) => {
		const digits = run.replace(/\D/g, '');
		if (digits.length < 5) return run;
		return (run.startsWith('+') ? 'plus ' : '') + [...digits].map((d) => say(d, locale)).join(' ');
	});
}

/**
 * Lines of text as read from the screen (a label, a help line, an answer, one per block) joined into
 * sentences: a line without its own end mark gets a full stop, so the voice pauses between them.
 */
export function toSentences(lines: readonly string[]): string {
	return lines
		.map((line) => line.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.map((line) => (/[.!?:;,]$/.test(line) ? line : `${line}.`))
		.join(' ');
}

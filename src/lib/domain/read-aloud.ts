/**
 * Read-aloud ("Dengarkan"): what is said, and in which voice. Pure rules; the browser part that speaks
 * is src/lib/client/read-aloud.ts, loaded only when a "Dengarkan" button is first pressed.
 *
 * - The voice must be Indonesian. Android Chrome installs only the system language's voice by default,
 *   may list voices it does not have, and silently falls back to English unless `utterance.lang` is set:
 *   so `lang` is always `id-ID`, an Indonesian voice is chosen when one is listed (one that works offline
 *   first), and when none is listed the button says so and links to the page on installing one.
 *   Older Android engines name Indonesian `in` (the withdrawn ISO code), some write `id_ID`.
 * - Codes are read character by character ("K, 7, M, P…"): a tracking code read as a word is useless.
 *   Long runs of digits (NIK, No. KK, phone numbers) are read digit by digit too, not as a huge number.
 */

export const SPEECH_LANG = 'id-ID';

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

/** The Indonesian voice to use, or null when the phone lists none. Offline (local) voices first. */
export function pickVoice<V extends VoiceInfo>(voices: readonly V[]): V | null {
	const indonesian = voices.filter((v) => isIndonesian(v.lang));
	const rank = (v: V) => (v.localService ? 0 : 2) + (/^id[-_]id$/i.test(v.lang) ? 0 : 1);
	return [...indonesian].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** How a letter or digit is said, alone, by an Indonesian voice. */
const spoken: Record<string, string> = {
	'0': 'nol', '1': 'satu', '2': 'dua', '3': 'tiga', '4': 'empat', '5': 'lima', '6': 'enam', '7': 'tujuh', '8': 'delapan', '9': 'sembilan',
	A: 'a', B: 'be', C: 'ce', D: 'de', E: 'e', F: 'ef', G: 'ge', H: 'ha', I: 'i', J: 'je', K: 'ka', L: 'el', M: 'em',
	N: 'en', O: 'o', P: 'pe', Q: 'ki', R: 'er', S: 'es', T: 'te', U: 'u', V: 'fe', W: 'we', X: 'eks', Y: 'ye', Z: 'zet'
};

/** A code, character by character, with a pause between (commas) and a longer one between groups. */
export function spellOut(code: string): string {
	return code
		.trim()
		.toUpperCase()
		.split(/[\s-]+/)
		.filter(Boolean)
		.map((group) => [...group].map((c) => spoken[c] ?? c).join(', '))
		.join('. ');
}

/** Runs of 5 or more digits (spaces and dashes inside allowed) are identifiers: said digit by digit. */
export function forSpeech(text: string): string {
	return text.replace(/\+?\d[\d -]{3,}\d/g, (run) => {
		const digits = run.replace(/\D/g, '');
		if (digits.length < 5) return run;
		return (run.startsWith('+') ? 'plus ' : '') + [...digits].map((d) => spoken[d]).join(' ');
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

/**
 * A stand-in for the browser's speech (`speechSynthesis`, `SpeechSynthesisUtterance`) that records what
 * the app asks it to say, in which language and with which voice, and lists the voices a test chooses
 * (Indonesian or not). Installed before any page script runs.
 */
import type { Locator, Page } from '@playwright/test';

export type Spoken = { text: string; lang: string; voice: string | null };
type Voice = { lang: string; name: string; localService: boolean };

export const indonesianVoice: Voice = { lang: 'id-ID', name: 'Bahasa Indonesia (offline)', localService: true };
export const englishVoice: Voice = { lang: 'en-US', name: 'English (US)', localService: true };

export async function stubSpeech(page: Page, voices: Voice[]) {
	await page.addInitScript((listed: Voice[]) => {
		const spoken: Spoken[] = [];
		const events = new EventTarget();
		class Utterance {
			lang = '';
			voice: Voice | null = null;
			rate = 1;
			onend: ((event: Event) => void) | null = null;
			onerror: ((event: Event) => void) | null = null;
			constructor(public text: string) {}
		}
		const synth = {
			speaking: false,
			pending: false,
			paused: false,
			getVoices: () => listed.map((v) => ({ ...v, voiceURI: v.name, default: false })),
			speak(utterance: Utterance) {
				spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name ?? null });
				setTimeout(() => utterance.onend?.(new Event('end')));
			},
			cancel() {},
			pause() {},
			resume() {},
			addEventListener: events.addEventListener.bind(events),
			removeEventListener: events.removeEventListener.bind(events),
			dispatchEvent: events.dispatchEvent.bind(events)
		};
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
		Object.defineProperty(window, 'spokenForTest', { value: spoken });
	}, voices);
}

/** Everything said on this page so far. */
export function spoken(page: Page): Promise<Spoken[]> {
	return page.evaluate(() => (window as unknown as { spokenForTest: Spoken[] }).spokenForTest.slice());
}

/** Forgets what was said (to look at the next button's words alone). */
export function forget(page: Page): Promise<void> {
	return page.evaluate(() => void (window as unknown as { spokenForTest: Spoken[] }).spokenForTest.splice(0));
}

export async function said(page: Page): Promise<string> {
	return (await spoken(page)).map((s) => s.text).join(' ');
}

/** The "Dengarkan" button that reads `what` (its `data-dengarkan-apa`); by role and name like any button. */
export function listenButton(page: Page, what: string): Locator {
	return page.getByRole('button', { name: /^(Dengarkan|Berhenti)$/ }).and(page.locator(`[data-dengarkan-apa="${what}"]`));
}

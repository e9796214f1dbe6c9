/**
 * The "Dengarkan" buttons' speaking part (Web Speech API). Never in a page's first download: the shell
 * script (shell.ts) imports this chunk the first time such a button is pressed, on every page, with or
 * without the framework. The service worker precaches it with the app, so it works offline wherever the
 * phone's voice for the page's language does (Indonesian, or English on an English page).
 *
 * A button names what it reads like `aria-describedby` does: `data-dengarkan="id1 id2"`. The text is read
 * from the screen at the moment of pressing (an error that just appeared is read too). Inside it, an
 * element marked `data-eja` (a tracking code) is spelled character by character; buttons and text only
 * for screen readers are left out. Rules: domain/read-aloud.ts; wording: domain/read-aloud-wording.ts.
 */
import { forSpeech, pickVoice, speechLang, spellOut, toSentences } from '$lib/domain/read-aloud';
import { readAloudWording as wording } from '$lib/domain/read-aloud-wording';
import { getLocale, isLocale, type Locale } from '$lib/paraglide/runtime';

const LEFT_OUT = 'button, script, style, svg, .visually-hidden, [hidden], [data-dengarkan-lewati]';
const BLOCK = /^(P|DIV|LI|DT|DD|H[1-6]|LABEL|LEGEND|TR|TD|TH|SECTION|ARTICLE|UL|OL|DL|BR)$/;

/**
 * The language the page is written in: `<html lang>` (the server writes it; a hydrated page sets it to the
 * reader's), else the reader's language. A prerendered page that never hydrates stays Indonesian, and is
 * read as Indonesian.
 */
function pageLocale(): Locale {
	const lang = document.documentElement.lang;
	return isLocale(lang) ? lang : getLocale();
}

/** The lines a reader sees in `root`, one per block. */
export function linesOf(root: Element, locale: Locale = pageLocale()): string[] {
	if (root.hasAttribute('data-eja')) return [spellOut(root.textContent ?? '', locale)];
	const lines: string[] = [];
	let line = '';
	const flush = () => {
		lines.push(forSpeech(line, locale));
		line = '';
	};
	const walk = (node: Node) => {
		if (node.nodeType === Node.TEXT_NODE) {
			line += node.textContent ?? '';
			return;
		}
		if (!(node instanceof Element) || node.matches(LEFT_OUT)) return;
		if (node.hasAttribute('data-eja')) {
			flush();
			lines.push(spellOut(node.textContent ?? '', locale));
			return;
		}
		const block = BLOCK.test(node.tagName) && node !== root;
		if (block) flush();
		node.childNodes.forEach(walk);
		if (block) flush();
	};
	walk(root);
	flush();
	return lines;
}

function textFor(button: HTMLElement, locale: Locale): string {
	const ids = (button.dataset.dengarkan ?? '').split(/\s+/).filter(Boolean);
	const lines = ids.flatMap((id) => {
		const element = document.getElementById(id);
		return element ? linesOf(element, locale) : [];
	});
	return toSentences(lines);
}

/** Chrome fills the voice list late (and says so with `voiceschanged`); wait a little for it. */
function voices(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
	const listed = synth.getVoices();
	if (listed.length > 0) return Promise.resolve(listed);
	return new Promise((resolve) => {
		const done = () => resolve(synth.getVoices());
		synth.addEventListener('voiceschanged', done, { once: true });
		setTimeout(done, 1500);
	});
}

/** The button's word, also its name: "Dengarkan", or "Berhenti" while it speaks. */
function setWord(button: HTMLElement, word: string) {
	const shown = button.querySelector('[data-dengarkan-kata]');
	if (shown) shown.textContent = word;
}

/** Says, beside the button, that this phone cannot read aloud in the page's language, with the way to fix it. */
function tell(button: HTMLElement, message: string) {
	let note = button.nextElementSibling as HTMLElement | null;
	if (!note?.hasAttribute('data-dengarkan-kabar')) {
		note = document.createElement('span');
		note.setAttribute('data-dengarkan-kabar', '');
		note.setAttribute('role', 'status');
		note.className = 'listen-note';
		button.after(note);
	}
	const link = document.createElement('a');
	link.href = wording.helpPath;
	link.textContent = wording.howToInstall;
	note.replaceChildren(`${message} `, link);
}

let speakingFrom: HTMLElement | null = null;

function stopped(button: HTMLElement) {
	if (speakingFrom === button) speakingFrom = null;
	setWord(button, wording.button);
	button.removeAttribute('aria-pressed');
}

/** What a "Dengarkan" button does when pressed: reads its text in the page's language, or stops reading. */
export async function readAloud(button: HTMLElement) {
	const synth = globalThis.speechSynthesis;
	if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return tell(button, wording.notSupported);
	const again = speakingFrom === button;
	synth.cancel();
	if (speakingFrom) stopped(speakingFrom);
	if (again) return;

	// the page's language: its voice, and how its letters and digits are said
	const locale = pageLocale();
	const voice = pickVoice(await voices(synth), locale);
	if (!voice) return tell(button, wording.noVoice);
	// one utterance per sentence: Chrome cuts long ones off, and a pause falls between them
	const sentences = textFor(button, locale).split(/(?<=[.!?])\s+/).filter(Boolean);
	if (sentences.length === 0) return;
	speakingFrom = button;
	setWord(button, wording.stop);
	button.setAttribute('aria-pressed', 'true');
	sentences.forEach((sentence, i) => {
		const utterance = new SpeechSynthesisUtterance(sentence);
		// without `lang`, Android reads the text with the system language's voice (Indonesian in English)
		utterance.lang = speechLang(locale);
		utterance.voice = voice;
		utterance.rate = 0.9;
		if (i === sentences.length - 1) utterance.onend = () => stopped(button);
		utterance.onerror = (event) => {
			stopped(button);
			// a listed voice the phone does not really have
			if (event.error === 'language-unavailable' || event.error === 'voice-unavailable' || event.error === 'synthesis-unavailable') {
				synth.cancel();
				tell(button, wording.noVoice);
			}
		};
		synth.speak(utterance);
	});
}

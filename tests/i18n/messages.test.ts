/**
 * The two languages are complete: every message exists in Indonesian and English with the same parameters,
 * and no component writes text a person reads itself (src/lib/i18n-literals.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalsIn } from '../../src/lib/i18n-literals';
import * as m from '../../src/lib/paraglide/messages';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const patterns: string[] = settings['plugin.inlang.messageFormat'].pathPattern;
const locales: string[] = settings.locales;

/**
 * A message is a plain text, or (where a language needs it, e.g. English plurals: "1 try", "2 tries") one
 * variant message in the inlang format: `[{ declarations: ['input count', 'local countPlural = count: plural'],
 * selectors: ['countPlural'], match: { 'countPlural=one': '…', 'countPlural=other': '…' } }]`.
 */
type Variants = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Message = { texts: string[]; params: string[]; file: string };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

function messageOf(file: string, key: string, value: unknown): Message {
	if (typeof value === 'string') return { texts: [value], params: [...new Set(placeholders(value))].sort(), file };
	expect(Array.isArray(value) && value.length === 1, `${file}: ${key} is a text or one variant message`).toBe(true);
	const { declarations, selectors, match } = (value as Variants[])[0]!;
	const inputs = declarations.filter((d) => d.startsWith('input ')).map((d) => d.slice(6).trim());
	const locals = declarations.filter((d) => d.startsWith('local ')).map((d) => d.slice(6).split('=')[0]!.trim());
	const texts = Object.values(match);
	expect(selectors.every((s) => locals.includes(s) || inputs.includes(s)), `${file}: ${key} selects on what it declares`).toBe(true);
	expect(Object.keys(match).some((k) => k.endsWith('=other') || k.endsWith('=*')), `${file}: ${key} has a catch-all variant`).toBe(true);
	for (const text of texts) {
		const unknown = placeholders(text).filter((p) => !inputs.includes(p));
		expect(unknown, `${file}: ${key} uses only its inputs`).toEqual([]);
	}
	return { texts, params: [...inputs].sort(), file };
}

function messagesOf(locale: string): Map<string, Message> {
	const all = new Map<string, Message>();
	for (const pattern of patterns) {
		const file = pattern.replace('{locale}', locale);
		const entries = Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
		for (const [key, value] of entries) {
			if (key === '$schema') continue;
			expect(all.has(key), `${key} is defined once (again in ${file})`).toBe(false);
			all.set(key, messageOf(file, key, value));
		}
	}
	return all;
}

describe('message files', () => {
	const [base, ...others] = locales.map((locale) => ({ locale, messages: messagesOf(locale) }));

	it.each(others.map((o) => [o.locale, o] as const))('%s has every Indonesian message, with the same parameters', (_, other) => {
		const missing = [...base!.messages.keys()].filter((key) => !other.messages.has(key));
		const extra = [...other.messages.keys()].filter((key) => !base!.messages.has(key));
		expect(missing, 'missing translations').toEqual([]);
		expect(extra, 'messages with no Indonesian original').toEqual([]);
		for (const [key, { params }] of base!.messages) {
			expect(other.messages.get(key)!.params, `${key}: parameters`).toEqual(params);
		}
	});

	it('English says "1 try", not "1 tries": a count before a plural noun has a variant for one', () => {
		const english = others.find((o) => o.locale === 'en')!.messages;
		const counted = /\{(count|hours|booked|respondents)\} (\w+s)\b/;
		const plainCounts = [...english].filter(([, m]) => m.texts.length === 1 && counted.test(m.texts[0]!)).map(([k]) => k);
		expect(plainCounts).toEqual([]);
	});

	it('the compiled plural variants read right for one and for many', () => {
		expect(m.staff_queue_hours_left({ hours: 1 }, { locale: 'en' })).toBe('1 hour left');
		expect(m.staff_queue_hours_left({ hours: 3 }, { locale: 'en' })).toBe('3 hours left');
		expect(m.account_code_wrong({ count: 1 }, { locale: 'en' })).toBe('Wrong code. 1 try left.');
		expect(m.public_kinerja_ikm_value({ score: '88.3', grade: 'B', label: 'Good', respondents: 1 }, { locale: 'en' })).toMatch(
			/from 1 respondent$/
		);
		expect(m.staff_queue_hours_left({ hours: 1 }, { locale: 'id' })).toBe('sisa 1 jam');
	});

	it('keys name their file (common_…, journey_…)', () => {
		for (const [key, { file }] of base!.messages) {
			const feature = file.split('/').pop()!.replace('.json', '');
			expect(key.startsWith(`${feature}_`), `${key} in ${file}`).toBe(true);
		}
	});

	it('no message is left empty', () => {
		for (const { messages, locale } of [base!, ...others]) {
			for (const [key, { texts }] of messages) for (const text of texts) expect(text.trim(), `${locale}: ${key}`).not.toBe('');
		}
	});
});

describe('components', () => {
	const files = (dir: string): string[] =>
		statSync(dir).isDirectory() ? readdirSync(dir).flatMap((f) => files(join(dir, f))) : dir.endsWith('.svelte') ? [dir] : [];

	it('write no text themselves: every text a person reads comes from the message files', () => {
		const found = ['src/routes', 'src/lib/components'].flatMap(files).flatMap((file) =>
			literalsIn(readFileSync(file, 'utf8')).map((l) => `${file}:${l.line}: ${l.text}`)
		);
		expect(found).toEqual([]);
	});
});

/**
 * The two languages are complete: every message exists in Indonesian and English with the same parameters,
 * and no component writes text a person reads itself (src/lib/i18n-literals.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalsIn } from '../../src/lib/i18n-literals';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const patterns: string[] = settings['plugin.inlang.messageFormat'].pathPattern;
const locales: string[] = settings.locales;

function messagesOf(locale: string): Map<string, { text: string; file: string }> {
	const all = new Map<string, { text: string; file: string }>();
	for (const pattern of patterns) {
		const file = pattern.replace('{locale}', locale);
		const entries = Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
		for (const [key, text] of entries) {
			if (key === '$schema') continue;
			expect(typeof text, `${file}: ${key} is a plain message`).toBe('string');
			expect(all.has(key), `${key} is defined once (again in ${file})`).toBe(false);
			all.set(key, { text: text as string, file });
		}
	}
	return all;
}

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message files', () => {
	const [base, ...others] = locales.map((locale) => ({ locale, messages: messagesOf(locale) }));

	it.each(others.map((o) => [o.locale, o] as const))('%s has every Indonesian message, with the same parameters', (_, other) => {
		const missing = [...base!.messages.keys()].filter((key) => !other.messages.has(key));
		const extra = [...other.messages.keys()].filter((key) => !base!.messages.has(key));
		expect(missing, 'missing translations').toEqual([]);
		expect(extra, 'messages with no Indonesian original').toEqual([]);
		for (const [key, { text }] of base!.messages) {
			expect(params(other.messages.get(key)!.text), `${key}: parameters`).toEqual(params(text));
		}
	});

	it('keys name their file (common_…, journey_…)', () => {
		for (const [key, { file }] of base!.messages) {
			const feature = file.split('/').pop()!.replace('.json', '');
			expect(key.startsWith(`${feature}_`), `${key} in ${file}`).toBe(true);
		}
	});

	it('no message is left empty', () => {
		for (const { messages, locale } of [base!, ...others]) {
			for (const [key, { text }] of messages) expect(text.trim(), `${locale}: ${key}`).not.toBe('');
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

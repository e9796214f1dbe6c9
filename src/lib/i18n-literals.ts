/**
 * Finds text a person reads that is written into a component instead of coming from the message files
 * (messages/<locale>/*.json): text between tags, and the attributes people read (`aria-label`, `title`, `alt`,
 * `placeholder`, `label`, `value` of buttons). Used by tests/i18n/messages.test.ts and by hand:
 * `npx tsx src/lib/i18n-literals.ts src/routes/akun` lists what is left.
 */
import { parse } from 'svelte/compiler';

const readAttributes = new Set(['aria-label', 'title', 'alt', 'placeholder', 'label', 'aria-description']);

/** Text that is the same in every language: names, codes, numbers, punctuation. */
const sameInEveryLanguage =
	/^(Layanan Banjarbaru|SP4N-LAPOR!|KTP-el|NIK|WITA|IKM|SMS 1708|lapor\.go\.id|English|Bahasa Indonesia|PDF|CSV|QR|OK)$/;

export interface Literal {
	line: number;
	text: string;
}

export function literalsIn(source: string): Literal[] {
	const found: Literal[] = [];
	const ast = parse(source, { modern: true });
	const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
	const consider = (text: string, start: number) => {
		const t = text.replace(/\s+/g, ' ').trim();
		if (!/\p{L}{2,}/u.test(t) || sameInEveryLanguage.test(t)) return;
		found.push({ line: lineOf(start), text: t });
	};
	const walk = (node: unknown, inside: string | null) => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((n) => walk(n, inside));
		const n = node as Record<string, unknown> & { type?: string; name?: string; start: number };
		if (n.type === 'Text' && inside !== 'style' && inside !== 'script' && inside !== 'svelte:head-title-ok') {
			consider(String(n.data), n.start);
			return;
		}
		if (n.type === 'RegularElement' || n.type === 'SvelteElement' || n.type === 'Component') {
			for (const attr of (n.attributes as Record<string, unknown>[] | undefined) ?? []) {
				if (attr.type !== 'Attribute' || !readAttributes.has(String(attr.name))) continue;
				if (Array.isArray(attr.value)) for (const part of attr.value as { type: string; data?: string; start: number }[]) if (part.type === 'Text') consider(part.data ?? '', part.start);
			}
			walk(n.fragment, n.name === 'style' || n.name === 'script' ? n.name : inside);
			return;
		}
		for (const [key, value] of Object.entries(n)) {
			if (key === 'instance' || key === 'module' || key === 'css' || key === 'attributes' || key === 'expression' || key === 'metadata') continue;
			walk(value, inside);
		}
	};
	walk(ast.fragment, null);
	return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { readdirSync, readFileSync, statSync } = await import('node:fs');
	const { join } = await import('node:path');
	const files = (dir: string): string[] =>
		statSync(dir).isDirectory() ? readdirSync(dir).flatMap((f) => files(join(dir, f))) : dir.endsWith('.svelte') ? [dir] : [];
	let total = 0;
	for (const root of process.argv.slice(2)) {
		for (const file of files(root)) {
			for (const l of literalsIn(readFileSync(file, 'utf8'))) {
				console.log(`${file}:${l.line}: ${l.text}`);
				total++;
			}
		}
	}
	console.log(`${total} literal text(s)`);
}

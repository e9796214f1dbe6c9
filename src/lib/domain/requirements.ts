/**
 * The requirements of a service (Persyaratan) as the officer's checklist reads them. Each requirement has a
 * stable `id`: the ticks on an application are stored by id, so an admin editing, adding, removing or
 * reordering requirement texts never moves an old tick onto another item. Ids are never reused.
 *
 * Approving asks every required item ticked, or a written reason for the ones left open (recorded in
 * the approve event).
 */
import type { Requirement } from './service';
import { m } from '../paraglide/messages.js';

/** Requirements with ids `r1`, `r2`, … in order: for the seed catalogue. Plain strings are required. */
export function numbered(...items: (string | { text: string; required: false })[]): Requirement[] {
	return items.map((item, i) =>
		typeof item === 'string' ? { id: `r${i + 1}`, text: item, required: true } : { id: `r${i + 1}`, text: item.text, required: false }
	);
}

/** A fresh id: random, so one once used by a removed requirement never comes back (its ticks would). */
export function newRequirementId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(6));
	return `r-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The admin's new list of texts, keeping the ids of what stayed:
 * - a text that is still there (anywhere) keeps its id and its `required`;
 * - a changed text takes the id of a removed requirement from the same place in the list (between the same
 *   unchanged neighbours): the one it shares most words with, or, when as many were removed there as were
 *   changed, the one in the same order (an edit in place). Removing one line and rewording its neighbour in
 *   the same save therefore keeps the reworded one's id, and its ticks, where positions alone would have
 *   handed it the removed one's;
 * - anything else is new and gets a fresh random id.
 */
export function withStableIds(
	previous: readonly Requirement[],
	texts: readonly string[],
	newId: () => string = newRequirementId
): Requirement[] {
	const result: (Requirement | undefined)[] = texts.map(() => undefined);
	const used = new Set<number>();
	// 1. unchanged texts, each old requirement used once
	texts.forEach((text, i) => {
		const j = previous.findIndex((r, k) => !used.has(k) && r.text === text);
		if (j < 0) return;
		used.add(j);
		result[i] = previous[j];
	});
	// 2. each changed text belongs to a place: after the last unchanged text before it (its old index)
	const placeOfNew = (i: number) => {
		for (let k = i - 1; k >= 0; k--) {
			const kept = result[k];
			if (kept) return previous.indexOf(kept);
		}
		return -1;
	};
	const placeOfOld = (j: number) => {
		for (let k = j - 1; k >= 0; k--) if (used.has(k)) return k;
		return -1;
	};
	const changed = new Map<number, number[]>();
	texts.forEach((_, i) => {
		if (!result[i]) changed.set(placeOfNew(i), [...(changed.get(placeOfNew(i)) ?? []), i]);
	});
	const removed = new Map<number, number[]>();
	previous.forEach((_, j) => {
		if (!used.has(j)) removed.set(placeOfOld(j), [...(removed.get(placeOfOld(j)) ?? []), j]);
	});
	for (const [place, news] of changed) {
		const olds = removed.get(place) ?? [];
		const pairs = news
			.flatMap((i) => olds.map((j) => ({ i, j, score: likeness(texts[i]!, previous[j]!.text) })))
			.filter((p) => p.score >= SAME_REQUIREMENT)
			.sort((a, b) => b.score - a.score || Math.abs(a.i - a.j) - Math.abs(b.i - b.j));
		const taken = new Set<number>();
		for (const { i, j } of pairs) {
			if (result[i] || taken.has(j)) continue;
			taken.add(j);
			result[i] = { ...previous[j]!, text: texts[i]! };
		}
		const leftNews = news.filter((i) => !result[i]);
		const leftOlds = olds.filter((j) => !taken.has(j));
		if (leftNews.length === leftOlds.length) {
			leftNews.forEach((i, n) => (result[i] = { ...previous[leftOlds[n]!]!, text: texts[i]! }));
		}
	}
	return texts.map((text, i) => result[i] ?? { id: newId(), text, required: true });
}

/** How alike two requirement texts are: the share of words they have in common (Dice), 0 to 1. */
function likeness(a: string, b: string): number {
	const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
	const x = words(a);
	const y = words(b);
	if (x.size === 0 || y.size === 0) return 0;
	let common = 0;
	for (const word of x) if (y.has(word)) common++;
	return (2 * common) / (x.size + y.size);
}

/** Texts at least this alike are one requirement reworded. */
const SAME_REQUIREMENT = 0.4;

/** The required requirements not ticked on this application. */
export function openRequirements(requirements: readonly Requirement[], checklist: Record<string, boolean>): Requirement[] {
	return requirements.filter((r) => r.required && !checklist[r.id]);
}

export const requirementMessages = {
	reasonMissing: (open: readonly Requirement[]) =>
		m.journey_requirements_reason_missing({ items: open.map((r) => r.text).join(' ') })
} as const;

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
 * The admin's new list of texts, keeping the ids of what stayed: a text that is still there (anywhere)
 * keeps its id and its `required`; a changed text at a position whose old text is gone takes that old
 * requirement's id (an edit in place); anything else is new and gets a fresh random id.
 */
export function withStableIds(
	previous: readonly Requirement[],
	texts: readonly string[],
	newId: () => string = newRequirementId
): Requirement[] {
	const byText = new Map(previous.map((r) => [r.text, r]));
	const kept = new Set(texts.filter((t) => byText.has(t)));
	const taken = new Set<string>();
	return texts.map((text, i) => {
		const same = byText.get(text);
		if (same && !taken.has(same.id)) {
			taken.add(same.id);
			return same;
		}
		const inPlace = previous[i];
		if (inPlace && !kept.has(inPlace.text) && !taken.has(inPlace.id)) {
			taken.add(inPlace.id);
			return { ...inPlace, text };
		}
		return { id: newId(), text, required: true };
	});
}

/** The required requirements not ticked on this application. */
export function openRequirements(requirements: readonly Requirement[], checklist: Record<string, boolean>): Requirement[] {
	return requirements.filter((r) => r.required && !checklist[r.id]);
}

export const requirementMessages = {
	reasonMissing: (open: readonly Requirement[]) =>
		m.journey_requirements_reason_missing({ items: open.map((r) => r.text).join(' ') })
} as const;

/**
 * A draft is an application being filled in: its answers so far and, in field mode, the resident it is
 * for. Drafts live in two places, behind this one interface: the server's table (the form without
 * JavaScript, `server/drafts.ts` `draftStore`) and the phone's IndexedDB (the offline form,
 * `client/drafts.ts` `localDraftStore`). Both pass one contract test (`draft-store.contract.ts`).
 *
 * Invariants of every store:
 * - `saveAnswers` merges: keys not given keep their value, so saving one page never loses another's;
 * - a write is never dropped: a `load` after a `save…` resolved sees it, and writes made in a row
 *   apply in that order;
 * - an id belongs to its store's owner: another owner's draft is never loaded or changed (`null`).
 */
import type { Answers } from '$lib/domain/fields';
import type { Resident } from '$lib/domain/resident';

export interface StoredDraft {
	id: string;
	serviceSlug: string;
	answers: Answers;
	/** Field mode: the resident (empty until the resident page is saved); null when applying for oneself. */
	resident: Resident | null;
	updatedAt: number;
}

export interface DraftStore {
	/** Starts a draft and returns its id (given by the caller, e.g. the phone, or made here). */
	start(serviceSlug: string, options?: { id?: string; forResident?: boolean }): Promise<string>;
	load(id: string): Promise<StoredDraft | null>;
	/** Merges `answers` into the draft's answers. */
	saveAnswers(id: string, answers: Answers): Promise<void>;
	/** Field mode only: who the resident is and how they agreed. */
	saveResident(id: string, resident: Resident): Promise<void>;
	remove(id: string): Promise<void>;
}

/** The empty resident a field-mode draft starts with. */
export const noResidentYet = (): Resident => ({ name: '', phone: '', consent: null });

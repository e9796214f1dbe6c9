/**
 * The one contract every draft store keeps (draft-store.ts), run against the server's table on a real
 * libSQL file (tests/integration/draft-store.test.ts) and the phone's IndexedDB (client/drafts.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { DraftStore } from './draft-store';

export interface ContractSubject {
	store: DraftStore;
	/** A store of another owner, where the store has owners (the server's: one per user). */
	other?: DraftStore;
}

export function draftStoreContract(name: string, subject: () => Promise<ContractSubject>) {
	describe(`draft store contract: ${name}`, () => {
		it('starts an empty draft for oneself, or one for a resident with the resident still unknown', async () => {
			const { store } = await subject();
			const own = await store.start('akta-kelahiran', { id: crypto.randomUUID() });
			expect(await store.load(own)).toMatchObject({ id: own, serviceSlug: 'akta-kelahiran', answers: {}, resident: null });
			const forResident = await store.start('ktp-el-hilang', { forResident: true });
			expect((await store.load(forResident))?.resident).toEqual({ name: '', phone: '', consent: null });
		});

		it('merges answers: saving one page keeps the others, a later value replaces an earlier one', async () => {
			const { store } = await subject();
			const id = await store.start('akta-kelahiran');
			await store.saveAnswers(id, { applicant_name: 'Ani', applicant_nik: '6372041503930002' });
			await store.saveAnswers(id, { child_name: 'Budi' });
			await store.saveAnswers(id, { applicant_name: 'Ani Rahmawati' });
			expect((await store.load(id))?.answers).toEqual({
				applicant_name: 'Ani Rahmawati',
				applicant_nik: '6372041503930002',
				child_name: 'Budi'
			});
		});

		it('drops no write made in a row without waiting, and a load sees them all, in order', async () => {
			const { store } = await subject();
			const id = crypto.randomUUID();
			const writes = [store.start('akta-kelahiran', { id })];
			for (const value of ['R', 'Ra', 'Rah', 'Rahmat']) writes.push(store.saveAnswers(id, { applicant_name: value }).then(() => id));
			writes.push(store.saveAnswers(id, { applicant_phone: '0812-3456-7890' }).then(() => id));
			// starting the same id again (a page opened twice) keeps what is there
			writes.push(store.start('akta-kelahiran', { id }));
			await Promise.all(writes);
			expect((await store.load(id))?.answers).toEqual({ applicant_name: 'Rahmat', applicant_phone: '0812-3456-7890' });
		});

		it('keeps the resident and how they agreed', async () => {
			const { store } = await subject();
			const id = await store.start('akta-kelahiran', { forResident: true });
			const resident = { name: 'Mariani', phone: '+6281234567890', consent: { by: 'parent' as const, how: 'spoken' as const, name: 'Mariani' } };
			await store.saveResident(id, resident);
			expect((await store.load(id))?.resident).toMatchObject(resident);
		});

		it('removes a draft; an unknown id loads as null and is not made by saving', async () => {
			const { store } = await subject();
			const id = await store.start('akta-kelahiran');
			await store.remove(id);
			expect(await store.load(id)).toBeNull();
			const unknown = crypto.randomUUID();
			await store.saveAnswers(unknown, { applicant_name: 'Ani' });
			expect(await store.load(unknown)).toBeNull();
		});

		it('never shows or changes another owner’s draft', async () => {
			const { store, other } = await subject();
			if (!other) return; // one owner per store (the phone's): nothing to keep apart
			const id = await store.start('akta-kelahiran');
			await store.saveAnswers(id, { applicant_name: 'Ani' });
			expect(await other.load(id)).toBeNull();
			await other.saveAnswers(id, { applicant_name: 'Penyusup' });
			await other.remove(id);
			expect((await store.load(id))?.answers).toEqual({ applicant_name: 'Ani' });
		});
	});
}

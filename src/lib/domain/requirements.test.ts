import { describe, expect, it } from 'vitest';
import { numbered, openRequirements, withStableIds } from './requirements';

const before = numbered('KTP', 'KK', { text: 'Tidak perlu surat pengantar.', required: false });

describe('requirement ids stay with their requirement', () => {
	it('an unchanged list keeps every id', () => {
		expect(withStableIds(before, ['KTP', 'KK', 'Tidak perlu surat pengantar.'])).toEqual(before);
	});

	it('reordering moves the ids with the texts', () => {
		expect(withStableIds(before, ['KK', 'KTP']).map((r) => r.id)).toEqual(['r2', 'r1']);
	});

	it('an edit in place keeps the id; removing one does not shift the others', () => {
		expect(withStableIds(before, ['KTP', 'Kartu Keluarga terbaru', 'Tidak perlu surat pengantar.'])).toEqual([
			before[0],
			{ id: 'r2', text: 'Kartu Keluarga terbaru', required: true },
			before[2]
		]);
		expect(withStableIds(before, ['KK', 'Tidak perlu surat pengantar.']).map((r) => r.id)).toEqual(['r2', 'r3']);
	});

	it('rewording one and removing another in the same save keeps the reworded one\'s id', () => {
		const four = numbered('KTP asli', 'Kartu Keluarga (KK) orang tua', 'Buku nikah', 'Surat keterangan lahir');
		// the first removed, the KK reworded: the KK is still r2, not the removed r1
		expect(withStableIds(four, ['Kartu Keluarga (KK) orang tua yang terbaru', 'Buku nikah', 'Surat keterangan lahir']).map((r) => r.id)).toEqual([
			'r2',
			'r3',
			'r4'
		]);
		// the KK removed, the one before it reworded
		expect(withStableIds(four, ['KTP asli atau surat keterangan', 'Buku nikah', 'Surat keterangan lahir']).map((r) => r.id)).toEqual([
			'r1',
			'r3',
			'r4'
		]);
		// two side by side: one removed, the other reworded, whichever comes first
		expect(withStableIds(four, ['KTP asli', 'Buku nikah atau akta perkawinan', 'Surat keterangan lahir']).map((r) => r.id)).toEqual([
			'r1',
			'r3',
			'r4'
		]);
		expect(withStableIds(four, ['KTP asli', 'Kartu Keluarga (KK) terbaru', 'Surat keterangan lahir']).map((r) => r.id)).toEqual([
			'r1',
			'r2',
			'r4'
		]);
	});

	it('a rewording that shares nothing with the removed ones, beside a removal, is a new requirement', () => {
		const four = numbered('KTP asli', 'Kartu Keluarga (KK) orang tua', 'Buku nikah', 'Surat keterangan lahir');
		const [first, ...rest] = withStableIds(four, ['Pas foto 3x4', 'Surat keterangan lahir'], () => 'r-baru');
		expect(first?.id).toBe('r-baru');
		expect(rest.map((r) => r.id)).toEqual(['r4']);
	});

	it('a new requirement gets an id never used before, even the one of a removed requirement', () => {
		const removed = withStableIds(before, ['KTP', 'KK']);
		const added = withStableIds(removed, ['KTP', 'KK', 'Akta nikah']);
		expect(added.slice(0, 2).map((r) => r.id)).toEqual(['r1', 'r2']);
		expect(before.map((r) => r.id)).not.toContain(added[2]!.id);
		expect(added[2]).toMatchObject({ text: 'Akta nikah', required: true });
	});
});

describe('openRequirements', () => {
	it('lists the required items not ticked; informing lines never block', () => {
		expect(openRequirements(before, { r1: true }).map((r) => r.id)).toEqual(['r2']);
		expect(openRequirements(before, { r1: true, r2: true })).toEqual([]);
	});
});

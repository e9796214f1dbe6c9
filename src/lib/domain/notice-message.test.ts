import { describe, expect, it } from 'vitest';
import { codeSms, nextFallback, noticeParts, noticeSms, retryDelay } from './notice-message';

describe('noticeParts', () => {
	it('cuts the first sentence from the rest', () => {
		expect(noticeParts('Permohonan KTP-el (ABCD EFGH) perlu perbaikan. Baca catatan petugas lalu kirim perbaikannya.')).toEqual({
			happened: 'Permohonan KTP-el (ABCD EFGH) perlu perbaikan.',
			next: 'Baca catatan petugas lalu kirim perbaikannya.'
		});
	});
	it('keeps times and queue numbers whole', () => {
		expect(noticeParts('Jadwal datang Anda: Senin, 20 November 2026 pukul 09.00 WITA. Nomor antrean A-007.')).toEqual({
			happened: 'Jadwal datang Anda: Senin, 20 November 2026 pukul 09.00 WITA.',
			next: 'Nomor antrean A-007.'
		});
	});
	it('points to the link when there is one sentence only, and never keeps newlines', () => {
		expect(noticeParts('Permohonan selesai.\n')).toEqual({ happened: 'Permohonan selesai.', next: nextFallback });
		expect(noticeParts('Satu.\n\tDua.').happened).toBe('Satu.');
	});
});

describe('plain texts', () => {
	it('puts the link after the notice', () => {
		expect(noticeSms('Permohonan selesai.', 'https://x.id/lacak')).toBe('Permohonan selesai. https://x.id/lacak');
	});
	it('names the code and its lifetime', () => {
		expect(codeSms('123456', 5)).toMatch(/123456.*5 menit/);
	});
});

describe('retryDelay', () => {
	const policy = { firstDelayMs: 1000, maxDelayMs: 5000 };
	it('doubles from the first delay and stops at the cap', () => {
		expect([1, 2, 3, 4, 5, 40].map((n) => retryDelay(n, policy))).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
	});
});

import { describe, expect, it } from 'vitest';
import {
	TRACKING_CODE_ALPHABET,
	TRACKING_CODE_LENGTH,
	formatTrackingCode,
	generateTrackingCode,
	isTrackingCode,
	normalizeTrackingCode
} from './tracking-code';

/** A fake random source that hands out the given bytes in order. */
function bytesFrom(values: number[]): (n: number) => Uint8Array {
	let i = 0;
	return (n) => Uint8Array.from({ length: n }, () => values[i++ % values.length] ?? 0);
}

describe('alphabet', () => {
	it('has 28 distinct characters and none of the look-alikes', () => {
		expect(TRACKING_CODE_ALPHABET).toBe('ABCDEFGHJKMNPRSTWXYZ23456789');
		expect(new Set(TRACKING_CODE_ALPHABET).size).toBe(28);
		for (const lookAlike of ['0', 'O', '1', 'I', 'L', 'Q', 'U', 'V']) {
			expect(TRACKING_CODE_ALPHABET).not.toContain(lookAlike);
		}
	});
});

describe('generateTrackingCode', () => {
	it('makes 8 characters from the alphabet, every time', () => {
		for (let i = 0; i < 2000; i += 1) {
			const code = generateTrackingCode();
			expect(code).toHaveLength(TRACKING_CODE_LENGTH);
			expect(isTrackingCode(code)).toBe(true);
		}
	});

	it('maps accepted bytes by position in the alphabet', () => {
		expect(generateTrackingCode(bytesFrom([0, 1, 2, 3, 27, 28, 29, 251]))).toBe('ABCD9AB9');
	});

	it('throws away bytes 252–255 instead of folding them onto the first letters', () => {
		expect(generateTrackingCode(bytesFrom([252, 253, 254, 255, 5]))).toBe('FFFFFFFF');
	});

	it('gives up on a random source that never yields a usable byte', () => {
		expect(() => generateTrackingCode(bytesFrom([255]))).toThrow();
	});

	it('draws every character about equally often', () => {
		const counts = new Map<string, number>();
		const draws = 20_000;
		for (let i = 0; i < draws; i += 1) {
			for (const ch of generateTrackingCode()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
		}
		const expected = (draws * TRACKING_CODE_LENGTH) / TRACKING_CODE_ALPHABET.length; // ≈ 5714
		expect(counts.size).toBe(28);
		for (const count of counts.values()) {
			// ±10% is more than 7 standard deviations: fails only on real bias.
			expect(Math.abs(count - expected) / expected).toBeLessThan(0.1);
		}
	});

	it('does not repeat itself', () => {
		const codes = new Set(Array.from({ length: 5000 }, () => generateTrackingCode()));
		expect(codes.size).toBe(5000);
	});
});

describe('formatTrackingCode and normalizeTrackingCode', () => {
	it('shows a code in two groups of four', () => {
		expect(formatTrackingCode('ABCD2345')).toBe('ABCD 2345');
	});

	it('forgives case, spaces and dashes', () => {
		expect(normalizeTrackingCode('abcd 2345')).toBe('ABCD2345');
		expect(normalizeTrackingCode('  ABCD-2345 ')).toBe('ABCD2345');
		expect(normalizeTrackingCode('ab cd\t23-45')).toBe('ABCD2345');
	});

	it('refuses look-alikes, other characters and wrong lengths rather than guessing', () => {
		const refused = ['ABCD2340', 'ABCO2345', 'ABCD1345', 'ABCDI345', 'ABCL2345', 'QBCD2345', 'ABCDU345'];
		for (const bad of [...refused, 'ABCD.345', 'ABCD234', 'ABCD23456', '']) {
			expect(normalizeTrackingCode(bad), bad).toBeNull();
		}
	});

	it('round-trips: a formatted code normalises back to itself', () => {
		for (let i = 0; i < 100; i += 1) {
			const code = generateTrackingCode();
			expect(normalizeTrackingCode(formatTrackingCode(code))).toBe(code);
			expect(normalizeTrackingCode(formatTrackingCode(code).toLowerCase())).toBe(code);
		}
	});
});

import { describe, expect, it } from 'vitest';
import {
	elements,
	equalWeights,
	formatFraction,
	formatHundredths,
	fraction,
	gradeOf,
	ikm,
	nrr,
	targetSample,
	totalsOf,
	type ElementTotals
} from './ikm';

/** Nine elements answered by `n` respondents whose answers add up to `total` overall (spread evenly). */
function totalsSumming(total: number, n: number): ElementTotals[] {
	const base = Math.floor(total / 9);
	let rest = total - base * 9;
	return elements.map(() => {
		const sum = base + (rest > 0 ? 1 : 0);
		if (rest > 0) rest -= 1;
		return { sum, count: n };
	});
}

describe('the nine elements', () => {
	it('keeps the regulation order and a four-point scale with its wording', () => {
		expect(elements.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(elements[3]!.options).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
		expect(elements[0]!.name).toBe('Persyaratan');
		expect(elements[8]!.name).toBe('Sarana dan prasarana');
	});
});

describe('NRR and IKM', () => {
	it('NRR is the sum over the respondents who answered that element', () => {
		expect(nrr({ sum: 13, count: 4 })).toEqual(fraction(13, 4));
		expect(nrr({ sum: 0, count: 0 })).toBeNull();
	});

	it('counts per element, so a skipped element does not pull its average down', () => {
		const totals = totalsOf([{ u1: 4, u2: 3 }, { u1: 2 }]);
		expect(totals[0]).toEqual({ sum: 6, count: 2 });
		expect(totals[1]).toEqual({ sum: 3, count: 1 });
		expect(totals[2]).toEqual({ sum: 0, count: 0 });
	});

	it('refuses answers outside 1–4', () => {
		expect(() => totalsOf([{ u1: 5 as 4 }])).toThrow(RangeError);
	});

	it('all fours is 100,00 A Sangat Baik; all ones is 25,00 D Tidak Baik', () => {
		const all = (a: number) => elements.map(() => ({ sum: a * 3, count: 3 }));
		expect(ikm(all(4))).toMatchObject({ scoreHundredths: 10000, grade: 'A', label: 'Sangat Baik' });
		expect(ikm(all(1))).toMatchObject({ scoreHundredths: 2500, grade: 'D', label: 'Tidak Baik' });
	});

	it('weights must sum to exactly 1', () => {
		const totals = totalsSumming(27, 1);
		const off = equalWeights.map((w, i) => (i === 0 ? fraction(2, 9) : w));
		expect(() => ikm(totals, off)).toThrow(/sum to 1/);
		const uneven = [fraction(1, 2), ...Array.from({ length: 8 }, () => fraction(1, 16))];
		expect(ikm(totalsOf([{ u1: 4, u2: 2, u3: 2, u4: 2, u5: 2, u6: 2, u7: 2, u8: 2, u9: 2 }]), uneven)).toMatchObject({
			// IKM = 4·½ + 2·½ = 3 → 75,00
			scoreHundredths: 7500,
			grade: 'C'
		});
	});

	it('no answers at all gives no score', () => {
		expect(ikm(elements.map(() => ({ sum: 0, count: 0 })))).toBeNull();
	});
});

describe('grade boundaries (published: 25,00–64,99 D · 65,00–76,60 C · 76,61–88,30 B · 88,31–100 A)', () => {
	it.each([
		[10000, 'A'],
		[8831, 'A'],
		[8830, 'B'],
		[7661, 'B'],
		[7660, 'C'],
		[6500, 'C'],
		[6499, 'D'],
		[2500, 'D']
	] as const)('%i hundredths is %s', (score, grade) => {
		expect(gradeOf(score).grade).toBe(grade);
	});

	// With 2500 respondents and equal weights, score = total / 900: exact boundary values are reachable.
	it.each([
		[79479, 8831, 'A'], // IKM 3,5324 exactly: 3.5324 * 25 is 88.30999… in floating point
		[79470, 8830, 'B'], // 88,30
		[68949, 7661, 'B'], // IKM 3,0644: 76,61
		[68940, 7660, 'C'], // 76,60
		[58500, 6500, 'C'], // IKM 2,60: 65,00
		[58491, 6499, 'D'] // 64,99
	] as const)('a total of %i over 2500 respondents scores %i, grade %s', (total, score, grade) => {
		const result = ikm(totalsSumming(total, 2500))!;
		expect(result.scoreHundredths).toBe(score);
		expect(result.grade).toBe(grade);
	});

	it('rounds half up once, at the published hundredths', () => {
		// 900 · 88,305 = 79474,5: with 5000 respondents the total 158949 gives exactly 88,305 → 88,31 (A)
		expect(ikm(totalsSumming(158949, 5000))).toMatchObject({ scoreHundredths: 8831, grade: 'A' });
		// one answer point less: 88,3040… → 88,30 (B)
		expect(ikm(totalsSumming(158948, 5000))).toMatchObject({ scoreHundredths: 8830, grade: 'B' });
	});
});

describe('formatting', () => {
	it('writes a decimal comma', () => {
		expect(formatHundredths(8831)).toBe('88,31');
		expect(formatHundredths(6500)).toBe('65,00');
		expect(formatFraction(fraction(13, 4))).toBe('3,25');
		expect(formatFraction(fraction(10, 3))).toBe('3,33');
	});
});

describe('target sample (Krejcie–Morgan)', () => {
	it.each([
		[0, 0],
		[7, 7],
		[10, 10],
		[11, 14],
		[100, 80],
		[101, 86],
		[1000, 278],
		[100000, 384],
		[2_000_000, 384]
	])('population %i needs %i respondents', (population, sample) => {
		expect(targetSample(population)).toBe(sample);
	});
});

/**
 * The satisfaction index (Indeks Kepuasan Masyarakat, IKM) of PermenPANRB 14/2017.
 *
 * Nine elements (unsur), each answered on a 1–4 scale with the regulation's own wording. Per element the
 * NRR (nilai rata-rata) is the sum of its answers over the number of respondents who answered it; the IKM
 * is Σ NRR × weight, the weights summing to exactly 1 (the regulation's default is 1/9 each); the converted
 * score is IKM × 25 (25–100), and the grade (mutu) comes from the published boundaries.
 *
 * Exact arithmetic: every figure is a fraction of big integers, never a float, so a score that is exactly on
 * a boundary lands on the right side of it. The converted score is rounded once, half up, to hundredths (the
 * way it is published: "88,31"), and the grade is read from that published number, so the grade shown always
 * agrees with the score shown. The table's IKM columns (2,5996 · 3,064 · 3,0644 · 3,532 · 3,5324) are the same
 * boundaries divided by 25.
 *
 * The target sample is Krejcie & Morgan's table (1970, 95% confidence, 5% margin), which the regulation
 * refers to: for a population between two rows the larger row's sample is taken.
 */

import { m } from '../paraglide/messages.js';
import { decimalMark } from './working-time';
import type { Locale } from '../paraglide/runtime.js';

export interface Element {
	/** 1…9, the regulation's order. */
	number: number;
	key: ElementKey;
	/** The element's name in the regulation. */
	name: string;
	/** The question as the regulation's sample questionnaire asks it. */
	question: string;
	/** The answers for 1, 2, 3 and 4. */
	options: readonly [string, string, string, string];
}

export const elementKeys = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type ElementKey = (typeof elementKeys)[number];

/**
 * The element's name, question and answers are the regulation's wording (PermenPANRB 14/2017) in Indonesian,
 * with an English reading beside it (messages/<locale>/public.json); the stored answer is the number 1–4.
 */
function element(number: number, key: ElementKey, name: () => string, question: () => string, options: readonly (() => string)[]): Element {
	return {
		number,
		key,
		get name() { return name(); },
		get question() { return question(); },
		get options() { return options.map((option) => option()) as unknown as Element['options']; }
	};
}

export const elements: readonly Element[] = [
	element(1, 'u1', m.public_ikm_u1_name, m.public_ikm_u1_question, [m.public_ikm_u1_option1, m.public_ikm_u1_option2, m.public_ikm_u1_option3, m.public_ikm_u1_option4]),
	element(2, 'u2', m.public_ikm_u2_name, m.public_ikm_u2_question, [m.public_ikm_u2_option1, m.public_ikm_u2_option2, m.public_ikm_u2_option3, m.public_ikm_u2_option4]),
	element(3, 'u3', m.public_ikm_u3_name, m.public_ikm_u3_question, [m.public_ikm_u3_option1, m.public_ikm_u3_option2, m.public_ikm_u3_option3, m.public_ikm_u3_option4]),
	element(4, 'u4', m.public_ikm_u4_name, m.public_ikm_u4_question, [m.public_ikm_u4_option1, m.public_ikm_u4_option2, m.public_ikm_u4_option3, m.public_ikm_u4_option4]),
	element(5, 'u5', m.public_ikm_u5_name, m.public_ikm_u5_question, [m.public_ikm_u5_option1, m.public_ikm_u5_option2, m.public_ikm_u5_option3, m.public_ikm_u5_option4]),
	element(6, 'u6', m.public_ikm_u6_name, m.public_ikm_u6_question, [m.public_ikm_u6_option1, m.public_ikm_u6_option2, m.public_ikm_u6_option3, m.public_ikm_u6_option4]),
	element(7, 'u7', m.public_ikm_u7_name, m.public_ikm_u7_question, [m.public_ikm_u7_option1, m.public_ikm_u7_option2, m.public_ikm_u7_option3, m.public_ikm_u7_option4]),
	element(8, 'u8', m.public_ikm_u8_name, m.public_ikm_u8_question, [m.public_ikm_u8_option1, m.public_ikm_u8_option2, m.public_ikm_u8_option3, m.public_ikm_u8_option4]),
	element(9, 'u9', m.public_ikm_u9_name, m.public_ikm_u9_question, [m.public_ikm_u9_option1, m.public_ikm_u9_option2, m.public_ikm_u9_option3, m.public_ikm_u9_option4])
];

// ------------------------------------------------------------------------------------------------
// Fractions of big integers

export interface Fraction {
	num: bigint;
	den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
	a = a < 0n ? -a : a;
	b = b < 0n ? -b : b;
	while (b) [a, b] = [b, a % b];
	return a;
};

export function fraction(num: bigint | number, den: bigint | number = 1n): Fraction {
	let n = BigInt(num);
	let d = BigInt(den);
	if (d === 0n) throw new RangeError('denominator 0');
	if (d < 0n) [n, d] = [-n, -d];
	const g = gcd(n, d) || 1n;
	return { num: n / g, den: d / g };
}

const add = (a: Fraction, b: Fraction) => fraction(a.num * b.den + b.num * a.den, a.den * b.den);
const mul = (a: Fraction, b: Fraction) => fraction(a.num * b.num, a.den * b.den);
const equal = (a: Fraction, b: Fraction) => a.num * b.den === b.num * a.den;

/** A fraction rounded half up to a whole number of `1/scale` (scale 100: hundredths). Positive values only. */
export function roundedTo(value: Fraction, scale: bigint): bigint {
	return (value.num * scale * 2n + value.den) / (value.den * 2n);
}

// ------------------------------------------------------------------------------------------------
// The index

/** The regulation's default: every element weighs 1/9. */
export const equalWeights: readonly Fraction[] = elementKeys.map(() => fraction(1, 9));

/** Per element: the sum of its answers and how many answered it (a rollup can add these up). */
export interface ElementTotals {
	sum: number;
	count: number;
}

export type Answers = Record<ElementKey, 1 | 2 | 3 | 4>;

/** Adds one response to running totals (the same totals a database SUM/COUNT gives). */
export function totalsOf(responses: readonly Partial<Answers>[]): ElementTotals[] {
	const totals = elementKeys.map(() => ({ sum: 0, count: 0 }));
	for (const response of responses) {
		elementKeys.forEach((key, i) => {
			const answer = response[key];
			if (answer === undefined) return;
			if (![1, 2, 3, 4].includes(answer)) throw new RangeError(`${key}: answer ${answer} outside 1–4`);
			totals[i]!.sum += answer;
			totals[i]!.count += 1;
		});
	}
	return totals;
}

/** NRR of one element: sum of answers / respondents who answered it; null when nobody did. */
export function nrr(totals: ElementTotals): Fraction | null {
	return totals.count > 0 ? fraction(totals.sum, totals.count) : null;
}

export const grades = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof grades)[number];

/** The published boundaries, on the converted score in hundredths: the lowest score of each grade. */
export const gradeBoundaries: readonly { grade: Grade; from: number; label: string }[] = [
	{ grade: 'A', from: 8831, get label() { return m.public_ikm_grade_a(); } },
	{ grade: 'B', from: 7661, get label() { return m.public_ikm_grade_b(); } },
	{ grade: 'C', from: 6500, get label() { return m.public_ikm_grade_c(); } },
	{ grade: 'D', from: 2500, get label() { return m.public_ikm_grade_d(); } }
];

/** The grade of a converted score given in hundredths (8831 = 88,31). */
export function gradeOf(scoreHundredths: number): { grade: Grade; label: string } {
	const row = gradeBoundaries.find((b) => scoreHundredths >= b.from) ?? gradeBoundaries[gradeBoundaries.length - 1]!;
	return { grade: row.grade, label: row.label };
}

export interface IkmResult {
	/** NRR per element, in the regulation's order. */
	nrr: Fraction[];
	/** Σ NRR × weight, exact (1–4). */
	ikm: Fraction;
	/** IKM × 25, rounded half up to hundredths, as an integer: 8831 means 88,31. */
	scoreHundredths: number;
	grade: Grade;
	label: string;
}

/**
 * The IKM from each element's totals. Every element needs at least one answer (the survey asks all nine);
 * weights must be nine fractions summing to exactly 1. Null when there are no answers at all.
 */
export function ikm(totals: readonly ElementTotals[], weights: readonly Fraction[] = equalWeights): IkmResult | null {
	if (totals.length !== elementKeys.length || weights.length !== elementKeys.length) {
		throw new RangeError('IKM needs nine elements and nine weights');
	}
	if (!equal(weights.reduce(add, fraction(0)), fraction(1))) throw new RangeError('IKM weights must sum to 1');
	if (totals.every((t) => t.count === 0)) return null;
	const values = totals.map((t, i) => {
		const value = nrr(t);
		if (!value) throw new RangeError(`element ${i + 1} has no answers`);
		return value;
	});
	const index = values.reduce((sum, value, i) => add(sum, mul(value, weights[i]!)), fraction(0));
	const scoreHundredths = Number(roundedTo(mul(index, fraction(25)), 100n));
	return { nrr: values, ikm: index, scoreHundredths, ...gradeOf(scoreHundredths) };
}

/** A number in hundredths with the reader's decimal mark: 8831 → "88,31" (Indonesian), "88.31" (English). */
export function formatHundredths(value: number, locale?: Locale): string {
	const whole = Math.floor(value / 100);
	return `${whole}${decimalMark(locale)}${String(value % 100).padStart(2, '0')}`;
}

/** A fraction to `decimals` places, the reader's decimal mark (NRR "3,25" in Indonesian). */
export function formatFraction(value: Fraction, decimals = 2, locale?: Locale): string {
	const scale = 10n ** BigInt(decimals);
	const n = roundedTo(value, scale);
	const whole = n / scale;
	return decimals === 0 ? String(whole) : `${whole}${decimalMark(locale)}${String(n % scale).padStart(decimals, '0')}`;
}

// ------------------------------------------------------------------------------------------------
// Target sample (Krejcie & Morgan 1970)

/** Population N → sample S, the published table. */
export const krejcieMorgan: readonly (readonly [number, number])[] = [
	[10, 10], [15, 14], [20, 19], [25, 24], [30, 28], [35, 32], [40, 36], [45, 40], [50, 44], [55, 48],
	[60, 52], [65, 56], [70, 59], [75, 63], [80, 66], [85, 70], [90, 73], [95, 76], [100, 80], [110, 86],
	[120, 92], [130, 97], [140, 103], [150, 108], [160, 113], [170, 118], [180, 123], [190, 127], [200, 132],
	[210, 136], [220, 140], [230, 144], [240, 148], [250, 152], [260, 155], [270, 159], [280, 162], [290, 165],
	[300, 169], [320, 175], [340, 181], [360, 186], [380, 191], [400, 196], [420, 201], [440, 205], [460, 210],
	[480, 214], [500, 217], [550, 226], [600, 234], [650, 242], [700, 248], [750, 254], [800, 260], [850, 265],
	[900, 269], [950, 274], [1000, 278], [1100, 285], [1200, 291], [1300, 297], [1400, 302], [1500, 306],
	[1600, 310], [1700, 313], [1800, 317], [1900, 320], [2000, 322], [2200, 327], [2400, 331], [2600, 335],
	[2800, 338], [3000, 341], [3500, 346], [4000, 351], [4500, 354], [5000, 357], [6000, 361], [7000, 364],
	[8000, 367], [9000, 368], [10000, 370], [15000, 375], [20000, 377], [30000, 379], [40000, 380],
	[50000, 381], [75000, 382], [1000000, 384]
];

/**
 * How many respondents a population of `population` users needs: everyone below 10, else the table's
 * sample for the smallest listed population at or above it (384 beyond the table).
 */
export function targetSample(population: number): number {
	if (!Number.isInteger(population) || population < 0) throw new RangeError(`population ${population}`);
	if (population < 10) return population;
	const row = krejcieMorgan.find(([n]) => n >= population);
	return row ? row[1] : 384;
}

// ------------------------------------------------------------------------------------------------
// The optional demographics

export const demographics = {
	ageBand: { get label() { return m.public_survey_age(); }, options: ['< 20', '20–29', '30–39', '40–49', '50–59', '≥ 60'] },
	sex: { get label() { return m.public_survey_sex(); }, options: ['Laki-laki', 'Perempuan'] },
	education: { get label() { return m.public_survey_education(); }, options: ['SD atau kurang', 'SMP', 'SMA/SMK', 'D1–D3', 'S1/D4', 'S2 ke atas'] },
	occupation: {
		get label() { return m.public_survey_occupation(); },
		options: ['PNS/TNI/Polri', 'Pegawai swasta', 'Wiraswasta/usahawan', 'Pelajar/mahasiswa', 'Ibu rumah tangga', 'Lainnya']
	}
} as const;

/**
 * What a person reads for a demographic answer. The options above are the values the form sends and the
 * database keeps (always these Indonesian words); only what is shown follows the reader's language.
 */
const demographicWords: Record<string, () => string> = {
	'Laki-laki': m.public_survey_sex_male,
	Perempuan: m.public_survey_sex_female,
	'SD atau kurang': m.public_survey_education_sd,
	SMP: m.public_survey_education_smp,
	'SMA/SMK': m.public_survey_education_sma,
	'D1–D3': m.public_survey_education_diploma,
	'S1/D4': m.public_survey_education_bachelor,
	'S2 ke atas': m.public_survey_education_master,
	'PNS/TNI/Polri': m.public_survey_occupation_civil,
	'Pegawai swasta': m.public_survey_occupation_private,
	'Wiraswasta/usahawan': m.public_survey_occupation_business,
	'Pelajar/mahasiswa': m.public_survey_occupation_student,
	'Ibu rumah tangga': m.public_survey_occupation_home,
	Lainnya: m.public_survey_occupation_other
};

export const demographicOptionLabel = (option: string): string => demographicWords[option]?.() ?? option;
export type DemographicKey = keyof typeof demographics;

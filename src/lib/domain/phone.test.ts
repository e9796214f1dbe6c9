import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, phoneLastFour } from './phone';

describe('normalizePhone', () => {
	it.each([
		['081234567890', '+6281234567890'],
		['6281234567890', '+6281234567890'],
		['+6281234567890', '+6281234567890'],
		['0812-3456-7890', '+6281234567890'],
		[' 0812 3456 789 ', '+628123456789'],
		['(0812) 3456-7890', '+6281234567890']
	])('accepts %j as %s', (input, expected) => {
		expect(normalizePhone(input)).toBe(expected);
	});

	it.each([
		'',
		'12345678',
		'0212345678', // a landline in Jakarta: not a mobile number
		'+6512345678', // Singapore
		'08123', // too short
		'0812345678901234', // too long
		'08abc4567890'
	])('refuses %j', (input) => {
		expect(normalizePhone(input)).toBeNull();
	});
});

describe('formatPhone and phoneLastFour', () => {
	it('shows the local form people know', () => {
		expect(formatPhone('+6281234567890')).toBe('0812-3456-7890');
	});
	it('reads a number already written another way the same, once (not "00812-…")', () => {
		for (const written of ['0812-3456-7890', '0812 3456 7890', '6281234567890', formatPhone('+6281234567890')]) {
			expect(formatPhone(written)).toBe('0812-3456-7890');
		}
		expect(formatPhone('bukan nomor')).toBe('bukan nomor');
	});
	it('takes the last four digits', () => {
		expect(phoneLastFour('+6281234567890')).toBe('7890');
	});
});

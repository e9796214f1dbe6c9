import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
	it('accepts a long, uncommon password', () => {
		expect(passwordProblem('kopi susu di pasar', '+6281234567890')).toBeNull();
	});
	it('refuses short passwords', () => {
		expect(passwordProblem('abc123')).toBe('too_short');
	});
	it('refuses common passwords whatever their case', () => {
		expect(passwordProblem('12345678')).toBe('common');
		expect(passwordProblem('Bismillah')).toBe('common');
		expect(passwordProblem('PASSWORD')).toBe('common');
		expect(passwordProblem('zzzzzzzzzz')).toBe('common');
	});
	it('refuses the phone number as password', () => {
		expect(passwordProblem('081234567890', '+6281234567890')).toBe('contains_phone');
	});
});

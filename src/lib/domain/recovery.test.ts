import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { newCode, resetSchema } from './recovery';

describe('newCode', () => {
	it('is six digits, leading zeros kept', () => {
		expect(newCode((b) => ((b[0] = 42), b))).toBe('000042');
		for (let i = 0; i < 50; i++) expect(newCode()).toMatch(/^\d{6}$/);
	});
	it('draws again above the last whole million (no bias)', () => {
		const draws = [0xffffffff, 1_234_567];
		expect(newCode((b) => ((b[0] = draws.shift()!), b))).toBe('234567');
	});
});

describe('resetSchema', () => {
	const good = { phone: '0812 3456 7890', code: '123 456', password: 'kopi susu di pasar', repeat: 'kopi susu di pasar' };
	it('takes a spaced code and a national number', () => {
		const parsed = v.safeParse(resetSchema, good);
		expect(parsed.success && parsed.output).toMatchObject({ phone: '+6281234567890', code: '123456' });
	});
	it('refuses a short code, a weak password and two different passwords', () => {
		expect(v.safeParse(resetSchema, { ...good, code: '12345' }).success).toBe(false);
		expect(v.safeParse(resetSchema, { ...good, password: '12345678', repeat: '12345678' }).success).toBe(false);
		expect(v.safeParse(resetSchema, { ...good, repeat: 'kopi susu di warung' }).success).toBe(false);
	});
});

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fieldErrors, loginSchema, registerSchema } from './account-forms';

describe('registerSchema', () => {
	it('normalises the phone number and keeps the name trimmed', () => {
		const result = v.safeParse(registerSchema, {
			name: '  Siti Aminah ',
			phone: '0812-3456-7890',
			password: 'kopi susu di pasar'
		});
		expect(result.success).toBe(true);
		expect(result.output).toMatchObject({ name: 'Siti Aminah', phone: '+6281234567890' });
	});

	it('reports each bad field in Indonesian', () => {
		const result = v.safeParse(registerSchema, { name: '', phone: '12', password: '123' });
		expect(result.success).toBe(false);
		const errors = fieldErrors(result.issues ?? []);
		expect(errors.name).toBe('Isi nama lengkap.');
		expect(errors.phone).toMatch(/Nomor HP tidak dikenali/);
	});

	it('refuses a common password', () => {
		const result = v.safeParse(registerSchema, {
			name: 'Budi',
			phone: '081234567890',
			password: 'password123'
		});
		expect(result.success).toBe(false);
		expect(fieldErrors(result.issues ?? []).password).toMatch(/mudah ditebak/);
	});
});

describe('loginSchema', () => {
	it('accepts +62 numbers', () => {
		const result = v.safeParse(loginSchema, { phone: '+62 812 3456 7890', password: 'x' });
		expect(result.output).toMatchObject({ phone: '+6281234567890' });
	});
});

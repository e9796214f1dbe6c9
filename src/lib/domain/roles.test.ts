import { describe, expect, it } from 'vitest';
import { accessFor } from './roles';

describe('accessFor', () => {
	it('leaves public pages public', () => {
		expect(accessFor('/', null)).toBe('public');
		expect(accessFor('/layanan/akta-kelahiran', null)).toBe('public');
		// a prefix match must be a whole path segment
		expect(accessFor('/adminx', null)).toBe('public');
	});
	it('asks anonymous visitors to log in for protected areas', () => {
		expect(accessFor('/akun', null)).toBe('login-required');
		expect(accessFor('/admin/petugas', null)).toBe('login-required');
	});
	it('lets each role into its own area only', () => {
		expect(accessFor('/petugas', 'officer')).toBe('allowed');
		expect(accessFor('/petugas', 'citizen')).toBe('forbidden');
		expect(accessFor('/admin', 'officer')).toBe('forbidden');
		expect(accessFor('/admin', 'admin')).toBe('allowed');
		expect(accessFor('/relawan', 'citizen')).toBe('forbidden');
		expect(accessFor('/permohonan', 'volunteer')).toBe('allowed');
		expect(accessFor('/akun', 'admin')).toBe('allowed');
	});
});

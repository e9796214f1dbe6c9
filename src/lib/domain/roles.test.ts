import { describe, expect, it } from 'vitest';
import { accessFor, gatePath } from './roles';

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

describe('gatePath: the gate judges the path the router judges', () => {
	it('uses the matched route id, without groups', () => {
		expect(gatePath('/admin/petugas', '/%61dmin/petugas')).toBe('/admin/petugas');
		expect(gatePath('/(app)/permohonan/[id]', '/permohonan/x')).toBe('/permohonan/[id]');
	});

	it('decodes an unmatched path, folds slashes and drops a trailing one', () => {
		expect(gatePath(null, '/%61dmin/%70etugas')).toBe('/admin/petugas');
		expect(gatePath(null, '//admin//x/')).toBe('/admin/x');
		expect(accessFor(gatePath(null, '/%61dmin/')!, null)).toBe('login-required');
	});

	it('refuses what cannot be decoded or hides control characters', () => {
		expect(gatePath(null, '/permohonan/%c0%af')).toBeNull();
		expect(gatePath('/admin', '/admin/%ff')).toBeNull();
		expect(gatePath(null, '/admin%09')).toBeNull();
		expect(gatePath(null, '/admin%5Cx')).toBeNull();
	});
});

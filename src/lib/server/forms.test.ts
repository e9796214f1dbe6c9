import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './forms';

describe('safeRedirectTarget', () => {
	it('keeps a path on this site, with its query', () => {
		expect(safeRedirectTarget('/permohonan/abc?baru=1', '/akun')).toBe('/permohonan/abc?baru=1');
		expect(safeRedirectTarget('/petugas', '/akun')).toBe('/petugas');
	});

	it.each([
		'//evil.example/',
		'/\t/evil.example/',
		'/\n/evil.example',
		'/\r/evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/%2F/evil.example',
		'/%2f%2fevil.example',
		'/%5Cevil.example',
		'/%09/evil.example',
		'/%0A/evil.example',
		'/%0d/x',
		'https://evil.example/',
		'javascript:alert(1)',
		'evil.example',
		'/./\t/evil.example',
		'/%E0%A4%A',
		'',
		'/' + 'a'.repeat(3000)
	])('refuses %j', (target) => {
		expect(safeRedirectTarget(target, '/akun')).toBe('/akun');
	});

	it('never returns a value the browser reads as another host', () => {
		for (const target of ['/.//evil.example', '/a/..//evil.example', '/%2e//evil.example']) {
			const out = safeRedirectTarget(target, '/akun');
			expect(new URL(out, 'https://layanan.example').host).toBe('layanan.example');
		}
	});
});

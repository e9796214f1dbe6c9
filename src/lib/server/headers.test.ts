import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityHeaders, staticCsp, staticHeaders } from './headers';

describe('security headers', () => {
	it('_headers (Cloudflare static assets) carries exactly the list the hook sets', () => {
		const lines = readFileSync('_headers', 'utf8')
			.split('\n')
			.filter((line) => /^\s+\S+:/.test(line))
			.map((line) => line.trim());
		const fromFile = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
		expect(fromFile).toEqual({ ...staticHeaders, 'Content-Security-Policy': staticCsp });
	});

	it('adds HSTS only over https', () => {
		expect(securityHeaders(new URL('https://layanan.example/'))).toHaveProperty('Strict-Transport-Security');
		expect(securityHeaders(new URL('http://localhost:4173/'))).not.toHaveProperty('Strict-Transport-Security');
	});
});

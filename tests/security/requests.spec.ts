/**
 * Requests no browser would send: undecodable paths, unknown methods, absurd numbers in query parameters,
 * malformed bodies, hostile `?ke=` redirect targets, a forged Host header. None may answer 500 or stop the
 * server; every refusal is a 4xx with plain words; the server is asked after each one whether it still
 * answers.
 */
import { expect, test } from '@playwright/test';
import { demo } from '../e2e/helpers';
import { birthApplication } from './applications';
import { alive, form, origin, send, session, Tally } from './support';

const tally = new Tally('requests');
test.afterAll(() => tally.write());

const badPaths = [
	'/permohonan/%c0%af',
	'/admin/%ff',
	'/%',
	'/%zz',
	'/layanan/%e0%a4%a',
	'/dokumen/%00',
	'/petugas/permohonan/%ed%a0%80',
	'/akun%',
	`/${'a'.repeat(8000)}`,
	'/layanan/%2e%2e/%2e%2e/etc/passwd',
	'/..%2f..%2fetc%2fpasswd',
	'/_app/%ff',
	'/api/permohonan/%c0'
];

test('undecodable and hostile paths get a 4xx and the server keeps serving', async () => {
	const citizen = await session(demo('citizen').phone, demo('citizen').password);
	for (const path of badPaths) {
		for (const cookie of [undefined, citizen]) {
			let status = 0;
			try {
				status = (await send(path, { cookie })).status;
			} catch {
				status = -1;
			}
			const up = await alive();
			tally.check('undecodable paths', status >= 400 && status < 500 && up, `${path} (${cookie ? 'citizen' : 'nobody'}) → ${status}, alive: ${up}`);
		}
	}
});

const methods = ['TRACE', 'TRACK', 'CONNECT', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'MKCOL', 'LOCK', 'FOO', 'M-SEARCH'];

test('unknown methods get a 4xx on every kind of route and the server keeps serving', async () => {
	test.setTimeout(120_000);
	for (const method of methods) {
		for (const path of ['/', '/masuk', '/admin/petugas', '/api/permohonan', '/formulir/akta-kelahiran', '/offline', '/_app/version.json', '/favicon.svg']) {
			let status = 0;
			try {
				status = (await send(path, { method, timeoutMs: 10_000 })).status;
			} catch {
				status = -1;
			}
			const up = await alive();
			// CONNECT to a path is not HTTP/1.1 a server has to parse: a closed connection is a refusal too
			const held = ((status >= 400 && status < 500) || (method === 'CONNECT' && status <= 0)) && up;
			tally.check('unknown methods', held, `${method} ${path} → ${status}, alive: ${up}`);
		}
	}
});

test('absurd numbers and values in query parameters never give a 500', async () => {
	const officer = await session(demo('officer', 'disdukcapil').phone, demo('officer', 'disdukcapil').password);
	const admin = await session(demo('admin').phone, demo('admin').password);
	const citizen = await session(demo('citizen').phone, demo('citizen').password);
	const values = ['1e309', '-1', '0', 'NaN', 'Infinity', '99999999999999999999', '1.5', '%00', "1' or '1'='1", '<script>', 'x'.repeat(5000)];
	const asks: [string, string, string][] = [];
	for (const value of values) {
		const v = encodeURIComponent(value);
		asks.push(
			[officer, `/petugas?halaman=${v}`, 'halaman'],
			[officer, `/petugas?status=${v}&layanan=${v}&saya=${v}`, 'filters'],
			[officer, `/petugas/jadwal?tanggal=${v}&lokasi=${v}`, 'jadwal'],
			[admin, `/admin/lokasi?tanggal=${v}&lokasi=${v}&dibuat=${v}&hari=${v}`, 'lokasi'],
			[admin, `/admin/permohonan?kode=${v}`, 'admin search'],
			[citizen, `/lacak?kode=${v}`, 'lacak'],
			[citizen, `/masuk?ke=${v}`, 'ke'],
			[citizen, `/layanan?q=${v}`, 'layanan']
		);
	}
	for (const [cookie, path, what] of asks) {
		const reply = await send(path, { cookie });
		tally.check('absurd query parameters', reply.status < 500, `${what}: ${path.slice(0, 80)} → ${reply.status}`);
	}
	// the page after the last one is still a page, not an error
	const far = await send('/petugas?halaman=1e309', { cookie: officer });
	expect(far.status).toBe(200);
});

test('malformed bodies get a 400 with plain words, never a 500', async () => {
	const citizen = await session(demo('citizen').phone, demo('citizen').password);
	const bodies: { what: string; path: string; headers: Record<string, string>; body: string }[] = [
		{ what: 'multipart without boundary', path: '/masuk', headers: { 'content-type': 'multipart/form-data' }, body: 'x' },
		{ what: 'multipart, broken boundary', path: '/masuk', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, body: '--abc\r\nbroken' },
		{ what: 'api: not multipart', path: '/api/permohonan', headers: { 'content-type': 'application/json' }, body: '{"id":1}' },
		{ what: 'api: broken multipart', path: '/api/permohonan', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nContent-Disposition: form-data; name="id"\r\n\r\n' },
		{ what: 'api: answers not JSON', path: '/api/permohonan', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'id=00000000-0000-4000-8000-000000000001&slug=akta-kelahiran&answers={' },
		{ what: 'action: broken multipart', path: '/akun/relawan', headers: { 'content-type': 'multipart/form-data; boundary=q' }, body: '--q\r\n\r\n--q' },
		{ what: 'action: text/plain', path: '/akun/relawan', headers: { 'content-type': 'text/plain' }, body: 'kelurahan=1' }
	];
	for (const b of bodies) {
		const reply = await send(b.path, { method: 'POST', cookie: b.path === '/masuk' ? undefined : citizen, headers: b.headers, body: b.body });
		const up = await alive();
		tally.check('malformed bodies', reply.status >= 400 && reply.status < 500 && up, `${b.what} → ${reply.status}`);
	}
});

const hostileTargets = [
	'//evil.example/',
	'/\t/evil.example/',
	'/%09/evil.example/',
	'/\n/evil.example',
	'/%0A/evil.example',
	'/%0D/evil.example',
	'/\\evil.example',
	'/%5Cevil.example',
	'/%2F/evil.example',
	'/%2f%2fevil.example',
	'/.//evil.example',
	'https://evil.example/',
	'http:/evil.example',
	'javascript:alert(1)',
	'data:text/html,x',
	'evil.example',
	'/%E2%80%AE/evil.example',
	'/ /evil.example',
	'///evil.example'
];

function sameOrigin(location: string): boolean {
	if (/[\u0000-\u001f\\]/.test(location)) return false;
	const url = new URL(location, origin);
	return url.origin === origin;
}

test('after login, ?ke= only ever leads to a path on this site', async () => {
	const citizen = await session(demo('citizen').phone, demo('citizen').password);
	for (const target of hostileTargets) {
		// already signed in: the login page sends you on at once
		const visit = await send(`/masuk?ke=${encodeURIComponent(target)}`, { cookie: citizen });
		tally.check('redirect targets', visit.status === 303 && sameOrigin(visit.location), `GET ?ke=${JSON.stringify(target)} → ${visit.status} ${visit.location}`);
		// logging in with the target in the form and in the query
		const post = await send(`/masuk?ke=${encodeURIComponent(target)}`, {
			method: 'POST',
			...form({ phone: demo('citizen').phone, password: demo('citizen').password, ke: target })
		});
		tally.check('redirect targets', post.status === 303 && sameOrigin(post.location), `POST ke=${JSON.stringify(target)} → ${post.status} ${post.location}`);
	}
});

test('every response carries the security headers; scripts run only by hash or nonce', async () => {
	for (const path of ['/', '/layanan', '/masuk', '/lacak', '/formulir/akta-kelahiran', '/draf', '/offline', '/favicon.svg', '/manifest.webmanifest', '/halaman-tidak-ada']) {
		const reply = await send(path);
		const h = reply.headers;
		const held =
			h['x-content-type-options'] === 'nosniff' &&
			!!h['referrer-policy'] &&
			!!h['permissions-policy'] &&
			(h['x-frame-options'] === 'DENY' || String(h['content-security-policy'] ?? '').includes("frame-ancestors 'none'"));
		tally.check('security headers', held, `${path}: ${JSON.stringify({ nosniff: h['x-content-type-options'], pp: h['permissions-policy'], xfo: h['x-frame-options'] })}`);
		if (String(h['content-type']).startsWith('text/html')) {
			const csp = String(h['content-security-policy'] ?? '') + ' ' + (/<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(reply.body)?.[1] ?? '');
			const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
			tally.check('security headers', scriptSrc !== '' && !scriptSrc.includes("'unsafe-inline'"), `${path}: script-src ${scriptSrc}`);
		}
	}
});

test('printed links follow the configured origin, not a forged Host header', async () => {
	const own = await birthApplication();
	for (const host of ['evil.example', `evil.example:${new URL(origin).port}`]) {
		for (const path of [`/permohonan/${own.id}`, `/permohonan/${own.id}?baru=1`, `/permohonan/${own.id}/slip`]) {
			const reply = await send(path, { cookie: own.cookie, headers: { host } });
			tally.check('host header', !reply.body.includes('evil.example') && !reply.location.includes('evil.example'), `Host: ${host} ${path} → ${reply.status}`);
		}
	}
});

/**
 * The Cloudflare target is real: the bundle `npm run build` wrote is booted in workerd with
 * `wrangler dev` (local, no network), with no Turso URL configured. The home page and static assets must
 * be served; a page that needs the database must answer 503 with a plain message, not crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { newKeySpec } from '../../src/lib/server/crypto/sealing';
import { E2E_PORT } from './helpers';

// Beside the e2e servers (E2E_PORT, +1000 Worker, +3000 Hrana), so parallel checkouts do not collide.
const PORT = E2E_PORT + 2500;
const origin = `http://127.0.0.1:${PORT}`;
let wrangler: ChildProcess;
let state: string;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	state = mkdtempSync(join(tmpdir(), 'layanan-edge-'));
	const env: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1' };
	delete env.TURSO_DATABASE_URL;
	delete env.TURSO_AUTH_TOKEN;
	wrangler = spawn(
		'npx',
		[
			'wrangler', 'dev', '--port', String(PORT), '--ip', '127.0.0.1', '--persist-to', state, '--show-interactive-dev-session=false',
			// the data key is there (as `wrangler secret put DATA_KEYS` would set it): only the database is missing
			'--var', `DATA_KEYS:${newKeySpec('edge')}`
		],
		{ env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }
	);
	let output = '';
	await new Promise<void>((ready, fail) => {
		const timer = setTimeout(() => fail(new Error(`wrangler dev did not start:\n${output}`)), 100_000);
		const watch = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Ready on')) {
				clearTimeout(timer);
				ready();
			}
		};
		wrangler.stdout!.on('data', watch);
		wrangler.stderr!.on('data', watch);
		wrangler.on('exit', (code) => fail(new Error(`wrangler dev exited (${code}):\n${output}`)));
	});
});

test.afterAll(() => {
	if (wrangler?.pid) process.kill(-wrangler.pid, 'SIGTERM');
	rmSync(state, { recursive: true, force: true });
});

test('workerd serves the home page and its static assets', async ({ request }) => {
	const home = await request.get(`${origin}/`);
	expect(home.status()).toBe(200);
	const html = await home.text();
	expect(html).toContain('Urus dokumen dari HP, tanpa antre');
	expect(html).toContain('href="/layanan/akta-kelahiran"');

	const icon = await request.get(`${origin}/favicon.svg`);
	expect(icon.status()).toBe(200);
	expect(icon.headers()['content-type']).toContain('image/svg+xml');

	// the home page ships no framework, only the shell script
	const script = /_app\/[^"']+\.js/.exec(html)?.[0];
	expect(script, 'the home page references its shell script').toBeTruthy();
	const asset = await request.get(`${origin}/${script}`);
	expect(asset.status()).toBe(200);
	expect(asset.headers()['content-type']).toContain('javascript');
});

test('without a Turso URL, a page that needs the database answers 503 with a plain message', async ({
	request
}) => {
	const response = await request.get(`${origin}/layanan`);
	expect(response.status()).toBe(503);
	expect(await response.text()).toContain('basis data belum tersambung');
});

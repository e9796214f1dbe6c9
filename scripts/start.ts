/**
 * `npm start`: the production build on Node, against an embedded libSQL file database.
 *
 * 1. creates, migrates and seeds the database (demo accounts included) under data/;
 * 2. builds the app when there is no build or the sources are newer than it;
 * 3. serves the Cloudflare build with `vite preview` (bindings such as R2 are emulated locally)
 *    and prints the address.
 *
 * Options: --port N (or PORT), --fresh (start from an empty database), --db URL (or TURSO_DATABASE_URL).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../src/lib/server/db/prepare';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);

const { values } = parseArgs({
	options: {
		port: { type: 'string' },
		fresh: { type: 'boolean', default: false },
		db: { type: 'string' }
	}
});
const port = values.port ?? process.env.PORT ?? '4173';
const url = values.db ?? process.env.TURSO_DATABASE_URL ?? 'file:data/layanan.db';

if (values.fresh && url.startsWith('file:')) {
	const file = url.slice('file:'.length);
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	rmSync('data/wrangler-state', { recursive: true, force: true });
}

const isLocal = url.startsWith('file:');
await prepareDatabase({ url, authToken: process.env.TURSO_AUTH_TOKEN, demo: isLocal });
console.log(`Basis data siap: ${url}${isLocal ? ' (dengan akun demo)' : ''}`);

function newestMtime(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

const builtWorker = '.svelte-kit/cloudflare/_worker.js';
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'wrangler.toml'];
const stale =
	!existsSync(builtWorker) ||
	Math.max(...sources.filter(existsSync).map(newestMtime)) > statSync(builtWorker).mtimeMs;
if (stale) {
	console.log('Membangun aplikasi (vite build)…');
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn('npx', ['vite', 'preview', '--port', port, '--strictPort'], {
	stdio: ['ignore', 'pipe', 'inherit'],
	env: { ...process.env, TURSO_DATABASE_URL: url }
});
let announced = false;
server.stdout.on('data', (chunk: Buffer) => {
	process.stdout.write(chunk);
	if (!announced && chunk.toString().includes('localhost')) {
		announced = true;
		console.log(`\nLayanan Banjarbaru berjalan di http://localhost:${port}\n`);
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));

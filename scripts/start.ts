/**
 * `npm start`: the production Node server, against an embedded libSQL file database by default.
 *
 * 1. creates, migrates and seeds the database (demo accounts included, for a local file only);
 * 2. builds the Node server (`ADAPTER=node vite build` → build/) when there is no build or the sources are
 *    newer than it;
 * 3. serves it with scripts/serve.ts in this same process (documents on disk), and prints the address.
 *
 * Options: --port N (or PORT; 4173), --fresh (start from an empty database and no documents),
 * --db URL (or TURSO_DATABASE_URL; file:data/layanan.db, or a libSQL server's URL).
 * Environment: HOST (127.0.0.1: this machine only; 0.0.0.0 to reach it from a phone on the same network),
 * ORIGIN (http://localhost:PORT), DOCUMENTS_DIR (data/dokumen, or beside a --db file: <name>-dokumen),
 * TURSO_AUTH_TOKEN; the rest as in scripts/serve.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../src/lib/server/db/prepare';
import { keyMessages } from '../src/lib/server/crypto/sealing';
import { keyFileOf, localKeySpec } from './local-key';
import { locations } from './locations';

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
// a database of its own (tests, a second copy) gets its own documents, so --fresh can wipe them with it
const { url, file: dbFile, documentsDir } = locations({ db: values.db });
const isLocal = dbFile !== undefined;

if (values.fresh && dbFile) {
	for (const suffix of ['', '-wal', '-shm', '.key']) rmSync(dbFile + suffix, { force: true });
	rmSync(documentsDir, { recursive: true, force: true });
}

// The data key (personal data encrypted at rest): DATA_KEYS, or for a local file a generated key beside
// it; a database elsewhere without DATA_KEYS does not start.
if (!process.env.DATA_KEYS) {
	if (!dbFile || dbFile === ':memory:') {
		console.error(keyMessages.missing);
		process.exit(1);
	}
	process.env.DATA_KEYS = localKeySpec(dbFile);
	console.log(`Kunci data lokal: ${keyFileOf(dbFile)} (jangan dibagikan; hilang kunci berarti data terenkripsi tidak terbaca)`);
}

const db = await prepareDatabase({ url, authToken: process.env.TURSO_AUTH_TOKEN, demo: isLocal, history: isLocal });
db.$client.close();
console.log(`Basis data siap: ${url}${isLocal ? ' (dengan akun demo)' : ''}`);

function newestMtime(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

const built = 'build/handler.js';
const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'];
const stale =
	!existsSync(built) || Math.max(...sources.filter(existsSync).map(newestMtime)) > statSync(built).mtimeMs;
if (stale) {
	console.log('Membangun server Node (ADAPTER=node vite build)…');
	const build = spawnSync('npx', ['vite', 'build'], {
		stdio: 'inherit',
		env: { ...process.env, ADAPTER: 'node' }
	});
	if (build.status !== 0) process.exit(build.status ?? 1);
}

process.env.PORT = port;
process.env.HOST ??= '127.0.0.1';
process.env.ORIGIN ??= `http://localhost:${port}`;
process.env.TURSO_DATABASE_URL = url;
process.env.DOCUMENTS_DIR = documentsDir;
await import('./serve');

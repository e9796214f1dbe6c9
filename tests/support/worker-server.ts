/**
 * The Worker build (.svelte-kit/cloudflare, from `npm run build`) served for the e2e tests, as Playwright's
 * second web server (playwright.config.ts, project `worker`):
 *
 * 1. a fresh libSQL file, migrated and seeded with the demo accounts (the same as `npm start --fresh`);
 * 2. the Hrana test server over it (tests/support/hrana-server.ts, a stand-in for Turso, tests only);
 * 3. `wrangler dev --local` (workerd, no network) with TURSO_DATABASE_URL pointing at that server and the
 *    R2 bucket emulated in a fresh folder.
 * On SIGTERM/SIGINT, or when wrangler exits, it ends wrangler and its workerd children (every process of
 * this process group but itself and those that started it, by PID; workerd outlives a SIGTERM at times),
 * then the Hrana server.
 *
 * Usage: tsx tests/support/worker-server.ts --port 5371 --hrana-port 7371 --db data/e2e-worker-5371.db
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '../../src/lib/server/db/prepare';
import { startHranaServer } from './hrana-server';
import { newKeySpec } from '../../src/lib/server/crypto/sealing';

const root = resolve(import.meta.dirname, '../..');
process.chdir(root);
const { values } = parseArgs({
	options: { port: { type: 'string' }, 'hrana-port': { type: 'string' }, db: { type: 'string' } }
});
const port = Number(values.port ?? 5371);
const hranaPort = Number(values['hrana-port'] ?? port + 2000);
const file = values.db ?? `data/e2e-worker-${port}.db`;
const state = file.replace(/\.db$/, '') + '-state';

for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
rmSync(state, { recursive: true, force: true });
const db = await prepareDatabase({ url: `file:${file}`, demo: true });
db.$client.close();

const hrana = await startHranaServer({ file, port: hranaPort });
console.log(`Hrana test server on ${hrana.url} over ${file}`);

const wranglerBin = resolve(root, 'node_modules/wrangler/bin/wrangler.js');
const env: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1' };
delete env.TURSO_AUTH_TOKEN;
// not detached: if Playwright has to kill this process group, wrangler and workerd go with it
const wrangler = spawn(
	process.execPath,
	[
		wranglerBin,
		'dev',
		'--local',
		'--ip', '127.0.0.1',
		'--port', String(port),
		'--inspector-port', String(port + 1000),
		'--persist-to', state,
		'--var', `TURSO_DATABASE_URL:${hrana.url}`,
		'--var', `ORIGIN:http://localhost:${port}`,
		// a fresh data key per run, like the fresh database (in production: `wrangler secret put DATA_KEYS`)
		'--var', `DATA_KEYS:${newKeySpec('e2e')}`,
		'--show-interactive-dev-session=false',
		'--log-level', 'warn'
	],
	{ env, stdio: ['ignore', 'inherit', 'inherit'] }
);

let stopping = false;
async function stop(code: number) {
	if (stopping) return;
	stopping = true;
	// at once, before anything is awaited: Playwright may end this process soon after its signal, and
	// workerd outlives a SIGTERM at times. A test server has nothing to save.
	for (const pid of leftInGroup()) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	await hrana.close();
	process.exit(code);
}

/** The PIDs in this process's group other than itself and the processes that started it (Linux /proc). */
function leftInGroup(): number[] {
	const stat = (pid: number | string) => {
		try {
			// "pid (comm) state ppid pgrp ...": the fields after the command's closing parenthesis
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
			return { ppid: Number(fields[1]), pgrp: Number(fields[2]) };
		} catch {
			return null;
		}
	};
	const own = stat(process.pid);
	if (!own) return [];
	const keep = new Set([process.pid]);
	for (let pid = own.ppid; pid > 1 && !keep.has(pid); pid = stat(pid)?.ppid ?? 0) keep.add(pid);
	return readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map(Number)
		.filter((pid) => !keep.has(pid) && stat(pid)?.pgrp === own.pgrp);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
wrangler.on('exit', (code) => void stop(stopping ? 0 : (code ?? 1)));

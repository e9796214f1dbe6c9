/**
 * `npm run bench:argon2`: what one login's password check (Argon2id, m = 19 MiB, t = 2, p = 1, pure JS
 * from @noble/hashes: src/lib/server/auth/password.ts) costs in workerd, the Workers runtime, against
 * Workers' CPU limits (free plan: 10 ms CPU per request; paid: 30 s by default).
 *
 * Inside a Worker the clock does not move while code runs (timers are coarsened and frozen between I/O
 * as a Spectre mitigation), so the time is taken from outside: a tiny Worker that imports the app's own
 * password module is run by `wrangler dev --local` (workerd, no network), and one request at a time asks
 * it either to verify a password (`/verify`) or to answer at once (`/noop`). The difference of the
 * medians is the verification's cost; workerd runs one request at a time on one thread, so with nothing
 * else in flight that wall time is CPU time (on this machine; Cloudflare's servers are faster or slower).
 * The same verification is also timed in Node, in this process, for comparison.
 *
 * A script, not a test. Options: --runs N (default 15), --port N (default 4397).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword, verifyPassword } from '../src/lib/server/auth/password';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);
const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, port: { type: 'string', default: '4397' } } });
const RUNS = Number(values.runs);
const PORT = Number(values.port);
const WARM_UPS = 3;

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (ms: number) => Math.round(ms * 10) / 10;

/** User + system CPU time of a process and all its descendants, from /proc (Linux), in ms. */
function cpuMs(pid: number): number | null {
	if (!existsSync('/proc/self/stat')) return null;
	const tick = 1000 / 100; // USER_HZ is 100 on Linux
	let total = 0;
	const visit = (p: number) => {
		try {
			const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			total += (Number(fields[11]) + Number(fields[12])) * tick; // utime, stime
			for (const task of readdirSync(`/proc/${p}/task`)) {
				const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
				for (const child of children ? children.split(' ') : []) visit(Number(child));
			}
		} catch {
			/* gone meanwhile */
		}
	};
	visit(pid);
	return total;
}

// --- Node, in this process ---------------------------------------------------------------------------------
const stored = await hashPassword('sandi-uji-bench');
const nodeTimes: number[] = [];
let nodeCpu = process.cpuUsage();
for (let i = 0; i < WARM_UPS + RUNS; i++) {
	if (i === WARM_UPS) nodeCpu = process.cpuUsage();
	const started = performance.now();
	if (!(await verifyPassword(stored, 'sandi-uji-bench'))) throw new Error('verification failed in Node');
	if (i >= WARM_UPS) nodeTimes.push(performance.now() - started);
}
const nodeCpuUsed = process.cpuUsage(nodeCpu);
const nodeCpuMs = (nodeCpuUsed.user + nodeCpuUsed.system) / 1000 / RUNS;

// --- workerd, through wrangler dev --local -----------------------------------------------------------------
// inside the project (data/ is not committed), so that wrangler's bundler finds node_modules
const dir = join(root, 'data', `bench-argon2-${PORT}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(
	join(dir, 'worker.ts'),
	`import { hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
let stored: Promise<string> | undefined;
export default {
	async fetch(request: Request): Promise<Response> {
		const path = new URL(request.url).pathname;
		if (path === '/verify') {
			stored ??= hashPassword('sandi-uji-bench');
			const hash = await stored;
			return new Response(String(await verifyPassword(hash, 'sandi-uji-bench')));
		}
		return new Response('ok');
	}
};
`
);
writeFileSync(
	join(dir, 'wrangler.toml'),
	`name = "bench-argon2"\nmain = "worker.ts"\ncompatibility_date = "2026-11-01"\n`
);

const env: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1' };
const wrangler = spawn(
	process.execPath,
	[
		resolve(root, 'node_modules/wrangler/bin/wrangler.js'),
		'dev',
		'--local',
		'--config', join(dir, 'wrangler.toml'),
		'--ip', '127.0.0.1',
		'--port', String(PORT),
		'--inspector-port', String(PORT + 1),
		'--persist-to', join(dir, 'state'),
		'--show-interactive-dev-session=false'
	],
	{ env, stdio: ['ignore', 'pipe', 'pipe'] }
);
let output = '';
wrangler.stdout!.on('data', (c: Buffer) => (output += c.toString()));
wrangler.stderr!.on('data', (c: Buffer) => (output += c.toString()));
const stop = () => {
	if (wrangler.exitCode === null) process.kill(wrangler.pid!, 'SIGTERM');
};
process.on('SIGINT', () => {
	stop();
	process.exit(130);
});

try {
	const base = `http://127.0.0.1:${PORT}`;
	const deadline = Date.now() + 120_000;
	for (;;) {
		try {
			if ((await fetch(`${base}/noop`)).ok) break;
		} catch {
			/* not yet */
		}
		if (wrangler.exitCode !== null || Date.now() > deadline) throw new Error(`wrangler dev did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 500));
	}
	async function timed(path: string): Promise<number> {
		const started = performance.now();
		const response = await fetch(base + path);
		const text = await response.text();
		if (!response.ok || (path === '/verify' && text !== 'true')) throw new Error(`${path}: ${response.status} ${text}`);
		return performance.now() - started;
	}
	const verify: number[] = [];
	const noop: number[] = [];
	for (let i = 0; i < WARM_UPS + RUNS; i++) {
		// interleaved, so that a busy moment of the machine hits both alike
		const v = await timed('/verify');
		const n = await timed('/noop');
		if (i >= WARM_UPS) {
			verify.push(v);
			noop.push(n);
		}
	}
	const workerd = median(verify) - median(noop);
	// CPU time, from Linux's accounting of the workerd processes (not disturbed by other load)
	const cpuPer = async (path: string) => {
		const before = cpuMs(wrangler.pid!);
		for (let i = 0; i < RUNS; i++) await timed(path);
		const after = cpuMs(wrangler.pid!);
		return before === null || after === null ? null : (after - before) / RUNS;
	};
	const cpuVerify = await cpuPer('/verify');
	const cpuNoop = await cpuPer('/noop');
	const cpuCost = cpuVerify === null || cpuNoop === null ? null : round(cpuVerify - cpuNoop);
	const result = {
		generatedAt: new Date().toISOString(),
		parameters: 'Argon2id m=19456 KiB, t=2, p=1, 32-byte hash (@noble/hashes argon2idAsync)',
		runs: RUNS,
		machine: { cpus: cpus().length, loadAverage: loadavg().map((l) => round(l)) },
		workerdCpuMs: cpuCost,
		workerdMs: { verifyMedian: round(median(verify)), noopMedian: round(median(noop)), cost: round(workerd), min: round(Math.min(...verify) - median(noop)) },
		nodeCpuMs: round(nodeCpuMs),
		nodeMs: { median: round(median(nodeTimes)), min: round(Math.min(...nodeTimes)) },
		freePlanCpuMs: 10
	};
	mkdirSync(resolve(root, 'tests/bench/results'), { recursive: true });
	writeFileSync(resolve(root, 'tests/bench/results/argon2.json'), JSON.stringify(result, null, 2) + '\n');
	console.log(`
| one password check (Argon2id, 19 MiB, t=2) | median | fastest |
|---|---:|---:|
| workerd (wrangler dev --local), /verify − /noop, wall time | ${result.workerdMs.cost} ms | ${result.workerdMs.min} ms |
| workerd, CPU time (Linux accounting of the workerd processes, mean) | ${cpuCost ?? 'n/a'} ms | |
| Node ${process.version}, wall time | ${result.nodeMs.median} ms | ${result.nodeMs.min} ms |
| Node, CPU time (process.cpuUsage, mean) | ${result.nodeCpuMs} ms | |

${RUNS} runs after ${WARM_UPS} warm-ups, ${result.machine.cpus} cores, load average ${result.machine.loadAverage.join(' / ')}.
Workers' free plan allows 10 ms of CPU per request: one login costs ${((cpuCost ?? workerd) / 10).toFixed(0)}× that.`);
} finally {
	stop();
	rmSync(dir, { recursive: true, force: true });
}

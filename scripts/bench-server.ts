/**
 * `npm run bench:server`: requests per second of the production Node server on this machine, with
 * autocannon, for four routes, each beside two floors measured the same way in the same run:
 *
 * - home `GET /` (no database), tracking `POST /lacak` (a real code and the last four digits: the lookup
 *   and its throttle check), a form post (`POST …/[page]?/simpan`, one page of the birth-certificate form
 *   saved to a draft, signed in), and a submission with photos (`POST /api/permohonan`, the outbox's
 *   multipart request: a new application with its two required photos, a new id every request);
 * - floor 1, a bare `node:http` server answering a short text: what Node itself costs per request;
 * - floor 2, a bare `node:http` server that inserts one row into a libSQL file (WAL) per request and then
 *   answers: what the cheapest write to the same kind of database costs.
 *
 * A script, not a test: it measures and reports, and fails only when it cannot measure. Each server runs
 * in a process of its own (autocannon runs in this one), started on its own port and stopped by its PID
 * afterwards. The app is the adapter-node build (build/, `npm run build:node`) served by scripts/serve.ts
 * over a fresh libSQL file with the demo accounts, documents in a fresh folder; it builds nothing itself.
 *
 * Server time per route: after the load run, the same request sent 40 times one after another (nothing
 * else in flight), median and p90 of the time to the last byte on 127.0.0.1.
 *
 * Writes tests/bench/results/server.json and prints a markdown table.
 * Options: --duration S (per route, default 10), --connections N (default 10), --port N (default 4398; the
 * floors use the next two ports).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { prepareDatabase } from '../src/lib/server/db/prepare';
import { demoAccounts } from '../src/lib/server/db/seed';
import { birthAnswersBornOn } from '../tests/fixtures/answers';
import { startNodeServer, type NodeServer } from '../tests/support/node-server';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);

const { values } = parseArgs({
	options: {
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '10' },
		port: { type: 'string', default: '4398' }
	}
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const PORT = Number(values.port);
const SEQUENTIAL = 40;
const resultFile = resolve(root, 'tests/bench/results/server.json');

if (!existsSync('build/handler.js')) {
	console.error('No Node build found (build/handler.js). Run `npm run build:node` first.');
	process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------
// The floors: tiny servers in processes of their own

const bareHttp = `
const { createServer } = require('node:http');
createServer((req, res) => {
	req.resume();
	req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
`;

const bareInsert = `
const { createServer } = require('node:http');
const { createClient } = require('@libsql/client');
const client = createClient({ url: 'file:' + process.env.DB_FILE });
(async () => {
	await client.execute('PRAGMA journal_mode = WAL');
	await client.execute('PRAGMA busy_timeout = 5000');
	await client.execute('CREATE TABLE IF NOT EXISTS floor (id TEXT PRIMARY KEY, body TEXT NOT NULL, at INTEGER NOT NULL)');
	createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			try {
				await client.execute({ sql: 'INSERT INTO floor (id, body, at) VALUES (?, ?, ?)', args: [crypto.randomUUID(), Buffer.concat(chunks).toString() || 'x', Date.now()] });
				res.writeHead(201, { 'content-type': 'text/plain' }).end('ok');
			} catch (e) {
				res.writeHead(500).end(String(e));
			}
		});
	}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
})();
`;

interface Floor {
	origin: string;
	child: ChildProcess;
}

async function startFloor(source: string, port: number, env: Record<string, string> = {}): Promise<Floor> {
	const child = spawn(process.execPath, ['-e', source], {
		cwd: root,
		env: { ...process.env, PORT: String(port), ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((ready, fail) => {
		child.stdout!.once('data', () => ready());
		child.once('exit', (code) => fail(new Error(`a floor server exited (${code})`)));
	});
	child.stdout!.resume();
	return { origin: `http://127.0.0.1:${port}`, child };
}

async function stopFloor(floor: Floor | undefined) {
	if (!floor || floor.child.exitCode !== null) return;
	const exited = new Promise((done) => floor.child.once('exit', done));
	process.kill(floor.child.pid!, 'SIGTERM');
	await exited;
}

// ---------------------------------------------------------------------------------------------------------
// Requests

interface Target {
	name: string;
	origin: string;
	method: 'GET' | 'POST';
	path: string;
	headers?: Record<string, string>;
	/** the same body every time, or a new one per request */
	body?: string | Buffer | (() => Buffer);
	expect: number;
}

const urlencoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** A multipart body with a fresh application id, built synchronously (autocannon asks per request). */
function submissionBody(boundary: string, answers: string, photo: Buffer): () => Buffer {
	const part = (name: string, value: string) =>
		`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
	const filePart = (name: string) =>
		Buffer.concat([
			Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${name}.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`),
			photo,
			Buffer.from('\r\n')
		]);
	const rest = Buffer.concat([
		Buffer.from(part('slug', 'akta-kelahiran') + part('answers', answers)),
		filePart('dokumen-birth_letter'),
		filePart('dokumen-kk_scan'),
		Buffer.from(`--${boundary}--\r\n`)
	]);
	return () => Buffer.concat([Buffer.from(part('id', crypto.randomUUID())), rest]);
}

async function send(target: Target): Promise<Response> {
	const body = typeof target.body === 'function' ? target.body() : target.body;
	return fetch(target.origin + target.path, {
		method: target.method,
		headers: target.headers,
		body: body as BodyInit | undefined,
		redirect: 'manual'
	});
}

async function check(target: Target) {
	const response = await send(target);
	const text = await response.text();
	if (response.status !== target.expect) {
		throw new Error(`${target.name}: ${target.method} ${target.path} answered ${response.status}, not ${target.expect}: ${text.slice(0, 300)}`);
	}
}

async function load(target: Target) {
	const body = target.body;
	const result = await autocannon({
		url: target.origin,
		connections: CONNECTIONS,
		duration: DURATION,
		requests: [
			{
				method: target.method,
				path: target.path,
				headers: target.headers,
				...(typeof body === 'function'
					? { setupRequest: (request: object) => ({ ...request, body: body() }) }
					: body !== undefined
						? { body }
						: {})
			}
		]
	});
	const expected = target.expect >= 200 && target.expect < 300 ? result['2xx'] : result['3xx'];
	return {
		requestsPerSecond: Math.round(result.requests.average),
		latencyP50Ms: result.latency.p50,
		latencyP99Ms: result.latency.p99,
		requests: result.requests.total,
		expected,
		unexpected: result.requests.total - expected,
		errors: result.errors + result.timeouts
	};
}

async function serverTime(target: Target) {
	const times: number[] = [];
	for (let i = 0; i < SEQUENTIAL; i++) {
		const started = performance.now();
		const response = await send(target);
		await response.arrayBuffer();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
	return { medianMs: at(0.5), p90Ms: at(0.9) };
}

// ---------------------------------------------------------------------------------------------------------

const scratch = mkdtempSync(join(tmpdir(), 'layanan-bench-server-'));
let app: NodeServer | undefined;
let http: Floor | undefined;
let insert: Floor | undefined;

async function cleanup() {
	await app?.stop().catch(() => {});
	await stopFloor(http).catch(() => {});
	await stopFloor(insert).catch(() => {});
	rmSync(scratch, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => void cleanup().then(() => process.exit(130)));
}

try {
	const dbFile = join(scratch, 'app.db');
	const db = await prepareDatabase({ url: `file:${dbFile}`, demo: true });
	db.$client.close();
	console.log(`Starting the app (scripts/serve.ts, build/) on port ${PORT}, the floors on ${PORT + 1} and ${PORT + 2}…`);
	app = await startNodeServer({ port: PORT, databaseUrl: `file:${dbFile}` });
	http = await startFloor(bareHttp, PORT + 1);
	insert = await startFloor(bareInsert, PORT + 2, { DB_FILE: join(scratch, 'floor.db') });
	const origin = app.origin;
	const browserPost = { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };

	// a citizen's session, a draft with its first page, and a submitted application to track
	const citizen = demoAccounts.find((a) => a.role === 'citizen')!;
	const login = await fetch(`${origin}/masuk`, {
		method: 'POST',
		headers: browserPost,
		body: urlencoded({ phone: citizen.phone, password: citizen.password }),
		redirect: 'manual'
	});
	const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sesi='));
	if (!cookie) throw new Error(`login failed: ${login.status}`);
	const started = await fetch(`${origin}/ajukan/akta-kelahiran`, {
		method: 'POST',
		headers: { ...browserPost, cookie },
		body: '',
		redirect: 'manual'
	});
	const step = started.headers.get('location');
	if (started.status !== 303 || !step) throw new Error(`starting a draft failed: ${started.status}`);

	const bornOn = new Date(Date.now() + 8 * 3600_000 - 5 * 86_400_000).toISOString().slice(0, 10);
	const answers = birthAnswersBornOn(bornOn);
	const boundary = '----layanan-bench-4f1c9a';
	const submission = submissionBody(boundary, JSON.stringify(answers), readFileSync('tests/fixtures/surat-lahir.jpg'));
	const submitTarget: Target = {
		name: 'submission with photos',
		origin,
		method: 'POST',
		path: '/api/permohonan',
		headers: { origin, cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
		body: submission,
		expect: 201
	};
	const made = await send(submitTarget);
	if (made.status !== 201) throw new Error(`the first submission failed: ${made.status} ${await made.text()}`);
	const { code } = (await made.json()) as { code: string };
	const lastFour = answers.applicant_phone.replace(/\D/g, '').slice(-4);

	// the step page's own fields, as a browser would post them (prefilled values included)
	const stepHtml = await (await fetch(origin + step, { headers: { cookie } })).text();
	const names = [...stepHtml.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]!);
	const stepFields: Record<string, string> = {};
	for (const name of new Set(names)) {
		if (name in answers) stepFields[name] = answers[name as keyof typeof answers];
	}

	const targets: Target[] = [
		{ name: 'home `GET /`', origin, method: 'GET', path: '/', expect: 200 },
		{
			name: 'tracking `POST /lacak`',
			origin,
			method: 'POST',
			path: '/lacak',
			headers: browserPost,
			body: urlencoded({ code, lastFour }),
			expect: 200
		},
		{
			name: 'form post `POST …/[page]?/simpan`',
			origin,
			method: 'POST',
			path: `${step}?/simpan`,
			headers: { ...browserPost, cookie },
			body: urlencoded(stepFields),
			expect: 303
		},
		{ ...submitTarget, name: 'submission with 2 photos `POST /api/permohonan`' },
		{ name: 'floor: bare node:http', origin: http.origin, method: 'GET', path: '/', expect: 200 },
		{
			name: 'floor: bare libSQL insert',
			origin: insert.origin,
			method: 'POST',
			path: '/',
			headers: { 'content-type': 'text/plain' },
			body: 'x'.repeat(200),
			expect: 201
		}
	];

	const results = [];
	for (const target of targets) {
		await check(target);
		console.log(`${target.name}: ${DURATION} s at ${CONNECTIONS} connections…`);
		const measured = await load(target);
		const time = await serverTime(target);
		results.push({ name: target.name, ...measured, serverTime: time });
	}

	const httpFloor = results.find((r) => r.name === 'floor: bare node:http')!.requestsPerSecond;
	const insertFloor = results.find((r) => r.name === 'floor: bare libSQL insert')!.requestsPerSecond;
	const machine = { cpus: cpus().length, loadAverageAfter: loadavg().map((l) => Math.round(l * 10) / 10) };
	const output = {
		generatedAt: new Date().toISOString(),
		durationSeconds: DURATION,
		connections: CONNECTIONS,
		machine,
		database: 'libSQL file (embedded, WAL), as `npm start` runs it',
		results
	};
	mkdirSync(resolve(root, 'tests/bench/results'), { recursive: true });
	writeFileSync(resultFile, JSON.stringify(output, null, 2) + '\n');

	const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : 'n/a');
	const lines = [
		`autocannon, ${CONNECTIONS} connections, ${DURATION} s per route, ${machine.cpus} cores ` +
			`(load average ${machine.loadAverageAfter.join(' / ')} after the run). Server time: ${SEQUENTIAL} requests ` +
			'one after another, time to the last byte on 127.0.0.1.',
		'',
		'| route | req/s | × node:http | × libSQL insert | latency p50 / p99 under load | server time median / p90 | unexpected answers |',
		'|---|---:|---:|---:|---:|---:|---:|'
	];
	for (const r of results) {
		lines.push(
			`| ${r.name} | ${r.requestsPerSecond.toLocaleString('en')} | ${ratio(r.requestsPerSecond, httpFloor)} | ` +
				`${ratio(r.requestsPerSecond, insertFloor)} | ${r.latencyP50Ms} / ${r.latencyP99Ms} ms | ` +
				`${r.serverTime.medianMs} / ${r.serverTime.p90Ms} ms | ${r.unexpected + r.errors} |`
		);
	}
	console.log('\n' + lines.join('\n') + '\n');
	console.log(`Results: ${resultFile}`);
} finally {
	await cleanup();
}

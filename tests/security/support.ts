/**
 * The attack suite's tools. Requests go out through node:http with the path exactly as written (no URL
 * normalisation, any method), to the same production server the e2e tests use (playwright.config.ts),
 * with a same-origin `Origin` header so that SvelteKit's CSRF check does not hide what the gate and the
 * second locks do. Every case is counted; each spec file writes its tally to tests/security/results/ so
 * the README's security table is read off a real run (`npx tsx scripts/security-summary.ts`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { expect } from '@playwright/test';
import { E2E_PORT } from '../e2e/helpers';

export const port = E2E_PORT;
export const origin = `http://localhost:${port}`;

export interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	location: string;
}

export interface Send {
	method?: string;
	headers?: Record<string, string>;
	body?: string | Uint8Array | AsyncIterable<Uint8Array>;
	cookie?: string;
	/** Stop waiting after this many ms (a refused upload may answer before the body is sent). */
	timeoutMs?: number;
}

export function send(path: string, options: Send = {}): Promise<Reply> {
	const method = options.method ?? 'GET';
	// a browser's form post (accept: text/html); SvelteKit answers other posts to actions with JSON
	const headers: Record<string, string> = { origin, accept: 'text/html', ...options.headers };
	if (options.cookie) headers.cookie = options.cookie;
	return new Promise((resolve, reject) => {
		const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					body: Buffer.concat(chunks).toString('utf8'),
					location: String(res.headers.location ?? '')
				})
			);
			res.on('error', reject);
		});
		// CONNECT answers come as a 'connect' event, not a 'response'
		req.on('connect', (res, socket) => {
			socket.destroy();
			resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '', location: '' });
		});
		req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`timeout: ${method} ${path}`)));
		req.on('error', (error: NodeJS.ErrnoException) => {
			// the server may close the connection on an oversized body once it has answered: that is a refusal
			if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ status: 0, headers: {}, body: '', location: '' });
			else reject(error);
		});
		const body = options.body;
		if (body === undefined) req.end();
		else if (typeof body === 'string' || body instanceof Uint8Array) req.end(body);
		else {
			(async () => {
				try {
					for await (const chunk of body) {
						if (req.destroyed) return;
						if (!req.write(chunk)) await new Promise((done) => req.once('drain', done));
					}
					req.end();
				} catch {
					req.destroy();
				}
			})();
		}
	});
}

/** A demo account's phone as the database keeps it (E.164). */
export const e164 = (phone: string) => `+62${phone.replace(/\D/g, '').replace(/^0/, '')}`;

export const form = (fields: Record<string, string>) => ({
	headers: { 'content-type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(fields).toString()
});

/** Logs in through the real form and returns the session cookie. */
export async function session(phone: string, password: string): Promise<string> {
	const reply = await send('/masuk', { method: 'POST', ...form({ phone, password }) });
	const setCookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? []);
	const cookie = setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('sesi='));
	if (reply.status !== 303 || !cookie) throw new Error(`login failed for ${phone}: ${reply.status}`);
	return cookie;
}

export async function registerCitizen(name: string, phone: string, password = 'sandi-uji-aman-2026'): Promise<string> {
	const reply = await send('/daftar', { method: 'POST', ...form({ name, phone, password }) });
	const cookie = ([] as string[])
		.concat(reply.headers['set-cookie'] ?? [])
		.map((c) => c.split(';')[0] ?? '')
		.find((c) => c.startsWith('sesi='));
	if (!cookie) throw new Error(`registration failed for ${phone}: ${reply.status} ${reply.body.slice(0, 200)}`);
	return cookie;
}

/** Whether the server still answers: asked after every hostile request that once stopped it. */
export async function alive(): Promise<boolean> {
	try {
		return (await send('/', { timeoutMs: 10_000 })).status === 200;
	} catch {
		return false;
	}
}

/** The pid of the process listening on the server's port (Linux `ss`), for reading its memory. */
export function serverPid(): number | null {
	try {
		const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
		const match = /pid=(\d+)/.exec(out);
		return match ? Number(match[1]) : null;
	} catch {
		return null;
	}
}

/** Resident memory of a process in MiB (Linux /proc), or null elsewhere. */
export function rssMiB(pid: number): number | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /VmRSS:\s+(\d+) kB/.exec(status);
		return kb ? Number(kb[1]) / 1024 : null;
	} catch {
		return null;
	}
}

/**
 * Counts cases per attack class. `held` is asserted (softly, so one failing case shows with all the others)
 * and counted; `write` puts the tally of one spec file into tests/security/results/.
 */
export class Tally {
	private counts = new Map<string, { tried: number; held: number }>();
	constructor(private readonly file: string) {}

	check(kind: string, held: boolean, what: string) {
		const row = this.counts.get(kind) ?? { tried: 0, held: 0 };
		row.tried += 1;
		if (held) row.held += 1;
		this.counts.set(kind, row);
		expect.soft(held, `${kind}: ${what}`).toBe(true);
	}

	write() {
		mkdirSync('tests/security/results', { recursive: true });
		const rows = Object.fromEntries(this.counts);
		writeFileSync(`tests/security/results/${this.file}.json`, JSON.stringify(rows, null, '\t') + '\n');
	}
}

/**
 * Refused: anything but a success. A 3xx may only lead to the login page (or tidy the path, 308). An
 * action asked for JSON (`accept: application/json`, as `use:enhance` does) answers 200 with
 * `{ type: 'redirect' | 'error' | 'failure' | 'success' }`: only a redirect to the login page or an
 * error is a refusal there.
 */
export function refused(reply: Reply): boolean {
	if (String(reply.headers['content-type'] ?? '').startsWith('application/json') && reply.status === 200) {
		try {
			const result = JSON.parse(reply.body) as { type?: string; location?: string };
			return result.type === 'error' || (result.type === 'redirect' && !!result.location?.startsWith('/masuk'));
		} catch {
			return false;
		}
	}
	if (reply.status >= 200 && reply.status < 300) return false;
	if (reply.status >= 300 && reply.status < 400) {
		return reply.location.startsWith('/masuk') || reply.location.startsWith(`${origin}/masuk`) || reply.status === 308;
	}
	return reply.status === 0 || reply.status >= 400;
}

/**
 * The production Node server: serves the adapter-node build (`ADAPTER=node vite build` → build/) with
 * `node:http`. Used by `npm start` (scripts/start.ts) and for self-hosting (`npm run serve`, see README).
 *
 * adapter-node's `handler` does the real work: static assets (precompressed), prerendered pages, and the
 * app, with its own ORIGIN, PROTOCOL_HEADER, HOST_HEADER, ADDRESS_HEADER, XFF_DEPTH and BODY_SIZE_LIMIT
 * settings. Around it, this entry only adds what its own `node build` server would also have to do, and a
 * few refusals so that no request can take the process down:
 * - registers the document store before the app is loaded: a folder on disk (DOCUMENTS_DIR), or an
 *   S3-compatible store when S3_ENDPOINT is set (src/lib/server/storage-s3.ts);
 * - refuses unknown methods (TRACE, CONNECT, PROPFIND …) with 405, undecodable paths with 400, a
 *   Content-Length over BODY_SIZE_LIMIT with 413 (a body without a length is cut off at the limit by the
 *   handler while it streams), malformed HTTP with 400: each with a short Indonesian text;
 * - logs an unhandled promise rejection instead of dying of it;
 * - shuts down gracefully on SIGTERM/SIGINT: stops accepting, lets running requests finish (at most
 *   SHUTDOWN_TIMEOUT seconds, default 30), then exits.
 *
 * Environment: PORT (3000), HOST (0.0.0.0), ORIGIN (the public origin, e.g. https://layanan.banjarbarukota.go.id;
 * default http://localhost:PORT), TURSO_DATABASE_URL (file:data/layanan.db) and TURSO_AUTH_TOKEN,
 * DOCUMENTS_DIR (data/dokumen), or S3_ENDPOINT, S3_BUCKET, S3_REGION (us-east-1), S3_ACCESS_KEY_ID and
 * S3_SECRET_ACCESS_KEY for an S3-compatible store instead; BODY_SIZE_LIMIT (25M), SHUTDOWN_TIMEOUT (30),
 * JOBS_TIMER (on: the periodic jobs of src/lib/server/jobs.ts run in this process; off where another process
 * runs them), JOBS_INTERVAL_MS (60000); the notice providers as in src/lib/server/notify/config.ts.
 * The database must already be migrated (`npm start` does it; `npm run db:migrate` otherwise).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { staticCsp, staticHeaders } from '../src/lib/server/headers';
import { registerDocumentStore } from '../src/lib/server/storage';
import { fileStore } from '../src/lib/server/storage-fs';
import { s3ConfigFrom, s3Store } from '../src/lib/server/storage-s3';

const root = resolve(import.meta.dirname, '..');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
// Set before the handler is imported: adapter-node reads its settings when its module is evaluated.
if (!process.env.ORIGIN) {
	process.env.ORIGIN = `http://localhost:${port}`;
	console.warn(`ORIGIN is not set: assuming ${process.env.ORIGIN}. Set it to the public address (https://…).`);
}
process.env.BODY_SIZE_LIMIT ??= '25M';
// the periodic jobs (src/lib/server/jobs.ts: the notice sender, …) run on a timer in this process
process.env.JOBS_TIMER ??= 'on';
process.env.TURSO_DATABASE_URL ??= 'file:data/layanan.db';
const documentsDir = resolve(root, process.env.DOCUMENTS_DIR ?? 'data/dokumen');
const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT ?? 30) * 1000;

const bodyLimit = parseBytes(process.env.BODY_SIZE_LIMIT);

/** adapter-node's own reading of BODY_SIZE_LIMIT: a number of bytes, optionally K, M or G. */
function parseBytes(value: string): number {
	const multiplier = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[value.at(-1)?.toUpperCase() ?? ''] ?? 1;
	return Number(multiplier === 1 ? value : value.slice(0, -1)) * multiplier;
}

process.on('unhandledRejection', (reason) => {
	console.error('Unhandled promise rejection (the server keeps running):', reason);
});

// an S3-compatible store (MinIO …) when S3_ENDPOINT is set, else the folder on disk
const s3 = s3ConfigFrom(process.env);
registerDocumentStore(s3 ? s3Store(s3) : fileStore(documentsDir));
const documentsWhere = s3 ? `${s3.endpoint}/${s3.bucket} (S3)` : documentsDir;

const handlerFile = resolve(root, 'build/handler.js');
if (!existsSync(handlerFile)) {
	console.error('There is no Node build: run `npm run build` (or `ADAPTER=node npx vite build`) first.');
	process.exit(1);
}
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => unknown;
const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: Middleware };

/** The methods the app answers; anything else never reaches it. */
// (PUT, DELETE, OPTIONS … are refused here too: the static files and prerendered pages would answer them)
const METHODS = ['GET', 'HEAD', 'POST'];
const ALLOWED = new Set(METHODS);

const TEXT = {
	400: 'Alamat atau permintaan ini tidak valid.',
	404: 'Halaman tidak ditemukan.',
	405: 'Metode permintaan ini tidak didukung.',
	413: 'Kiriman terlalu besar.',
	431: 'Kepala permintaan terlalu besar.',
	500: 'Terjadi kesalahan di server. Silakan coba lagi nanti.'
} as const;
type Refusal = keyof typeof TEXT;

function refuse(res: ServerResponse, status: Refusal, headers: Record<string, string> = {}) {
	const body = `${TEXT[status]}\n`;
	res.writeHead(status, {
		'content-type': 'text/plain; charset=utf-8',
		'content-length': String(Buffer.byteLength(body)),
		'x-content-type-options': 'nosniff',
		'cache-control': 'no-store',
		...headers
	});
	res.end(body);
}

/** The same refusal written straight to a socket, for requests Node's HTTP parser hands over raw. */
function refuseRaw(socket: Duplex, status: Refusal, reason: string, headers = '') {
	if (!socket.writable) return socket.destroy();
	const body = `${TEXT[status]}\n`;
	socket.end(
		`HTTP/1.1 ${status} ${reason}\r\ncontent-type: text/plain; charset=utf-8\r\n` +
			`content-length: ${Buffer.byteLength(body)}\r\n${headers}connection: close\r\n\r\n${body}`
	);
}

/** The path of a request target, decoded; null when it cannot be decoded. */
function decodedPath(target: string): string | null {
	const end = target.search(/[?#]/);
	try {
		return decodeURIComponent(end === -1 ? target : target.slice(0, end));
	} catch {
		return null;
	}
}

/**
 * The URL paths the handler answers from files (static assets, prerendered pages), as its file server
 * finds them: the file, and a page `x.html` or `x/index.html` as `x` too. Its file server answers any
 * method; a POST to one of these is refused here instead of being answered with the file.
 */
const filePaths = new Set<string>();
for (const folder of ['client', 'prerendered']) {
	const dir = resolve(root, 'build', folder);
	if (!existsSync(dir)) continue;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || /\.(br|gz)$/.test(entry.name)) continue;
		const path = '/' + relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
		filePaths.add(path);
		if (path.endsWith('/index.html')) filePaths.add(path.slice(0, -'/index.html'.length) || '/');
		else if (path.endsWith('.html')) filePaths.add(path.slice(0, -'.html'.length));
	}
}

/** Answers what must not reach the app; true when it did. */
function refused(req: IncomingMessage, res: ServerResponse): boolean {
	const target = req.url ?? '';
	if (!ALLOWED.has(req.method ?? '')) {
		refuse(res, 405, { allow: METHODS.join(', '), connection: 'close' });
		return true;
	}
	// origin-form only ("/path?query"); "*" and absolute URLs are for proxies, not for this server
	const path = target.startsWith('/') ? decodedPath(target) : null;
	if (path === null) {
		refuse(res, 400, { connection: 'close' });
		return true;
	}
	if (req.method === 'POST' && (filePaths.has(path) || filePaths.has(path.replace(/\/$/, '')))) {
		refuse(res, 405, { allow: 'GET, HEAD', connection: 'close' });
		return true;
	}
	const length = Number(req.headers['content-length']);
	if (Number.isFinite(length) && length > bodyLimit) {
		refuse(res, 413, { connection: 'close' });
		return true;
	}
	return false;
}

/**
 * When the app stops reading a body early (a cap it enforces while reading), the handler destroys the
 * request, and with it the connection: the client would get a reset instead of the app's answer (and an
 * outbox would retry a refusal forever). Instead the rest of the body is read and thrown away, at most up
 * to BODY_SIZE_LIMIT (Node's requestTimeout bounds the time), so that the answer arrives.
 */
function drainInsteadOfDestroy(req: IncomingMessage) {
	const destroy = req.destroy.bind(req);
	req.destroy = ((error?: Error) => {
		if (req.complete) return destroy(error);
		let drained = 0;
		req.on('data', (chunk: Buffer) => {
			drained += chunk.length;
			if (drained > bodyLimit) destroy();
		});
		req.resume();
		return req;
	}) as typeof req.destroy;
}

let stopping = false;
const server = createServer(async (req, res) => {
	const target = req.url ?? '';
	// while shutting down, every answer closes its connection, so that close() completes
	if (stopping) res.shouldKeepAlive = false;
	if (refused(req, res)) return;
	drainInsteadOfDestroy(req);
	// prerendered pages and static files never pass SvelteKit's hook: they get the same security headers
	// here (a rendered page's own headers, its CSP with nonces included, replace these when it is written)
	for (const [name, value] of Object.entries(staticHeaders)) res.setHeader(name, value);
	res.setHeader('Content-Security-Policy', staticCsp);
	// a file whose name stays the same across versions (a prerendered page, the shell's and the offline
	// form's scripts, the manifest) is checked again before each use (ETag), as Cloudflare does for its
	// assets; without a header a browser may guess it fresh for days. Hashed files are immutable (the handler).
	const path = decodedPath(target);
	if (path && filePaths.has(path) && !path.startsWith('/_app/immutable/')) res.setHeader('Cache-Control', 'no-cache');

	try {
		await handler(req, res, () => refuse(res, 404));
	} catch (cause) {
		console.error(`Request ${req.method} ${target.split('?')[0]} failed:`, cause);
		if (!res.headersSent) refuse(res, 500, { connection: 'close' });
		else res.destroy();
	}
});

// `Expect: 100-continue`: refuse before the client sends a body that would be refused anyway
server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
	if (refused(req, res)) return;
	res.writeContinue();
	server.emit('request', req, res);
});

// CONNECT never reaches 'request'; without a listener Node would just drop the connection.
server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
	refuseRaw(socket, 405, 'Method Not Allowed', `allow: ${METHODS.join(', ')}\r\n`);
});

server.on('clientError', (cause: NodeJS.ErrnoException, socket: Duplex) => {
	if (cause.code === 'ECONNRESET') return socket.destroy();
	if (cause.code === 'HPE_HEADER_OVERFLOW') return refuseRaw(socket, 431, 'Request Header Fields Too Large');
	refuseRaw(socket, 400, 'Bad Request');
});

server.listen(port, host, () => {
	console.log(`Layanan Banjarbaru berjalan di ${process.env.ORIGIN} (mendengarkan ${host}:${port})`);
	console.log(`Dokumen disimpan di ${documentsWhere}`);
});

function shutdown(signal: NodeJS.Signals) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: server berhenti menerima permintaan baru…`);
	// keep-alive connections with no request running would hold close() open until they time out
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), shutdownTimeout);
	force.unref();
	server.close(() => {
		clearTimeout(force);
		// adapter-node's signal for the app to clean up, as its own server sends it
		process.emit('sveltekit:shutdown' as 'SIGTERM', signal);
		process.exit(0);
	});
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => shutdown(signal));

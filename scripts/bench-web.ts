/**
 * `npm run bench:web`: page weight and speed of the production build under Lighthouse's mobile profile.
 *
 * A script, not a test: it measures and reports, and fails only when it cannot measure.
 *
 * 1. Needs the Node build (`npm run build` or `npm run build:node`, build/); it builds nothing itself. It starts the server the way
 *    playwright.config.ts does: `npx tsx scripts/start.ts --port 4399 --fresh --db file:data/bench-web.db`
 *    (start.ts itself rebuilds when the sources are newer than the build, as `npm start` always does).
 * 2. Chromium (Debian's /usr/bin/chromium where it exists, else Playwright's own) with Lighthouse's mobile
 *    profile, DevTools throttling: 562.5 ms request latency, 1.6 Mbps × 0.9 down (1,474,560 bit/s), 750 kbps × 0.9
 *    up, CPU slowed 4× (`Emulation.setCPUThrottlingRate`), a 412×823 screen at device scale factor 1.75, a mobile
 *    user agent. The network throttling is also applied to the app's service worker (its precache downloads
 *    and the requests it forwards), through a browser-level CDP session attached to each service-worker target.
 * 3. For each page (home, a service page, a form step, tracking), `--runs` times (default 5), in a fresh browser
 *    context each time:
 *    - first visit (empty cache): transferred bytes per type (CDP `Network.responseReceived` type matched to
 *      `Network.loadingFinished.encodedDataLength`), and LCP (`PerformanceObserver`, type
 *      `largest-contentful-paint`, buffered, read after load and network idle);
 *    - then waits until the service worker is installed (`navigator.serviceWorker.ready`) and, after a reload,
 *      controls the page; the repeat visit navigates to the page again in the same context and reads LCP;
 *    - offline: `context.setOffline(true)` and navigate again: the page opened offline when its own h1 shows
 *      (not an offline fallback page, not the browser's error page). Reported true only if every run passed.
 *    Medians over the runs are reported.
 * 4. Bytes as Cloudflare would send them: `vite preview` compresses with gzip (or not at all), Cloudflare with
 *    brotli. So every resource the page loaded is fetched again and its body compressed with node:zlib brotli:
 *    quality 4 for HTML (what Cloudflare uses for dynamic responses, compressed on the fly) and quality 11 for
 *    static assets (text types only: JS, CSS, SVG, JSON, the manifest; images are sent as they are). These
 *    body sizes (without HTTP headers) are the reported `bytes`; the bytes measured on the wire from
 *    `vite preview` (headers included) are kept as `wireBytes` for comparison. Bytes that the service worker
 *    downloads in the background to precache the app are not part of a page's bytes; they are reported
 *    separately as `serviceWorkerBytes`.
 * 5. The floor: the home page's server-rendered HTML with every `<script>` and modulepreload link removed,
 *    served from a tiny node:http server (other paths such as the favicon are proxied to the app), measured
 *    the same way. Each page's ratio to it (bytes, first-visit LCP) is printed.
 * 5b. The GOV.UK Frontend page: the same form step (the birth-certificate form's first page, its questions
 *    from the catalogue) written as a GOV.UK Frontend page (the `govuk-frontend` package: its template's
 *    header and footer, form groups, labels, hints, inputs, selects and button, its minified CSS and
 *    JavaScript with `initAll()`, its fonts and crest), served as static files by a tiny node:http server
 *    and measured the same way: what a well-built government form costs with that design system. Every
 *    page is printed against it as well as against the floor.
 * 6. Total Blocking Time (long tasks after the first contentful paint, each counted over 50 ms, until load
 *    and network idle) and whether the page loaded SvelteKit's framework (`/_app/immutable/entry/`).
 * 7. Writes tests/bench/results/web.json and prints a markdown table plus the budgets of ../shared/DESIGN.md,
 *    each marked met / not met (1 KB = 1,024 bytes; the first round trip is 14,600 bytes: 10 TCP segments):
 *    first visit ≤ 12 KB (home), ≤ 15 KB (service page, tracking), ≤ 50 KB (form step); TBT ≤ 50 ms;
 *    LCP ≤ 1.1× the floor's on a first visit, ≤ 0.5 s on a repeat visit; opens offline.
 *
 * 8. Both languages: every page is measured in Indonesian (the default) and in English (the `bahasa=en` cookie,
 *    as the language link sets it), under the same budgets: the rows named `… (en)`.
 *
 * Options: --runs N (default 5), --port N (default 4399), --languages id,en (default both).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { services } from '../src/lib/domain/catalogue';
import type { FieldDefinition } from '../src/lib/domain/service';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '5' },
		port: { type: 'string', default: '4399' },
		languages: { type: 'string', default: 'id,en' }
	}
});
const RUNS = Number(values.runs);
const LANGUAGES = values.languages.split(',').map((l) => l.trim()).filter(Boolean);
const PORT = Number(values.port);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive integer');
if (!Number.isInteger(PORT) || PORT < 1) throw new Error('--port must be a port number');

const BASE = `http://localhost:${PORT}`;
const DB_URL = 'file:data/bench-web.db';
const resultFile = resolve(root, 'tests/bench/results/web.json');

// Lighthouse's mobile profile ("slow 4G", DevTools throttling) and its emulated phone (moto g power).
// Lighthouse's "1.6 Mbps" is 1.6 × 1024 kbit/s; × 0.9 (its DevTools adjustment) = 1,474,560 bit/s.
const downloadBps = 1.6 * 1024 * 0.9 * 1000;
const uploadBps = 750_000 * 0.9; // 675,000 bit/s
const profile = {
	name: 'Lighthouse mobile (DevTools throttling)',
	latencyMs: 562.5,
	downloadBitsPerSecond: Math.round(downloadBps),
	downloadBytesPerSecond: Math.round(downloadBps / 8),
	uploadBitsPerSecond: uploadBps,
	uploadBytesPerSecond: Math.round(uploadBps / 8),
	cpuSlowdown: 4,
	viewport: { width: 412, height: 823 },
	deviceScaleFactor: 1.75,
	userAgent: '',
	browser: '',
	runs: RUNS,
	compression: 'brotli (node:zlib): quality 4 for HTML (Cloudflare, dynamic), 11 for static text assets; images as sent'
};
const networkConditions = {
	offline: false,
	latency: profile.latencyMs,
	downloadThroughput: profile.downloadBytesPerSecond,
	uploadThroughput: profile.uploadBytesPerSecond
};

const KB = 1024;
const FIRST_ROUND_TRIP = 14_600;
// ../shared/DESIGN.md's budgets (issue 15): bytes on a first visit per page, TBT at 4× CPU, LCP against
// the floor's on a first visit and absolute on a repeat visit.
const budgets = {
	totalBytes: { home: 12 * KB, 'service page': 15 * KB, tracking: 15 * KB, 'form step': 50 * KB } as Record<string, number>,
	tbtMs: 50,
	lcpFloorRatio: 1.1,
	lcpRepeatMs: 500
};

type Kind = 'html' | 'css' | 'js' | 'other';
type Bytes = { html: number; css: number; js: number; total: number };

// ---------------------------------------------------------------------------------------------------------
// The server

function log(message: string) {
	console.log(message);
}

async function answers(url: string): Promise<boolean> {
	try {
		await fetch(url, { signal: AbortSignal.timeout(2000) });
		return true;
	} catch {
		return false;
	}
}

let serverOutput = '';
let stopping = false;

async function startServer(): Promise<ChildProcess> {
	if (await answers(BASE)) {
		console.error(`Something already answers on ${BASE}; stop it or pass --port.`);
		process.exit(1);
	}
	const child = spawn(
		'npx',
		['tsx', 'scripts/start.ts', '--port', String(PORT), '--fresh', '--db', DB_URL],
		{ detached: true, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	const keep = (chunk: Buffer) => (serverOutput = (serverOutput + chunk.toString()).slice(-8000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	let exited: number | null = null;
	child.on('exit', (code, signal) => {
		exited = code ?? 1;
		if (!stopping) {
			console.error(`\nThe app server stopped (${signal ?? `exit code ${code}`}). Its last output:`);
			console.error(serverOutput.trim().split('\n').slice(-25).join('\n'));
			if (serverOutput.includes('ENOENT'))
				console.error('\n(A file under .svelte-kit vanished: probably a concurrent `npm run build`. Run again.)');
		}
	});
	const deadline = Date.now() + 180_000;
	while (!(await answers(BASE))) {
		if (exited !== null) {
			throw new Error(`scripts/start.ts exited with ${exited} before ${BASE} answered`);
		}
		if (Date.now() > deadline) throw new Error(`${BASE} did not answer within 180 s`);
		await new Promise((r) => setTimeout(r, 500));
	}
	return child;
}

function stopServer(child: ChildProcess | undefined) {
	stopping = true;
	if (!child?.pid) return;
	try {
		// the whole group: npx, tsx, start.ts, vite preview and its workerd (also when vite preview died first)
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		/* already gone */
	}
}

// ---------------------------------------------------------------------------------------------------------
// Network log from CDP events (page sessions and service-worker sessions alike)

type Entry = { url: string; type: string; mime: string; wire: number; fromSW: boolean; done: boolean };

class NetLog {
	entries = new Map<string, Entry>();
	reset() {
		this.entries.clear();
	}
	ingest(method: string, params: any) {
		if (method === 'Network.responseReceived') {
			const url: string = params.response.url;
			if (!url.startsWith('http')) return;
			this.entries.set(params.requestId, {
				url,
				type: params.type ?? 'Other',
				mime: params.response.mimeType ?? '',
				wire: 0,
				fromSW: Boolean(params.response.fromServiceWorker),
				done: false
			});
		} else if (method === 'Network.loadingFinished') {
			const entry = this.entries.get(params.requestId);
			if (entry) {
				entry.wire = params.encodedDataLength ?? 0;
				entry.done = true;
			}
		}
	}
	finished(): Entry[] {
		return [...this.entries.values()].filter((e) => e.done);
	}
}

function kindOf(entry: Entry): Kind {
	if (entry.type === 'Document' || entry.mime === 'text/html') return 'html';
	if (entry.type === 'Stylesheet' || entry.mime === 'text/css') return 'css';
	if (entry.type === 'Script' || /javascript/.test(entry.mime)) return 'js';
	return 'other';
}

// ---------------------------------------------------------------------------------------------------------
// What Cloudflare would send: brotli of each body

const compressible = /^(text\/|application\/(javascript|json|manifest\+json|xml|wasm)|image\/svg\+xml)/;
const staticCache = new Map<string, number>();

async function cloudflareBytes(url: string, isHtml: boolean): Promise<number> {
	const cacheable = !isHtml;
	if (cacheable && staticCache.has(url)) return staticCache.get(url)!;
	const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
	const body = Buffer.from(await response.arrayBuffer());
	const type = response.headers.get('content-type') ?? '';
	let size = body.length;
	if (body.length > 0 && compressible.test(type)) {
		const quality = isHtml || type.startsWith('text/html') ? 4 : 11;
		size = brotliCompressSync(body, {
			params: {
				[zlib.BROTLI_PARAM_QUALITY]: quality,
				[zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
				[zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT
			}
		}).length;
	}
	if (cacheable) staticCache.set(url, size);
	return size;
}

async function sizes(entries: Entry[]) {
	const bytes: Bytes = { html: 0, css: 0, js: 0, total: 0 };
	const wire: Bytes = { html: 0, css: 0, js: 0, total: 0 };
	const perUrl = new Map<string, number>();
	for (const entry of entries) {
		if (entry.fromSW) continue; // answered by the service worker, not the network
		const kind = kindOf(entry);
		const size = await cloudflareBytes(entry.url, kind === 'html');
		perUrl.set(entry.url, size);
		if (kind !== 'other') {
			bytes[kind] += size;
			wire[kind] += entry.wire;
		}
		bytes.total += size;
		wire.total += entry.wire;
	}
	return { bytes, wire, perUrl };
}

// ---------------------------------------------------------------------------------------------------------
// The browser

let browser: Browser;
const swLog = new NetLog();

/** Throttles every service worker's network like the page's, and logs what it downloads. */
async function watchServiceWorkers(b: Browser) {
	const session = await b.newBrowserCDPSession();
	let nextId = 0;
	const sessions = new Set<string>();
	session.on('Target.receivedMessageFromTarget', (event: any) => {
		if (!sessions.has(event.sessionId)) return;
		const message = JSON.parse(event.message);
		if (message.method) swLog.ingest(message.method, message.params);
	});
	session.on('Target.detachedFromTarget', (event: any) => sessions.delete(event.sessionId));
	session.on('Target.targetCreated', async (event: any) => {
		if (event.targetInfo.type !== 'service_worker') return;
		try {
			const { sessionId } = (await session.send('Target.attachToTarget', {
				targetId: event.targetInfo.targetId,
				flatten: false
			})) as { sessionId: string };
			sessions.add(sessionId);
			const send = (method: string, params: object) =>
				session.send('Target.sendMessageToTarget', {
					sessionId,
					message: JSON.stringify({ id: ++nextId, method, params })
				});
			await send('Network.enable', {});
			await send('Network.emulateNetworkConditions', networkConditions);
		} catch {
			/* the worker went away first */
		}
	});
	await session.send('Target.setDiscoverTargets', { discover: true });
}

async function newThrottledPage(language = 'id'): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; net: NetLog }> {
	const context = await browser.newContext({
		viewport: profile.viewport,
		screen: profile.viewport,
		deviceScaleFactor: profile.deviceScaleFactor,
		isMobile: true,
		hasTouch: true,
		userAgent: profile.userAgent,
		locale: 'id-ID',
		timezoneId: 'Asia/Makassar',
		serviceWorkers: 'allow'
	});
	if (language !== 'id') await context.addCookies([{ name: 'bahasa', value: language, url: BASE }]);
	await context.addInitScript(longTasks);
	const page = await context.newPage();
	page.setDefaultNavigationTimeout(120_000);
	const cdp = await context.newCDPSession(page);
	const net = new NetLog();
	cdp.on('Network.responseReceived', (p) => net.ingest('Network.responseReceived', p));
	cdp.on('Network.loadingFinished', (p) => net.ingest('Network.loadingFinished', p));
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', networkConditions);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
	return { context, page, cdp, net };
}

/**
 * Total Blocking Time as Lighthouse counts it, approximately: every main-thread task longer than 50 ms
 * after the first contentful paint adds its time over 50 ms (Lighthouse stops at Time to Interactive; this
 * counts until the page has loaded and the network is idle, which includes everything a page runs at start).
 * Long tasks are recorded from the start of the document by an init script (`longTasks` below).
 */
async function readTbt(page: Page): Promise<number> {
	return page.evaluate(() => {
		const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
		const tasks = ((globalThis as { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? []);
		let total = 0;
		for (const task of tasks) {
			const end = task.start + task.duration;
			if (end <= fcp) continue;
			const start = Math.max(task.start, fcp);
			total += Math.max(0, end - start - 50);
		}
		return Math.round(total);
	});
}

/** Recorded in every document from its first moment, so no long task escapes (also before `load`). */
const longTasks = () => {
	const store: { start: number; duration: number }[] = [];
	(globalThis as { __longTasks?: typeof store }).__longTasks = store;
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) store.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		/* no long-task timing in this browser */
	}
};

/** The largest contentful paint of the current document, in ms from navigation start. */
async function readLcp(page: Page): Promise<number | null> {
	return page.evaluate(
		() =>
			new Promise<number | null>((done) => {
				let last: number | null = null;
				const observer = new PerformanceObserver((list) => {
					for (const entry of list.getEntries()) last = entry.startTime;
				});
				observer.observe({ type: 'largest-contentful-paint', buffered: true });
				requestAnimationFrame(() =>
					requestAnimationFrame(() =>
						setTimeout(() => {
							for (const entry of observer.takeRecords()) last = entry.startTime;
							observer.disconnect();
							done(last === null ? null : Math.round(last));
						}, 50)
					)
				);
			})
	);
}

async function settle(page: Page) {
	await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {});
}

async function renderBlockingStylesheets(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		(performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[])
			.filter((e) => e.renderBlockingStatus === 'blocking' && /\.css(\?|$)/.test(e.name))
			.map((e) => e.name)
	);
}

/** Waits for the service worker to install and to control the page; false when the app registers none. */
async function waitForServiceWorker(page: Page): Promise<boolean> {
	const registered = await page.evaluate(async () => {
		if (!('serviceWorker' in navigator)) return false;
		for (let i = 0; i < 40; i++) {
			if (await navigator.serviceWorker.getRegistration()) return true;
			await new Promise((r) => setTimeout(r, 250));
		}
		return false;
	});
	if (!registered) return false;
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
		await page.reload({ waitUntil: 'load' });
		await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller), null, { timeout: 60_000 });
	}
	await settle(page);
	return true;
}

// ---------------------------------------------------------------------------------------------------------
// One page, one run

type Run = {
	bytes: Bytes;
	wireBytes: Bytes;
	htmlPlusCriticalCss: number;
	lcpFirst: number | null;
	lcpRepeat: number | null;
	tbtMs: number;
	/** scripts the page loaded from SvelteKit's entry/ (the framework's start and app) */
	frameworkScripts: number;
	serviceWorker: boolean;
	repeatFromServiceWorker: boolean;
	serviceWorkerBytes: number;
	offline: boolean;
};

async function measurePage(path: string, language: string): Promise<Run> {
	const { context, page, net } = await newThrottledPage(language);
	try {
		swLog.reset();
		net.reset();
		await page.goto(BASE + path, { waitUntil: 'load' });
		await settle(page);
		const lcpFirst = await readLcp(page);
		const tbtMs = await readTbt(page);
		const frameworkScripts = net.finished().filter((e) => e.url.includes('/_app/immutable/entry/')).length;
		const h1 = ((await page.locator('h1').first().textContent({ timeout: 5000 })) ?? '').trim();
		const blockingCss = await renderBlockingStylesheets(page);
		const first = await sizes(net.finished());
		const html = net.finished().find((e) => kindOf(e) === 'html');
		const htmlPlusCriticalCss =
			(html ? (first.perUrl.get(html.url) ?? 0) : 0) +
			blockingCss.reduce((sum, url) => sum + (first.perUrl.get(url) ?? 0), 0);

		const serviceWorker = await waitForServiceWorker(page);
		const serviceWorkerBytes = (await sizes(swLog.finished())).bytes.total;

		net.reset();
		await page.goto(BASE + path, { waitUntil: 'load' });
		await settle(page);
		const lcpRepeat = await readLcp(page);
		const repeatDocument = [...net.entries.values()].find((e) => e.type === 'Document');
		const repeatFromServiceWorker = Boolean(repeatDocument?.fromSW);

		let offline = false;
		await context.setOffline(true);
		try {
			await page.goto(BASE + path, { waitUntil: 'load', timeout: 30_000 });
			// waits through a client-side redirect (the form adds its draft id to the address)
			await page.getByRole('heading', { level: 1, name: h1, exact: true }).first().waitFor({ timeout: 10_000 });
			offline = h1 !== '';
		} catch {
			offline = false; // the browser's own error page, or no h1
		}
		return {
			bytes: first.bytes,
			wireBytes: first.wire,
			htmlPlusCriticalCss,
			lcpFirst,
			lcpRepeat,
			tbtMs,
			frameworkScripts,
			serviceWorker,
			repeatFromServiceWorker,
			serviceWorkerBytes,
			offline
		};
	} finally {
		await context.close();
	}
}

// ---------------------------------------------------------------------------------------------------------
// The floor: the home page without its framework

async function startFloorServer(): Promise<{ server: Server; url: string }> {
	const home = await (await fetch(BASE + '/')).text();
	const plain = home
		.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
		.replace(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi, '');
	const compressedPlain = brotliCompressSync(Buffer.from(plain), {
		params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT }
	});
	const server = createServer(async (req, res) => {
		const brotli = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
		if (req.url === '/' || req.url === '/index.html') {
			res.writeHead(200, {
				'content-type': 'text/html; charset=utf-8',
				'cache-control': 'no-cache',
				...(brotli ? { 'content-encoding': 'br' } : {})
			});
			res.end(brotli ? compressedPlain : plain);
			return;
		}
		// Same favicon, manifest and stylesheets as the app (no scripts: the page references none).
		try {
			const upstream = await fetch(BASE + req.url, { headers: { 'accept-encoding': 'identity' } });
			const body = Buffer.from(await upstream.arrayBuffer());
			const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
			const compress = brotli && compressible.test(type) && body.length > 0;
			res.writeHead(upstream.status, {
				'content-type': type,
				...(compress ? { 'content-encoding': 'br' } : {})
			});
			res.end(compress ? brotliCompressSync(body) : body);
		} catch {
			res.writeHead(502).end();
		}
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return { server, url: `http://127.0.0.1:${port}/` };
}

// ---------------------------------------------------------------------------------------------------------
// The GOV.UK Frontend form page: the same step with GOV.UK Frontend's markup, CSS and JavaScript

const govukDist = resolve(root, 'node_modules/govuk-frontend/dist/govuk');
const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function govukField(field: FieldDefinition): string {
	const id = field.key;
	const hint = field.help ? `<div id="${id}-hint" class="govuk-hint">${escapeHtml(field.help)}</div>` : '';
	const described = field.help ? ` aria-describedby="${id}-hint"` : '';
	const label = `<label class="govuk-label govuk-label--s" for="${id}">${escapeHtml(field.label)}</label>`;
	let control: string;
	if (field.kind === 'select' && field.options) {
		const options = field.options.map((o) => `<option value="${escapeHtml(o.value)}">${escapeHtml(o.label)}</option>`).join('');
		control = `<select class="govuk-select" id="${id}" name="${id}"${described}><option value="">Pilih</option>${options}</select>`;
	} else if (field.kind === 'textarea') {
		control = `<textarea class="govuk-textarea" id="${id}" name="${id}" rows="4"${described}></textarea>`;
	} else {
		const type = field.kind === 'date' ? 'date' : field.kind === 'time' ? 'time' : field.kind === 'phone' ? 'tel' : 'text';
		const numeric = ['nik', 'kk', 'nib'].includes(field.kind) ? ' inputmode="numeric" spellcheck="false"' : '';
		const width = ['nik', 'kk', 'nib'].includes(field.kind) ? ' govuk-input--width-20' : '';
		control = `<input class="govuk-input${width}" id="${id}" name="${id}" type="${type}"${numeric}${described}${field.autocomplete ? ` autocomplete="${field.autocomplete}"` : ''}>`;
	}
	return `<div class="govuk-form-group">${label}${hint}${control}</div>`;
}

function govukFormPage(): string {
	const service = services.find((s) => s.slug === 'akta-kelahiran') ?? services[0]!;
	const step = service.steps[0]!;
	return `<!DOCTYPE html>
<html lang="id" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${escapeHtml(step.title)} – ${escapeHtml(service.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b0c0c">
<link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">
<link rel="icon" sizes="any" href="/assets/images/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/govuk-frontend.min.css">
</head>
<body class="govuk-template__body">
<script>document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Langsung ke isi utama</a>
<header class="govuk-header" data-module="govuk-header"><div class="govuk-header__container govuk-width-container">
<div class="govuk-header__logo"><a href="/" class="govuk-header__link govuk-header__link--homepage">Layanan Banjarbaru</a></div>
</div></header>
<div class="govuk-width-container">
<a href="/" class="govuk-back-link">Kembali</a>
<main class="govuk-main-wrapper" id="main-content">
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<span class="govuk-caption-l">${escapeHtml(service.name)} · Langkah 1 dari ${service.steps.length + 2}</span>
<h1 class="govuk-heading-l">${escapeHtml(step.title)}</h1>
${step.intro ? `<p class="govuk-body">${escapeHtml(step.intro)}</p>` : ''}
<form method="post" novalidate>
${step.fields.map(govukField).join('\n')}
<button type="submit" class="govuk-button" data-module="govuk-button">Lanjut</button>
</form>
</div></div>
</main>
</div>
<footer class="govuk-footer"><div class="govuk-width-container"><div class="govuk-footer__meta">
<div class="govuk-footer__meta-item govuk-footer__meta-item--grow"><span class="govuk-footer__licence-description">Pemerintah Kota Banjarbaru</span></div>
</div></div></footer>
<script type="module" src="/govuk-frontend.min.js"></script>
<script type="module">import { initAll } from '/govuk-frontend.min.js'; initAll();</script>
</body>
</html>
`;
}

const staticTypes: Record<string, string> = {
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff'
};

async function startGovukServer(): Promise<{ server: Server; url: string }> {
	const html = govukFormPage();
	const server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		const brotli = /\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''));
		let body: Buffer;
		let type: string;
		if (path === '/') {
			body = Buffer.from(html);
			type = 'text/html; charset=utf-8';
		} else {
			const file = join(govukDist, path.startsWith('/assets/') ? path : path.slice(1));
			if (!file.startsWith(govukDist) || !existsSync(file) || !staticTypes[extname(file)]) {
				res.writeHead(404).end();
				return;
			}
			body = readFileSync(file);
			type = staticTypes[extname(file)]!;
		}
		const compress = brotli && compressible.test(type);
		res.writeHead(200, {
			'content-type': type,
			'cache-control': path === '/' ? 'no-cache' : 'public, max-age=31536000, immutable',
			...(compress ? { 'content-encoding': 'br' } : {})
		});
		res.end(compress ? brotliCompressSync(body) : body);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	return { server, url: `http://127.0.0.1:${port}/` };
}

async function measureFloor(url: string) {
	const { context, page, net } = await newThrottledPage();
	try {
		await page.goto(url, { waitUntil: 'load' });
		await settle(page);
		const lcp = await readLcp(page);
		const tbt = await readTbt(page);
		const { bytes, wire } = await sizes(net.finished());
		return { bytes: bytes.total, wireBytes: wire.total, html: bytes.html, css: bytes.css, js: bytes.js, lcp, tbt };
	} finally {
		await context.close();
	}
}

// ---------------------------------------------------------------------------------------------------------
// Report

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
const medianOrNull = (values: (number | null)[]) => {
	const present = values.filter((v): v is number => v !== null);
	return present.length ? median(present) : null;
};
const kb = (bytes: number) => (bytes / KB).toFixed(1);
const sec = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const ratio = (a: number | null, b: number | null) =>
	a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100;
const mark = (ok: boolean) => (ok ? 'met' : '**not met**');

async function formStepPath(): Promise<{ path: string; note?: string }> {
	const wanted = '/formulir/akta-kelahiran';
	const response = await fetch(BASE + wanted, { redirect: 'manual' });
	if (response.status === 200) return { path: wanted };
	const where = response.headers.get('location');
	return {
		path: '/masuk',
		note:
			`${wanted} answered ${response.status}${where ? ` (to ${where})` : ''}: ` +
			'the form step is not available yet, so /masuk (the login form) was measured in its place'
	};
}

function govukVersion(): string {
	return (JSON.parse(readFileSync(resolve(root, 'node_modules/govuk-frontend/package.json'), 'utf8')) as { version: string }).version;
}

// ---------------------------------------------------------------------------------------------------------

// scripts/start.ts serves the Node build (adapter-node, build/); it rebuilds it itself when stale
if (!existsSync('build/handler.js')) {
	console.error('No Node build found (build/handler.js). Run `npm run build` (or `npm run build:node`) first.');
	process.exit(1);
}

let server: ChildProcess | undefined;
let floorServer: Server | undefined;
let govukServer: Server | undefined;
const cleanup = () => {
	stopServer(server);
	floorServer?.close();
	govukServer?.close();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		cleanup();
		process.exit(130);
	});
}

try {
	log(`Starting the app on ${BASE} (scripts/start.ts, fresh ${DB_URL})…`);
	server = await startServer();

	const systemChromium = '/usr/bin/chromium';
	browser = await chromium.launch({
		executablePath: existsSync(systemChromium) ? systemChromium : undefined,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	profile.browser = `Chromium ${browser.version()}`;
	profile.userAgent =
		`Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) ` +
		`Chrome/${browser.version().split('.')[0]}.0.0.0 Mobile Safari/537.36`;
	await watchServiceWorkers(browser);

	const form = await formStepPath();
	if (form.note) log(`Note: ${form.note}.`);
	const basePages: { name: string; path: string; note?: string }[] = [
		{ name: 'home', path: '/' },
		{ name: 'catalogue', path: '/layanan' },
		{ name: 'service page', path: '/layanan/akta-kelahiran' },
		{ name: 'form step', path: form.path, ...(form.note ? { note: form.note } : {}) },
		{ name: 'tracking', path: '/lacak' }
	];
	// each page in each language; a row's budget is its page's (`home (en)` has home's)
	const pages = LANGUAGES.flatMap((language) =>
		basePages.map((p) => ({ ...p, language, name: language === 'id' ? p.name : `${p.name} (${language})`, base: p.name }))
	);

	const floor = await startFloorServer();
	floorServer = floor.server;
	const floorRuns = [];
	for (let i = 0; i < RUNS; i++) {
		log(`floor run ${i + 1}/${RUNS}`);
		floorRuns.push(await measureFloor(floor.url));
	}
	const floorResult = {
		bytes: median(floorRuns.map((r) => r.bytes)),
		wireBytes: median(floorRuns.map((r) => r.wireBytes)),
		lcpMs: medianOrNull(floorRuns.map((r) => r.lcp)),
		tbtMs: median(floorRuns.map((r) => r.tbt))
	};

	const govuk = await startGovukServer();
	govukServer = govuk.server;
	const govukRuns = [];
	for (let i = 0; i < RUNS; i++) {
		log(`GOV.UK Frontend form page run ${i + 1}/${RUNS}`);
		govukRuns.push(await measureFloor(govuk.url));
	}
	const govukResult = {
		bytes: median(govukRuns.map((r) => r.bytes)),
		wireBytes: median(govukRuns.map((r) => r.wireBytes)),
		html: median(govukRuns.map((r) => r.html)),
		css: median(govukRuns.map((r) => r.css)),
		js: median(govukRuns.map((r) => r.js)),
		lcpMs: medianOrNull(govukRuns.map((r) => r.lcp)),
		tbtMs: median(govukRuns.map((r) => r.tbt))
	};

	const results = [];
	for (const p of pages) {
		const runs: Run[] = [];
		for (let i = 0; i < RUNS; i++) {
			log(`${p.name} ${p.path} run ${i + 1}/${RUNS}`);
			runs.push(await measurePage(p.path, p.language));
		}
		const pick = (k: keyof Bytes, from: 'bytes' | 'wireBytes') => median(runs.map((r) => r[from][k]));
		const bytes: Bytes = { html: pick('html', 'bytes'), css: pick('css', 'bytes'), js: pick('js', 'bytes'), total: pick('total', 'bytes') };
		const wireBytes: Bytes = { html: pick('html', 'wireBytes'), css: pick('css', 'wireBytes'), js: pick('js', 'wireBytes'), total: pick('total', 'wireBytes') };
		const lcpFirst = medianOrNull(runs.map((r) => r.lcpFirst));
		const lcpRepeat = medianOrNull(runs.map((r) => r.lcpRepeat));
		const htmlPlusCriticalCss = median(runs.map((r) => r.htmlPlusCriticalCss));
		results.push({
			name: p.name,
			base: p.base,
			language: p.language,
			path: p.path,
			...(p.note ? { note: p.note } : {}),
			firstVisit: {
				bytes,
				wireBytes,
				htmlPlusCriticalCss,
				...(p.base === 'home' ? { fitsFirstRoundTrip: htmlPlusCriticalCss <= FIRST_ROUND_TRIP } : {}),
				serviceWorkerBytes: median(runs.map((r) => r.serviceWorkerBytes)),
				lcpMs: lcpFirst,
				tbtMs: median(runs.map((r) => r.tbtMs)),
				frameworkScripts: Math.max(...runs.map((r) => r.frameworkScripts))
			},
			repeatVisit: {
				lcpMs: lcpRepeat,
				serviceWorker: runs.every((r) => r.serviceWorker),
				servedByServiceWorker: runs.every((r) => r.repeatFromServiceWorker)
			},
			offline: runs.every((r) => r.offline),
			offlineRuns: `${runs.filter((r) => r.offline).length}/${runs.length}`,
			ratioToFloor: {
				bytes: ratio(bytes.total, floorResult.bytes),
				lcpMs: ratio(lcpFirst, floorResult.lcpMs)
			},
			ratioToGovuk: {
				bytes: ratio(bytes.total, govukResult.bytes),
				lcpMs: ratio(lcpFirst, govukResult.lcpMs)
			}
		});
	}

	const output = {
		generatedAt: new Date().toISOString(),
		profile,
		floor: { bytes: floorResult.bytes, lcpMs: floorResult.lcpMs, tbtMs: floorResult.tbtMs, wireBytes: floorResult.wireBytes },
		govukFrontend: { ...govukResult, version: govukVersion(), ratioToFloor: { bytes: ratio(govukResult.bytes, floorResult.bytes), lcpMs: ratio(govukResult.lcpMs, floorResult.lcpMs) } },
		budgets,
		pages: results
	};
	mkdirSync(resolve(root, 'tests/bench/results'), { recursive: true });
	writeFileSync(resultFile, JSON.stringify(output, null, 2) + '\n');

	// The table
	const lines: string[] = [];
	lines.push(
		`Under Lighthouse's mobile profile (${profile.latencyMs} ms latency, ${(profile.downloadBitsPerSecond / 1e6).toFixed(2)} Mbit/s down, ` +
			`${(profile.uploadBitsPerSecond / 1e3).toFixed(0)} kbit/s up, CPU ${profile.cpuSlowdown}× slower, ` +
			`${profile.viewport.width}×${profile.viewport.height} at ${profile.deviceScaleFactor}×), ${profile.browser}, ` +
			`median of ${RUNS} runs. Bytes are what Cloudflare would send: each body compressed with brotli ` +
			`(quality 4 for HTML, 11 for static assets; \`vite preview\` itself sends gzip), without HTTP headers. ` +
			`The floor is the home page's HTML without any script, served as a static file.`
	);
	lines.push('');
	lines.push('| page | HTML KB | CSS KB | JS KB | total KB | framework | TBT | LCP first | LCP repeat | offline | × floor bytes | × floor LCP | × GOV.UK bytes | × GOV.UK LCP |');
	lines.push('|---|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|');
	for (const r of results) {
		const b = r.firstVisit.bytes;
		lines.push(
			`| ${r.name} \`${r.path}\`${r.note ? ' ¹' : ''} | ${kb(b.html)} | ${kb(b.css)} | ${kb(b.js)} | ${kb(b.total)} | ` +
				`${r.firstVisit.frameworkScripts ? 'yes' : 'no'} | ${r.firstVisit.tbtMs} ms | ` +
				`${sec(r.firstVisit.lcpMs)} | ${sec(r.repeatVisit.lcpMs)} | ${r.offline ? 'yes' : 'no'} | ` +
				`${r.ratioToFloor.bytes ?? 'n/a'} | ${r.ratioToFloor.lcpMs ?? 'n/a'} | ` +
				`${r.ratioToGovuk.bytes ?? 'n/a'} | ${r.ratioToGovuk.lcpMs ?? 'n/a'} |`
		);
	}
	lines.push(
		`| GOV.UK Frontend ${govukVersion()} form page (same step, static) | ${kb(govukResult.html)} | ${kb(govukResult.css)} | ${kb(govukResult.js)} | ` +
			`${kb(govukResult.bytes)} | no | ${govukResult.tbtMs} ms | ${sec(govukResult.lcpMs)} | | | ` +
			`${ratio(govukResult.bytes, floorResult.bytes) ?? 'n/a'} | ${ratio(govukResult.lcpMs, floorResult.lcpMs) ?? 'n/a'} | 1 | 1 |`
	);
	lines.push(
		`| floor (home, no scripts) | | | | ${kb(floorResult.bytes)} | no | ${floorResult.tbtMs} ms | ${sec(floorResult.lcpMs)} | | | 1 | 1 | ` +
			`${ratio(floorResult.bytes, govukResult.bytes) ?? 'n/a'} | ${ratio(floorResult.lcpMs, govukResult.lcpMs) ?? 'n/a'} |`
	);
	for (const r of results) if (r.note) lines.push('', `¹ ${r.note}.`);
	const noSw = results.filter((r) => !r.repeatVisit.serviceWorker);
	if (noSw.length)
		lines.push(
			'',
			`No service worker registered on: ${noSw.map((r) => r.path).join(', ')}; their repeat visit used the HTTP cache only.`
		);

	const home = results.find((r) => r.name === 'home')!;
	lines.push('', 'Budgets (../shared/DESIGN.md):', '');
	lines.push(
		`- home page, HTML + critical CSS in the first round trip (≤ ${FIRST_ROUND_TRIP.toLocaleString('en')} bytes): ` +
			`${home.firstVisit.htmlPlusCriticalCss.toLocaleString('en')} bytes: ${mark(home.firstVisit.htmlPlusCriticalCss <= FIRST_ROUND_TRIP)}`
	);
	for (const r of results) {
		const budget = budgets.totalBytes[r.base];
		const first = r.firstVisit.lcpMs;
		const repeat = r.repeatVisit.lcpMs;
		const lcpLimit = floorResult.lcpMs === null ? null : Math.round(floorResult.lcpMs * budgets.lcpFloorRatio);
		lines.push(
			`- ${r.name}: ` +
				(budget ? `first visit ≤ ${budget / KB} KB: ${kb(r.firstVisit.bytes.total)} KB: ${mark(r.firstVisit.bytes.total <= budget)}; ` : '') +
				`TBT ≤ ${budgets.tbtMs} ms: ${r.firstVisit.tbtMs} ms: ${mark(r.firstVisit.tbtMs <= budgets.tbtMs)}; ` +
				`LCP ≤ ${budgets.lcpFloorRatio}× the floor's (${sec(lcpLimit)}): ${sec(first)}: ${mark(first !== null && lcpLimit !== null && first <= lcpLimit)}; ` +
				`repeat ≤ 0.5 s: ${sec(repeat)}: ${mark(repeat !== null && repeat <= budgets.lcpRepeatMs)}; ` +
				`opens offline: ${mark(r.offline)}`
		);
	}
	console.log('\n' + lines.join('\n') + '\n');
	console.log(`Results: ${resultFile}`);
} finally {
	await browser!?.close().catch(() => {});
	cleanup();
}

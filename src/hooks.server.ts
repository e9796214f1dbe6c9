/**
 * Every request passes here: refuse what no route should ever see (unknown methods, undecodable paths),
 * read the session cookie, then let the role table (domain/roles.ts) decide whether the route may be
 * opened, page or form action alike.
 *
 * The gate judges the path the router judges: the matched route's id (`/admin/petugas`), or for an
 * unmatched path the decoded pathname, never the raw one (`/%61dmin` is `/admin` to the router). It is
 * the first lock only: every protected load and action checks the role again (`$lib/server/guard`) and
 * the record through `$lib/server/access`.
 */
import { error, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { hasKeyring, installKeyring } from '$lib/server/crypto/keys';
import { keyringFrom } from '$lib/server/crypto/sealing';
import { accessFor, gatePath } from '$lib/domain/roles';
import { passwordChangeRequired, PASSWORD_CHANGE_PATH } from '$lib/server/accounts';
import * as session from '$lib/server/auth/session';
import { clearSessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { getDb } from '$lib/server/db';
import { securityHeaders } from '$lib/server/headers';
import { runJobs, startTimer } from '$lib/server/jobs';
import { configureNotify, readNotifyConfig } from '$lib/server/notify/config';
import { takeQueuedFlag } from '$lib/server/notify/outbox';
import { building, dev, version } from '$app/environment';
import { AsyncLocalStorage } from 'node:async_hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { m } from '$lib/paraglide/messages';
import { getLocale, overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { offlineFormScript } from '$lib/components/offline-form/script';

/**
 * Every page, with or without the framework (`csr = false`), loads the shell script (service worker,
 * prompts, account menu: src/lib/client/shell.ts), its own entry of the client build (vite.config.ts).
 * A module script: deferred, never blocks the first paint; same origin, so `script-src 'self'` allows it.
 */
const shellScript = dev ? '/src/lib/client/shell.ts' : `/_app/shell.js?v=${version}`;
const shellTag = `<script type="module" src="${shellScript}"></script>`;
// the offline form's own script carries the shell (client/formulir.ts): that page gets no second copy
const withShell = ({ html }: { html: string }) =>
	html.replace('%lang%', getLocale()).replace('</head>', html.includes(offlineFormScript) ? '</head>' : `${shellTag}</head>`);

/**
 * The reader's language (Paraglide, i18n.config.js) is held per request in an AsyncLocalStorage, installed
 * here once (Workers: the `nodejs_als` flag) so every message function, in any module, reads this request's.
 * The middleware gets a copy without the body: it reads only the address and the `bahasa` cookie, and a
 * clone of an upload's stream would be buffered twice.
 */
overwriteServerAsyncLocalStorage(new AsyncLocalStorage());

export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(new Request(event.request.url, { headers: event.request.headers }), () =>
		handleRequest({ event, resolve })
	);

/**
 * Once per process (Node) or isolate (Workers), before any request: the data keyring from the DATA_KEYS
 * secret (personal data is encrypted at rest, server/crypto; without it, or with a malformed one, the server
 * refuses to start with a message that says what to set: on Node the process exits, on Workers every request
 * fails); which notice providers are configured; and on Node the jobs' timer (server/jobs.ts) when the server
 * asks for it (scripts/serve.ts sets JOBS_TIMER=on).
 */
export const init: ServerInit = async () => {
	// prerendering at build time (formulir, offline, privasi) touches no personal data and has no secrets
	if (building) return;
	if (!hasKeyring()) installKeyring(await keyringFrom(env.DATA_KEYS));
	const config = readNotifyConfig(env);
	configureNotify(config);
	if (!config.whatsapp && !config.sms) console.warn('No WhatsApp or SMS provider is configured: notices stay in the app.');
	if (env.JOBS_TIMER === 'on') startTimer(getDb, Number(env.JOBS_INTERVAL_MS) || 60_000);
};

/** The methods this app answers; anything else (TRACE, PUT, PROPFIND…) is refused before any route. */
const methods = new Set(['GET', 'HEAD', 'POST']);

const handleRequest: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;

	if (!methods.has(event.request.method)) {
		return plain(405, m.common_method_not_allowed(), { allow: 'GET, HEAD, POST' });
	}
	const path = gatePath(event.route.id, event.url.pathname);
	if (path === null) return plain(400, m.common_bad_address());
	guardFormBody(event.request);

	const token = event.cookies.get(session.SESSION_COOKIE);
	if (token) {
		const valid = await session.validate(getDb(), token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.sessionId = valid.id;
			setSessionCookie(event.cookies, token, valid.expiresAt);
		} else {
			clearSessionCookie(event.cookies);
		}
	}

	const access = accessFor(path, event.locals.user?.role ?? null);
	if (access === 'login-required') {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/masuk?ke=${encodeURIComponent(back)}`);
	}
	if (access === 'forbidden') {
		error(403, m.common_forbidden_role());
	}
	// a password someone else chose (a new officer's) is changed before anything else is opened
	if (passwordChangeRequired(event.locals.user, event.route.id)) redirect(303, PASSWORD_CHANGE_PATH);

	const response = await resolve(event, { transformPageChunk: withShell });
	// a request that queued messages starts a sender after its answer, so they need not wait for the clock
	if (takeQueuedFlag()) {
		const sending = runJobs(getDb(), ['notices']);
		event.platform?.ctx?.waitUntil(sending);
	}
	for (const [name, value] of Object.entries(securityHeaders(event.url))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	if (
		response.headers.get('content-type')?.startsWith('text/html') &&
		!response.headers.has('cache-control')
	) {
		// personal pages must never sit in a shared cache (Cloudflare's included)
		response.headers.set('Cache-Control', event.locals.user ? 'private, no-store' : 'no-cache');
	}
	// a page is written in the reader's language (the `bahasa` cookie): a shared cache keeps one per language
	if (response.headers.get('content-type')?.startsWith('text/html')) response.headers.append('Vary', 'Cookie');
	return response;
};

/**
 * A body that cannot be parsed as a form is the sender's mistake, not the server's: answer 400 with a
 * plain message instead of letting the action fail with a 500. Wraps `formData()` of this one request.
 */
function guardFormBody(request: Request) {
	if (request.method !== 'POST') return;
	const parse = request.formData.bind(request);
	Object.defineProperty(request, 'formData', {
		value: async () => {
			try {
				return await parse();
			} catch (cause) {
				if (cause && typeof cause === 'object' && 'status' in cause) throw cause;
				error(400, m.common_bad_form());
			}
		}
	});
}

function plain(status: number, message: string, headers: Record<string, string> = {}) {
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }
	});
}

/** Unexpected errors: logged without request data (no answers, no NIK), answered in plain words. */
export const handleError: HandleServerError = ({ error: cause, event, status }) => {
	if (status >= 500) {
		const what = cause instanceof Error ? `${cause.name}: ${cause.message}` : 'non-error thrown';
		console.error(`[${status}] ${event.request.method} ${event.route.id ?? '(no route)'}: ${what}`);
	}
	return {
		message:
			status === 404
				? 'Halaman tidak ditemukan.'
				: status < 500
					? 'Permintaan ini tidak dapat diproses.'
					: 'Maaf, ada yang tidak berjalan. Silakan coba lagi sebentar lagi.'
	};
};

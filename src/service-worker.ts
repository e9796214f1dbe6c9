/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The service worker: what makes the app open on a bad signal.
 *
 * - Precache (at install): the built JavaScript and CSS (with the offline form's own build, listed in its
 *   files.json), the static files, the prerendered pages (every
 *   service's offline form, "Draf saya", the offline page), and the public pages: home, the catalogue and
 *   every service page, tracking. Public pages are the same for everyone (the header shows no account
 *   data there), so serving them from the cache leaks nothing.
 * - Public pages and assets: from the cache at once, refreshed in the background (stale-while-revalidate),
 *   so a repeat visit paints without waiting for the network.
 * - A resident's own application pages (/permohonan/…): network first; the last copy is kept in the
 *   'pribadi' cache so a status seen before stays readable offline (the page says when it was loaded).
 *   That cache is wiped on logout.
 * - Anything else offline: the offline page.
 * - Two languages: a server-rendered page is cached per language (the key carries `?bahasa=en` for English,
 *   read from the `bahasa` cookie through the Cookie Store API where the browser has it), so a switch never
 *   serves the other language's copy. Prerendered pages are one file for both: written in Indonesian, they
 *   hydrate in the reader's language.
 * - Old versions' caches are removed on activate. A new version waits until the user agrees ("Muat ulang").
 * - Background Sync ('kirim-permohonan') sends the outbox even after the page was closed; the pages' shell
 *   script asks it to send at app start, when the signal returns and after queueing (SEND_OUTBOX).
 */
import { build, files, prerendered, version } from '$service-worker';
import { nextAttemptAt, sendDue } from '$lib/client/outbox';
import { baseLocale, cookieName, isLocale } from '$lib/paraglide/runtime';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `aplikasi-${version}`;
const PRIVATE = 'pribadi';

const formPages = prerendered.filter((p) => p.startsWith('/formulir/'));
const publicPages = [
	'/',
	'/layanan',
	'/lacak',
	'/bantuan/suara',
	'/privasi',
	...formPages.map((p) => p.replace('/formulir/', '/layanan/'))
];
const precached = new Set([...build, ...files, ...prerendered, ...publicPages]);
const prerenderedPages = new Set(prerendered);

/** The reader's language, from the `bahasa` cookie (i18n.config.js); Indonesian where it cannot be read. */
async function readerLocale(): Promise<string> {
	try {
		const store = (sw as unknown as { cookieStore?: { get(name: string): Promise<{ value: string } | null> } }).cookieStore;
		const value = (await store?.get(cookieName))?.value;
		return value && isLocale(value) ? value : baseLocale;
	} catch {
		return baseLocale;
	}
}

/** The cache key of a page in the reader's language: the path itself for Indonesian and prerendered pages. */
async function pageKey(path: string): Promise<string> {
	if (prerenderedPages.has(path)) return path;
	const locale = await readerLocale();
	return locale === baseLocale ? path : `${path}?bahasa=${locale}`;
}

/**
 * The offline form's own script and the chunks it loads when needed (vite.config.ts, `offlineFormBuild`):
 * built beside SvelteKit's, so not in its manifest; the build lists them in files.json.
 */
const OFFLINE_FORM = '/_app/formulir/';
async function offlineFormFiles(): Promise<string[]> {
	const answer = await fetch(`${OFFLINE_FORM}files.json?v=${version}`, { cache: 'no-cache' });
	if (!answer.ok) throw new Error(`${OFFLINE_FORM}files.json: ${answer.status}`);
	const listed: unknown = await answer.json();
	return Array.isArray(listed) ? listed.filter((f): f is string => typeof f === 'string' && f.startsWith(OFFLINE_FORM)) : [];
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(SHELL);
			await cache.addAll([...build, ...files, ...prerendered]);
			// past the browser's own cache: the entry's name is the same in every version
			await Promise.all(
				(await offlineFormFiles()).map(async (file) => {
					const answer = await fetch(file, { cache: 'no-cache' });
					if (!answer.ok) throw new Error(`${file}: ${answer.status}`);
					await cache.put(file, answer);
				})
			);
			// public pages without cookies: the anonymous version is the cached one
			await Promise.all(
				publicPages.map(async (path) => {
					const response = await fetch(path, { credentials: 'omit' });
					if (response.ok) await cache.put(path, response);
				})
			);
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== SHELL && key !== PRIVATE) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const type = event.data?.type;
	if (type === 'SKIP_WAITING') void sw.skipWaiting();
	// from the pages' shell script (src/lib/client/shell.ts): at app start, on `online`, after queueing
	if (type === 'SEND_OUTBOX') event.waitUntil(sendAndTell(Boolean(event.data.force)).then((next) => event.ports[0]?.postMessage({ next })));
});

sw.addEventListener('sync', (event) => {
	const sync = event as Event & { tag: string; waitUntil(p: Promise<unknown>): void };
	if (sync.tag === 'kirim-permohonan') sync.waitUntil(sendAndTell(true));
});

/** Sends what is due, tells the open pages when something changed; returns when the next retry is due. */
async function sendAndTell(force: boolean) {
	const changed = await sendDue({ force });
	if (changed.length) for (const client of await sw.clients.matchAll()) client.postMessage({ type: 'OUTBOX_CHANGED' });
	return nextAttemptAt();
}

async function offlinePage() {
	return (await caches.match('/offline')) ?? new Response('Tidak ada sinyal. / No signal.', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

async function fromCacheThenRefresh(event: FetchEvent, path: string) {
	const key = await pageKey(path);
	const cache = await caches.open(SHELL);
	const cached = await cache.match(key);
	const refresh = fetch(event.request)
		.then(async (response) => {
			if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
			return response;
		})
		.catch(() => undefined);
	if (cached) {
		event.waitUntil(refresh);
		return cached;
	}
	return (await refresh) ?? offlinePage();
}

async function networkKeepingCopy(request: Request) {
	const cache = await caches.open(PRIVATE);
	try {
		const response = await fetch(request);
		if (response.ok) await cache.put(request.url, response.clone());
		return response;
	} catch {
		return (await cache.match(request.url)) ?? offlinePage();
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/dokumen/')) return;

	// built assets and static files never change under one version: cache first
	if ((precached.has(url.pathname) || url.pathname.startsWith(OFFLINE_FORM)) && request.mode !== 'navigate' && !url.pathname.endsWith('__data.json')) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(request)));
		return;
	}
	if (request.mode === 'navigate' || request.headers.get('accept')?.includes('text/html')) {
		if (precached.has(url.pathname) && !url.search) {
			event.respondWith(fromCacheThenRefresh(event, url.pathname));
		} else if (formPages.includes(url.pathname)) {
			// the form keeps its draft id in the query: the page itself is the same
			event.respondWith(fromCacheThenRefresh(event, url.pathname));
		} else if (/^\/permohonan\/[0-9a-f-]{36}$/.test(url.pathname)) {
			event.respondWith(networkKeepingCopy(request));
		} else {
			event.respondWith(fetch(request).catch(async () => (await caches.match(await pageKey(url.pathname))) ?? offlinePage()));
		}
	}
});

// Web Push (notify/web-push.ts on the server): show the notice, open its page (same origin only) when tapped
sw.addEventListener('push', (event) => {
	let data: { title?: string; body?: string; url?: string } = {};
	try {
		data = event.data?.json() ?? {};
	} catch {
		data = { body: event.data?.text() };
	}
	event.waitUntil(
		sw.registration.showNotification(data.title ?? 'Layanan Banjarbaru', {
			body: data.body ?? '',
			icon: '/icons/icon-192.png',
			data: { url: data.url }
		})
	);
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const wanted = String((event.notification.data as { url?: string } | null)?.url ?? '/');
	let target = '/';
	try {
		const url = new URL(wanted, sw.location.origin);
		if (url.origin === sw.location.origin) target = url.pathname + url.search;
	} catch {
		/* stays "/" */
	}
	event.waitUntil(sw.clients.openWindow(target));
});

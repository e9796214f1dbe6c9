/**
 * The app shell's own small script, on every page (also the pages without a framework, `csr = false`).
 * Its own entry of the client build, `/_app/shell.js` (vite.config.ts), added to every page's head by
 * hooks.server.ts as `<script type="module">`: same origin, so it passes `script-src 'self'` without a
 * nonce, and it never blocks the first paint. Precached by the service worker with the app. The offline
 * form's own script (client/formulir.ts) imports it instead, so that page loads one script, not two.
 *
 * - registers the service worker through workbox-window; offers "Versi baru tersedia – Muat ulang" when
 *   an update waits and applies it only when the user agrees;
 * - offers "Pasang aplikasi" where the browser supports installing (beforeinstallprompt), dismissible for
 *   30 days;
 * - fills the account menu (name, "Kabar" with the unread count) from `GET /api/saya`: public pages are
 *   the same for everyone (and served from the service worker's cache), so they carry no account data.
 *   Asked only when the `ada-akun` cookie says a session exists (set beside the HttpOnly session cookie);
 *   without a signal, the last answer is shown;
 * - has the outbox sent (by the service worker, which holds the sender for Background Sync too) at start,
 *   when the signal returns and when the page queued something; wipes the phone's data after logout.
 *
 * - wakes the "Dengarkan" (read-aloud) buttons: they are shown once this script runs (absent without
 *   JavaScript), and the first press loads the speaking code (client/read-aloud.ts), never before.
 *
 * The markup it fills is the layout's own (`data-akun`, `data-prompt`), rendered by the server and hidden:
 * real buttons and links, styled by the layout. Hydrated pages get the account as the `akun` event too.
 */
import { Workbox } from 'workbox-window';
import { roleLabel, type Role } from '$lib/domain/roles';
import { m } from '$lib/paraglide/messages';
import { isLocale, setLocale } from '$lib/paraglide/runtime';

/** What `GET /api/saya` answers (and the menu shows). */
export type Account = { name: string; role: Role; roleLabel: string; unread: number };

const STORED = 'akun';
const DISMISSED = 'pasang-ditolak';
const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector);

// ---------------------------------------------------------------------------------------------------
// The account menu

function showAccount(account: Account) {
	const kabar = $<HTMLAnchorElement>('[data-akun="kabar"]');
	const badge = $('[data-akun="belum-dibaca"]');
	const who = $('[data-akun="nama"]');
	if (kabar) {
		kabar.hidden = false;
		kabar.setAttribute('aria-label', account.unread ? m.common_nav_notices_unread({ count: account.unread }) : m.common_nav_notices());
	}
	if (badge) {
		badge.textContent = account.unread ? String(account.unread) : '';
		badge.hidden = !account.unread;
	}
	if (who) {
		// the role in this page's language (a remembered answer may be from before a language switch)
		who.textContent = `${account.name} · ${roleLabel[account.role] ?? account.roleLabel}`;
		who.hidden = false;
	}
	if (account.role === 'volunteer') showVolunteerLinks();
	(globalThis as { akunBanjarbaru?: Account }).akunBanjarbaru = account;
	dispatchEvent(new CustomEvent('akun', { detail: account }));
}

/** Links for volunteers on pages that are the same for everyone; the role was remembered by the form page. */
function showVolunteerLinks() {
	for (const el of document.querySelectorAll<HTMLElement>('[data-relawan]')) el.hidden = false;
}

async function fillAccount() {
	if (localStorage.getItem('peran') === 'volunteer') showVolunteerLinks();
	if (!/(^|;\s*)ada-akun=1/.test(document.cookie)) {
		localStorage.removeItem(STORED);
		return;
	}
	// the server rendered the account itself (pages that need a login)
	if ($('[data-akun="nama"]:not([hidden])')) return;
	let account: Account | null = null;
	try {
		const response = await fetch('/api/saya', { credentials: 'same-origin' });
		if (response.status === 401) {
			localStorage.removeItem(STORED);
			return;
		}
		if (response.ok) {
			account = (await response.json()) as Account;
			localStorage.setItem(STORED, JSON.stringify({ name: account.name, role: account.role, roleLabel: account.roleLabel, unread: account.unread }));
		}
	} catch {
		// no signal: the last known answer
	}
	if (!account) {
		try {
			account = JSON.parse(localStorage.getItem(STORED) ?? 'null') as Account | null;
		} catch {
			account = null;
		}
	}
	if (account) showAccount(account);
}

// ---------------------------------------------------------------------------------------------------
// Service worker, update and install prompts, the outbox

type InstallPrompt = Event & { prompt(): Promise<void> };

function installOffer() {
	const install = $('[data-prompt="pasang"]');
	let offered: InstallPrompt | null = null;
	addEventListener('beforeinstallprompt', (event) => {
		event.preventDefault();
		if (Date.now() - Number(localStorage.getItem(DISMISSED) ?? 0) <= 30 * 86_400_000 || !install) return;
		offered = event as InstallPrompt;
		install.hidden = false;
	});
	$('[data-prompt="pasang-ya"]')?.addEventListener('click', () => {
		install!.hidden = true;
		void offered?.prompt();
		offered = null;
	});
	$('[data-prompt="pasang-nanti"]')?.addEventListener('click', () => {
		install!.hidden = true;
		offered = null;
		localStorage.setItem(DISMISSED, String(Date.now()));
	});
}

/**
 * The outbox is sent by the service worker (it holds the sender for Background Sync anyway), so this
 * script carries no IndexedDB code: it asks at start, when the signal returns and when a page queued
 * something, and sets a timer for the next retry the service worker reports.
 */
function outbox(wb: Workbox) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const send = async (force: boolean) => {
		const answer = (await wb.messageSW({ type: 'SEND_OUTBOX', force }).catch(() => null)) as { next?: number | null } | null;
		clearTimeout(timer);
		if (typeof answer?.next === 'number') timer = setTimeout(() => void send(false), Math.max(1000, answer.next - Date.now()));
	};
	addEventListener('online', () => void send(true));
	addEventListener('outbox-queued', () => void send(false));
	if (navigator.onLine) void send(false);
}

function serviceWorker() {
	if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
	const wb = new Workbox('/service-worker.js');
	wb.addEventListener('waiting', () => {
		const bar = $('[data-prompt="versi-baru"]');
		if (!bar) return;
		bar.hidden = false;
		$('[data-prompt="muat-ulang"]')?.addEventListener(
			'click',
			() => {
				wb.addEventListener('controlling', () => location.reload());
				wb.messageSkipWaiting();
			},
			{ once: true }
		);
	});
	navigator.serviceWorker.addEventListener('message', (event) => {
		if (event.data?.type === 'OUTBOX_CHANGED') dispatchEvent(new Event('outbox-changed'));
	});
	void wb.register();
	if (!loggedOut) outbox(wb);
}

/**
 * Logged out on a shared phone: drafts, outbox and saved personal pages go too. Plain IndexedDB (this
 * script carries no `idb`); a database that does not exist is not created (its upgrade is aborted).
 */
function wipeLocalData() {
	localStorage.removeItem(STORED);
	localStorage.removeItem('peran');
	void caches?.delete('pribadi');
	const open = indexedDB.open('layanan-banjarbaru');
	open.onupgradeneeded = () => open.transaction?.abort();
	open.onsuccess = () => {
		const db = open.result;
		const stores = ['drafts', 'outbox'].filter((name) => db.objectStoreNames.contains(name));
		if (!stores.length) return db.close();
		const tx = db.transaction(stores, 'readwrite');
		for (const name of stores) tx.objectStore(name).clear();
		tx.oncomplete = () => db.close();
	};
}

// ---------------------------------------------------------------------------------------------------
// Read-aloud: one listener for every "Dengarkan" button, also those a hydrated page draws later

// The speaking code is its own entry of the build (vite.config.ts), imported by its fixed name with this
// script's version: nothing of it is downloaded before the first press.
const speechModule = import.meta.env.DEV ? '/src/lib/client/read-aloud.ts' : `/_app/read-aloud.js${new URL(import.meta.url).search}`;

function readAloudButtons() {
	document.documentElement.classList.add('dengar');
	document.addEventListener('click', (event) => {
		const button = (event.target as Element | null)?.closest?.<HTMLElement>('[data-dengarkan]');
		if (!button) return;
		void (import(/* @vite-ignore */ speechModule) as Promise<typeof import('./read-aloud')>).then((speech) => speech.readAloud(button));
	});
}

// ---------------------------------------------------------------------------------------------------
// The language link

/**
 * The language link switches in place: Paraglide writes the `bahasa` cookie and reloads, and the page comes
 * back in that language (from the server, or from the service worker's cache of that language; a prerendered
 * form hydrates in it). So it works offline too, where /bahasa cannot be reached. Without JavaScript the link
 * itself goes to /bahasa/<kode>, which sets the same cookie. Captured before SvelteKit's router sees the click.
 */
function languageLink() {
	document.addEventListener(
		'click',
		(event) => {
			const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-bahasa]');
			const locale = link?.dataset.bahasa;
			if (!locale || !isLocale(locale) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
			event.preventDefault();
			void setLocale(locale);
		},
		true
	);
}

const loggedOut = new URLSearchParams(location.search).has('keluar');
if (loggedOut) wipeLocalData();

// a form posted without the framework comes back with its error summary: take focus, as hydrated pages do
$('[data-ringkasan]')?.focus();
readAloudButtons();
languageLink();
installOffer();
serviceWorker();
void fillAccount();

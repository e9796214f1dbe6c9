/**
 * The outbox: applications submitted on the phone, waiting to reach the server.
 *
 * Each item carries its id (the application's UUID, the server's idempotency key), the whole payload
 * (answers and the already shrunk documents), its state, the number of attempts and the time of the next
 * attempt. Sending is tried on the `online` event, at app start, and by Background Sync where the browser
 * has it (the service worker calls `sendDue` too). Rules:
 * - a network failure or a 5xx is retried with doubling back-off, capped at MAX_BACKOFF_MS;
 * - a 401 waits for a login ('needs_login'), never dropped;
 * - a 4xx refusal moves the item to 'needs_fix' with the server's message: shown, not retried forever;
 * - a success keeps a small 'sent' record (code, link) and drops the documents' bytes;
 * - a retry after a lost response is harmless: the server answers with the first application.
 * Nothing is dropped silently.
 */
import { localDb, type OutboxItem } from './local-db';
import type { Draft } from './local-db';
import { plain } from './drafts';
import { m } from '../paraglide/messages.js';

export const MAX_BACKOFF_MS = 5 * 60 * 1000;
const FIRST_BACKOFF_MS = 5_000;

export async function enqueue(draft: Draft): Promise<OutboxItem> {
	const copy = plain(draft);
	const item: OutboxItem = {
		id: copy.id,
		slug: copy.slug,
		serviceName: copy.serviceName,
		answers: copy.answers,
		documents: copy.documents,
		resident: copy.resident,
		state: 'waiting',
		attempts: 0,
		nextAttemptAt: 0,
		createdAt: Date.now()
	};
	const db = await localDb();
	const tx = db.transaction(['outbox', 'drafts'], 'readwrite');
	await Promise.all([tx.objectStore('outbox').put(item), tx.objectStore('drafts').delete(draft.id), tx.done]);
	return item;
}

export async function list(): Promise<OutboxItem[]> {
	const all = await (await localDb()).getAll('outbox');
	return all.sort((a, b) => b.createdAt - a.createdAt);
}

export async function get(id: string) {
	return (await localDb()).get('outbox', id);
}

/**
 * Writes an item's new state, unless it was sent meanwhile: the page and the service worker (Background
 * Sync) may send the same item at once, and a late "retry later" must not undo the other's success.
 * One IndexedDB transaction, so the check and the write cannot be split.
 */
async function put(item: OutboxItem) {
	const tx = (await localDb()).transaction('outbox', 'readwrite');
	const current = await tx.store.get(item.id);
	if (current?.state !== 'sent' || item.state === 'sent') await tx.store.put(item);
	await tx.done;
}

function body(item: OutboxItem): FormData {
	const form = new FormData();
	form.set('id', item.id);
	form.set('slug', item.slug);
	form.set('answers', JSON.stringify(item.answers));
	if (item.resident) form.set('resident', JSON.stringify(item.resident));
	for (const [key, file] of Object.entries(item.documents)) form.set(`dokumen-${key}`, file.blob, file.name);
	return form;
}

/** Sends one item now; returns its new state. */
export async function send(item: OutboxItem, fetcher: typeof fetch = fetch): Promise<OutboxItem> {
	await put({ ...item, state: 'sending' });
	let response: Response;
	try {
		response = await fetcher('/api/permohonan', { method: 'POST', body: body(item), credentials: 'same-origin' });
	} catch {
		return retryLater(item, m.journey_outbox_no_signal());
	}
	const answer = (await response.json().catch(() => ({}))) as {
		code?: string;
		url?: string;
		message?: string;
		errors?: Record<string, string>;
	};
	if (response.ok && answer.code && answer.url) {
		const sent: OutboxItem = {
			...item,
			state: 'sent',
			documents: {},
			answers: {},
			sent: { code: answer.code, url: answer.url, at: Date.now() },
			lastError: undefined,
			errors: undefined
		};
		await put(sent);
		return sent;
	}
	if (response.status === 401) {
		const waiting: OutboxItem = { ...item, state: 'needs_login', lastError: answer.message };
		await put(waiting);
		return waiting;
	}
	if (response.status >= 400 && response.status < 500) {
		const refused: OutboxItem = { ...item, state: 'needs_fix', lastError: answer.message, errors: answer.errors };
		await put(refused);
		return refused;
	}
	return retryLater(item, answer.message ?? m.journey_outbox_busy());
}

async function retryLater(item: OutboxItem, reason: string) {
	const attempts = item.attempts + 1;
	const delay = Math.min(FIRST_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS);
	const waiting: OutboxItem = { ...item, state: 'waiting', attempts, nextAttemptAt: Date.now() + delay, lastError: reason };
	await put(waiting);
	return waiting;
}

let running: Promise<OutboxItem[]> | undefined;

/**
 * Sends every item that is due (or every waiting one when `force`: the connection just came back, or the
 * user just logged in). One run at a time per page.
 */
export function sendDue({ force = false, fetcher = fetch }: { force?: boolean; fetcher?: typeof fetch } = {}) {
	running ??= (async () => {
		const results: OutboxItem[] = [];
		try {
			for (const item of await list()) {
				const due = item.state === 'waiting' && (force || item.nextAttemptAt <= Date.now());
				const stuck = item.state === 'sending' || (force && item.state === 'needs_login');
				if (due || stuck) results.push(await send(item, fetcher));
			}
		} finally {
			running = undefined;
		}
		return results;
	})();
	return running;
}

/** When the next waiting item is due, if any: the page sets a timer for it. */
export async function nextAttemptAt(): Promise<number | null> {
	const waiting = (await list()).filter((i) => i.state === 'waiting');
	return waiting.length ? Math.min(...waiting.map((i) => i.nextAttemptAt)) : null;
}

/** Asks the browser for a Background Sync, where it has one; harmless elsewhere. */
export async function requestBackgroundSync() {
	try {
		const registration = await navigator.serviceWorker?.ready;
		const sync = (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })?.sync;
		await sync?.register('kirim-permohonan');
	} catch {
		// no Background Sync: the online event and the next app start send it
	}
}

/** Back to the form to fix a refused item: it becomes a draft again. */
export async function reopenAsDraft(id: string) {
	const db = await localDb();
	const item = await db.get('outbox', id);
	if (!item) return;
	const now = Date.now();
	const tx = db.transaction(['outbox', 'drafts'], 'readwrite');
	await Promise.all([
		tx.objectStore('drafts').put({
			id: item.id,
			slug: item.slug,
			serviceName: item.serviceName,
			answers: item.answers,
			documents: item.documents,
			resident: item.resident,
			page: 'periksa',
			createdAt: item.createdAt,
			updatedAt: now
		}),
		tx.objectStore('outbox').delete(id),
		tx.done
	]);
}

/**
 * The phone draft store's write-ahead journal: answers typed but not yet in IndexedDB, kept synchronously
 * in sessionStorage (this tab only, gone when it closes) so that a reload, a crash of the page or a close
 * in the few milliseconds before IndexedDB has the write loses nothing. Cleared once the write is in.
 */
const PREFIX = 'draf-tertunda:';

const storage = () => (typeof sessionStorage === 'undefined' ? null : sessionStorage);

export function note(id: string, answers: Record<string, string>) {
	const s = storage();
	if (!s) return;
	try {
		s.setItem(PREFIX + id, JSON.stringify({ ...read(id), ...answers }));
	} catch {
		// storage full or blocked: IndexedDB still gets the write, only the reload guard is lost
	}
}

export function read(id: string): Record<string, string> {
	try {
		const raw = storage()?.getItem(PREFIX + id);
		const parsed: unknown = raw ? JSON.parse(raw) : {};
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
	} catch {
		return {};
	}
}

export function clear(id: string, written: Record<string, string>) {
	const left = Object.fromEntries(Object.entries(read(id)).filter(([key, value]) => written[key] !== value));
	if (Object.keys(left).length === 0) storage()?.removeItem(PREFIX + id);
	else storage()?.setItem(PREFIX + id, JSON.stringify(left));
}

/** Logout: nothing typed stays behind. */
export function forgetJournal() {
	const s = storage();
	if (!s) return;
	for (const key of Object.keys(s)) if (key.startsWith(PREFIX)) s.removeItem(key);
}

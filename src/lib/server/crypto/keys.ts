/**
 * The process's keyring, installed once by the server's `init` hook from DATA_KEYS (hooks.server.ts), by
 * the scripts and by the tests. Kept in a global slot (`Symbol.for`) like the document store, so every copy
 * of this module in a process (the built app's, a script's) sees the same one, and this module stays free
 * of `$env` (scripts and tests import it outside Vite).
 *
 * Without a keyring nothing personal can be written or read: `keyring()` answers 503 with a plain message.
 */
import { error } from '@sveltejs/kit';
import { keyMessages, type Keyring } from './sealing';

const SLOT = Symbol.for('layanan-banjarbaru.keyring');
type Registry = { [SLOT]?: Keyring };

export function installKeyring(keyring: Keyring | undefined): void {
	(globalThis as Registry)[SLOT] = keyring;
}

export function hasKeyring(): boolean {
	return (globalThis as Registry)[SLOT] !== undefined;
}

export function keyring(): Keyring {
	const installed = (globalThis as Registry)[SLOT];
	if (installed) return installed;
	console.error(keyMessages.missing);
	error(503, 'Layanan sedang tidak dapat dibuka karena kunci enkripsi data belum dipasang. Silakan coba lagi nanti.');
}

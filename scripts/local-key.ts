/**
 * Node-only: the data key of a local database, for the demo and the tests. Kept in a file beside the
 * database (`data/layanan.db` → `data/layanan.db.key`, mode 0600, under the gitignored data/), made on first
 * use. A database that is not a local file (Turso, a libSQL server) never gets one: production keys come
 * from the DATA_KEYS secret, and without it the server refuses to start.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { newKeySpec } from '../src/lib/server/crypto/sealing';

export const keyFileOf = (dbFile: string) => `${dbFile}.key`;

/** The DATA_KEYS value for a local database file: read from its key file, or made and written there. */
export function localKeySpec(dbFile: string): string {
	const file = keyFileOf(dbFile);
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	const spec = newKeySpec('lokal1');
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, spec + '\n', { mode: 0o600 });
	return spec;
}

/** Writes a key file (the rotation script: the new key first, then the ones still needed). */
export function writeLocalKeySpec(dbFile: string, spec: string): void {
	writeFileSync(keyFileOf(dbFile), spec + '\n', { mode: 0o600 });
}

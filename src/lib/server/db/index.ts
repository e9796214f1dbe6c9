/**
 * The app's database handle, opened once per server instance (a Worker isolate or the Node process) from
 * TURSO_DATABASE_URL and TURSO_AUTH_TOKEN. Opening is lazy, so pages that need no database (the home
 * page, static assets) still work when it is not configured; pages that need it answer 503 with a plain
 * message instead of crashing.
 */
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { openDatabase, type Database } from './open';

export type { Database } from './open';

export const DATABASE_MISSING_MESSAGE =
	'Layanan sedang tidak dapat dibuka karena basis data belum tersambung. Silakan coba lagi nanti.';

let opened: { url: string; db: Database } | undefined;

export function getDb(): Database {
	const url = env.TURSO_DATABASE_URL;
	if (!url) {
		console.error('TURSO_DATABASE_URL is not set: pages that need the database answer 503.');
		error(503, DATABASE_MISSING_MESSAGE);
	}
	if (opened?.url !== url) opened = { url, db: openDatabase(url, env.TURSO_AUTH_TOKEN) };
	return opened.db;
}

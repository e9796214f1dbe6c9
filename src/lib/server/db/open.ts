/**
 * Opening a libSQL database: a `file:` URL locally and in tests, a `libsql://` Turso URL in production.
 * `@libsql/client` picks its web client under workerd (package export conditions) and its native
 * client on Node, so this file stays runtime-neutral.
 */
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema';

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

export function openDatabase(url: string, authToken?: string): Database {
	const client = createClient({ url, authToken: authToken || undefined });
	if (url.startsWith('file:')) {
		// A local file may be read by another process (scripts, tests) while the app writes: readers and the
		// writer should wait for each other briefly instead of failing with SQLITE_BUSY. Statements on one
		// client run in order, so these apply before any query.
		void client.execute('PRAGMA journal_mode = WAL').catch(() => {});
		void client.execute('PRAGMA busy_timeout = 5000').catch(() => {});
	}
	return drizzle(client, { schema }) as Database;
}

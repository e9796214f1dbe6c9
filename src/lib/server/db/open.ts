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
	return drizzle(client, { schema }) as Database;
}

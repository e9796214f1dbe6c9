/**
 * Node-only edge: applies the drizzle migrations in drizzle/ and seeds. Used by `npm start`,
 * `npm run db:migrate` and the tests; never imported by the app itself (Workers have no file system).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { openDatabase, type Database } from './open';
import { historyMissing, seedDemoHistory } from './demo-history';
import { seedDemoAccounts, seedReferenceData } from './seed';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const migrationsFolder = resolve(root, 'drizzle');

export interface PrepareOptions {
	url: string;
	authToken?: string;
	/** Demo accounts: refused for anything but a local file database. */
	demo: boolean;
	/** With the demo accounts, six months of demo history for /kinerja (added to an empty database only). */
	history?: boolean;
}

export async function prepareDatabase({ url, authToken, demo, history = false }: PrepareOptions): Promise<Database> {
	if (demo && !url.startsWith('file:')) {
		throw new Error('Demo accounts are only seeded into a local file database, never into Turso.');
	}
	if (url.startsWith('file:')) {
		const path = url.slice('file:'.length);
		if (path && path !== ':memory:') mkdirSync(dirname(resolve(root, path)), { recursive: true });
	}
	const db = openDatabase(url, authToken);
	await migrate(db, { migrationsFolder });
	await seedReferenceData(db);
	if (demo) {
		await seedDemoAccounts(db);
		// six months of finished applications, survey answers and complaints, so /kinerja has figures
		if (history && (await historyMissing(db))) await seedDemoHistory(db);
	}
	return db;
}

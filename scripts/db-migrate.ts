/**
 * `npm run db:migrate`: applies drizzle/ migrations and the reference data (offices, services, holidays)
 * to the database at TURSO_DATABASE_URL (with TURSO_AUTH_TOKEN). Never seeds demo accounts.
 */
import { prepareDatabase } from '../src/lib/server/db/prepare';

const url = process.env.TURSO_DATABASE_URL;
if (!url) {
	console.error('Set TURSO_DATABASE_URL (and TURSO_AUTH_TOKEN) to the database to migrate.');
	process.exit(1);
}
await prepareDatabase({ url, authToken: process.env.TURSO_AUTH_TOKEN, demo: false });
console.log(`Migrations and reference data applied to ${url.replace(/\?.*$/, '')}`);

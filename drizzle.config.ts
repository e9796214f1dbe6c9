import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'turso',
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dbCredentials: {
		url: process.env.TURSO_DATABASE_URL ?? 'file:data/layanan.db',
		authToken: process.env.TURSO_AUTH_TOKEN
	}
});

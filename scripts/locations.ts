/**
 * Where `npm start`, `npm run backup` and `npm run restore` find the database and the documents, the same
 * way for all three: --db URL, else TURSO_DATABASE_URL, else file:data/layanan.db; --documents DIR, else
 * DOCUMENTS_DIR, else data/dokumen, or for a database file given with --db its own folder beside it
 * (`/tmp/x.db` → `/tmp/x-dokumen`, so that tests and second copies never share documents).
 */
export interface Locations {
	url: string;
	/** The database file, for a `file:` URL. */
	file?: string;
	documentsDir: string;
}

export function locations(options: { db?: string; documents?: string }): Locations {
	const url = options.db ?? process.env.TURSO_DATABASE_URL ?? 'file:data/layanan.db';
	const file = url.startsWith('file:') ? url.slice('file:'.length) : undefined;
	const own = options.db && file && file !== ':memory:' ? file.replace(/\.db$/, '') + '-dokumen' : undefined;
	return { url, file, documentsDir: options.documents ?? process.env.DOCUMENTS_DIR ?? own ?? 'data/dokumen' };
}

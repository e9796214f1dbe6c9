/**
 * `npm run backup`: a consistent copy of the database and the documents, safe while the server runs.
 *
 *   npm run backup -- [--out DIR] [--db file:…] [--documents DIR]
 *
 * Writes DIR (default data/backups/<UTC time>, created with mode 700: it holds personal data) with
 * - `layanan.db`: the database by SQLite's `VACUUM INTO`, a transactionally consistent snapshot that
 *   includes what is still in the WAL, taken while the app keeps writing; checked with `integrity_check`;
 * - `dokumen/`: the documents folder, copied after the snapshot. Documents are written before the row
 *   that names them and never changed, so every document the snapshot names is in the copy (a few newer
 *   ones may be too, unreferenced and harmless);
 * - `manifest.json`: when, from where, how many rows of which tables and how many documents.
 *
 * Only for a libSQL *file*; a libSQL server (sqld) is backed up with its own tools (README).
 * Restore with scripts/restore.ts. Copy the folder off the machine (it is the backup only once it is
 * somewhere else).
 */
import { createClient } from '@libsql/client';
import { chmod, cp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { locations } from './locations';

export interface Manifest {
	createdAt: string;
	database: string;
	documentsDir: string;
	tables: Record<string, number>;
	documents: number;
}

/** Counts the documents in a folder tree: not their `.type` files, nor temporary ones of an unfinished write. */
export async function countFiles(dir: string): Promise<number> {
	if (!existsSync(dir)) return 0;
	let count = 0;
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile() && !entry.name.startsWith('.tmp-') && !entry.name.endsWith('.type')) count++;
	}
	return count;
}

/** Row counts of the app's tables (drizzle's own bookkeeping included), for the manifest and checks. */
export async function tableCounts(url: string): Promise<Record<string, number>> {
	const client = createClient({ url });
	try {
		const tables = await client.execute(
			"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
		);
		const counts: Record<string, number> = {};
		for (const row of tables.rows) {
			const name = String(row.name);
			const result = await client.execute(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`);
			counts[name] = Number(result.rows[0]?.n ?? 0);
		}
		return counts;
	} finally {
		client.close();
	}
}

export async function integrityOk(file: string): Promise<boolean> {
	const client = createClient({ url: `file:${file}` });
	try {
		const result = await client.execute('PRAGMA integrity_check');
		return result.rows.length === 1 && String(result.rows[0]?.[0]) === 'ok';
	} catch {
		return false;
	} finally {
		client.close();
	}
}

export async function backup(options: { db?: string; documents?: string; out?: string }): Promise<{ out: string; manifest: Manifest }> {
	const { url, file, documentsDir } = locations(options);
	if (!file || file === ':memory:') {
		throw new Error(
			`Only a libSQL file can be backed up with this script, not ${url}: back up a libSQL server (sqld) with its own tools.`
		);
	}
	if (!existsSync(file)) throw new Error(`There is no database file at ${file}.`);
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
	const out = resolve(options.out ?? join('data/backups', stamp));
	if (existsSync(out) && (await readdir(out)).length > 0) throw new Error(`${out} exists and is not empty.`);
	await mkdir(out, { recursive: true, mode: 0o700 });
	await chmod(out, 0o700);

	const target = join(out, 'layanan.db');
	const client = createClient({ url });
	try {
		// the app may be writing: wait for its lock instead of failing
		await client.execute('PRAGMA busy_timeout = 10000');
		await client.execute({ sql: 'VACUUM INTO ?', args: [target] });
	} finally {
		client.close();
	}
	if (!(await integrityOk(target))) throw new Error(`The copy ${target} fails PRAGMA integrity_check.`);

	const documentsTarget = join(out, 'dokumen');
	if (existsSync(documentsDir)) {
		await cp(documentsDir, documentsTarget, {
			recursive: true,
			preserveTimestamps: true,
			errorOnExist: true,
			force: false,
			filter: (source) => !basename(source).startsWith('.tmp-')
		});
	} else {
		await mkdir(documentsTarget);
	}

	const manifest: Manifest = {
		createdAt: new Date().toISOString(),
		database: resolve(file),
		documentsDir: resolve(documentsDir),
		tables: await tableCounts(`file:${target}`),
		documents: await countFiles(documentsTarget)
	};
	await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n', { mode: 0o600 });
	return { out, manifest };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const { values } = parseArgs({
		options: { out: { type: 'string' }, db: { type: 'string' }, documents: { type: 'string' } }
	});
	try {
		const { out, manifest } = await backup(values);
		const size = (await stat(join(out, 'layanan.db'))).size;
		console.log(
			`Cadangan dibuat: ${out}\n  basis data ${(size / 1024 / 1024).toFixed(1)} MB, ` +
				`${manifest.tables.applications ?? 0} permohonan, ${manifest.documents} berkas dokumen`
		);
	} catch (cause) {
		console.error(`Cadangan gagal: ${(cause as Error).message}`);
		process.exit(1);
	}
}

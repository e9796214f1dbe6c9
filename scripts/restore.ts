/**
 * `npm run restore`: puts a backup made by scripts/backup.ts back in place. Stop the server first.
 *
 *   npm run restore -- BACKUP_DIR [--db file:…] [--documents DIR] [--force]
 *
 * 1. checks the backup: its manifest, `PRAGMA integrity_check` on its database, its documents count;
 * 2. copies the database and the documents next to their final places (`….restoring`);
 * 3. moves what is there now aside (`<name>.before-restore-<time>`, database with its -wal/-shm; nothing
 *    is deleted) and renames the copies into place.
 * Without --force it refuses when a database is already there. The set-aside copies can be deleted once
 * the restored server has been checked.
 */
import { cp, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countFiles, integrityOk, type Manifest } from './backup';
import { locations } from './locations';

export interface RestoreResult {
	database: string;
	documentsDir: string;
	/** Where what was replaced now is, if anything was. */
	setAside: string[];
}

export async function restore(options: {
	from: string;
	db?: string;
	documents?: string;
	force?: boolean;
}): Promise<RestoreResult> {
	const from = resolve(options.from);
	const { url, file, documentsDir } = locations(options);
	if (!file || file === ':memory:') {
		throw new Error(`Only a libSQL file can be restored with this script, not ${url}.`);
	}
	const manifest = JSON.parse(await readFile(join(from, 'manifest.json'), 'utf8')) as Manifest;
	const source = join(from, 'layanan.db');
	if (!(await integrityOk(source))) throw new Error(`${source} fails PRAGMA integrity_check: not restored.`);
	const sourceDocuments = join(from, 'dokumen');
	const found = await countFiles(sourceDocuments);
	if (found !== manifest.documents) {
		throw new Error(`The backup should hold ${manifest.documents} documents but holds ${found}: not restored.`);
	}
	const database = resolve(file);
	const documents = resolve(documentsDir);
	if (existsSync(database) && !options.force) {
		throw new Error(`${database} exists. Stop the server and add --force to replace it (it is kept aside).`);
	}

	// 2. copies beside the final places (same file system, so the renames below are atomic)
	await mkdir(dirname(database), { recursive: true });
	await mkdir(dirname(documents), { recursive: true });
	const databaseCopy = `${database}.restoring`;
	const documentsCopy = `${documents}.restoring`;
	await rm(databaseCopy, { force: true });
	await rm(documentsCopy, { recursive: true, force: true });
	await cp(source, databaseCopy);
	await cp(sourceDocuments, documentsCopy, { recursive: true, preserveTimestamps: true });
	if (!(await integrityOk(databaseCopy))) throw new Error(`The copy ${databaseCopy} fails integrity_check.`);

	// 3. what is there now goes aside, the copies into place
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
	const setAside: string[] = [];
	for (const suffix of ['', '-wal', '-shm']) {
		if (!existsSync(database + suffix)) continue;
		const aside = `${database}.before-restore-${stamp}${suffix}`;
		await rename(database + suffix, aside);
		if (suffix === '') setAside.push(aside);
	}
	if (existsSync(documents)) {
		const aside = `${documents}.before-restore-${stamp}`;
		await rename(documents, aside);
		setAside.push(aside);
	}
	await rename(databaseCopy, database);
	await rename(documentsCopy, documents);
	return { database, documentsDir: documents, setAside };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			db: { type: 'string' },
			documents: { type: 'string' },
			force: { type: 'boolean', default: false }
		}
	});
	const from = positionals[0];
	if (!from) {
		console.error('Pakai: npm run restore -- FOLDER_CADANGAN [--db file:…] [--documents FOLDER] [--force]');
		process.exit(2);
	}
	try {
		const result = await restore({ ...values, from });
		console.log(`Dipulihkan dari ${basename(resolve(from))}: ${result.database}, ${result.documentsDir}`);
		for (const path of result.setAside) console.log(`  yang lama disimpan di ${path}`);
	} catch (cause) {
		console.error(`Pemulihan gagal: ${(cause as Error).message}`);
		process.exit(1);
	}
}

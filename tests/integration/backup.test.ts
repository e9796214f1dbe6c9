/**
 * Backup and restore (scripts/backup.ts, scripts/restore.ts) on a real libSQL file and a real documents
 * folder: a backup taken while the app writes is consistent, restore brings back exactly what was backed
 * up and keeps what it replaced, and a damaged backup is refused.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, tableCounts } from '../../scripts/backup';
import { restore } from '../../scripts/restore';
import { prepareDatabase } from '../../src/lib/server/db/prepare';
import { fileStore } from '../../src/lib/server/storage-fs';

const run = promisify(execFile);
const tsx = resolve('node_modules/.bin/tsx');

let dir: string;
let dbFile: string;
let documentsDir: string;
let app: Client;

async function readAll(stream: ReadableStream): Promise<Uint8Array> {
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function holidays(client: Client): Promise<number> {
	return Number((await client.execute('SELECT count(*) AS n FROM holidays')).rows[0]?.n);
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'layanan-backup-'));
	dbFile = join(dir, 'layanan.db');
	documentsDir = join(dir, 'dokumen');
	const db = await prepareDatabase({ url: `file:${dbFile}`, demo: true });
	db.$client.close();
	// the app's own connection, in WAL mode as the server opens it, left open like a running server's
	app = createClient({ url: `file:${dbFile}` });
	await app.execute('PRAGMA journal_mode = WAL');
	await app.execute('PRAGMA busy_timeout = 5000');
}, 120_000);

afterAll(() => {
	app?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('documents on disk', () => {
	it('stores, reads back with its type, and deletes; refuses keys that leave the folder', async () => {
		const store = fileStore(documentsDir);
		const bytes = new TextEncoder().encode('%PDF-1.4 contoh');
		await store.put('dokumen/contoh1', bytes, 'application/pdf');
		const stored = await store.get('dokumen/contoh1');
		expect(stored?.contentType).toBe('application/pdf');
		expect(stored?.size).toBe(bytes.byteLength);
		expect(await readAll(stored!.body)).toEqual(bytes);
		await store.delete('dokumen/contoh1');
		expect(await store.get('dokumen/contoh1')).toBeNull();
		for (const key of ['../luar', 'dokumen/../../luar', '/etc/passwd', 'dokumen/a.type', '']) {
			await expect(store.put(key, bytes, 'text/plain')).rejects.toThrow();
		}
		expect(existsSync(join(dir, 'luar'))).toBe(false);
	});
});

describe('backup and restore', () => {
	let out: string;
	const kept = new TextEncoder().encode('foto kartu keluarga');

	it('takes a consistent copy while the app keeps writing, WAL content included', async () => {
		await fileStore(documentsDir).put('dokumen/kk', kept, 'image/jpeg');
		await app.execute("INSERT INTO holidays (date, name, kind) VALUES ('2099-01-01', 'Sebelum cadangan', 'libur')");
		const before = await holidays(app);

		let writing = true;
		let written = 0;
		const writer = (async () => {
			while (writing) {
				await app.execute({
					sql: "INSERT INTO holidays (date, name, kind) VALUES (?, 'Saat cadangan', 'libur')",
					args: [`2100-01-${String(++written).padStart(4, '0')}`]
				});
				// the native client may answer without touching the event loop: let the backup's I/O run
				await new Promise((resolve) => setImmediate(resolve));
			}
		})();
		const result = await backup({ db: `file:${dbFile}`, documents: documentsDir, out: join(dir, 'cadangan') });
		writing = false;
		await writer;
		out = result.out;

		expect(written).toBeGreaterThan(0);
		expect((statSync(out).mode & 0o777).toString(8)).toBe('700');
		const copy = createClient({ url: `file:${join(out, 'layanan.db')}` });
		const inCopy = await holidays(copy);
		const integrity = await copy.execute('PRAGMA integrity_check');
		copy.close();
		expect(String(integrity.rows[0]?.[0])).toBe('ok');
		// everything committed before the backup is in it; writes during it are in or out, never half
		expect(inCopy).toBeGreaterThanOrEqual(before);
		expect(inCopy).toBeLessThanOrEqual(before + written);
		expect(result.manifest.tables.holidays).toBe(inCopy);
		expect(result.manifest.tables.users).toBeGreaterThan(0);
		expect(result.manifest.documents).toBe(1);
		expect(readFileSync(join(out, 'dokumen', 'dokumen', 'kk'))).toEqual(Buffer.from(kept));
	});

	it('refuses to replace a database without --force, and restores exactly the backup with it', async () => {
		const inBackup = (await tableCounts(`file:${join(out, 'layanan.db')}`)).holidays;
		// life goes on after the backup: rows and documents come and go
		await app.execute("INSERT INTO holidays (date, name, kind) VALUES ('2199-01-01', 'Sesudah cadangan', 'libur')");
		await fileStore(documentsDir).delete('dokumen/kk');
		await fileStore(documentsDir).put('dokumen/baru', new Uint8Array([1, 2, 3]), 'image/png');
		app.close(); // the server is stopped before a restore

		await expect(restore({ from: out, db: `file:${dbFile}`, documents: documentsDir })).rejects.toThrow(/--force/);

		const result = await restore({ from: out, db: `file:${dbFile}`, documents: documentsDir, force: true });
		app = createClient({ url: `file:${dbFile}` });
		expect(await holidays(app)).toBe(inBackup);
		const store = fileStore(documentsDir);
		const back = await store.get('dokumen/kk');
		expect(back?.contentType).toBe('image/jpeg');
		expect(await readAll(back!.body)).toEqual(kept);
		expect(await store.get('dokumen/baru')).toBeNull();

		// nothing is deleted: what was replaced is set aside, the newer row and document included
		expect(result.setAside).toHaveLength(2);
		const aside = createClient({ url: `file:${result.setAside[0]}` });
		const later = await aside.execute("SELECT name FROM holidays WHERE date = '2199-01-01'");
		expect(later.rows[0]?.name).toBe('Sesudah cadangan');
		aside.close();
		expect(await fileStore(result.setAside[1]!).get('dokumen/baru')).not.toBeNull();
	});

	it('refuses a damaged backup and leaves the database as it was', async () => {
		const damaged = join(dir, 'rusak');
		await backup({ db: `file:${dbFile}`, documents: documentsDir, out: damaged });
		const file = join(damaged, 'layanan.db');
		const bytes = readFileSync(file);
		writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
		const before = await holidays(app);
		await expect(
			restore({ from: damaged, db: `file:${dbFile}`, documents: documentsDir, force: true })
		).rejects.toThrow(/integrity_check/);
		expect(await holidays(app)).toBe(before);
	});

	it('works as the npm commands (tsx scripts/backup.ts, scripts/restore.ts)', async () => {
		const viaCli = join(dir, 'cli');
		const made = await run(tsx, ['scripts/backup.ts', '--db', `file:${dbFile}`, '--documents', documentsDir, '--out', viaCli]);
		expect(made.stdout).toMatch(/Cadangan dibuat/);
		expect(existsSync(join(viaCli, 'manifest.json'))).toBe(true);
		app.close();
		const target = join(dir, 'pulih.db');
		const restored = await run(tsx, ['scripts/restore.ts', viaCli, '--db', `file:${target}`]);
		expect(restored.stdout).toMatch(/Dipulihkan/);
		// a --db of its own gets its documents beside it, as npm start does
		expect(existsSync(join(dir, 'pulih-dokumen', 'dokumen', 'kk'))).toBe(true);
		const client = createClient({ url: `file:${target}` });
		expect((await tableCounts(`file:${target}`)).users).toBeGreaterThan(0);
		client.close();
		app = createClient({ url: `file:${dbFile}` });
	}, 60_000);
});

/** A fresh, migrated and seeded libSQL file database per test file: real SQL, no mocks. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../../src/lib/server/db/prepare';

export async function freshDatabase(options: { demo?: boolean } = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'layanan-test-'));
	const url = `file:${join(dir, 'test.db')}`;
	const db = await prepareDatabase({ url, demo: options.demo ?? false });
	return {
		db,
		/** For a second connection to the same file (two senders, two servers). */
		url,
		cleanup() {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

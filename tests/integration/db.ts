/** A fresh, migrated and seeded libSQL file database per test file: real SQL, no mocks. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '../../src/lib/server/db/prepare';
import { installKeyring } from '../../src/lib/server/crypto/keys';
import { keyringFrom, newKeySpec } from '../../src/lib/server/crypto/sealing';

/** The data keyring the tests use (a fresh key per test file), installed as the server's. */
export const testKeySpec = newKeySpec('test1');
installKeyring(await keyringFrom(testKeySpec));

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

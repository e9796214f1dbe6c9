/**
 * Data key rotation: re-seals every personal value and document with a new key (src/lib/server/crypto).
 *
 *   npx tsx scripts/rotate-key.ts --new-key [id]      prints a new key, `<id>:<base64url>`, and nothing else
 *   npx tsx scripts/rotate-key.ts [--db URL] [--documents DIR]
 *
 * With DATA_KEYS set (production): DATA_KEYS must already list the new key first and the old ones after it
 * ("new:…,old:…"), deployed that way so the app reads both; this re-seals everything with the first key.
 * Then drop the old keys from DATA_KEYS. Documents are re-sealed in the folder store (DOCUMENTS_DIR); an R2
 * bucket is not reachable from here: keep the old key in DATA_KEYS while documents sealed with it remain.
 *
 * Without DATA_KEYS, for a local database file (the demo): a new key is made, put first in the key file
 * beside the database (`<db>.key`), everything is re-sealed, and the key file is left with the new key only.
 * Stop the server first (it has the old key file read), start it again after.
 */
import { parseArgs } from 'node:util';
import { installKeyring } from '../src/lib/server/crypto/keys';
import { resealAll } from '../src/lib/server/crypto/rotate';
import { keyMessages, keyringFrom, newKeySpec } from '../src/lib/server/crypto/sealing';
import { openDatabase } from '../src/lib/server/db/open';
import { fileStore } from '../src/lib/server/storage-fs';
import { localKeySpec, writeLocalKeySpec } from './local-key';
import { locations } from './locations';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { 'new-key': { type: 'boolean', default: false }, db: { type: 'string' }, documents: { type: 'string' } }
});

if (values['new-key']) {
	console.log(newKeySpec(positionals[0] ?? `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`));
	process.exit(0);
}

const { url, file, documentsDir } = locations({ db: values.db, documents: values.documents });
let spec = process.env.DATA_KEYS;
let local = false;
if (!spec) {
	if (!file || file === ':memory:') {
		console.error(keyMessages.missing);
		process.exit(1);
	}
	local = true;
	const old = localKeySpec(file);
	const fresh = newKeySpec(`lokal${Date.now().toString(36)}`);
	spec = `${fresh},${old}`;
	// the new key is written before anything is sealed with it: a run that stops halfway loses nothing
	writeLocalKeySpec(file, spec);
}

const keyring = await keyringFrom(spec);
installKeyring(keyring);
const db = openDatabase(url, process.env.TURSO_AUTH_TOKEN);
const count = await resealAll(db, keyring, fileStore(documentsDir));
db.$client.close();
console.log(
	`Disegel ulang dengan kunci "${keyring.current}": ${count.applications} permohonan, ${count.drafts} draf, ` +
		`${count.events} catatan perbaikan, ${count.nikIndex} indeks NIK, ${count.documents} dokumen.`
);
if (local) {
	writeLocalKeySpec(file!, spec.split(',')[0]!);
	console.log('Kunci lama dihapus dari file kunci lokal.');
} else {
	console.log('Sekarang hapus kunci lama dari DATA_KEYS (kecuali dokumen di R2 masih memakainya).');
}

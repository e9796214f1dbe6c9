/**
 * Node-only: documents in a folder on disk, for the self-hosted Node server (`scripts/serve.ts` registers
 * it; never imported by the app, so it is never bundled into the Worker).
 *
 * A key `dokumen/<random>` becomes the file `<dir>/dokumen/<random>`, its content type the file beside it
 * `<random>.type`. Every write goes to a temporary file in the same folder, is flushed to disk and then
 * renamed over the final name, so a reader (or a crash) never sees half a document: the document file
 * appears whole or not at all. Its type file is written first, so a present document always has its type.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { DocumentStore, StoredFile } from './storage';

const TYPE_SUFFIX = '.type';
/** Keys as newStorageKey makes them: lower-case segments, no dots, so never `..` or a type file's name. */
const KEY = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/;

export function fileStore(directory: string): DocumentStore {
	const root = resolve(directory);

	function pathOf(key: string): string {
		if (!KEY.test(key)) throw new Error(`Invalid document key: ${JSON.stringify(key)}`);
		const path = resolve(root, key);
		const inside = relative(root, path);
		if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) {
			throw new Error(`Document key outside the store: ${JSON.stringify(key)}`);
		}
		return path;
	}

	async function writeAtomically(path: string, bytes: Uint8Array | string): Promise<void> {
		const folder = dirname(path);
		await mkdir(folder, { recursive: true });
		const temporary = join(folder, `.tmp-${randomBytes(8).toString('hex')}`);
		const handle = await open(temporary, 'wx', 0o600);
		try {
			await handle.writeFile(bytes);
			await handle.sync();
		} catch (cause) {
			await handle.close();
			await rm(temporary, { force: true });
			throw cause;
		}
		await handle.close();
		try {
			await rename(temporary, path);
		} catch (cause) {
			await rm(temporary, { force: true });
			throw cause;
		}
		// make the rename itself durable (the folder's entry), where the platform allows opening a folder
		const folderHandle = await open(folder, 'r').catch(() => null);
		await folderHandle?.sync().catch(() => {});
		await folderHandle?.close();
	}

	return {
		async put(key, bytes, contentType) {
			const path = pathOf(key);
			await writeAtomically(path + TYPE_SUFFIX, contentType);
			await writeAtomically(path, bytes);
		},

		async get(key): Promise<StoredFile | null> {
			const path = pathOf(key);
			let handle;
			try {
				handle = await open(path, 'r');
			} catch (cause) {
				if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
				throw cause;
			}
			try {
				const { size } = await handle.stat();
				let contentType = 'application/octet-stream';
				try {
					const typeHandle = await open(path + TYPE_SUFFIX, 'r');
					try {
						contentType = (await typeHandle.readFile('utf8')).trim() || contentType;
					} finally {
						await typeHandle.close();
					}
				} catch (cause) {
					if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
				}
				// the stream owns the handle from here on and closes it when read to the end or cancelled
				const body = Readable.toWeb(handle.createReadStream()) as ReadableStream;
				return { body, contentType, size };
			} catch (cause) {
				await handle.close();
				throw cause;
			}
		},

		async delete(key) {
			const path = pathOf(key);
			await rm(path, { force: true });
			await rm(path + TYPE_SUFFIX, { force: true });
		}
	};
}

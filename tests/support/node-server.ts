/**
 * The production Node server (scripts/serve.ts over the adapter-node build in build/) started as a child
 * process on a port of its own, for tests and benchmarks that need the real server with a database they
 * choose (a file, or the Hrana test server's URL). Stopped by its PID, never by name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newKeySpec } from '../../src/lib/server/crypto/sealing';

const root = resolve(import.meta.dirname, '../..');

export interface NodeServer {
	origin: string;
	pid: number;
	stop(): Promise<void>;
}

export async function startNodeServer({
	port,
	databaseUrl,
	env = {}
}: {
	port: number;
	databaseUrl: string;
	env?: Record<string, string>;
}): Promise<NodeServer> {
	if (!existsSync(join(root, 'build/handler.js'))) {
		throw new Error('There is no Node build: run `npm run build:node` first.');
	}
	const documentsDir = mkdtempSync(join(tmpdir(), 'layanan-dokumen-'));
	const origin = `http://localhost:${port}`;
	const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			TURSO_DATABASE_URL: databaseUrl,
			TURSO_AUTH_TOKEN: '',
			DOCUMENTS_DIR: documentsDir,
			// a fresh data key (personal data is sealed at rest; the server refuses to start without one)
			DATA_KEYS: newKeySpec('test'),
			...env
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	await new Promise<void>((ready, fail) => {
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('berjalan di')) ready();
		});
		child.once('exit', (code) => fail(new Error(`the Node server exited (${code}) before listening: ${output}`)));
	});
	child.stdout!.resume();
	return {
		origin,
		pid: child.pid!,
		async stop() {
			if (child.exitCode === null) process.kill(child.pid!, 'SIGTERM');
			await exited;
			rmSync(documentsDir, { recursive: true, force: true });
		}
	};
}

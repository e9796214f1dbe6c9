/**
 * The Node server with its documents in an S3-compatible store (S3_ENDPOINT…, src/lib/server/storage-s3.ts)
 * instead of a folder: a submission's photos land in the bucket, signed as S3 requires (the fake S3 server
 * of tests/support/fake-s3.ts checks every signature), and the applicant opens them again through the
 * app's document route. Raw HTTP against the production build, no browser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { prepareDatabase } from '../../src/lib/server/db/prepare';
import { birthAnswersBornOn } from '../fixtures/answers';
import { startFakeS3, type FakeS3 } from '../support/fake-s3';
import { startNodeServer, type NodeServer } from '../support/node-server';
import { demo, E2E_PORT } from './helpers';

// beside the e2e servers and the round-trip test's server (E2E_PORT + 3500)
const PORT = E2E_PORT + 3600;

let dir: string;
let file: string;
let s3: FakeS3;
let server: NodeServer;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dir = mkdtempSync(join(tmpdir(), 'layanan-s3-'));
	file = join(dir, 'db.sqlite');
	const db = await prepareDatabase({ url: `file:${file}`, demo: true });
	db.$client.close();
	s3 = await startFakeS3();
	server = await startNodeServer({
		port: PORT,
		databaseUrl: `file:${file}`,
		env: {
			S3_ENDPOINT: s3.endpoint,
			S3_BUCKET: s3.bucket,
			S3_REGION: s3.region,
			S3_ACCESS_KEY_ID: s3.accessKeyId,
			S3_SECRET_ACCESS_KEY: s3.secretAccessKey
		}
	});
});

test.afterAll(async () => {
	await server?.stop();
	await s3?.close();
	rmSync(dir, { recursive: true, force: true });
});

test('a submission stores its photos in the S3 bucket, and the applicant opens them through the app', async () => {
	const citizen = demo('citizen');
	const login = await fetch(`${server.origin}/masuk`, {
		method: 'POST',
		headers: { origin: server.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ phone: citizen.phone, password: citizen.password }),
		redirect: 'manual'
	});
	const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sesi='));
	expect(cookie).toBeTruthy();

	const photo = readFileSync('tests/fixtures/surat-lahir.jpg');
	const id = crypto.randomUUID();
	const data = new FormData();
	data.append('id', id);
	data.append('slug', 'akta-kelahiran');
	const bornOn = new Date(Date.now() + 8 * 3600_000 - 5 * 86_400_000).toISOString().slice(0, 10);
	data.append('answers', JSON.stringify(birthAnswersBornOn(bornOn)));
	for (const key of ['dokumen-birth_letter', 'dokumen-kk_scan']) {
		data.append(key, new Blob([photo], { type: 'image/jpeg' }), `${key}.jpg`);
	}
	const submitted = await fetch(`${server.origin}/api/permohonan`, { method: 'POST', headers: { origin: server.origin, cookie: cookie! }, body: data });
	expect(submitted.status, await submitted.clone().text()).toBe(201);

	const client = createClient({ url: `file:${file}` });
	const rows = (await client.execute({ sql: 'SELECT id, storage_key FROM documents WHERE application_id = ?', args: [id] })).rows;
	client.close();
	expect(rows).toHaveLength(2);
	expect(s3.refused).toBe(0);
	for (const row of rows) {
		const stored = s3.objects.get(String(row.storage_key));
		expect(stored?.contentType).toBe('image/jpeg');
		// sealed at rest (AES-256-GCM around every store): the bucket never holds the photo as it was sent
		expect(stored!.bytes.length).toBeGreaterThan(0);
		expect(stored!.bytes.includes(photo.subarray(0, 64))).toBe(false);

		const opened = await fetch(`${server.origin}/dokumen/${row.id}`, { headers: { cookie: cookie! } });
		expect(opened.status).toBe(200);
		expect(opened.headers.get('content-type')).toBe('image/jpeg');
		expect(Buffer.from(await opened.arrayBuffer()).equals(photo)).toBe(true);
	}

	// without the session the gate sends to the login page (the bucket is never reached)
	const anonymous = await fetch(`${server.origin}/dokumen/${rows[0]!.id}`, { redirect: 'manual' });
	expect(anonymous.status).toBe(303);
	expect(anonymous.headers.get('location')).toMatch(/^\/masuk\?ke=/);
});

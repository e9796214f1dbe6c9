/**
 * DESIGN.md: "a page request makes at most 2 database round trips (Turso is far away at the edge: batch
 * queries)". Counted on the wire: the production Node server (build/, scripts/serve.ts) runs against the
 * Hrana test server (tests/support/hrana-server.ts) as it would against Turso or sqld, and every
 * `POST /v2/pipeline` the server's libSQL client sends is one round trip. That is stricter than counting
 * client calls: an interactive transaction of three statements is three round trips, a `batch` one.
 *
 * Each page is requested alone (nothing else talks to this server), the session cookie included where
 * the page needs a login (the hook's session check is one of the two), and the count is taken once the
 * answer is read to its end and the database has gone quiet. Every count is attached to the test's report
 * as an annotation ("round trips"). One exception, on purpose: saving a form step may make three (session,
 * the draft, then the write that depends on it).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { prepareDatabase } from '../../src/lib/server/db/prepare';
import { birthAnswersBornOn } from '../fixtures/answers';
import { startHranaServer, type HranaServer } from '../support/hrana-server';
import { startNodeServer, type NodeServer } from '../support/node-server';
import { demo, E2E_PORT } from './helpers';

const LIMIT = 2;
const SAVE_LIMIT = 3;
// beside the e2e servers (E2E_PORT, +1000 Worker, +2000 inspector, +2500 edge, +3000 Hrana)
const PORT = E2E_PORT + 3500;

let dir: string;
let hrana: HranaServer;
let server: NodeServer;
let pipelines: string[][] = [];
/** An application submitted before the tests, to track and to open. */
let submitted: { id: string; code: string };
const birthAnswers = birthAnswersBornOn(new Date(Date.now() + 8 * 3600_000 - 5 * 86_400_000).toISOString().slice(0, 10));

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dir = mkdtempSync(join(tmpdir(), 'layanan-round-trips-'));
	const file = join(dir, 'db.sqlite');
	const db = await prepareDatabase({ url: `file:${file}`, demo: true });
	db.$client.close();
	hrana = await startHranaServer({ file, onPipeline: (types) => pipelines.push(types) });
	server = await startNodeServer({ port: PORT, databaseUrl: hrana.url });
	submitted = await submitApplication(await logIn('citizen'));
});

test.afterAll(async () => {
	await server?.stop();
	await hrana?.close();
	rmSync(dir, { recursive: true, force: true });
});

interface Answer {
	status: number;
	location: string;
	body: string;
	cookie: string | null;
}

async function request(path: string, init: { cookie?: string; form?: BodyInit; contentType?: string } = {}): Promise<Answer> {
	const headers: Record<string, string> = { origin: server.origin, accept: 'text/html' };
	if (init.cookie) headers.cookie = init.cookie;
	if (init.contentType) headers['content-type'] = init.contentType;
	const response = await fetch(server.origin + path, {
		method: init.form === undefined ? 'GET' : 'POST',
		headers,
		body: init.form,
		redirect: 'manual'
	});
	const body = await response.text();
	const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sesi=')) ?? null;
	return { status: response.status, location: response.headers.get('location') ?? '', body, cookie };
}

/** The database's round trips for one request, counted once it has been quiet for a moment. */
async function roundTrips(send: () => Promise<Answer>): Promise<{ answer: Answer; trips: string[][] }> {
	await quiet();
	pipelines = [];
	const answer = await send();
	await quiet();
	return { answer, trips: pipelines };
}

async function quiet() {
	let seen = -1;
	while (seen !== pipelines.length) {
		seen = pipelines.length;
		await new Promise((done) => setTimeout(done, 150));
	}
}

const urlencoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formType = 'application/x-www-form-urlencoded';

async function logIn(role: 'citizen' | 'officer'): Promise<string> {
	const account = demo(role, role === 'officer' ? 'disdukcapil' : undefined);
	const answer = await request('/masuk', { form: urlencoded({ phone: account.phone, password: account.password }), contentType: formType });
	expect(answer.status, answer.body.slice(0, 300)).toBe(303);
	return answer.cookie!;
}

function expectWithinLimit(page: string, result: { answer: Answer; trips: string[][] }, status: number, limit = LIMIT) {
	expect(result.answer.status, `${page}: ${result.answer.body.slice(0, 300)}`).toBe(status);
	const detail = result.trips.map((t) => t.join('+')).join(', ');
	test.info().annotations.push({ type: 'round trips', description: `${page}: ${result.trips.length} (${detail})` });
	// soft: every page of the test is counted and reported, not only the first one over the limit
	expect.soft(result.trips.length, `${page}: ${result.trips.length} round trips (${detail})`).toBeLessThanOrEqual(limit);
}

test('public pages: home, catalogue, a service page, the tracking form', async () => {
	for (const path of ['/', '/layanan', '/layanan/akta-kelahiran', '/lacak']) {
		expectWithinLimit(path, await roundTrips(() => request(path)), 200);
	}
});

/** A submitted application, as the phone's outbox sends it; its id and tracking code. */
async function submitApplication(citizen: string) {
	const id = crypto.randomUUID();
	const data = new FormData();
	data.append('id', id);
	data.append('slug', 'akta-kelahiran');
	data.append('answers', JSON.stringify(birthAnswers));
	const photo = readFileSync('tests/fixtures/surat-lahir.jpg');
	for (const key of ['dokumen-birth_letter', 'dokumen-kk_scan']) {
		data.append(key, new Blob([photo], { type: 'image/jpeg' }), `${key}.jpg`);
	}
	const submitted = await fetch(`${server.origin}/api/permohonan`, {
		method: 'POST',
		headers: { origin: server.origin, cookie: citizen },
		body: data
	});
	const text = await submitted.text();
	if (submitted.status !== 201) throw new Error(`submission failed: ${submitted.status} ${text.slice(0, 300)}`);
	return { id, code: (JSON.parse(text) as { code: string }).code };
}

test('tracking an application by its code', async () => {
	// tracking asks for the last four digits of the applicant's phone, as given in the answers
	const lastFour = birthAnswers.applicant_phone.replace(/\D/g, '').slice(-4);
	const result = await roundTrips(() => request('/lacak', { form: urlencoded({ code: submitted.code, lastFour }), contentType: formType }));
	expectWithinLimit('POST /lacak', result, 200);
	expect(result.answer.body).toContain(submitted.code.slice(0, 4));
});

test('signed-in pages: account, starting a form, a form step and saving it', async () => {
	const citizen = await logIn('citizen');
	expectWithinLimit('/akun', await roundTrips(() => request('/akun', { cookie: citizen })), 200);
	expectWithinLimit('/ajukan/akta-kelahiran', await roundTrips(() => request('/ajukan/akta-kelahiran', { cookie: citizen })), 200);

	const started = await request('/ajukan/akta-kelahiran', { cookie: citizen, form: '', contentType: formType });
	expect(started.status).toBe(303);
	const step = started.location;
	expect(step).toMatch(/^\/ajukan\/akta-kelahiran\/[^/]+\/[^/]+$/);
	expectWithinLimit(step, await roundTrips(() => request(step, { cookie: citizen })), 200);

	// saving the step (the browser's post without JavaScript): the answers typed so far, the draft kept
	const page = await request(step, { cookie: citizen });
	const names = new Set([...page.body.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]!));
	const answers: Record<string, string> = birthAnswers;
	const fields = Object.fromEntries([...names].filter((n) => n in answers).map((n) => [n, answers[n]!]));
	expect(Object.keys(fields).length).toBeGreaterThan(0);
	const saved = await roundTrips(() => request(`${step}?/simpan`, { cookie: citizen, form: urlencoded(fields), contentType: formType }));
	// a save reads the draft, checks the answers against it, then writes: the write waits on the read, so
	// with the session check that is three (the page requests stay within two)
	expectWithinLimit(`POST ${step}?/simpan`, saved, 303, SAVE_LIMIT);
	expect(saved.answer.location).not.toBe(step);
});

test('a citizen\'s applications and the status page', async () => {
	const citizen = await logIn('citizen');
	for (const path of ['/permohonan', `/permohonan/${submitted.id}`, '/notifikasi']) {
		expectWithinLimit(path, await roundTrips(() => request(path, { cookie: citizen })), 200);
	}
});

test('officer pages: the queue', async () => {
	const officer = await logIn('officer');
	expectWithinLimit('/petugas', await roundTrips(() => request('/petugas', { cookie: officer })), 200);
	expectWithinLimit('/petugas?saya=1', await roundTrips(() => request('/petugas?saya=1', { cookie: officer })), 200);
	const casePage = `/petugas/permohonan/${submitted.id}`;
	expectWithinLimit(casePage, await roundTrips(() => request(casePage, { cookie: officer })), 200);
});

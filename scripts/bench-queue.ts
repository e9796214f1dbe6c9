/**
 * `npm run bench:queue`: how long the officer queue takes on the server with 100,000 applications.
 *
 * Builds a scratch libSQL file database (data/bench-queue.db, deleted first), loads 100,000 applications with
 * scripts/seed-applications.ts, then times `queue.list` exactly as the /petugas page calls it: Disdukcapil
 * (the office with most of the work), first page, default sort; then with "assigned to me" (the demo officer)
 * and with a service filter. Each view: 5 warm-up runs, then 50 timed runs; median and 95th percentile in ms
 * go to the console and to tests/bench/results/queue.json (top-level p50Ms/p95Ms are the default view).
 *
 * Each view's page is first checked against the plainest query for it (same rows, same order).
 * Also prints SQLite's EXPLAIN QUERY PLAN for the statements of the default view, captured from the client as
 * drizzle sends them, so the README can say which index serves each. This is a script, not a timed test:
 * timings depend on the machine, so nothing here fails on a number.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { InArgs } from '@libsql/client';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { normalizePhone } from '../src/lib/domain/phone';
import type { Database } from '../src/lib/server/db/open';
import { prepareDatabase } from '../src/lib/server/db/prepare';
import { applications, users } from '../src/lib/server/db/schema';
import { demoAccounts } from '../src/lib/server/db/seed';
import * as queue from '../src/lib/server/queue';
import { seedApplications } from './seed-applications';

const ROWS = 100_000;
const WARM_UPS = 5;
const RUNS = 50;
const root = resolve(import.meta.dirname, '..');
const dbFile = resolve(root, 'data/bench-queue.db');
const resultFile = resolve(root, 'tests/bench/results/queue.json');

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (ms: number) => Math.round(ms * 100) / 100;

async function time(run: () => Promise<unknown>) {
	for (let i = 0; i < WARM_UPS; i++) await run();
	const samples: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await run();
		samples.push(performance.now() - started);
	}
	samples.sort((a, b) => a - b);
	return { p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)) };
}

interface Statement {
	sql: string;
	args: InArgs;
}

/** The SQL statements `run` sends, captured at the libSQL client (queue.list sends one batch). */
async function captureStatements(db: Database, run: () => Promise<unknown>): Promise<Statement[]> {
	const client = db.$client;
	const captured: Statement[] = [];
	const batch = client.batch.bind(client);
	client.batch = (statements, mode) => {
		for (const s of statements) {
			if (typeof s === 'string') captured.push({ sql: s, args: [] });
			else if (Array.isArray(s)) captured.push({ sql: s[0], args: s[1] ?? [] });
			else captured.push({ sql: s.sql, args: s.args ?? [] });
		}
		return batch(statements, mode);
	};
	try {
		await run();
	} finally {
		client.batch = batch;
	}
	return captured;
}

async function explain(db: Database, { sql, args }: Statement) {
	const plan = await db.$client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args });
	// rows are (id, parent, notused, detail); indent each step under its parent
	const depth = new Map<number, number>([[0, -1]]);
	return plan.rows.map((row) => {
		const level = (depth.get(Number(row.parent)) ?? -1) + 1;
		depth.set(Number(row.id), level);
		return `${'  '.repeat(level)}${String(row.detail)}`;
	});
}

// --- build the scratch database ----------------------------------------------------------------------------

for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbFile + suffix, { force: true });
mkdirSync(dirname(dbFile), { recursive: true });
console.log(`Membuat basis data uji ${dbFile} dengan ${ROWS.toLocaleString('id-ID')} permohonan…`);
const db = await prepareDatabase({ url: `file:${dbFile}`, demo: true });
const started = performance.now();
await seedApplications(db, { count: ROWS });
console.log(`Dimuat dalam ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);

const officerPhone = normalizePhone(demoAccounts.find((a) => a.role === 'officer' && a.officeId === 'disdukcapil')!.phone)!;
const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.phone, officerPhone));

// --- time the views ----------------------------------------------------------------------------------------

const views = {
	default: {} as queue.QueueFilter,
	assignedToMe: { assignedTo: officer!.id },
	service: { service: 'akta-kelahiran' }
};
/**
 * The page as the plainest query gives it. queue.list reads it in a faster way; it must be the same page,
 * or the timing means nothing.
 */
async function plainPage(filter: queue.QueueFilter) {
	const rows = await db
		.select({ id: applications.id })
		.from(applications)
		.where(
			and(
				eq(applications.officeId, 'disdukcapil'),
				inArray(applications.status, queue.openStatuses),
				filter.service ? eq(applications.serviceSlug, filter.service) : undefined,
				filter.assignedTo ? eq(applications.assignedOfficerId, filter.assignedTo) : undefined
			)
		)
		.orderBy(asc(applications.dueAt), asc(applications.submittedAt))
		.limit(queue.PAGE_SIZE);
	return rows.map((r) => r.id);
}

const results: Record<string, { p50Ms: number; p95Ms: number; rowsOnPage: number }> = {};
for (const [name, filter] of Object.entries(views)) {
	const page = await queue.list(db, 'disdukcapil', filter);
	const expected = await plainPage(filter);
	if (page.rows.length === 0 || page.rows.map((r) => r.id).join() !== expected.join()) {
		throw new Error(`queue.list (${name}) does not return the same first page as the plain query`);
	}
	results[name] = { ...(await time(() => queue.list(db, 'disdukcapil', filter))), rowsOnPage: page.rows.length };
}
console.log(`queue.list(db, 'disdukcapil', …), halaman pertama, ${RUNS} kali setelah ${WARM_UPS} pemanasan (ms):`);
console.table(results);

// --- the plan of the default view ---------------------------------------------------------------------------

const statements = await captureStatements(db, () => queue.list(db, 'disdukcapil'));
const plans: { sql: string; plan: string[]; p50Ms: number }[] = [];
for (const statement of statements) {
	const alone = await time(() => db.$client.execute(statement));
	plans.push({ sql: statement.sql, plan: await explain(db, statement), p50Ms: alone.p50Ms });
}
console.log('\nEXPLAIN QUERY PLAN, tampilan bawaan:');
for (const { sql, plan, p50Ms } of plans) {
	console.log(`\n${sql}\n  (sendiri: median ${p50Ms} ms)`);
	for (const line of plan) console.log(`  ${line}`);
}

const output = {
	rows: ROWS,
	p50Ms: results.default!.p50Ms,
	p95Ms: results.default!.p95Ms,
	filters: {
		assignedToMe: { p50Ms: results.assignedToMe!.p50Ms, p95Ms: results.assignedToMe!.p95Ms },
		service: { p50Ms: results.service!.p50Ms, p95Ms: results.service!.p95Ms }
	},
	runs: RUNS,
	warmUps: WARM_UPS,
	office: 'disdukcapil',
	plan: plans.map(({ sql, plan }) => ({ sql, plan })),
	measuredAt: new Date().toISOString(),
	node: process.version
};
mkdirSync(dirname(resultFile), { recursive: true });
writeFileSync(resultFile, `${JSON.stringify(output, null, '\t')}\n`);
console.log(`\nHasil ditulis ke ${resultFile}`);
db.$client.close();

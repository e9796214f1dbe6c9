/**
 * `npm run bench:kinerja`: the server time of /kinerja's computation at city scale.
 *
 * Builds a scratch libSQL file database (data/bench-kinerja.db, deleted first), loads 100,000 past
 * applications, 20,000 survey responses and 2,000 complaints with the demo-history generator (the same
 * code, the same SLA clock and the same rollup triggers as live data), checks that the rollups equal a full
 * recount; adds 5,000 more applications with the queue benchmark's generator (scripts/seed-applications.ts:
 * most of them open, so "open now" and "overdue now" have rows to count); then times `kinerja.figures`
 * exactly as the /kinerja page calls it: 5 warm-up runs, then 50
 * timed runs; median and 95th percentile in ms go to the console and to tests/bench/results/kinerja.json.
 * A script, not a timed test: nothing here fails on a number. `--reuse` keeps an existing
 * data/bench-kinerja.db and only adds the open applications (seeding 100,000 takes minutes).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { prepareDatabase } from '../src/lib/server/db/prepare';
import { seedDemoHistory } from '../src/lib/server/db/demo-history';
import * as kinerja from '../src/lib/server/kinerja';
import { seedApplications } from './seed-applications';

const { values } = parseArgs({
	options: {
		applications: { type: 'string', default: '100000' },
		responses: { type: 'string', default: '20000' },
		complaints: { type: 'string', default: '2000' },
		open: { type: 'string', default: '5000' },
		reuse: { type: 'boolean', default: false }
	}
});
const WARM_UPS = 5;
const RUNS = 50;
const root = resolve(import.meta.dirname, '..');
const dbFile = resolve(root, 'data/bench-kinerja.db');
const resultFile = resolve(root, 'tests/bench/results/kinerja.json');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

const reuse = values.reuse && existsSync(dbFile);
if (!reuse) for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
mkdirSync(dirname(dbFile), { recursive: true });
const db = await prepareDatabase({ url: `file:${dbFile}`, demo: true });

const started = performance.now();
const target = Number(values.applications);
const made = reuse ? { reused: true } : await seedDemoHistory(db, {
	applications: target,
	responses: Number(values.responses),
	complaints: Number(values.complaints),
	seed: 11,
	onProgress: (n) => {
		if (n % 10_000 < 60) process.stdout.write(`\r${n} / ${target} permohonan`);
	}
});
await seedApplications(db, { count: Number(values.open), seed: 5 });
const seedSeconds = (performance.now() - started) / 1000;
console.log(`\nDiisi dalam ${seedSeconds.toFixed(1)} s: ${JSON.stringify(made)}`);

const [counts] = await db.all<{ applications: number; open: number; responses: number; complaints: number }>(
	sql`SELECT (SELECT count(*) FROM applications) AS applications,
		(SELECT count(*) FROM applications WHERE status NOT IN ('completed', 'rejected', 'cancelled')) AS open,
		(SELECT count(*) FROM survey_responses) AS responses, (SELECT count(*) FROM complaints) AS complaints`
);
const equal = isDeepStrictEqual(await kinerja.rollups(db), await kinerja.recount(db));
console.log(`Rollup = hitung ulang penuh: ${equal ? 'ya' : 'TIDAK'}`);

for (let i = 0; i < WARM_UPS; i++) await kinerja.figures(db);
const samples: number[] = [];
for (let i = 0; i < RUNS; i++) {
	const t = performance.now();
	await kinerja.figures(db);
	samples.push(performance.now() - t);
}
samples.sort((a, b) => a - b);
const result = {
	when: new Date().toISOString(),
	rows: counts,
	rollupsEqualRecount: equal,
	runs: RUNS,
	p50Ms: round(percentile(samples, 50)),
	p95Ms: round(percentile(samples, 95)),
	maxMs: round(samples.at(-1)!),
	seedSeconds: Math.round(seedSeconds)
};
console.log(`kinerja.figures: median ${result.p50Ms} ms, p95 ${result.p95Ms} ms (${RUNS} runs)`);
writeFileSync(resultFile, JSON.stringify(result, null, 2) + '\n');
db.$client.close();

/**
 * Periodic jobs: one registry, run by whatever clock the platform has.
 * - Node (scripts/serve.ts sets JOBS_TIMER=on): a timer in the server process, every JOBS_INTERVAL_MS
 *   (60000), started by the hook's `init` (src/hooks.server.ts);
 * - Workers: a Cron Trigger (wrangler.toml `[triggers] crons`) calls the `scheduled` handler of the
 *   wrapper entry (scripts/worker-entry.ts writes it around SvelteKit's worker), which runs them through
 *   the app's own POST /internal/jobs with a token only that wrapper knows;
 * - after a request that queued notices, the notice job runs at once (`ctx.waitUntil` on Workers, a
 *   promise after the answer on Node), so a message does not wait for the next tick.
 *
 * Every job must be safe to run twice at the same time (several isolates, a timer and a request): the
 * notice sender claims rows with a conditional UPDATE (notify/outbox.ts). A job that fails is logged
 * and does not stop the others.
 *
 * Adding a job is one line in `jobs`: a name and a function of the database, the time and the platform
 * (for the document store: R2 on Workers, the registered store on Node).
 */
import type { Database } from './db/open';
import { drainOutbox } from './notify/outbox';
import { runRetention } from './retention';
import { documentStore } from './storage';

export type Job = (db: Database, now: Date, platform: App.Platform | undefined) => Promise<unknown>;

export const jobs: Record<string, Job> = {
	/** Sends what waits in the notice outbox (WhatsApp, SMS, Web Push). */
	notices: (db) => drainOutbox(db),
	/** Deletes what has outlived its retention period (domain/privacy.ts), document bytes included: hourly is plenty. */
	retention: atMostEvery(60 * 60_000, (db, now, platform) => runRetention(db, now, { store: documentStore(platform) }))
};

/** A job that runs at most once per `ms` in this process or isolate (the clock ticks far more often). */
function atMostEvery(ms: number, job: Job): Job {
	let last = Number.NEGATIVE_INFINITY;
	return async (db, now, platform) => {
		if (now.getTime() - last < ms) return 'skipped';
		last = now.getTime();
		return job(db, now, platform);
	};
}

/** Runs every job (or the named ones) once; never throws. */
export async function runJobs(
	db: Database,
	names: string[] = Object.keys(jobs),
	now = new Date(),
	platform: App.Platform | undefined = undefined
) {
	const outcome: Record<string, 'ok' | 'failed'> = {};
	for (const name of names) {
		const job = jobs[name];
		if (!job) continue;
		try {
			await job(db, now, platform);
			outcome[name] = 'ok';
		} catch (cause) {
			console.error(`Job ${name} failed:`, cause instanceof Error ? cause.message : cause);
			outcome[name] = 'failed';
		}
	}
	return outcome;
}

let timer: ReturnType<typeof setInterval> | undefined;
let running = false;

/** The Node server's clock: runs the jobs every `intervalMs`, never two rounds at once in this process. */
export function startTimer(db: () => Database, intervalMs: number) {
	if (timer) return;
	timer = setInterval(() => {
		if (running) return;
		running = true;
		runJobs(db()).finally(() => (running = false));
	}, intervalMs);
	// the timer alone never keeps the process alive (graceful shutdown)
	(timer as { unref?: () => void }).unref?.();
}

export function stopTimer() {
	if (timer) clearInterval(timer);
	timer = undefined;
}

/**
 * After `ADAPTER=cloudflare vite build`: wraps SvelteKit's worker in an entry that also has a `scheduled`
 * handler, for the Cron Trigger in wrangler.toml. adapter-cloudflare 7 exports `fetch` only and writes
 * its worker to wrangler.toml's `main`; this moves that file beside it (`_sveltekit.js`, kept out of the
 * public assets) and writes `main` anew:
 * - `fetch` is SvelteKit's, unchanged;
 * - `scheduled` runs the jobs (src/lib/server/jobs.ts) through the app itself, POST /internal/jobs, with
 *   a random token made in this isolate and handed over in that request's `env` only, so the route
 *   cannot be called from outside. `ctx.waitUntil` keeps the isolate alive until the jobs are done.
 * Idempotent: running it twice leaves the same files.
 */
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '../.svelte-kit/cloudflare');
const entry = resolve(dir, '_worker.js');
const app = resolve(dir, '_sveltekit.js');
const marker = '// wrapper: scripts/worker-entry.ts';

if (!existsSync(entry)) {
	console.error('No Worker build at .svelte-kit/cloudflare/_worker.js: run `ADAPTER=cloudflare vite build` first.');
	process.exit(1);
}
if (!readFileSync(entry, 'utf8').startsWith(marker)) renameSync(entry, app);

writeFileSync(
	entry,
	`${marker}
import app from './_sveltekit.js';

let token;

export default {
	fetch: (request, env, ctx) => app.fetch(request, env, ctx),
	async scheduled(controller, env, ctx) {
		token ??= crypto.randomUUID();
		const origin = env.ORIGIN || 'https://jobs.invalid';
		const request = new Request(origin + '/internal/jobs', { method: 'POST', headers: { 'x-jobs-token': token } });
		ctx.waitUntil(
			app.fetch(request, { ...env, JOBS_TOKEN: token }, ctx).then(async (response) => {
				if (!response.ok) console.error('scheduled jobs answered', response.status, await response.text());
			})
		);
	}
};
`
);
const ignore = resolve(dir, '.assetsignore');
if (!existsSync(ignore) || !readFileSync(ignore, 'utf8').split('\n').includes('_sveltekit.js')) {
	appendFileSync(ignore, '\n_sveltekit.js\n');
}
console.log('Worker entry with a scheduled handler written to .svelte-kit/cloudflare/_worker.js');

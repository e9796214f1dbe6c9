/**
 * The Workers clock's way in: the wrapper entry's `scheduled` handler (scripts/worker-entry.ts) posts
 * here with a token it made for this isolate and passed in the request's own `env`; no request from
 * outside carries that env, so for everyone else this path does not exist (404, as for any unknown path).
 */
import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { runJobs } from '$lib/server/jobs';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, platform }) => {
	const token = platform?.env?.JOBS_TOKEN;
	if (!token || request.headers.get('x-jobs-token') !== token) error(404, 'Halaman tidak ditemukan.');
	return json(await runJobs(getDb(), undefined, new Date(), platform));
};

/**
 * POST /api/permohonan: the phone's outbox sends a whole application here (multipart: `id`, `slug`,
 * `answers` as JSON, optional `resident` as JSON, one `dokumen-<key>` file per document).
 *
 * Answers: 200/201 { id, code, url } when made (or made before: the id is the idempotency key);
 * 401 when not logged in (the outbox waits for a login); 400/409/413 with { message, errors } when refused
 * (the outbox shows it for fixing and does not retry). Anything else is retried with back-off.
 *
 * Reading and checking the body, and the answer, are in server/outbox-request.ts; making the application
 * in server/submission.ts (`submitComplete`), which checks the answers again as the form's are checked.
 */
import { json } from '@sveltejs/kit';
import { answerFor, readSubmission, refusalBody } from '$lib/server/outbox-request';
import * as submission from '$lib/server/submission';
import { getDb } from '$lib/server/db';
import { documentStore } from '$lib/server/storage';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, locals, platform }) => {
	const user = locals.user;
	if (!user) return json({ message: m.journey_api_log_in() }, { status: 401 });
	if (user.role !== 'citizen' && user.role !== 'volunteer') {
		return json({ message: m.journey_api_only_applicants() }, { status: 403 });
	}
	const read = await readSubmission(getDb(), user, request);
	if (!read.ok) return json(refusalBody(read), { status: read.status });
	const result = await submission.submitComplete(getDb(), documentStore(platform), user, read.input);
	const answer = answerFor(result);
	return json(answer.body, { status: answer.status });
};

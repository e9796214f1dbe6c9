/**
 * POST /api/permohonan: the phone's outbox sends a whole application here (multipart: `id`, `slug`,
 * `answers` as JSON, optional `resident` as JSON, one `dokumen-<key>` file per document).
 *
 * Answers: 200/201 { id, code, url } when made (or made before: the id is the idempotency key);
 * 401 when not logged in (the outbox waits for a login); 400/409/413 with { message, errors } when refused
 * (the outbox shows it for fixing and does not retry). Anything else is retried with back-off.
 *
 * Nothing here is trusted: the body is read only up to its cap (server/uploads.ts), `answers` and
 * `resident` have size caps of their own, the answers go through the same check as the form's
 * (`cleanAnswers`: only the service's fields, normalised, capped), the resident through the resident
 * page's own schema (domain/resident.ts).
 */
import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { fileMessages } from '$lib/domain/file-type';
import { limitMessages, submissionLimits, utf8Length } from '$lib/domain/limits';
import { checkResident as checkResidentForm, residentInput, residentWording } from '$lib/domain/resident';
import * as submission from '$lib/server/submission';
import * as catalogue from '$lib/server/catalogue';
import { journeyOf } from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import type { Consent } from '$lib/server/db/schema';
import { documentStore } from '$lib/server/storage';
import { fileBytes, readForm } from '$lib/server/uploads';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** What the phone sends for a resident (see client/local-db.ts `ResidentInfo`): read loosely, then checked. */
const sentResident = v.object({
	name: v.string(),
	phone: v.string(),
	consent: v.object({
		by: v.picklist(['resident', 'parent']),
		how: v.string(),
		name: v.string(),
		at: v.optional(v.number())
	})
});

const refused = (status: number, message: string, errors?: Record<string, string>) =>
	json(errors ? { message, errors } : { message }, { status });

export const POST: RequestHandler = async ({ request, locals, platform }) => {
	const user = locals.user;
	if (!user) return json({ message: m.journey_api_log_in() }, { status: 401 });
	if (user.role !== 'citizen' && user.role !== 'volunteer') {
		return json({ message: m.journey_api_only_applicants() }, { status: 403 });
	}
	const read = await readForm(request, {
		maxBytes: submissionLimits.maxBodyBytes,
		maxFiles: submissionLimits.maxFiles,
		maxParts: submissionLimits.maxFiles + 8
	});
	if (!read.ok) return refused(read.status, read.message);
	const form = read.form;

	const answersRaw = form.get('answers');
	if (typeof answersRaw !== 'string') return refused(400, m.journey_api_answers_unreadable());
	if (utf8Length(answersRaw) > submissionLimits.maxAnswersBytes) {
		return refused(400, limitMessages.answersTooBig(submissionLimits.maxAnswersBytes / 1024));
	}
	const answers = v.safeParse(v.record(v.string(), v.string()), safeJson(answersRaw));
	if (!answers.success) return refused(400, m.journey_api_answers_unreadable());
	if (Object.keys(answers.output).length > submissionLimits.maxAnswerKeys) {
		return refused(400, limitMessages.tooManyAnswers(submissionLimits.maxAnswerKeys));
	}

	const slug = String(form.get('slug') ?? '').slice(0, 100);
	let resident: { name: string; phone: string; consent: Consent } | undefined;
	const residentRaw = form.get('resident');
	if (residentRaw !== null && user.role === 'volunteer') {
		if (typeof residentRaw !== 'string' || utf8Length(residentRaw) > submissionLimits.maxResidentBytes) {
			return refused(400, limitMessages.residentTooBig);
		}
		const found = await catalogue.findActive(getDb(), slug);
		const checked = checkResident(safeJson(residentRaw), found?.service, user.phone, user.name);
		if (!checked.ok) {
			const first = checked.errors && Object.values(checked.errors)[0];
			return refused(400, first ? m.journey_api_resident_problem({ problem: first }) : residentWording.errors.unreadable, checked.errors);
		}
		resident = checked.resident;
	}

	const files: submission.CompleteSubmission['files'] = [];
	for (const [name, value] of form.entries()) {
		if (!name.startsWith('dokumen-')) continue;
		const file = await fileBytes(value);
		if (file) files.push({ requirementKey: name.slice('dokumen-'.length), ...file });
	}
	const result = await submission.submitComplete(getDb(), documentStore(platform), user, {
		id: String(form.get('id') ?? ''),
		serviceSlug: slug,
		answers: answers.output,
		files,
		resident
	});
	if (result.ok) {
		const { application } = result;
		return json(
			{ id: application.id, code: application.trackingCode, url: `/permohonan/${application.id}?baru=1` },
			{ status: result.created ? 201 : 200 }
		);
	}
	switch (result.reason) {
		case 'not_yours':
			return json({ message: m.journey_sent_from_other_account() }, { status: 409 });
		case 'unknown_service':
			return json({ message: m.journey_api_service_gone() }, { status: 400 });
		case 'bad_file':
			return json({ message: fileMessages[result.problem], errors: { [result.requirementKey]: fileMessages[result.problem] } }, { status: 400 });
		case 'invalid':
			return json(
				{ message: m.journey_problems_message(), errors: result.errors, missingDocuments: result.missingDocuments },
				{ status: 400 }
			);
	}
};

/**
 * The resident a volunteer applies for, checked by the resident page's own schema (domain/resident.ts:
 * names capped, phone normalised, not the volunteer's own number, a parent's consent where the service
 * says so). The consent is recorded under the name of the volunteer who is logged in, whatever the phone said.
 */
function checkResident(
	raw: unknown,
	service: Parameters<typeof journeyOf>[0] | undefined,
	volunteerPhone: string,
	volunteerName: string,
	now = Date.now()
): { ok: true; resident: { name: string; phone: string; consent: Consent } } | { ok: false; errors?: Record<string, string> } {
	const sent = v.safeParse(sentResident, raw);
	if (!sent.success || !service) return { ok: false };
	const { consent } = sent.output;
	const consentBy = journeyOf(service, true).consentBy;
	const checked = checkResidentForm(consentBy, volunteerPhone, residentInput({ ...sent.output, consent: { ...consent, how: consent.how as 'ticked' } }));
	if (!checked.ok) {
		return { ok: false, errors: Object.fromEntries(Object.entries(checked.errors).map(([key, message]) => [`resident.${key}`, message])) };
	}
	// when the phone recorded the consent; a time in the future or before the app existed is replaced by now
	const at = consent.at !== undefined && Number.isFinite(consent.at) && consent.at <= now && consent.at > Date.UTC(2025, 0, 1) ? consent.at : now;
	return { ok: true, resident: { ...checked.resident, consent: { ...checked.resident.consent, at, volunteerName } } };
}

function safeJson(value: string): unknown {
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

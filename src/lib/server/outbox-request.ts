/**
 * The phone's outbox request (POST /api/permohonan) beyond its glue: reading the multipart body into a
 * whole submission (`id`, `slug`, `answers` as JSON, optional `resident` as JSON, one `dokumen-<key>` file
 * per document) and answering what `submitComplete` (submission.ts) made of it.
 *
 * Nothing here is trusted: the body is read only up to its cap (uploads.ts), `answers` and `resident`
 * have size caps of their own, the answers are checked again by `submitComplete` (`cleanAnswers`), the
 * resident by the resident page's own schema (domain/resident.ts).
 */
import * as v from 'valibot';
import { fileMessages } from '$lib/domain/file-type';
import { limitMessages, submissionLimits, utf8Length } from '$lib/domain/limits';
import { checkResident as checkResidentForm, residentInput, residentWording } from '$lib/domain/resident';
import { m } from '$lib/paraglide/messages';
import type { SessionUser } from './auth/session';
import * as catalogue from './catalogue';
import { journeyOf } from './catalogue';
import type { Database } from './db/open';
import type { Consent } from './db/schema';
import type { CompleteResult, CompleteSubmission } from './submission';
import { fileBytes, readForm } from './uploads';

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

export type Refusal = { ok: false; status: number; message: string; errors?: Record<string, string> };

const refused = (status: number, message: string, errors?: Record<string, string>): Refusal => ({ ok: false, status, message, errors });

/** The request read into a submission for `submitComplete`, or why it is refused (400/413). */
export async function readSubmission(db: Database, user: SessionUser, request: Request): Promise<{ ok: true; input: CompleteSubmission } | Refusal> {
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
		const found = await catalogue.findActive(db, slug);
		const checked = checkResident(safeJson(residentRaw), found?.service, user.phone, user.name);
		if (!checked.ok) {
			const first = checked.errors && Object.values(checked.errors)[0];
			return refused(400, first ? m.journey_api_resident_problem({ problem: first }) : residentWording.errors.unreadable, checked.errors);
		}
		resident = checked.resident;
	}

	const files: CompleteSubmission['files'] = [];
	for (const [name, value] of form.entries()) {
		if (!name.startsWith('dokumen-')) continue;
		const file = await fileBytes(value);
		if (file) files.push({ requirementKey: name.slice('dokumen-'.length), ...file });
	}
	return { ok: true, input: { id: String(form.get('id') ?? ''), serviceSlug: slug, answers: answers.output, files, resident } };
}

/** The body of a refusal: the message, and the fields to fix when there are any. */
export const refusalBody = (refusal: Refusal) => (refusal.errors ? { message: refusal.message, errors: refusal.errors } : { message: refusal.message });

/** What the phone is told: 200/201 { id, code, url } when made (or made before), 409/400 when refused. */
export function answerFor(result: CompleteResult): { status: number; body: object } {
	if (result.ok) {
		const { application } = result;
		return {
			status: result.created ? 201 : 200,
			body: { id: application.id, code: application.trackingCode, url: `/permohonan/${application.id}?baru=1` }
		};
	}
	switch (result.reason) {
		case 'not_yours':
			return { status: 409, body: { message: m.journey_sent_from_other_account() } };
		case 'unknown_service':
			return { status: 400, body: { message: m.journey_api_service_gone() } };
		case 'bad_file':
			return { status: 400, body: { message: fileMessages[result.problem], errors: { [result.requirementKey]: fileMessages[result.problem] } } };
		case 'invalid':
			return { status: 400, body: { message: m.journey_problems_message(), errors: result.errors, missingDocuments: result.missingDocuments } };
	}
}

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

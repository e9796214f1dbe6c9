import { error, fail, redirect } from '@sveltejs/kit';
import { answerSections } from '$lib/domain/answers';
import { fileMessages } from '$lib/domain/file-type';
import { bodyCapForFiles } from '$lib/domain/limits';
import type { EventType } from '$lib/domain/events';
import { allowedActions, officeStatusLabel, type Action } from '$lib/domain/workflow';
import { may, relationTo } from '$lib/server/access';
import * as documentFiles from '$lib/server/documents';
import * as casework from '$lib/server/casework';
import { getDb } from '$lib/server/db';
import { decide, decisionMessages, type ResultInput } from '$lib/server/decisions';
import { text } from '$lib/server/forms';
import { documentStore } from '$lib/server/storage';
import { readForm } from '$lib/server/uploads';
import { consentText } from '$lib/domain/resident';
import { localizeService } from '$lib/domain/service-language';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const notFound = () => m.staff_case_not_found();

/**
 * The second lock for every action here: the user must be an officer of the application's office
 * (access.ts, `decide`); anyone else is told it is not there, whatever the hook's gate let through.
 */
async function officerOf(locals: App.Locals, id: string) {
	const user = locals.user;
	if (!user || !may(await relationTo(getDb(), user, id), 'decide')) error(404, notFound());
	return user;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const officer = locals.user;
	// openForOfficer finds it only for an officer of its office (access.ts, `inspect`)
	const opened = officer ? await casework.openForOfficer(getDb(), officer, params.id) : null;
	if (!officer || !opened) error(404, notFound());
	const { application, documents, result } = opened;
	// the service as the officer reads it (the catalogue in their language); keys and stored values stay
	const service = localizeService(opened.service);
	const holding = application.assignedOfficerId === officer.id;
	return {
		id: application.id,
		code: application.trackingCode,
		serviceName: service.name,
		office: service.officeId,
		applicantName: application.applicantName,
		applicantPhone: application.applicantPhone,
		/** Who helped, and the resident's consent as recorded when the volunteer submitted. */
		helper: application.consent && {
			volunteerName: application.consent.volunteerName,
			consent: consentText(application.consent),
			released: application.volunteerId === null
		},
		status: application.status,
		statusText: officeStatusLabel[application.status],
		submittedAt: application.submittedAt,
		dueAt: application.dueAt,
		pausedAt: application.pausedAt,
		holderName: opened.holderName,
		holding,
		actions: allowedActions(application.status, 'officer').filter((a) => a === 'claim' || holding),
		// least sight: NIK and No. KK masked until the officer reveals one (action nik_revealed, audited)
		sections: answerSections(service.steps, application.answers, { maskNumbers: true }),
		fields: service.steps.flatMap((s) => s.fields.map((f) => ({ key: f.key, label: f.label }))),
		documents: service.documents.map((d) => {
			const file = documents.find((f) => f.requirementKey === d.key);
			return { key: d.key, label: d.label, required: d.required, file: file && { id: file.id, type: file.contentType } };
		}),
		checklist: service.standard.requirements.map((r) => ({
			key: r.id,
			label: r.text,
			required: r.required,
			checked: !!application.checklist[r.id]
		})),
		correction: application.correction,
		result: result && {
			kind: result.kind,
			pickupNote: result.pickupNote,
			verificationCode: result.verificationCode,
			revokedAt: result.revokedAt
		},
		timeline: opened.events
	};
};

async function act(locals: App.Locals, id: string, input: Omit<Parameters<typeof decide>[1], 'applicationId' | 'actor'>) {
	if (!locals.user) error(404, notFound());
	const outcome = await decide(getDb(), { applicationId: id, actor: locals.user, ...input });
	if (!outcome.ok && outcome.notFound) error(404, notFound());
	if (!outcome.ok) return fail(400, { message: outcome.message, note: input.note ?? '' });
	redirect(303, `/petugas/permohonan/${id}`);
}

/**
 * The form actions are named after what they record: a workflow action (workflow.ts) or, for work that
 * leaves the status alone, its event type (events.ts). No third set of names.
 */
export const actions = {
	claim: async ({ locals, params }) => act(locals, params.id, { action: 'claim' }),
	approve: async ({ locals, params, request }) => {
		const form = await request.formData();
		return act(locals, params.id, { action: 'approve', note: text(form, 'note') });
	},
	reject: async ({ locals, params, request }) => {
		const form = await request.formData();
		return act(locals, params.id, { action: 'reject', note: text(form, 'note') });
	},
	request_correction: async ({ locals, params, request }) => {
		const form = await request.formData();
		return act(locals, params.id, {
			action: 'request_correction',
			note: text(form, 'note'),
			correction: {
				fields: form.getAll('fields').map(String),
				documents: form.getAll('documents').map(String)
			}
		});
	},
	complete: async ({ locals, params, request, platform }) => {
		const officer = await officerOf(locals, params.id);
		// the result file is read only up to its cap (10 MB and the form around it)
		const read = await readForm(request, { maxBytes: bodyCapForFiles(1), maxFiles: 1, maxParts: 20, tooBigMessage: fileMessages.tooBig });
		if (!read.ok) return fail(read.status, { message: read.message, note: '' });
		const form = read.form;
		const kind = text(form, 'kind');
		let result: ResultInput | undefined;
		if (kind === 'pickup') result = { kind, pickupNote: text(form, 'pickupNote') };
		if (kind === 'issued') result = { kind };
		if (kind === 'file') {
			if (!(await casework.holds(getDb(), officer, params.id, 'approved'))) {
				return fail(400, { message: m.staff_case_upload_holder(), note: '' });
			}
			const file = form.get('file');
			if (!(file instanceof File) || file.size === 0) {
				return fail(400, { message: decisionMessages.resultFile, note: '' });
			}
			const stored = await documentFiles.attachDocument(getDb(), documentStore(platform), {
				applicationId: params.id,
				requirementKey: 'hasil',
				bytes: new Uint8Array(await file.arrayBuffer()),
				originalName: file.name,
				uploadedBy: officer.id
			});
			if (!stored.ok) return fail(400, { message: documentFiles.fileMessages[stored.problem], note: '' });
			result = { kind, documentId: stored.documentId };
		}
		return act(locals, params.id, { action: 'complete', result });
	},
	checklist: async ({ locals, params, request }) => {
		const officer = await officerOf(locals, params.id);
		const form = await request.formData();
		const checks = Object.fromEntries(form.getAll('checked').map((k) => [String(k), true]));
		const outcome = await casework.setChecklist(getDb(), officer, params.id, checks);
		if (!outcome.ok) return fail(400, { message: outcome.message, note: '' });
		redirect(303, `/petugas/permohonan/${params.id}#persyaratan`);
	},
	nik_revealed: async ({ locals, params, request }) => {
		const officer = await officerOf(locals, params.id);
		const form = await request.formData();
		const revealed = await casework.revealNumber(getDb(), officer, params.id, text(form, 'field'));
		if (!revealed) return fail(400, { message: m.staff_case_reveal_failed(), note: '' });
		return { revealed };
	},
	result_revoked: async ({ locals, params, request }) => {
		const officer = await officerOf(locals, params.id);
		const form = await request.formData();
		const outcome = await casework.revokeResult(getDb(), officer, params.id, text(form, 'reason'));
		if (!outcome.ok) return fail(400, { message: outcome.message, note: '' });
		redirect(303, `/petugas/permohonan/${params.id}`);
	}
} satisfies Actions;

// every action's name is a workflow action or an event type: a new name has to be one of those
const names: readonly (Action | EventType)[] = Object.keys(actions) as (keyof typeof actions)[];
void names;

/**
 * The officer's case page (`/petugas/permohonan/[id]`) beyond its glue: what the page shows of an opened
 * application (casework.ts `openForOfficer`), what a decision form asks for, and the result an officer
 * records when completing (a pickup note, an issued document, or an uploaded file). Who may do any of it
 * is decided by access.ts, in the route (`decide`) and again inside casework.ts and decisions.ts.
 */
import { answerSections } from '$lib/domain/answers';
import { fileMessages } from '$lib/domain/file-type';
import { bodyCapForFiles } from '$lib/domain/limits';
import { consentText } from '$lib/domain/resident';
import { localizeService } from '$lib/domain/service-language';
import { allowedActions, officeStatusLabel } from '$lib/domain/workflow';
import { m } from '$lib/paraglide/messages';
import type { SessionUser } from './auth/session';
import * as casework from './casework';
import type { Database } from './db/open';
import type { DecisionInput, ResultInput } from './decisions';
import { decisionMessages } from './decisions';
import * as documentFiles from './documents';
import { text } from './forms';
import type { DocumentStore } from './storage';
import { readForm } from './uploads';

type Opened = NonNullable<Awaited<ReturnType<typeof casework.openForOfficer>>>;

/** What the case page shows the officer who opened it. */
export function casePage(opened: Opened, officerId: string) {
	const { application, documents, result } = opened;
	// the service as the officer reads it (the catalogue in their language); keys and stored values stay
	const service = localizeService(opened.service);
	const holding = application.assignedOfficerId === officerId;
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
}

/** A decision form (approve, reject, request_correction): the note, and for a correction what to fix. */
export function decisionForm(action: 'approve' | 'reject' | 'request_correction', form: FormData): Pick<DecisionInput, 'action' | 'note' | 'correction'> {
	if (action !== 'request_correction') return { action, note: text(form, 'note') };
	return {
		action,
		note: text(form, 'note'),
		correction: {
			fields: form.getAll('fields').map(String),
			documents: form.getAll('documents').map(String)
		}
	};
}

/** The checklist form: the requirements ticked. */
export const checksFrom = (form: FormData) => Object.fromEntries(form.getAll('checked').map((k) => [String(k), true]));

/**
 * The result form of `complete`, read only up to its cap (10 MB and the form around it). A file is taken
 * only from the officer holding the approved application, and stored before the decision records it.
 */
export async function resultFrom(
	db: Database,
	store: DocumentStore,
	officer: SessionUser,
	applicationId: string,
	request: Request
): Promise<{ ok: true; result: ResultInput | undefined } | { ok: false; status: number; message: string }> {
	const read = await readForm(request, { maxBytes: bodyCapForFiles(1), maxFiles: 1, maxParts: 20, tooBigMessage: fileMessages.tooBig });
	if (!read.ok) return { ok: false, status: read.status, message: read.message };
	const form = read.form;
	const kind = text(form, 'kind');
	if (kind === 'pickup') return { ok: true, result: { kind, pickupNote: text(form, 'pickupNote') } };
	if (kind === 'issued') return { ok: true, result: { kind } };
	if (kind !== 'file') return { ok: true, result: undefined };
	if (!(await casework.holds(db, officer, applicationId, 'approved'))) {
		return { ok: false, status: 400, message: m.staff_case_upload_holder() };
	}
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return { ok: false, status: 400, message: decisionMessages.resultFile };
	const stored = await documentFiles.attachDocument(db, store, {
		applicationId,
		requirementKey: 'hasil',
		bytes: new Uint8Array(await file.arrayBuffer()),
		originalName: file.name,
		uploadedBy: officer.id
	});
	if (!stored.ok) return { ok: false, status: 400, message: documentFiles.fileMessages[stored.problem] };
	return { ok: true, result: { kind, documentId: stored.documentId } };
}

import { error, fail, redirect } from '@sveltejs/kit';
import { validateStep } from '$lib/domain/fields';
import { fileMessages } from '$lib/domain/file-type';
import { bodyCapForFiles, formLimits } from '$lib/domain/limits';
import { formatPhone } from '$lib/domain/phone';
import { residentForSubmit, residentWording } from '$lib/domain/resident';
import * as documentFiles from '$lib/server/documents';
import * as serverDrafts from '$lib/server/drafts';
import * as submission from '$lib/server/submission';
import { getDb } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { documentStore } from '$lib/server/storage';
import { fileBytes, readForm } from '$lib/server/uploads';
import { m } from '$lib/paraglide/messages';
import { openDraft } from '../open-draft';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { draft, shown: service, documents, journey, page, href, changing } = await openDraft(getDb(), locals.user!, params, url);
	const back = journey.back(page.slug, changing);
	const resident = journey.forResident ? draft.resident : null;
	const common = {
		serviceName: service.name,
		progress: journey.progress(page.slug).text,
		backHref: back ? href(back.slug) : `/ajukan/${service.slug}`,
		fromCheck: changing,
		/** Applying for a resident: every page says for whom. */
		forWhom: resident ? residentWording.forWhom(resident.name, formatPhone(resident.phone)) : null
	};
	switch (page.kind) {
		case 'fields':
			// who applies is filled in (the account, or the resident) and saved with this page like typed answers
			return { ...common, kind: page.kind, step: page.step, answers: journey.prefill(draft.answers, resident ?? locals.user!) };
		case 'document': {
			const current = documents.find((d) => d.requirementKey === page.document.key);
			const uploaded = current ? { id: current.id, name: current.originalName, size: current.size } : null;
			return { ...common, kind: page.kind, document: page.document, uploaded };
		}
		case 'check':
			return {
				...common,
				kind: page.kind,
				sections: journey.summary(draft.answers, resident).map((s) => ({ ...s, href: href(s.page, true) })),
				documents: journey.documentList().map((d) => ({
					...d,
					href: href(d.page, true),
					uploaded: documents.find((u) => u.requirementKey === d.key)?.id ?? null
				}))
			};
		case 'resident':
			error(404, m.journey_step_not_found()); // the resident page has its own route (warga/)
		default: {
			const unknownPage: never = page;
			throw new Error(`unknown page ${JSON.stringify(unknownPage)}`);
		}
	}
};

export const actions: Actions = {
	/** Saves one page (answers or a document) and goes where the journey says. */
	simpan: async ({ params, locals, request, platform, url }) => {
		const db = getDb();
		const user = locals.user!;
		const { draft, documents, journey, page, href, changing } = await openDraft(db, user, params, url);
		const goOn = () => redirect(303, href(journey.next(page.slug, changing).slug));
		// read only up to the cap: one document (and the framing around it), or a page of text
		const read = await readForm(
			request,
			page.kind === 'document'
				? { maxBytes: bodyCapForFiles(1), maxFiles: 1, maxParts: formLimits.maxParts, tooBigMessage: fileMessages.tooBig }
				: { maxBytes: formLimits.textBodyBytes, maxFiles: 0, maxParts: formLimits.maxParts }
		);
		if (!read.ok) {
			const field = page.kind === 'fields' ? (page.step.fields[0]?.key ?? 'file') : 'file';
			return fail(read.status, { errors: { [field]: read.message } });
		}
		const form = read.form;

		if (page.kind === 'fields') {
			const input = Object.fromEntries(page.step.fields.map((f) => [f.key, text(form, f.key)]));
			const result = validateStep(page.step, input, draft.answers, new Date());
			if (!result.ok) return fail(400, { errors: result.errors, typed: result.typed });
			await serverDrafts.draftStore(db, user.id).saveAnswers(draft.id, result.values);
			goOn();
		}

		if (page.kind === 'document') {
			const chosen = await fileBytes(form.get('file'));
			const already = documents.some((d) => d.requirementKey === page.document.key);
			if (!chosen) {
				if (already || !page.document.required) goOn();
				return fail(400, { errors: { file: documentFiles.fileMessages.missing(page.document.label) } });
			}
			const result = await documentFiles.attachDocument(db, documentStore(platform), {
				applicationId: draft.id,
				requirementKey: page.document.key,
				bytes: chosen.bytes,
				originalName: chosen.name,
				uploadedBy: user.id
			});
			if (!result.ok) return fail(400, { errors: { file: documentFiles.fileMessages[result.problem] } });
			goOn();
		}
		error(405, m.journey_saves_nothing());
	},

	/** Submits the application from the check page. Submitting twice is harmless. */
	kirim: async ({ params, locals, url }) => {
		const db = getDb();
		const user = locals.user!;
		const { draft, service, journey, href } = await openDraft(db, user, params, url);
		// for a resident: their recorded consent, stamped now with the volunteer's name
		const resident = journey.forResident ? residentForSubmit(draft.resident, user) : undefined;
		if (resident === null) {
			return fail(400, { problems: [{ message: residentWording.errors.incomplete, href: href('warga', true) }] });
		}
		const answers = journey.answersToSubmit(draft.answers, draft.resident);
		const result = await submission.submit(db, { id: draft.id, service, answers, applicant: user, resident });
		if (result.ok) redirect(303, `/permohonan/${result.application.id}?baru=1`);
		if (result.reason === 'not_yours') error(409, m.journey_sent_from_other_account());
		const problems = journey.problems(result.errors, result.missingDocuments).map((p) => ({ message: p.message, href: href(p.page, true) }));
		return fail(400, { problems });
	}
};

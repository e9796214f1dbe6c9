import { error, fail, redirect } from '@sveltejs/kit';
import { fileMessages } from '$lib/domain/file-type';
import { bodyCapForFiles, formLimits } from '$lib/domain/limits';
import { localizeService } from '$lib/domain/service-language';
import { m } from '$lib/paraglide/messages';
import { isApplicationId } from '$lib/domain/application-id';
import * as applications from '$lib/server/applications';
import * as documentFiles from '$lib/server/documents';
import type { SessionUser } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { correctionFor, decide } from '$lib/server/decisions';
import { text } from '$lib/server/forms';
import { documentStore } from '$lib/server/storage';
import { fileBytes, readForm } from '$lib/server/uploads';
import type { Actions, PageServerLoad } from './$types';

/** Only what the officer asked about is shown and taken: the rest of the application stays as it was. */
/**
 * The correction, for those who may send it (access.ts: `correct`). When no correction is asked, its
 * applicant (or helping volunteer) goes to the status page; anyone else gets 404.
 */
async function openCorrection(user: SessionUser | null, id: string) {
	if (!user || !isApplicationId(id)) error(404, m.status_not_found());
	const found = await correctionFor(getDb(), user, id);
	if (found) return inReadersLanguage(found);
	// nothing to correct: its own status page for whoever may see it, and for everyone else no sign it exists
	if (!(await applications.viewForOwner(getDb(), user, id))) error(404, m.status_not_found());
	redirect(303, `/permohonan/${id}`);
}

/** The asked fields and documents as the reader reads them (localizeService); keys and order stay. */
function inReadersLanguage<T extends NonNullable<Awaited<ReturnType<typeof correctionFor>>>>(found: T): T {
	const service = localizeService(found.service);
	const fieldKeys = new Set(found.fields.map((f) => f.key));
	const documentKeys = new Set(found.documents.map((d) => d.key));
	return {
		...found,
		service,
		fields: service.steps.flatMap((s) => s.fields).filter((f) => fieldKeys.has(f.key)),
		documents: service.documents.filter((d) => documentKeys.has(d.key))
	};
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const { application, service, asked, fields, documents } = await openCorrection(locals.user, params.id);
	return {
		serviceName: service.name,
		note: asked.note,
		fields,
		documents,
		answers: application.answers
	};
};

export const actions: Actions = {
	default: async ({ params, locals, request, platform }) => {
		const { fields, documents } = await openCorrection(locals.user, params.id);
		const user = locals.user!;
		// read only up to the cap: the asked documents (10 MB each) and the asked fields
		const read = await readForm(request, {
			maxBytes: bodyCapForFiles(documents.length),
			maxFiles: documents.length,
			maxParts: formLimits.maxParts,
			tooBigMessage: documents.length <= 1 ? fileMessages.tooBig : undefined
		});
		if (!read.ok) return fail(read.status, { typed: undefined, message: read.message });
		const form = read.form;
		const typed = Object.fromEntries(fields.map((f) => [f.key, text(form, f.key)]));
		const db = getDb();
		for (const doc of documents) {
			const file = await fileBytes(form.get(`dokumen-${doc.key}`));
			if (!file) continue;
			const stored = await documentFiles.attachDocument(db, documentStore(platform), {
				applicationId: params.id,
				requirementKey: doc.key,
				bytes: file.bytes,
				originalName: file.name,
				uploadedBy: user.id
			});
			if (!stored.ok) return fail(400, { typed, message: `${doc.label}: ${documentFiles.fileMessages[stored.problem]}` });
		}
		const outcome = await decide(db, { applicationId: params.id, action: 'resubmit', actor: user, answers: typed });
		if (!outcome.ok && outcome.notFound) error(404, m.status_not_found());
		if (!outcome.ok) return fail(400, { typed, message: outcome.message });
		redirect(303, `/permohonan/${params.id}`);
	}
};

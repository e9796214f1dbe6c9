import { error, fail, redirect } from '@sveltejs/kit';
import { validateStep } from '$lib/domain/fields';
import { findPage, journeyPages, pageAfter, pageBefore, pageOfField, progress } from '$lib/domain/journey';
import { displayAnswer } from '$lib/domain/answers';
import { fileMessages } from '$lib/domain/file-type';
import { bodyCapForFiles, formLimits } from '$lib/domain/limits';
import { formatPhone } from '$lib/domain/phone';
import * as applications from '$lib/server/applications';
import type { SessionUser } from '$lib/server/auth/session';
import { getDb, type Database } from '$lib/server/db';
import { text } from '$lib/server/forms';
import { documentStore } from '$lib/server/storage';
import { fileBytes, readForm } from '$lib/server/uploads';
import * as volunteers from '$lib/server/volunteers';
import type { Actions, PageServerLoad } from './$types';

/** The draft and the page asked for; a draft already submitted leads to its application. */
async function open(db: Database, user: SessionUser, params: { slug: string; id: string; page: string }) {
	const loaded = await applications.loadDraft(db, user.id, params.id);
	if (!loaded) {
		const submitted = await applications.viewForOwner(db, user, params.id);
		if (submitted) redirect(303, `/permohonan/${params.id}`);
		error(404, 'Formulir ini tidak ditemukan. Mungkin sudah dikirim atau dihapus.');
	}
	if (loaded.service.slug !== params.slug) error(404, 'Formulir ini tidak ditemukan.');
	const pages = journeyPages(loaded.service);
	const page = findPage(pages, params.page);
	if (!page) error(404, 'Langkah ini tidak ada.');
	// a volunteer's draft for a resident starts with who the resident is and how they agreed
	const resident = loaded.draft.resident;
	if (resident && !resident.consent) redirect(303, `/ajukan/${params.slug}/${params.id}/warga`);
	return { ...loaded, pages, page };
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { draft, service, documents, pages, page } = await open(getDb(), locals.user!, params);
	const base = `/ajukan/${service.slug}/${draft.id}`;
	const previous = pageBefore(pages, page.slug);
	const resident = draft.resident?.consent ? draft.resident : null;
	const common = {
		base,
		serviceName: service.name,
		progress: progress(pages, page.slug),
		backHref: previous ? `${base}/${previous.slug}` : resident ? `${base}/warga` : `/ajukan/${service.slug}`,
		fromCheck: url.searchParams.has('ubah'),
		/** Applying for a resident: every page says for whom. */
		resident: resident && {
			name: resident.name,
			phone: formatPhone(resident.phone),
			consent: volunteers.consentText(resident.consent!),
			href: `${base}/warga?ubah=1`
		}
	};

	switch (page.kind) {
		case 'fields': {
			// prefill who the applicant is, the first time only: the resident a volunteer applies for, or the account
			const answers = { ...draft.answers };
			const applicant = resident ?? locals.user!;
			answers.applicant_name ??= applicant.name;
			answers.applicant_phone ??= formatPhone(applicant.phone);
			return { ...common, kind: page.kind, step: page.step, answers };
		}
		case 'document': {
			const current = documents.find((d) => d.requirementKey === page.document.key);
			return {
				...common,
				kind: page.kind,
				document: page.document,
				uploaded: current ? { id: current.id, name: current.originalName, size: current.size } : null
			};
		}
		case 'check':
			return {
				...common,
				kind: page.kind,
				sections: pages.flatMap((p) =>
					p.kind === 'fields'
						? [
								{
									title: p.step.title,
									href: `${base}/${p.slug}?ubah=1`,
									rows: p.step.fields.map((f) => ({
										label: f.label,
										value: displayAnswer(f, draft.answers[f.key])
									}))
								}
							]
						: []
				),
				documents: pages.flatMap((p) =>
					p.kind === 'document'
						? [
								{
									label: p.document.label,
									required: p.document.required,
									href: `${base}/${p.slug}?ubah=1`,
									uploaded: documents.find((d) => d.requirementKey === p.document.key)?.id ?? null
								}
							]
						: []
				)
			};
		default: {
			const unknownPage: never = page;
			throw new Error(`unknown page ${JSON.stringify(unknownPage)}`);
		}
	}
};

export const actions: Actions = {
	/** Saves one page (answers or a document) and goes to the next. */
	simpan: async ({ params, locals, request, platform, url }) => {
		const db = getDb();
		const user = locals.user!;
		const { draft, service, documents, pages, page } = await open(db, user, params);
		const base = `/ajukan/${service.slug}/${draft.id}`;
		const next = url.searchParams.has('ubah') ? undefined : pageAfter(pages, page.slug);
		const goOn = () => redirect(303, `${base}/${next?.slug ?? 'periksa'}`);
		// read only up to the cap: one document (and the framing around it), or a page of text
		const read = await readForm(
			request,
			page.kind === 'document'
				? { maxBytes: bodyCapForFiles(1), maxFiles: 1, maxParts: formLimits.maxParts, tooBigMessage: fileMessages.tooBig }
				: { maxBytes: formLimits.textBodyBytes, maxFiles: 0, maxParts: formLimits.maxParts }
		);
		if (!read.ok) {
			const field = page.kind === 'document' ? 'file' : (page.kind === 'fields' ? page.step.fields[0]?.key : undefined) ?? 'file';
			return fail(read.status, { errors: { [field]: read.message } });
		}
		const form = read.form;

		if (page.kind === 'fields') {
			const input = Object.fromEntries(page.step.fields.map((f) => [f.key, text(form, f.key)]));
			const result = validateStep(page.step, input, draft.answers, new Date());
			if (!result.ok) return fail(400, { errors: result.errors, typed: result.typed });
			await applications.saveAnswers(db, draft.id, { ...draft.answers, ...result.values });
			goOn();
		}

		if (page.kind === 'document') {
			const chosen = await fileBytes(form.get('file'));
			const already = documents.some((d) => d.requirementKey === page.document.key);
			if (!chosen) {
				if (already || !page.document.required) goOn();
				return fail(400, { errors: { file: applications.fileMessages.missing(page.document.label) } });
			}
			const result = await applications.attachDocument(db, documentStore(platform), {
				applicationId: draft.id,
				requirementKey: page.document.key,
				bytes: chosen.bytes,
				originalName: chosen.name,
				uploadedBy: user.id
			});
			if (!result.ok) return fail(400, { errors: { file: applications.fileMessages[result.problem] } });
			goOn();
		}
		error(405, 'Halaman ini tidak menyimpan apa pun.');
	},

	/** Submits the application from the check page. Submitting twice is harmless. */
	kirim: async ({ params, locals }) => {
		const db = getDb();
		const user = locals.user!;
		const { draft, service, pages } = await open(db, user, params);
		const base = `/ajukan/${service.slug}/${draft.id}`;
		// for a resident: their recorded consent, stamped now with the volunteer's name
		const resident = draft.resident ? volunteers.residentForSubmit(draft.resident, user) : undefined;
		if (resident === null) {
			return fail(400, { problems: [{ message: volunteers.volunteerMessages.residentIncomplete, href: `${base}/warga?ubah=1` }] });
		}
		const result = await applications.submit(db, {
			id: draft.id,
			service,
			answers: draft.answers,
			applicant: user,
			resident
		});
		if (result.ok) redirect(303, `/permohonan/${result.application.id}?baru=1`);
		if (result.reason === 'not_yours') error(409, 'Permohonan ini sudah dikirim dari akun lain.');
		const problems = [
			...Object.entries(result.errors).map(([field, message]) => ({
				message,
				href: `${base}/${pageOfField(pages, field)?.slug ?? 'langkah-1'}?ubah=1`
			})),
			...result.missingDocuments.map((key) => {
				const page = pages.find((p) => p.kind === 'document' && p.document.key === key);
				const label = page?.kind === 'document' ? page.document.label : key;
				return { message: `${label} belum diunggah.`, href: `${base}/${page?.slug ?? 'periksa'}?ubah=1` };
			})
		];
		return fail(400, { problems });
	}
};

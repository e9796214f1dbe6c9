/**
 * The guided form's pages of a server-side draft (`/ajukan/[slug]/[id]/[page]`) beyond their glue: what
 * each page shows, saving one page (its answers or its document), and submitting from the check page.
 * The draft comes opened by the route (`openDraft`: only its owner's, through drafts.ts); documents are
 * attached through documents.ts, which asks access.ts again (`mayAttach`).
 */
import { validateStep } from '$lib/domain/fields';
import { fileMessages } from '$lib/domain/file-type';
import type { Journey, JourneyPage } from '$lib/domain/journey';
import { bodyCapForFiles, formLimits } from '$lib/domain/limits';
import { formatPhone } from '$lib/domain/phone';
import { residentForSubmit, residentWording } from '$lib/domain/resident';
import type { SessionUser } from './auth/session';
import type { Database } from './db/open';
import type { ServiceRow } from './db/schema';
import * as documentFiles from './documents';
import * as serverDrafts from './drafts';
import { text } from './forms';
import type { DocumentStore } from './storage';
import * as submission from './submission';
import { fileBytes, readForm } from './uploads';

type Loaded = NonNullable<Awaited<ReturnType<typeof serverDrafts.loadDraft>>>;

/** A draft opened for one of its pages (the route's `openDraft`). */
export interface OpenedPage {
	draft: Loaded['draft'];
	documents: Loaded['documents'];
	journey: Journey;
	page: JourneyPage;
	changing: boolean;
	href: (slug: string, change?: boolean) => string;
}

/** What a page shows; null for the resident page, which has its own route (warga/). */
export function pageView({ draft, documents, journey, page, href, changing }: OpenedPage, shown: { name: string; slug: string }, user: SessionUser) {
	const back = journey.back(page.slug, changing);
	const resident = journey.forResident ? draft.resident : null;
	const common = {
		serviceName: shown.name,
		progress: journey.progress(page.slug).text,
		backHref: back ? href(back.slug) : `/ajukan/${shown.slug}`,
		fromCheck: changing,
		/** Applying for a resident: every page says for whom. */
		forWhom: resident ? residentWording.forWhom(resident.name, formatPhone(resident.phone)) : null
	};
	switch (page.kind) {
		case 'fields':
			// who applies is filled in (the account, or the resident) and saved with this page like typed answers
			return { ...common, kind: page.kind, step: page.step, answers: journey.prefill(draft.answers, resident ?? user) };
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
			return null;
		default: {
			const unknownPage: never = page;
			throw new Error(`unknown page ${JSON.stringify(unknownPage)}`);
		}
	}
}

type Refused = { status: number; data: { errors: Record<string, string>; typed?: Record<string, string> } };

/**
 * Saves one page: 'saved' (go on), 'nothing' (a page that saves nothing), or why it is refused. The body is
 * read only up to its cap: one document (and the framing around it), or a page of text.
 */
export async function savePage(
	db: Database,
	store: () => DocumentStore,
	user: SessionUser,
	{ draft, documents, page }: OpenedPage,
	request: Request
): Promise<'saved' | 'nothing' | Refused> {
	const read = await readForm(
		request,
		page.kind === 'document'
			? { maxBytes: bodyCapForFiles(1), maxFiles: 1, maxParts: formLimits.maxParts, tooBigMessage: fileMessages.tooBig }
			: { maxBytes: formLimits.textBodyBytes, maxFiles: 0, maxParts: formLimits.maxParts }
	);
	if (!read.ok) {
		const field = page.kind === 'fields' ? (page.step.fields[0]?.key ?? 'file') : 'file';
		return { status: read.status, data: { errors: { [field]: read.message } } };
	}
	const form = read.form;

	if (page.kind === 'fields') {
		const input = Object.fromEntries(page.step.fields.map((f) => [f.key, text(form, f.key)]));
		const result = validateStep(page.step, input, draft.answers, new Date());
		if (!result.ok) return { status: 400, data: { errors: result.errors, typed: result.typed } };
		await serverDrafts.draftStore(db, user.id).saveAnswers(draft.id, result.values);
		return 'saved';
	}

	if (page.kind === 'document') {
		const chosen = await fileBytes(form.get('file'));
		const already = documents.some((d) => d.requirementKey === page.document.key);
		if (!chosen) {
			if (already || !page.document.required) return 'saved';
			return { status: 400, data: { errors: { file: documentFiles.fileMessages.missing(page.document.label) } } };
		}
		const result = await documentFiles.attachDocument(db, store(), {
			applicationId: draft.id,
			requirementKey: page.document.key,
			bytes: chosen.bytes,
			originalName: chosen.name,
			uploadedBy: user.id
		});
		if (!result.ok) return { status: 400, data: { errors: { file: documentFiles.fileMessages[result.problem] } } };
		return 'saved';
	}
	return 'nothing';
}

/**
 * Submits the draft from the check page (twice is harmless): the application's id, someone else's id
 * ('not_yours'), or the problems to fix, each with the page it is on.
 */
export async function submitDraft(
	db: Database,
	user: SessionUser,
	service: ServiceRow,
	{ draft, journey, href }: Pick<OpenedPage, 'draft' | 'journey' | 'href'>
): Promise<{ ok: true; id: string } | { ok: false; notYours: true } | { ok: false; problems: { message: string; href: string }[] }> {
	// for a resident: their recorded consent, stamped now with the volunteer's name
	const resident = journey.forResident ? residentForSubmit(draft.resident, user) : undefined;
	if (resident === null) return { ok: false, problems: [{ message: residentWording.errors.incomplete, href: href('warga', true) }] };
	const answers = journey.answersToSubmit(draft.answers, draft.resident);
	const result = await submission.submit(db, { id: draft.id, service, answers, applicant: user, resident });
	if (result.ok) return { ok: true, id: result.application.id };
	if (result.reason === 'not_yours') return { ok: false, notYours: true };
	const problems = journey.problems(result.errors, result.missingDocuments).map((p) => ({ message: p.message, href: href(p.page, true) }));
	return { ok: false, problems };
}

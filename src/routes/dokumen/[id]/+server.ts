import { error } from '@sveltejs/kit';
import * as documentFiles from '$lib/server/documents';
import * as casework from '$lib/server/casework';
import { getDb } from '$lib/server/db';
import { documentStore } from '$lib/server/storage';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/**
 * A document, only for those allowed to see it (applicant, helping volunteer, officers of the office).
 * Never cached, never framed, never run as a page.
 */
export const GET: RequestHandler = async ({ params, locals, platform }) => {
	const user = locals.user;
	// who may open it is decided by the user's relation to its application (access.ts, `document`)
	const document = user ? await documentFiles.documentForViewer(getDb(), user, params.id) : null;
	if (!user || !document) error(404, m.journey_document_not_found());
	const db = getDb();
	const [file] = await Promise.all([
		documentStore(platform).get(document.storageKey),
		// every officer's look at personal data is on the audit log
		user.role === 'officer'
			? casework.documentViewed(db, user, document.applicationId, document.requirementKey)
			: undefined
	]);
	if (!file) error(404, m.journey_document_not_found());
	const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }[
		document.contentType
	];
	return new Response(file.body, {
		headers: {
			'Content-Type': document.contentType,
			'Content-Length': String(file.size),
			'Content-Disposition': `inline; filename="dokumen-${document.requirementKey}.${extension ?? 'bin'}"`,
			'Cache-Control': 'private, no-store',
			'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
		}
	});
};

import { error, fail, redirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import * as applications from '$lib/server/applications';
import { getDb } from '$lib/server/db';
import { applications as table, services } from '$lib/server/db/schema';
import { decide } from '$lib/server/decisions';
import { text } from '$lib/server/forms';
import { documentStore } from '$lib/server/storage';
import type { Actions, PageServerLoad } from './$types';

/** Only what the officer asked about is shown and taken: the rest of the application stays as it was. */
async function openCorrection(userId: string, id: string) {
	if (!applications.isApplicationId(id)) error(404, 'Permohonan tidak ditemukan.');
	const [row] = await getDb()
		.select({ application: table, service: services })
		.from(table)
		.innerJoin(services, eq(services.slug, table.serviceSlug))
		.where(and(eq(table.id, id), eq(table.status, 'needs_correction')));
	const owner = row && (row.application.applicantId === userId || row.application.volunteerId === userId);
	if (!row || !owner || !row.application.correction) redirect(303, `/permohonan/${id}`);
	const asked = row.application.correction;
	return {
		application: row.application,
		service: row.service,
		asked,
		fields: row.service.steps.flatMap((s) => s.fields).filter((f) => asked.fields.includes(f.key)),
		documents: row.service.documents.filter((d) => asked.documents.includes(d.key))
	};
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const { application, service, asked, fields, documents } = await openCorrection(locals.user!.id, params.id);
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
		const user = locals.user!;
		const { fields, documents } = await openCorrection(user.id, params.id);
		const form = await request.formData();
		const typed = Object.fromEntries(fields.map((f) => [f.key, text(form, f.key)]));
		const db = getDb();
		for (const doc of documents) {
			const file = form.get(`dokumen-${doc.key}`);
			if (!(file instanceof File) || file.size === 0) continue;
			const stored = await applications.attachDocument(db, documentStore(platform), {
				applicationId: params.id,
				requirementKey: doc.key,
				bytes: new Uint8Array(await file.arrayBuffer()),
				originalName: file.name,
				uploadedBy: user.id
			});
			if (!stored.ok) return fail(400, { typed, message: `${doc.label}: ${applications.fileMessages[stored.problem]}` });
		}
		const outcome = await decide(db, { applicationId: params.id, action: 'resubmit', actor: user, answers: typed });
		if (!outcome.ok) return fail(400, { typed, message: outcome.message });
		redirect(303, `/permohonan/${params.id}`);
	}
};

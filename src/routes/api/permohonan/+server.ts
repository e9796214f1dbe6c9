/**
 * POST /api/permohonan: the phone's outbox sends a whole application here (multipart: `id`, `slug`,
 * `answers` as JSON, optional `resident` as JSON, one `dokumen-<key>` file per document).
 *
 * Answers: 200/201 { id, code, url } when made (or made before: the id is the idempotency key);
 * 401 when not logged in (the outbox waits for a login); 400/409 with { message, errors } when refused
 * (the outbox shows it for fixing and does not retry). Anything else is retried with back-off.
 */
import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { fileMessages } from '$lib/domain/file-type';
import * as applications from '$lib/server/applications';
import { getDb } from '$lib/server/db';
import { documentStore } from '$lib/server/storage';
import type { RequestHandler } from './$types';

const residentSchema = v.object({
	name: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(100)),
	phone: v.pipe(v.string(), v.regex(/^\+628\d{7,11}$/)),
	consent: v.object({
		by: v.picklist(['resident', 'parent']),
		how: v.picklist(['ticked', 'spoken']),
		name: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(100)),
		at: v.number(),
		volunteerName: v.string()
	})
});

export const POST: RequestHandler = async ({ request, locals, platform }) => {
	const user = locals.user;
	if (!user) return json({ message: 'Masuk dulu untuk mengirim permohonan.' }, { status: 401 });
	if (user.role !== 'citizen' && user.role !== 'volunteer') {
		return json({ message: 'Hanya warga dan relawan yang bisa mengajukan.' }, { status: 403 });
	}
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return json({ message: 'Kiriman tidak lengkap. Coba kirim lagi.' }, { status: 400 });
	}
	const answers = v.safeParse(v.record(v.string(), v.string()), safeJson(form.get('answers')));
	if (!answers.success) return json({ message: 'Jawaban tidak terbaca. Coba kirim lagi.' }, { status: 400 });
	const residentRaw = form.get('resident');
	const resident = residentRaw ? v.safeParse(residentSchema, safeJson(residentRaw)) : null;
	if (resident && !resident.success) return json({ message: 'Data warga yang dibantu tidak lengkap.' }, { status: 400 });

	const files: applications.CompleteSubmission['files'] = [];
	for (const [name, value] of form.entries()) {
		if (name.startsWith('dokumen-') && value instanceof File && value.size > 0) {
			files.push({ requirementKey: name.slice('dokumen-'.length), bytes: new Uint8Array(await value.arrayBuffer()), name: value.name });
		}
	}
	const result = await applications.submitComplete(getDb(), documentStore(platform), user, {
		id: String(form.get('id') ?? ''),
		serviceSlug: String(form.get('slug') ?? ''),
		answers: answers.output,
		files,
		// the consent is recorded under the name of the volunteer who is logged in, whatever the phone said
		resident: resident?.output && { ...resident.output, consent: { ...resident.output.consent, volunteerName: user.name } }
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
			return json({ message: 'Permohonan ini sudah dikirim dari akun lain.' }, { status: 409 });
		case 'unknown_service':
			return json({ message: 'Layanan ini tidak tersedia lagi.' }, { status: 400 });
		case 'bad_file':
			return json({ message: fileMessages[result.problem], errors: { [result.requirementKey]: fileMessages[result.problem] } }, { status: 400 });
		case 'invalid':
			return json(
				{ message: 'Ada yang perlu diperbaiki.', errors: result.errors, missingDocuments: result.missingDocuments },
				{ status: 400 }
			);
	}
};

function safeJson(value: FormDataEntryValue | null): unknown {
	if (typeof value !== 'string') return undefined;
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

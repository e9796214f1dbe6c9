/**
 * Every entry point validates with the same schema and the same caps: the phone's outbox API and the
 * form actions of the guided form. Real libSQL file database; the API handler and the actions are called
 * as SvelteKit calls them (only `getDb`, the handle getter, is pointed at the test database).
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileMessages, MAX_DOCUMENT_BYTES } from '../../src/lib/domain/file-type';
import { limitMessages, submissionLimits } from '../../src/lib/domain/limits';
import * as documentFiles from '../../src/lib/server/documents';
import * as serverDrafts from '../../src/lib/server/drafts';
import * as submission from '../../src/lib/server/submission';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Database } from '../../src/lib/server/db/open';
import { applicationDrafts, applications as applicationsTable, documents, services } from '../../src/lib/server/db/schema';
import { r2Store, type Bucket } from '../../src/lib/server/storage';
import { readCapped } from '../../src/lib/server/uploads';
import { decide } from '../../src/lib/server/decisions';
import * as casework from '../../src/lib/server/casework';
import { openAnswers } from '../../src/lib/server/crypto/answers';
import { keyring } from '../../src/lib/server/crypto/keys';
import { freshDatabase } from './db';
import { birthAnswers, memoryStore, person, submittedBirthApplication } from './fixtures';

const holder = vi.hoisted(() => ({ db: undefined as unknown as Database }));
vi.mock('$lib/server/db', () => ({ getDb: () => holder.db }));

const { POST } = await import('../../src/routes/api/permohonan/+server');
const { actions } = await import('../../src/routes/ajukan/[slug]/[id]/[page]/+page.server');

let db: Database;
let cleanup: () => void;
let citizen: SessionUser;
let other: SessionUser;

/** An in-memory R2 bucket, so that what is stored (and what is removed again) can be counted. */
const stored = new Map<string, Uint8Array>();
const bucket: Bucket = {
	async put(key, value) {
		stored.set(key, value);
	},
	async get(key) {
		const bytes = stored.get(key);
		return bytes ? { body: new Response(bytes as unknown as BodyInit).body!, size: bytes.byteLength } : null;
	},
	async delete(key) {
		stored.delete(key);
	}
};
const platform = { env: { DOCUMENTS: bucket } } as unknown as App.Platform;
const store = r2Store(bucket);
const photo = new Uint8Array(readFileSync('tests/fixtures/surat-lahir.jpg'));

/** A business-permit application: a service with no applicant-name field (the owner's name is asked). */
const permitAnswers = {
	owner_nik: '6372041503930002',
	owner_name: 'Budi Santoso',
	applicant_phone: '+6281311112222',
	nib: '1234567890123',
	business_line: 'Warung makan',
	business_name: 'Warung Acil Ina',
	business_address: 'Jl. A. Yani km 33, RT 02 RW 01',
	business_kelurahan: '63.72.04.1002'
};

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	holder.db = db;
	citizen = await person(db, 'Budi Santoso', '+6281311112222');
	other = await person(db, 'Orang Lain', '+6281311113333');
}, 60_000);
afterAll(() => cleanup());

function outboxForm(input: { id?: string; slug?: string; answers: unknown; files?: Record<string, Uint8Array | Uint8Array[]>; resident?: unknown }) {
	const form = new FormData();
	form.set('id', input.id ?? crypto.randomUUID());
	form.set('slug', input.slug ?? 'izin-usaha');
	form.set('answers', typeof input.answers === 'string' ? input.answers : JSON.stringify(input.answers));
	if (input.resident) form.set('resident', JSON.stringify(input.resident));
	for (const [key, files] of Object.entries(input.files ?? { owner_ktp: photo, location_photo: photo })) {
		for (const bytes of Array.isArray(files) ? files : [files]) {
			form.append(`dokumen-${key}`, new Blob([bytes as unknown as BlobPart], { type: 'image/jpeg' }), 'foto.jpg');
		}
	}
	return form;
}

async function post(user: SessionUser, body: BodyInit, headers: Record<string, string> = {}) {
	const request = new Request('http://localhost/api/permohonan', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
	const response = await POST({ request, locals: { user }, platform } as never);
	return { status: response.status, body: (await response.json()) as { message: string; errors?: Record<string, string>; id?: string } };
}

/** The stored application, its answers opened (NIK and No. KK are sealed at rest, server/crypto). */
const row = async (id: string) => {
	const found = (await db.select().from(applicationsTable).where(eq(applicationsTable.id, id)))[0];
	return found && { ...found, answers: await openAnswers(keyring(), found.answers, 'applications', id) };
};
const docsOf = (id: string) => db.select().from(documents).where(eq(documents.applicationId, id));

/** A body that makes its bytes only when read, and says how many were read. */
function countingBody(total: number, chunk = 64 * 1024) {
	const seen = { pulled: 0 };
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (seen.pulled >= total) return controller.close();
			const size = Math.min(chunk, total - seen.pulled);
			seen.pulled += size;
			controller.enqueue(new Uint8Array(size));
		}
	});
	return { stream, seen };
}

describe('the outbox API takes only the service fields, normalised', () => {
	it('makes the application from good answers and stores NIK and phone normalised', async () => {
		const id = crypto.randomUUID();
		const answers = { ...permitAnswers, owner_nik: '6372 0415 0393 0002', applicant_phone: '0813-1111-2222' };
		const { status } = await post(citizen, outboxForm({ id, answers }));
		expect(status).toBe(201);
		const made = await row(id);
		expect(made?.answers.owner_nik).toBe('6372041503930002');
		expect(made?.answers.applicant_phone).toBe('+6281311112222');
		expect(made?.applicantPhone).toBe('+6281311112222');
		expect(await docsOf(id)).toHaveLength(2);
	});

	it('refuses unknown keys with 400, naming them, and stores nothing', async () => {
		const id = crypto.randomUUID();
		const before = stored.size;
		const { status, body } = await post(citizen, outboxForm({ id, answers: { ...permitAnswers, is_admin: 'ya' } }));
		expect(status).toBe(400);
		expect(body.errors).toEqual({ is_admin: limitMessages.unknownField });
		expect(await row(id)).toBeUndefined();
		expect(await docsOf(id)).toHaveLength(0);
		expect(stored.size).toBe(before);
	});

	it('refuses a 5 MB value, 20,000 keys and 101 small keys', async () => {
		const huge = await post(citizen, outboxForm({ answers: { ...permitAnswers, business_line: 'a'.repeat(5 * 1024 * 1024) } }));
		expect(huge.status).toBe(400);
		expect(huge.body.message).toBe(limitMessages.answersTooBig(submissionLimits.maxAnswersBytes / 1024));

		const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, '']));
		expect((await post(citizen, outboxForm({ answers: many }))).status).toBe(400);

		const small = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, '']));
		const counted = await post(citizen, outboxForm({ answers: small }));
		expect(counted.status).toBe(400);
		expect(counted.body.message).toBe(limitMessages.tooManyAnswers(submissionLimits.maxAnswerKeys));
	});

	it('caps each value by its kind, under the JSON cap too', async () => {
		const id = crypto.randomUUID();
		const { status, body } = await post(citizen, outboxForm({ id, answers: { ...permitAnswers, owner_name: 'a'.repeat(101) } }));
		expect(status).toBe(400);
		expect(body.errors).toEqual({ owner_name: 'Paling banyak 100 karakter.' });
		expect(await row(id)).toBeUndefined();
	});

	it('never takes the applicant name from a key the service does not ask', async () => {
		const id = crypto.randomUUID();
		const result = await post(citizen, outboxForm({ id, answers: { ...permitAnswers, applicant_name: 'Penyusup' } }));
		expect(result.status).toBe(201);
		const made = await row(id);
		expect(made?.applicantName).toBe('Budi Santoso');
		expect(made?.answers).not.toHaveProperty('applicant_name');
	});

	it('refuses documents the service does not ask for, and the same document twice', async () => {
		const unknown = await post(citizen, outboxForm({ answers: permitAnswers, files: { owner_ktp: photo, location_photo: photo, selfie: photo } }));
		expect(unknown.status).toBe(400);
		expect(unknown.body.errors).toEqual({ 'dokumen-selfie': limitMessages.unknownDocument });
		const twice = await post(citizen, outboxForm({ answers: permitAnswers, files: { owner_ktp: [photo, photo], location_photo: photo } }));
		expect(twice.status).toBe(400);
		expect(twice.body.errors).toEqual({ 'dokumen-owner_ktp': limitMessages.duplicateDocument });
	});
});

describe('submitComplete (the same check without the HTTP caps)', () => {
	const service = async (slug: string) => (await db.select().from(services).where(eq(services.slug, slug)))[0]!;

	it('drops a 1 MB applicant_name on a service without that field; the name is the owner field', async () => {
		const id = crypto.randomUUID();
		const result = await submission.submitComplete(db, store, citizen, {
			id,
			serviceSlug: 'izin-usaha',
			answers: { ...permitAnswers, applicant_name: 'x'.repeat(1024 * 1024) },
			files: [
				{ requirementKey: 'owner_ktp', bytes: photo, name: 'ktp.jpg' },
				{ requirementKey: 'location_photo', bytes: photo, name: 'tempat.jpg' }
			]
		});
		expect(result.ok).toBe(true);
		const made = await row(id);
		expect(made?.applicantName).toBe('Budi Santoso');
		expect(JSON.stringify(made?.answers).length).toBeLessThan(1000);
	});

	it('refuses 20,000 unknown keys and a 5 MB value', async () => {
		const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 'x']));
		const a = await submission.submitComplete(db, store, citizen, { id: crypto.randomUUID(), serviceSlug: 'izin-usaha', answers: { ...permitAnswers, ...many }, files: [] });
		expect(a.ok === false && a.reason).toBe('invalid');
		const b = await submission.submitComplete(db, store, citizen, {
			id: crypto.randomUUID(),
			serviceSlug: 'izin-usaha',
			answers: { ...permitAnswers, business_address: 'a'.repeat(5 * 1024 * 1024) },
			files: []
		});
		expect(b).toEqual({ ok: false, reason: 'invalid', errors: { business_address: 'Paling banyak 300 karakter.' }, missingDocuments: [] });
	});

	it('submit (the check page) stores a NIK typed with spaces without them', async () => {
		const id = await serverDrafts.startDraft(db, citizen.id, 'akta-kelahiran');
		for (const requirementKey of ['birth_letter', 'kk_scan']) {
			await documentFiles.attachDocument(db, store, { applicationId: id, requirementKey, bytes: photo, originalName: 'foto.jpg', uploadedBy: citizen.id });
		}
		const result = await submission.submit(db, {
			id,
			service: await service('akta-kelahiran'),
			answers: { ...birthAnswers, applicant_nik: '6372 0415 0393 0002', kk_number: ' 6372 0401 0120 0003 ' },
			applicant: citizen
		});
		expect(result.ok).toBe(true);
		const made = await row(id);
		expect(made?.answers.applicant_nik).toBe('6372041503930002');
		expect(made?.answers.kk_number).toBe('6372040101200003');
	});
});

describe('a refused submission leaves no document behind', () => {
	const storedFor = async (id: string) => (await docsOf(id)).length;

	it('a bad second file: nothing is stored, not even the good first one', async () => {
		const id = crypto.randomUUID();
		const before = stored.size;
		const result = await post(citizen, outboxForm({ id, answers: permitAnswers, files: { owner_ktp: photo, location_photo: new TextEncoder().encode('not a photo') } }));
		expect(result.status).toBe(400);
		expect(result.body.errors).toEqual({ location_photo: fileMessages.wrongType });
		expect(await storedFor(id)).toBe(0);
		expect(stored.size).toBe(before);
	});

	it('a missing required document: the documents stored for it are removed, rows and bytes', async () => {
		const id = crypto.randomUUID();
		const before = stored.size;
		const result = await post(citizen, outboxForm({ id, answers: permitAnswers, files: { owner_ktp: photo } }));
		expect(result.status).toBe(400);
		expect(result.body).toMatchObject({ message: 'Ada yang perlu diperbaiki.', missingDocuments: ['location_photo'] });
		expect(await storedFor(id)).toBe(0);
		expect(stored.size).toBe(before);
	});

	it("someone else's id: refused with 409 and nothing of the second sender is kept", async () => {
		const id = crypto.randomUUID();
		expect((await post(citizen, outboxForm({ id, answers: permitAnswers }))).status).toBe(201);
		const mine = (await docsOf(id)).map((d) => d.id).sort();
		const before = stored.size;
		const second = await post(other, outboxForm({ id, answers: permitAnswers }));
		expect(second.status).toBe(409);
		expect((await docsOf(id)).map((d) => d.id).sort()).toEqual(mine);
		expect(stored.size).toBe(before);
	});
});

describe('bodies are read only up to their cap', () => {
	it('refuses a declared Content-Length over the cap without reading a byte', async () => {
		const { stream, seen } = countingBody(60 * 1024 * 1024);
		const result = await post(citizen, stream, {
			'content-type': 'multipart/form-data; boundary=x',
			'content-length': String(60 * 1024 * 1024)
		});
		expect(result.status).toBe(413);
		expect(result.body.message).toBe(limitMessages.bodyTooBig(submissionLimits.maxBodyBytes));
		expect(seen.pulled).toBeLessThanOrEqual(64 * 1024 * 2);
	});

	it('stops reading a body without a length as soon as it passes the cap', async () => {
		const { stream, seen } = countingBody(60 * 1024 * 1024);
		const result = await post(citizen, stream, { 'content-type': 'multipart/form-data; boundary=x' });
		expect(result.status).toBe(413);
		// read up to the cap and at most a few chunks more (the stream's own read-ahead), never the 60 MB
		expect(seen.pulled).toBeGreaterThan(submissionLimits.maxBodyBytes);
		expect(seen.pulled).toBeLessThan(submissionLimits.maxBodyBytes + 1024 * 1024);
	});

	it('readCapped gives back the bytes under the cap and gives up past it', async () => {
		const under = countingBody(1000, 100);
		expect(await readCapped(under.stream, 1000)).toHaveLength(1000);
		const over = countingBody(10_000, 100);
		expect(await readCapped(over.stream, 1000)).toBe('too_big');
		expect(over.seen.pulled).toBeLessThan(1500);
	});

	it('refuses more files than a request may carry', async () => {
		const files = Object.fromEntries(Array.from({ length: submissionLimits.maxFiles + 1 }, (_, i) => [`f${i}`, photo]));
		const result = await post(citizen, outboxForm({ answers: permitAnswers, files }));
		expect(result.status).toBe(400);
		expect(result.body.message).toBe(limitMessages.tooManyFiles(submissionLimits.maxFiles));
	});
});

describe('the guided form (form actions) uses the same checks', () => {
	async function simpan(id: string, page: string, body: BodyInit, headers: Record<string, string> = {}) {
		const url = new URL(`http://localhost/ajukan/izin-usaha/${id}/${page}?/simpan`);
		const request = new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
		try {
			return await actions.simpan!({ params: { slug: 'izin-usaha', id, page }, locals: { user: citizen }, request, platform, url } as never);
		} catch (thrown) {
			return thrown as { status: number; location: string };
		}
	}
	const draftAnswers = async (id: string) =>
		openAnswers(
			keyring(),
			(await db.select().from(applicationDrafts).where(and(eq(applicationDrafts.id, id), eq(applicationDrafts.userId, citizen.id))))[0]!.answers,
			'application_drafts',
			id
		);

	it('saves a page with the NIK and phone normalised', async () => {
		const id = await serverDrafts.startDraft(db, citizen.id, 'izin-usaha');
		const form = new FormData();
		form.set('owner_nik', '6372 0415 0393 0002');
		form.set('owner_name', ' Budi Santoso ');
		form.set('applicant_phone', '0813 1111 2222');
		const result = await simpan(id, 'langkah-1', form);
		expect(result).toMatchObject({ status: 303, location: `/ajukan/izin-usaha/${id}/langkah-2` });
		expect(await draftAnswers(id)).toEqual({ owner_nik: '6372041503930002', owner_name: 'Budi Santoso', applicant_phone: '+6281311112222' });
	});

	it('refuses an over-long name with the maximum and gives back what was typed', async () => {
		const id = await serverDrafts.startDraft(db, citizen.id, 'izin-usaha');
		const form = new FormData();
		form.set('owner_nik', '6372041503930002');
		form.set('owner_name', 'a'.repeat(101));
		form.set('applicant_phone', '081311112222');
		const result = (await simpan(id, 'langkah-1', form)) as { status: number; data: { errors: Record<string, string>; typed: Record<string, string> } };
		expect(result.status).toBe(400);
		expect(result.data.errors).toEqual({ owner_name: 'Paling banyak 100 karakter.' });
		expect(result.data.typed.owner_name).toBe('a'.repeat(101));
		expect(await draftAnswers(id)).toEqual({});
	});

	it('refuses a document over 10 MB while reading it (413), storing nothing', async () => {
		const id = await serverDrafts.startDraft(db, citizen.id, 'izin-usaha');
		const { stream, seen } = countingBody(50 * 1024 * 1024);
		const result = (await simpan(id, 'dokumen-1', stream, { 'content-type': 'multipart/form-data; boundary=x' })) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(result.status).toBe(413);
		expect(result.data.errors).toEqual({ file: fileMessages.tooBig });
		expect(seen.pulled).toBeLessThan(MAX_DOCUMENT_BYTES + 2 * 1024 * 1024);
		expect(await docsOf(id)).toHaveLength(0);
	});

	it('refuses two files on a page that takes one', async () => {
		const id = await serverDrafts.startDraft(db, citizen.id, 'izin-usaha');
		const form = new FormData();
		form.append('file', new Blob([photo as unknown as BlobPart], { type: 'image/jpeg' }), 'a.jpg');
		form.append('file', new Blob([photo as unknown as BlobPart], { type: 'image/jpeg' }), 'b.jpg');
		const result = (await simpan(id, 'dokumen-1', form)) as { status: number; data: { errors: Record<string, string> } };
		expect(result.status).toBe(400);
		expect(result.data.errors).toEqual({ file: limitMessages.tooManyFiles(1) });
		expect(await docsOf(id)).toHaveLength(0);
	});
});

describe("officers' notes and reasons are capped, saying the maximum", () => {
	it('a rejection reason, a correction note, a pickup note and a revocation reason of 1,001 characters are refused; 1,000 pass', async () => {
		const officer = await person(db, 'Dewi', '+6281311114444', 'officer', 'disdukcapil');
		const docs = memoryStore();
		const long = 'a'.repeat(1001);

		const rejected = await submittedBirthApplication(db, docs, citizen, new Date());
		expect((await decide(db, { applicationId: rejected.id, action: 'claim', actor: officer })).ok).toBe(true);
		expect(await decide(db, { applicationId: rejected.id, action: 'reject', actor: officer, note: long })).toEqual({
			ok: false,
			message: 'Alasan terlalu panjang. Paling banyak 1000 karakter.'
		});
		const correction = { fields: ['child_name'], documents: [] };
		expect(await decide(db, { applicationId: rejected.id, action: 'request_correction', actor: officer, note: long, correction })).toEqual({
			ok: false,
			message: 'Catatan terlalu panjang. Paling banyak 1000 karakter.'
		});
		expect((await decide(db, { applicationId: rejected.id, action: 'reject', actor: officer, note: 'a'.repeat(1000) })).ok).toBe(true);

		const completed = await submittedBirthApplication(db, docs, citizen, new Date());
		for (const action of ['claim', 'approve'] as const) {
			expect((await decide(db, { applicationId: completed.id, action, actor: officer, note: 'Berkas dicek di loket.' })).ok).toBe(true);
		}
		expect(await decide(db, { applicationId: completed.id, action: 'complete', actor: officer, result: { kind: 'pickup', pickupNote: long } })).toEqual({
			ok: false,
			message: 'Catatan pengambilan terlalu panjang. Paling banyak 1000 karakter.'
		});
		expect((await row(completed.id))?.status).toBe('approved');
		expect((await decide(db, { applicationId: completed.id, action: 'complete', actor: officer, result: { kind: 'issued' } })).ok).toBe(true);
		expect(await casework.revokeResult(db, officer, completed.id, long)).toEqual({
			ok: false,
			message: 'Alasan terlalu panjang. Paling banyak 1000 karakter.'
		});
		expect(await casework.revokeResult(db, officer, completed.id, 'Salah cetak nama.')).toEqual({ ok: true });
	});

	it('the checklist keeps only requirement keys, however many others are posted', async () => {
		const officer = await person(db, 'Sari', '+6281311116666', 'officer', 'disdukcapil');
		const app = await submittedBirthApplication(db, memoryStore(), citizen, new Date());
		expect((await decide(db, { applicationId: app.id, action: 'claim', actor: officer })).ok).toBe(true);
		const forged = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, true]));
		expect(await casework.setChecklist(db, officer, app.id, { ...forged, r1: true, r99: true, 'syarat-2': true })).toEqual({ ok: true });
		expect((await row(app.id))?.checklist).toEqual({ r1: true });
	});
});

/**
 * Input from outside: oversized and unknown answers through the phone's API and the server form, uploads
 * over the cap (while watching the server's memory), too many files, somebody else's application id, and
 * the race on one id. What the server keeps is read back from its database.
 */
import { expect, test } from '@playwright/test';
import { demo, e2eDatabase, openStoredAnswers, uniquePhone } from '../e2e/helpers';
import { birthAnswers, birthApplication, multipart, photo, submitWhole } from './applications';
import { alive, form, registerCitizen, rssMiB, send, serverPid, session, Tally } from './support';

const tally = new Tally('input');
test.afterAll(() => tally.write());

async function documentsOf(id: string) {
	const db = e2eDatabase();
	try {
		const rows = await db.execute({ sql: 'select uploaded_by from documents where application_id = ?', args: [id] });
		return rows.rows.map((r) => String(r.uploaded_by));
	} finally {
		db.close();
	}
}

async function applicationRow(id: string) {
	const db = e2eDatabase();
	try {
		const rows = await db.execute({ sql: 'select applicant_id, applicant_name, answers, status from applications where id = ?', args: [id] });
		return rows.rows[0] ?? null;
	} finally {
		db.close();
	}
}

test('the API accepts only the service’s own answers, within their caps, and stores them normalised', async () => {
	const cookie = await registerCitizen('Warga Uji Masukan', uniquePhone());
	const many: Record<string, string> = { ...birthAnswers() };
	for (let i = 0; i < 20_000; i++) many[`k${i}`] = 'x';
	const cases: [string, Record<string, string>][] = [
		['an unknown key', { ...birthAnswers(), is_admin: 'ya' }],
		['a 5 MB value', { ...birthAnswers(), child_birth_place: 'x'.repeat(5 * 1024 * 1024) }],
		['20,000 keys', many],
		['a 1 MB applicant name', { ...birthAnswers(), applicant_name: 'A'.repeat(1024 * 1024) }],
		['a 10 KB child name', { ...birthAnswers(), child_name: 'Budi '.repeat(2000) }],
		['a NIK with letters', { ...birthAnswers(), applicant_nik: '63720415O3930002' }],
		['a value that is not text', { ...birthAnswers(), child_name: ['a', 'b'] as unknown as string }]
	];
	for (const [what, answers] of cases) {
		const reply = await submitWhole(cookie, { answers });
		const stored = await applicationRow(reply.id);
		const docs = await documentsOf(reply.id);
		tally.check('oversized and unknown answers', reply.status >= 400 && reply.status < 500 && !stored, `${what} → ${reply.status}`);
		tally.check('refused submissions leave no documents', docs.length === 0, `${what}: ${docs.length} documents left`);
	}

	const spaced = await submitWhole(cookie, { answers: { ...birthAnswers(), applicant_nik: '6372 0415 0393 0002', kk_number: '6372-0401-0120-0003' } });
	expect(spaced.status, spaced.body.slice(0, 300)).toBe(201);
	const row = await applicationRow(spaced.id);
	// sealed at rest (NIK and No. KK): compared as typed, and never plain in the row
	const sealed = JSON.parse(String(row?.answers ?? '{}')) as Record<string, string>;
	tally.check('NIK and No. KK sealed at rest', sealed.applicant_nik?.startsWith('pdp1:') === true && sealed.kk_number?.startsWith('pdp1:') === true, `stored ${sealed.applicant_nik?.slice(0, 5)}`);
	const answers = await openStoredAnswers(spaced.id, sealed);
	tally.check('same normalisation on every path', answers.applicant_nik === '6372041503930002' && answers.kk_number === '6372040101200003', `stored ${answers.applicant_nik} / ${answers.kk_number}`);
});

test('too many files, a file under an unknown requirement and a fake photo are refused and leave nothing stored', async () => {
	const cookie = await registerCitizen('Warga Uji Berkas', uniquePhone());
	// small files, so that it is their number that is refused, not the body's size
	const tiny = photo.subarray(0, 20_000);
	const files: Record<string, Uint8Array> = {};
	for (let i = 0; i < 40; i++) files[`dokumen-birth_letter-${i}`] = tiny;
	const cases: [string, Record<string, Uint8Array>][] = [
		['40 files', files],
		['a file for a document the service does not ask for', { 'dokumen-birth_letter': photo, 'dokumen-kk_scan': photo, 'dokumen-ijazah': photo }],
		['an executable named .jpg', { 'dokumen-birth_letter': new Uint8Array(Buffer.from('MZ\u0090\u0000 not a photo')), 'dokumen-kk_scan': photo }]
	];
	for (const [what, f] of cases) {
		const reply = await submitWhole(cookie, { files: f });
		tally.check('uploads', reply.status >= 400 && reply.status < 500, `${what} → ${reply.status}`);
		tally.check('refused submissions leave no documents', (await documentsOf(reply.id)).length === 0, `${what}: documents left`);
	}
});

async function* slowBytes(total: number, chunk = 1024 * 1024): AsyncIterable<Uint8Array> {
	const block = new Uint8Array(chunk).fill(0x41);
	for (let sent = 0; sent < total; sent += chunk) yield block;
}

test('an upload over the cap is refused while it is read, and the server’s memory stays flat', async () => {
	const cookie = await registerCitizen('Warga Uji Unggah', uniquePhone());
	const pid = serverPid();
	const before = pid ? rssMiB(pid) : null;
	const head = await multipart({ id: crypto.randomUUID(), slug: 'akta-kelahiran', answers: JSON.stringify(birthAnswers()) });
	const boundary = /boundary=(.+)$/.exec(head.headers['content-type'])![1]!;
	const bigPart = (async function* () {
		yield new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="dokumen-birth_letter"; filename="besar.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
		yield* slowBytes(50 * 1024 * 1024);
	})();
	const declared = await send('/api/permohonan', {
		method: 'POST',
		cookie,
		headers: { 'content-type': head.headers['content-type'], 'content-length': String(50 * 1024 * 1024 + 500) },
		body: bigPart,
		timeoutMs: 60_000
	});
	tally.check('uploads', declared.status === 413 || declared.status === 400 || declared.status === 0, `50 MB with Content-Length → ${declared.status}`);

	// five at once, chunked (no Content-Length): each is cut off at the cap
	const chunked = await Promise.all(
		Array.from({ length: 5 }, () =>
			send('/api/permohonan', {
				method: 'POST',
				cookie,
				headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
				body: (async function* () {
					yield new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="dokumen-kk_scan"; filename="b.jpg"\r\n\r\n`);
					yield* slowBytes(50 * 1024 * 1024);
				})(),
				timeoutMs: 60_000
			})
		)
	);
	for (const reply of chunked) tally.check('uploads', reply.status === 413 || reply.status === 400 || reply.status === 0, `50 MB chunked → ${reply.status}`);
	expect(await alive()).toBe(true);
	if (pid && before !== null) {
		const after = rssMiB(pid)!;
		// 300 MB went in; a server reading bodies whole would have grown by hundreds of MB
		tally.check('uploads', after - before < 120, `server memory grew ${Math.round(after - before)} MiB (from ${Math.round(before)})`);
	}
});

test('an application id belongs to its first author: reuse is refused, and a race leaves one owner', async () => {
	const a = await registerCitizen('Warga Pertama', uniquePhone());
	const b = await registerCitizen('Warga Kedua', uniquePhone());

	const first = await submitWhole(a);
	expect(first.status).toBe(201);
	const reuse = await submitWhole(b, { id: first.id });
	tally.check('application ids', reuse.status === 409, `another user reuses a submitted id → ${reuse.status}`);

	// a server draft (the no-JavaScript form) of A, taken by B through the API
	const started = await send('/ajukan/akta-kelahiran', { method: 'POST', cookie: a, ...form({}) });
	const draftId = /\/ajukan\/akta-kelahiran\/([0-9a-f-]{36})/.exec(started.location)?.[1];
	expect(draftId, `draft started: ${started.status} ${started.location}`).toBeTruthy();
	const taken = await submitWhole(b, { id: draftId });
	tally.check('application ids', taken.status === 409, `another user submits someone's draft id → ${taken.status}`);
	const db = e2eDatabase();
	try {
		const draft = await db.execute({ sql: 'select user_id from application_drafts where id = ?', args: [draftId!] });
		const owner = await db.execute({ sql: "select id from users where id = (select user_id from application_drafts where id = ?)", args: [draftId!] });
		tally.check('application ids', draft.rows.length === 1 && owner.rows.length === 1 && !(await applicationRow(draftId!)), 'the draft is still A’s and no application was made from it');
	} finally {
		db.close();
	}

	// the race: both send the same fresh id at once, ten times each
	const id = crypto.randomUUID();
	const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => submitWhole(i % 2 ? a : b, { id })));
	const made = replies.filter((r) => r.status === 201).length;
	const row = await applicationRow(id);
	const uploaders = new Set(await documentsOf(id));
	tally.check('application ids', made === 1 && !!row, `20 racing submissions → ${made} created`);
	tally.check('application ids', uploaders.size === 1 && uploaders.has(String(row?.applicant_id)), `documents of the application uploaded by: ${[...uploaders].length} users`);
	expect(replies.every((r) => [200, 201, 409].includes(r.status)), replies.map((r) => r.status).join(',')).toBe(true);
});

test('officer notes, reasons and pickup notes are capped; a refused decision changes nothing', async () => {
	const own = await birthApplication();
	const officer = await session(demo('officer', 'disdukcapil').phone, demo('officer', 'disdukcapil').password);
	const claimed = await send(`/petugas/permohonan/${own.id}?/claim`, { method: 'POST', cookie: officer, ...form({}) });
	expect(claimed.status).toBe(303);
	for (const [action, field] of [['reject', 'note'], ['request_correction', 'note'], ['complete', 'pickupNote']] as const) {
		const body: Record<string, string> = { [field]: 'panjang '.repeat(20_000) };
		if (action === 'request_correction') body.fields = 'child_name';
		if (action === 'complete') body.kind = 'pickup';
		const reply = await send(`/petugas/permohonan/${own.id}?/${action}`, { method: 'POST', cookie: officer, ...form(body) });
		tally.check('oversized officer text', reply.status === 400, `${action} with a 160 KB ${field} → ${reply.status}`);
	}
	const row = await applicationRow(own.id);
	tally.check('oversized officer text', row?.status === 'in_review', `status after the refusals: ${row?.status}`);
});

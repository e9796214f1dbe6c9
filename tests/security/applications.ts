/** Real applications for the attack suite, made the way the phone's outbox makes them (`POST /api/permohonan`). */
import { readFileSync } from 'node:fs';
import { e2eDatabase, uniquePhone } from '../e2e/helpers';
import { birthAnswersBornOn } from '../fixtures/answers';
import { registerCitizen, send, type Reply } from './support';

const photo = readFileSync('tests/fixtures/surat-lahir.jpg');

/** A WITA date `days` before today, as the birth form expects it. */
function daysAgo(days: number): string {
	const wita = new Date(Date.now() + 8 * 3600_000 - days * 86_400_000);
	return wita.toISOString().slice(0, 10);
}

export function birthAnswers(): Record<string, string> {
	return birthAnswersBornOn(daysAgo(5));
}

/** A multipart body as a browser's FormData would send it. */
export async function multipart(fields: Record<string, string>, files: Record<string, Uint8Array> = {}) {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	for (const [k, bytes] of Object.entries(files)) data.append(k, new Blob([bytes as BlobPart], { type: 'image/jpeg' }), `${k}.jpg`);
	const response = new Response(data);
	return {
		headers: { 'content-type': response.headers.get('content-type')! },
		body: new Uint8Array(await response.arrayBuffer())
	};
}

export async function submitWhole(
	cookie: string,
	input: { id?: string; answers?: Record<string, string>; files?: Record<string, Uint8Array>; extra?: Record<string, string> } = {}
): Promise<Reply & { id: string }> {
	const id = input.id ?? crypto.randomUUID();
	const body = await multipart(
		{ id, slug: 'akta-kelahiran', answers: JSON.stringify(input.answers ?? birthAnswers()), ...input.extra },
		input.files ?? { 'dokumen-birth_letter': photo, 'dokumen-kk_scan': photo }
	);
	const reply = await send('/api/permohonan', { method: 'POST', cookie, ...body });
	return { ...reply, id };
}

/** A fresh citizen with one submitted birth-certificate application. */
export async function birthApplication() {
	const cookie = await registerCitizen('Warga Uji Keamanan', uniquePhone());
	const reply = await submitWhole(cookie);
	if (reply.status !== 201) throw new Error(`submission failed: ${reply.status} ${reply.body.slice(0, 300)}`);
	const db = e2eDatabase();
	try {
		const docs = await db.execute({ sql: 'select id from documents where application_id = ? limit 1', args: [reply.id] });
		return { id: reply.id, cookie, documentId: String(docs.rows[0]!.id) };
	} finally {
		db.close();
	}
}

export { photo };

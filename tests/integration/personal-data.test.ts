/**
 * Personal data at rest (UU PDP 27/2022, issue 14): NIK, No. KK and a child's data are sealed in the
 * database file, bound to their row; the NIK blind index finds an application; documents are sealed in the
 * store; a key rotation re-seals everything and the app still reads it.
 */
import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applications from '../../src/lib/server/applications';
import * as serverDrafts from '../../src/lib/server/drafts';
import type { SessionUser } from '../../src/lib/server/auth/session';
import * as casework from '../../src/lib/server/casework';
import { decide } from '../../src/lib/server/decisions';
import { openAnswers } from '../../src/lib/server/crypto/answers';
import { installKeyring, keyring } from '../../src/lib/server/crypto/keys';
import { resealAll } from '../../src/lib/server/crypto/rotate';
import { keyringFrom, newKeySpec, SealError, sealedWith, isSealedBytes } from '../../src/lib/server/crypto/sealing';
import type { Database } from '../../src/lib/server/db/open';
import { applicationEvents, applications as table, documents, nikIndex } from '../../src/lib/server/db/schema';
import { sealedStore } from '../../src/lib/server/storage';
import { freshDatabase, testKeySpec } from './db';
import { birthAnswers, memoryStore, person, submittedBirthApplication, wita } from './fixtures';

let db: Database;
let cleanup: () => void;
const raw = memoryStore();
const store = sealedStore(raw);
let citizen: SessionUser;
let other: SessionUser;
let dewi: SessionUser;
let rudi: SessionUser;

beforeAll(async () => {
	installKeyring(await keyringFrom(testKeySpec));
	({ db, cleanup } = await freshDatabase());
	citizen = await person(db, 'Ahmad Fauzi', '081311112222');
	other = await person(db, 'Siti Aminah', '081311113333');
	dewi = await person(db, 'Dewi Petugas', '081311114444', 'officer', 'disdukcapil');
	rudi = await person(db, 'Rudi Perizinan', '081311115555', 'officer', 'dpmptsp');
});
afterAll(() => cleanup());

/** Byte equality without a deep diff of 600 KB (slow in the matcher). */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

const NIKS = [birthAnswers.mother_nik, birthAnswers.father_nik, birthAnswers.kk_number];

/** The database's file and its write-ahead log, as bytes: what someone with the disk would read. */
async function databaseBytes(): Promise<Buffer> {
	const [main] = (await db.all(sql`SELECT file FROM pragma_database_list WHERE name = 'main'`)) as { file: string }[];
	const file = main!.file;
	const parts = [readFileSync(file)];
	try {
		parts.push(readFileSync(`${file}-wal`));
	} catch {
		// no write-ahead log at the moment
	}
	return Buffer.concat(parts);
}

describe('the database file', () => {
	it('holds no NIK, No. KK or child’s name in plain text, though the officer reads them all', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T09:00:00'));
		const bytes = await databaseBytes();
		for (const value of [...NIKS, birthAnswers.child_name]) {
			expect(bytes.includes(Buffer.from(value)), `${value} in the file`).toBe(false);
			// nor as the NIK written in groups of four
			expect(bytes.includes(Buffer.from(value.match(/.{1,4}/g)!.join(' ')))).toBe(false);
		}
		// a value the law does not single out stays readable for lists and searches
		expect(bytes.includes(Buffer.from(birthAnswers.mother_name))).toBe(true);

		const opened = await casework.openForOfficer(db, dewi, app.id);
		expect(opened?.application.answers.mother_nik).toBe(birthAnswers.mother_nik);
		expect(opened?.application.answers.child_name).toBe(birthAnswers.child_name);
	});

	it('a sealed value moved to another row (or another field) does not open there', async () => {
		const a = await submittedBirthApplication(db, store, citizen, wita('2026-11-23T10:00:00'));
		const b = await submittedBirthApplication(db, store, other, wita('2026-11-23T10:05:00'));
		const [rowA] = await db.select().from(table).where(eq(table.id, a.id));
		const stolen = rowA!.answers.mother_nik!;
		expect(stolen).toMatch(/^pdp1:test1:/);
		await expect(openAnswers(keyring(), { mother_nik: stolen }, 'applications', b.id)).rejects.toThrow(SealError);
		await expect(openAnswers(keyring(), { father_nik: stolen }, 'applications', a.id)).rejects.toThrow(SealError);
		// in its own place it opens
		expect(await openAnswers(keyring(), { mother_nik: stolen }, 'applications', a.id)).toEqual({ mother_nik: birthAnswers.mother_nik });

		// copied inside the database, the officer's page refuses to show it rather than show a wrong NIK
		const [rowB] = await db.select().from(table).where(eq(table.id, b.id));
		await db.update(table).set({ answers: { ...rowB!.answers, mother_nik: stolen } }).where(eq(table.id, b.id));
		await expect(casework.openForOfficer(db, dewi, b.id)).rejects.toThrow(SealError);
		await db.update(table).set({ answers: rowB!.answers }).where(eq(table.id, b.id));
	});

	it('documents are sealed in the store, bound to their key, and read back whole', async () => {
		const photo = new Uint8Array(readFileSync('tests/fixtures/surat-lahir.jpg'));
		await store.put('dokumen/uji1', photo, 'image/jpeg');
		const [at] = [...(await Promise.all([raw.get('dokumen/uji1')]))];
		const sealedBytes = new Uint8Array(await new Response(at!.body).arrayBuffer());
		expect(isSealedBytes(sealedBytes)).toBe(true);
		expect(sameBytes(sealedBytes.subarray(0, 3), photo.subarray(0, 3))).toBe(false); // no JPEG header at rest
		const back = await store.get('dokumen/uji1');
		expect(sameBytes(new Uint8Array(await new Response(back!.body).arrayBuffer()), photo)).toBe(true);
		expect(back!.size).toBe(photo.byteLength);
		// copied under another key it does not open
		await raw.put('dokumen/uji2', sealedBytes, 'image/jpeg');
		await expect(store.get('dokumen/uji2')).rejects.toThrow(SealError);
		// a file stored before encryption is read as it is
		await raw.put('dokumen/lama', photo, 'image/jpeg');
		expect(sameBytes(new Uint8Array(await new Response((await store.get('dokumen/lama'))!.body).arrayBuffer()), photo)).toBe(true);
	});
});

describe('the NIK blind index', () => {
	it('finds an application by any of its NIKs, only for officers of its office', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-24T09:00:00'));
		const found = await applications.findByNik(db, dewi, birthAnswers.mother_nik);
		expect(found.map((f) => f.id)).toContain(app.id);
		expect(found.find((f) => f.id === app.id)?.fieldKey).toBe('mother_nik');
		// written as people write it, in groups of four
		const spaced = await applications.findByNik(db, dewi, '6372 0452 0495 0001');
		expect(spaced.map((f) => f.id)).toContain(app.id);
		expect(await applications.findByNik(db, rudi, birthAnswers.mother_nik)).toEqual([]);
		expect(await applications.findByNik(db, citizen, birthAnswers.mother_nik)).toEqual([]);
		expect((await applications.findByNik(db, dewi, '6372045204950009')).map((f) => f.id)).not.toContain(app.id);
		// the index holds keyed digests, never the NIK
		const rows = await db.select().from(nikIndex).where(eq(nikIndex.applicationId, app.id));
		expect(rows.map((r) => r.fieldKey).sort()).toEqual(['applicant_nik', 'father_nik', 'mother_nik']);
		for (const row of rows) expect(row.digest).not.toContain('6372');
	});
});

describe('key rotation', () => {
	it('re-seals every value and document with the new key; with only the new key the app still reads it all', async () => {
		const app = await submittedBirthApplication(db, store, citizen, wita('2026-11-25T09:00:00'));
		// a row from before encryption: plain answers, as an older database holds them
		const legacy = await submittedBirthApplication(db, store, other, wita('2026-11-25T09:05:00'));
		await db.update(table).set({ answers: birthAnswers }).where(eq(table.id, legacy.id));
		await db.delete(nikIndex).where(eq(nikIndex.applicationId, legacy.id));
		// a resubmission: the log keeps the corrected child's name, sealed
		await decide(db, { applicationId: app.id, action: 'claim', actor: dewi });
		await decide(db, { applicationId: app.id, action: 'request_correction', actor: dewi, note: 'Nama anak salah eja.', correction: { fields: ['child_name'], documents: [] } });
		expect(await decide(db, { applicationId: app.id, action: 'resubmit', actor: citizen, answers: { child_name: 'Muhammad Rizky' } })).toMatchObject({ ok: true });
		const draftId = await serverDrafts.startDraft(db, citizen.id, 'akta-kelahiran');
		await serverDrafts.draftStore(db, citizen.id).saveAnswers(draftId, { mother_nik: birthAnswers.mother_nik });

		const next = newKeySpec('test2');
		const both = await keyringFrom(`${next},${testKeySpec}`);
		installKeyring(both);
		const count = await resealAll(db, both, raw);
		expect(count.applications).toBeGreaterThanOrEqual(2);
		expect(count.drafts).toBeGreaterThanOrEqual(1);
		expect(count.events).toBe(1);
		expect(count.documents).toBeGreaterThanOrEqual(4);

		// only the new key from here on: the old one can be dropped
		installKeyring(await keyringFrom(next));
		try {
			for (const row of await db.select().from(table)) {
				for (const key of ['mother_nik', 'father_nik', 'applicant_nik', 'kk_number', 'child_name']) {
					const value = row.answers[key];
					if (value) expect(sealedWith(value), `${row.id} ${key}`).toBe('test2');
				}
			}
			for (const id of [app.id, legacy.id]) {
				const opened = await casework.openForOfficer(db, dewi, id);
				expect(opened?.application.answers.mother_nik).toBe(birthAnswers.mother_nik);
			}
			const found = (await applications.findByNik(db, dewi, birthAnswers.mother_nik)).map((f) => f.id);
			expect(found).toEqual(expect.arrayContaining([app.id, legacy.id]));
			const draft = await serverDrafts.draftStore(db, citizen.id).load(draftId);
			expect(draft?.answers.mother_nik).toBe(birthAnswers.mother_nik);
			const [doc] = await db.select().from(documents).where(eq(documents.applicationId, app.id));
			const file = await store.get(doc!.storageKey);
			expect(sameBytes(new Uint8Array(await new Response(file!.body).arrayBuffer()), readFileSync('tests/fixtures/surat-lahir.jpg'))).toBe(true);
			expect(sealedWith(new Uint8Array(await new Response((await raw.get(doc!.storageKey))!.body).arrayBuffer()))).toBe('test2');
			const [event] = await db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.type, 'resubmitted')));
			const resent = (event!.data as { answers: Record<string, string> }).answers;
			expect(sealedWith(resent.child_name!)).toBe('test2');
			expect(await openAnswers(keyring(), resent, 'application_events', app.id)).toEqual({ child_name: 'Muhammad Rizky' });
			// running it again is harmless
			await resealAll(db, keyring(), raw);
			expect((await casework.openForOfficer(db, dewi, app.id))?.application.answers.child_name).toBe('Muhammad Rizky');
		} finally {
			installKeyring(await keyringFrom(testKeySpec));
		}
	});

	it('the event log stays append-only: only re-sealing a resubmission’s answers is allowed', async () => {
		const refused = await db.run(sql`UPDATE application_events SET note = 'diubah' WHERE id = (SELECT min(id) FROM application_events)`).catch((e: Error) => e);
		expect(String((refused as Error).cause ?? refused)).toMatch(/append-only/);
		// re-sealing answers into plain text is refused too
		const plain = await db
			.run(sql`UPDATE application_events SET data = json_set(data, '$.answers.child_name', 'Muhammad Rizky') WHERE type = 'resubmitted'`)
			.catch((e: Error) => e);
		expect(String((plain as Error).cause ?? plain)).toMatch(/append-only/);
	});
});

/** People and submitted applications for integration tests, made through the real feature functions. */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import * as accounts from '../../src/lib/server/accounts';
import * as documentFiles from '../../src/lib/server/documents';
import * as serverDrafts from '../../src/lib/server/drafts';
import * as submission from '../../src/lib/server/submission';
import type { SessionUser } from '../../src/lib/server/auth/session';
import type { Database } from '../../src/lib/server/db/open';
import { services, users } from '../../src/lib/server/db/schema';
import type { DocumentStore } from '../../src/lib/server/storage';
import { birthAnswersBornOn } from '../fixtures/answers';

export const wita = (iso: string) => new Date(`${iso}+08:00`);

export async function person(
	db: Database,
	name: string,
	phone: string,
	role: SessionUser['role'] = 'citizen',
	officeId: SessionUser['officeId'] = null
): Promise<SessionUser> {
	await accounts.register(db, { name, phone, password: 'sungai kemuning jernih' }, role);
	if (officeId) await db.update(users).set({ officeId }).where(eq(users.phone, phone));
	const [row] = await db.select().from(users).where(eq(users.phone, phone));
	return { id: row!.id, name, phone, role, officeId };
}

export const birthAnswers = birthAnswersBornOn('2026-11-01');

/** A storage that keeps bytes in memory: for tests whose subject is not storage. */
export function memoryStore(): DocumentStore {
	const files = new Map<string, { bytes: Uint8Array; contentType: string }>();
	return {
		async put(key, bytes, contentType) {
			files.set(key, { bytes, contentType });
		},
		async get(key) {
			const file = files.get(key);
			return file ? { body: new Response(file.bytes as unknown as BodyInit).body!, contentType: file.contentType, size: file.bytes.byteLength } : null;
		},
		async delete(key) {
			files.delete(key);
		}
	};
}

/** A submitted birth-certificate application with its two required photos. */
export async function submittedBirthApplication(db: Database, store: DocumentStore, applicant: SessionUser, now: Date) {
	const id = await serverDrafts.startDraft(db, applicant.id, 'akta-kelahiran', now);
	const photo = new Uint8Array(readFileSync('tests/fixtures/surat-lahir.jpg'));
	for (const requirementKey of ['birth_letter', 'kk_scan']) {
		await documentFiles.attachDocument(db, store, {
			applicationId: id,
			requirementKey,
			bytes: photo,
			originalName: 'foto.jpg',
			uploadedBy: applicant.id,
			now
		});
	}
	const [service] = await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'));
	const result = await submission.submit(db, { id, service: service!, answers: birthAnswers, applicant, now });
	if (!result.ok) throw new Error(`submit failed: ${JSON.stringify(result)}`);
	return result.application;
}

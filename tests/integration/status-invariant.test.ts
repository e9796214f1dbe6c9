/**
 * The invariant of the event model: the status stored on an application always equals the status derived
 * from its stored events (domain/events.ts, `deriveStatus`). Random sequences of actions, valid and not,
 * run through the real feature functions on a real libSQL file; after every step the row and the log must
 * agree, and a refused action must leave both as they were.
 */
import { readFileSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveStatus } from '../../src/lib/domain/events';
import { actions, allowedActions, type Action } from '../../src/lib/domain/workflow';
import * as documentFiles from '../../src/lib/server/documents';
import type { SessionUser } from '../../src/lib/server/auth/session';
import * as casework from '../../src/lib/server/casework';
import type { Database } from '../../src/lib/server/db/open';
import { applicationEvents, applications as table } from '../../src/lib/server/db/schema';
import { decide, type DecisionInput } from '../../src/lib/server/decisions';
import { openAnswers } from '../../src/lib/server/crypto/answers';
import { keyring } from '../../src/lib/server/crypto/keys';
import { freshDatabase } from './db';
import { memoryStore, person, submittedBirthApplication, wita } from './fixtures';

let db: Database;
let cleanup: () => void;
const store = memoryStore();
let citizen: SessionUser, dewi: SessionUser, rina: SessionUser;
const photo = new Uint8Array(readFileSync('tests/fixtures/surat-lahir.jpg'));

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	citizen = await person(db, 'Ahmad Fauzi', '+6281311112222');
	dewi = await person(db, 'Dewi', '+6281311114444', 'officer', 'disdukcapil');
	rina = await person(db, 'Rina', '+6281311116666', 'officer', 'disdukcapil');
});
afterAll(() => cleanup());

/** A small seeded generator (mulberry32): a failing sequence can be replayed from its seed. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

async function stored(id: string) {
	const [row] = await db.select().from(table).where(eq(table.id, id));
	const events = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.id));
	return { row: row!, events };
}

async function expectInvariant(id: string, step: string) {
	const { row, events } = await stored(id);
	expect(deriveStatus(events), step).toBe(row.status);
	// each status-changing event says where it came from and went, in order
	const moves = events.filter((e) => e.toStatus !== null);
	expect(moves.at(-1)?.toStatus, step).toBe(row.status);
	for (let i = 1; i < moves.length; i++) expect(moves[i]!.fromStatus, step).toBe(moves[i - 1]!.toStatus);
}

/** The input that makes `action` acceptable (or at least well-formed) for this application now. */
async function inputFor(action: Action, id: string, actor: SessionUser, now: Date, pick: () => number): Promise<DecisionInput> {
	const base = { applicationId: id, action, actor, now };
	switch (action) {
		case 'request_correction':
			return pick() < 0.5
				? { ...base, note: 'Nama anak tidak sesuai surat lahir.', correction: { fields: ['child_name'], documents: [] } }
				: { ...base, note: 'Foto KK buram.', correction: { fields: [], documents: ['kk_scan'] } };
		case 'resubmit': {
			// the citizen replaces what was asked: a new photo for an asked document, a new value for a field
			await documentFiles.attachDocument(db, store, {
				applicationId: id,
				requirementKey: 'kk_scan',
				bytes: photo,
				originalName: 'kk-baru.jpg',
				uploadedBy: citizen.id,
				now
			});
			return { ...base, answers: { child_name: `Muhammad Rizki ${Math.floor(pick() * 100)}` } };
		}
		case 'reject':
			return { ...base, note: 'Data tidak dapat diverifikasi.' };
		case 'approve':
			return { ...base, note: 'Diperiksa di loket.' };
		case 'complete':
			return { ...base, result: { kind: 'pickup', pickupNote: 'Ambil di kantor Disdukcapil, bawa kode lacak.' } };
		case 'claim':
		case 'cancel':
			return base;
	}
}

describe('stored status = status derived from the stored events', () => {
	it.each([1, 2, 3, 4, 5, 6, 7, 8])('random action sequence, seed %i', async (seed) => {
		const pick = random(seed);
		let now = wita('2026-11-23T08:00:00');
		const tick = () => (now = new Date(now.getTime() + 45 * 60_000));
		const app = await submittedBirthApplication(db, store, citizen, now);
		await expectInvariant(app.id, 'after submit');
		for (let step = 0; step < 14; step++) {
			tick();
			const { row } = await stored(app.id);
			const officer = row.assignedOfficerId === rina.id || (!row.assignedOfficerId && pick() < 0.3) ? rina : dewi;
			const roll = pick();
			let label: string;
			if (roll < 0.15) {
				// events that leave the status alone, interleaved: an officer's look, the checklist
				await casework.openForOfficer(db, officer, app.id, now);
				await casework.setChecklist(db, officer, app.id, {}, now);
				label = `step ${step}: look and checklist`;
			} else {
				const valid = [...allowedActions(row.status, 'officer'), ...allowedActions(row.status, 'applicant')];
				// mostly a valid action; sometimes any action at all, which must be refused or be valid
				const action = roll < 0.3 || valid.length === 0 ? actions[Math.floor(pick() * actions.length)]! : valid[Math.floor(pick() * valid.length)]!;
				const actor = allowedActions(row.status, 'applicant').includes(action) || action === 'cancel' || action === 'resubmit' ? citizen : officer;
				const before = await stored(app.id);
				const outcome = await decide(db, await inputFor(action, app.id, actor, now, pick));
				label = `step ${step}: ${action} by ${actor.name} from ${row.status} → ${outcome.ok ? outcome.status : 'refused'}`;
				const after = await stored(app.id);
				if (!outcome.ok) {
					expect(after.row.status, label).toBe(before.row.status);
					expect(after.events.filter((e) => e.toStatus).length, label).toBe(before.events.filter((e) => e.toStatus).length);
				} else {
					expect(after.row.status, label).toBe(outcome.status);
				}
			}
			await expectInvariant(app.id, label);
		}
	});

	it('the log, not only the row, keeps the correction asked and the answers resubmitted', async () => {
		const now = wita('2026-11-24T09:00:00');
		const app = await submittedBirthApplication(db, store, citizen, now);
		await decide(db, { applicationId: app.id, action: 'claim', actor: dewi, now });
		const asked = { fields: ['child_name'], documents: [] };
		await decide(db, { applicationId: app.id, action: 'request_correction', actor: dewi, note: 'Nama anak salah eja.', correction: asked, now });
		const resubmitted = await decide(db, { applicationId: app.id, action: 'resubmit', actor: citizen, answers: { child_name: 'Muhammad Rizky' }, now });
		expect(resubmitted).toMatchObject({ ok: true });
		const { row, events } = await stored(app.id);
		expect(row.correction).toBeNull(); // the row forgets once the correction is answered
		expect(events.find((e) => e.type === 'correction_requested')?.data).toEqual({ ...asked, note: 'Nama anak salah eja.' });
		const resent = events.find((e) => e.type === 'resubmitted')?.data as { answers: Record<string, string>; documents: string[] };
		expect(resent.documents).toEqual([]);
		// the child's name is sealed in the log too, and opens only as this application's event
		expect(resent.answers.child_name).toMatch(/^pdp1:/);
		expect(await openAnswers(keyring(), resent.answers, 'application_events', app.id)).toEqual({ child_name: 'Muhammad Rizky' });
	});

	it('a log that skips a step of the workflow derives no status', () => {
		expect(deriveStatus([{ type: 'submitted' }, { type: 'approved' }])).toBeNull();
		expect(deriveStatus([{ type: 'claimed' }])).toBeNull();
		expect(deriveStatus([{ type: 'submitted' }, { type: 'viewed' }, { type: 'claimed' }, { type: 'checklist' }])).toBe('in_review');
	});
});

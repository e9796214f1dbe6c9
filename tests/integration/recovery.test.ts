/**
 * A forgotten password by one-time code over the fake SMS provider: the code leaves through the outbox,
 * the right code (once) sets the new password and ends the old sessions; wrong codes, old codes, too
 * many sends and a number with no account are all handled; nothing is sent when nothing is configured.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as accounts from '../../src/lib/server/accounts';
import * as session from '../../src/lib/server/auth/session';
import type { Database } from '../../src/lib/server/db/open';
import { loginThrottle, noticeOutbox, users } from '../../src/lib/server/db/schema';
import { checkCode, sendCode } from '../../src/lib/server/notify/codes';
import { configureNotify, readNotifyConfig, type NotifyConfig } from '../../src/lib/server/notify/config';
import { drainOutbox } from '../../src/lib/server/notify/outbox';
import * as recovery from '../../src/lib/server/recovery';
import { fakeZenziva, type FakeProvider } from '../support/fake-providers';
import { freshDatabase } from './db';
import { birthAnswers, memoryStore, person, wita } from './fixtures';
import * as documentFiles from '../../src/lib/server/documents';
import * as serverDrafts from '../../src/lib/server/drafts';
import * as submission from '../../src/lib/server/submission';
import { services } from '../../src/lib/server/db/schema';
import * as verified from '../../src/lib/server/verified-phone';
import { readFileSync } from 'node:fs';

let db: Database;
let cleanup: () => void;
let sms: FakeProvider;
let config: NotifyConfig;
const phone = '+6281322223333';
const address = '203.0.113.7';

beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
	sms = await fakeZenziva();
	config = readNotifyConfig({ ORIGIN: 'https://layanan.test', ZENZIVA_API_URL: `${sms.url}/reguler/api/sendsms/`, ZENZIVA_USERKEY: 'u', ZENZIVA_PASSKEY: 'p' });
	configureNotify(config);
	await person(db, 'Lina', phone);
});
afterAll(async () => {
	configureNotify(readNotifyConfig({}));
	await sms.close();
	cleanup();
});
beforeEach(async () => {
	sms.requests.length = 0;
	await db.delete(loginThrottle);
});

/** The code in the last SMS the fake received. */
async function receivedCode() {
	await drainOutbox(db, { config });
	const message = sms.requests.at(-1)?.form?.message ?? '';
	return /(\d{6})/.exec(message)?.[1] ?? '';
}

describe('resetting a forgotten password', () => {
	it('sends a code by SMS, refuses a wrong one, takes the right one once, and ends the old sessions', async () => {
		const before = await accounts.login(db, { phone, password: 'sungai kemuning jernih' }, address);
		expect(before.ok).toBe(true);
		expect(await recovery.requestReset(db, phone, address)).toEqual({ ok: true, channel: 'sms' });
		const code = await receivedCode();
		expect(code).toMatch(/^\d{6}$/);
		expect(sms.requests.at(-1)!.form).toMatchObject({ to: '6281322223333' });
		expect(sms.requests.at(-1)!.form!.message).toMatch(/berlaku 5 menit/i);
		// the code is not stored, only its hash
		const [row] = await db.select().from(noticeOutbox).where(eq(noticeOutbox.kind, 'code'));
		expect(row!.channel).toBe('sms');

		const wrong = code === '000000' ? '000001' : '000000';
		expect(await recovery.resetPassword(db, { phone, code: wrong, password: 'perahu di martapura' }, address)).toEqual({ ok: false, reason: 'wrong', triesLeft: 4 });
		const done = await recovery.resetPassword(db, { phone, code, password: 'perahu di martapura' }, address);
		expect(done.ok).toBe(true);
		expect(await recovery.resetPassword(db, { phone, code, password: 'perahu lain lagi' }, address)).toEqual({ ok: false, reason: 'expired' });
		// the new password works, the old one not, the old session is gone, the number is confirmed
		expect((await accounts.login(db, { phone, password: 'perahu di martapura' }, address)).ok).toBe(true);
		expect((await accounts.login(db, { phone, password: 'sungai kemuning jernih' }, address)).ok).toBe(false);
		if (before.ok) expect(await session.validate(db, before.token)).toBeNull();
		const [account] = await db.select().from(users).where(eq(users.phone, phone));
		expect(account!.phoneVerifiedAt).not.toBeNull();
	});

	it('answers the same for a number without an account, and sends nothing', async () => {
		const outboxBefore = (await db.select().from(noticeOutbox)).length;
		expect(await recovery.requestReset(db, '+6281399990000', address)).toEqual({ ok: true, channel: 'sms' });
		expect(await db.select().from(noticeOutbox)).toHaveLength(outboxBefore);
	});

	it('only the newest code counts, and five wrong tries use a code up', async () => {
		await recovery.requestReset(db, phone, address);
		const first = await receivedCode();
		await recovery.requestReset(db, phone, address);
		const second = await receivedCode();
		if (first !== second) {
			expect(await checkCode(db, { phone, purpose: 'reset', code: first, address })).toMatchObject({ ok: false });
		}
		const wrong = second === '000000' ? '000001' : '000000';
		for (let i = 0; i < 4; i++) await checkCode(db, { phone, purpose: 'reset', code: wrong, address });
		expect(await checkCode(db, { phone, purpose: 'reset', code: wrong, address })).toEqual({ ok: false, reason: 'expired' });
		expect(await checkCode(db, { phone, purpose: 'reset', code: second, address })).toEqual({ ok: false, reason: 'expired' });
	});

	it('pauses a number after three codes in a quarter of an hour', async () => {
		const other = '+6281355556666';
		const now = new Date('2026-12-02T04:00:00Z');
		for (let i = 0; i < 3; i++) expect(await sendCode(db, { phone: other, purpose: 'verify', address }, now, config)).toMatchObject({ ok: true });
		expect(await sendCode(db, { phone: other, purpose: 'verify', address }, now, config)).toMatchObject({ ok: false, reason: 'paused' });
		// another number from the same address is still served
		expect(await sendCode(db, { phone: '+6281355557777', purpose: 'verify', address }, now, config)).toMatchObject({ ok: true });
	});

	it('expires a code after five minutes', async () => {
		const now = new Date('2026-12-02T05:00:00Z');
		await sendCode(db, { phone: '+6281366667777', purpose: 'verify', address: '198.51.100.1' }, now, config);
		await drainOutbox(db, { config, now: () => now });
		const code = /(\d{6})/.exec(sms.requests.at(-1)!.form!.message!)![1]!;
		const later = new Date(now.getTime() + 5 * 60_000 + 1);
		expect(await checkCode(db, { phone: '+6281366667777', purpose: 'verify', code, address: '198.51.100.1' }, later)).toEqual({ ok: false, reason: 'expired' });
	});

	it('says plainly that no code can be sent when no provider is configured', async () => {
		expect(await sendCode(db, { phone, purpose: 'reset', address }, new Date(), readNotifyConfig({}))).toEqual({ ok: false, reason: 'unavailable' });
	});
});

describe('a confirmed number', () => {
	it('lets its owner take an application a volunteer made for it, without the tracking code', async () => {
		const volunteer = await person(db, 'Rudi', '+6281377770000', 'volunteer');
		const residentPhone = '+6281377771111';
		const now = wita('2026-11-23T09:00:00');
		const store = memoryStore();
		const id = await serverDrafts.startDraft(db, volunteer.id, 'akta-kelahiran', now);
		const photo = new Uint8Array(readFileSync('tests/fixtures/surat-lahir.jpg'));
		for (const requirementKey of ['birth_letter', 'kk_scan']) {
			await documentFiles.attachDocument(db, store, { applicationId: id, requirementKey, bytes: photo, originalName: 'f.jpg', uploadedBy: volunteer.id, now });
		}
		const [service] = await db.select().from(services).where(eq(services.slug, 'akta-kelahiran'));
		const submitted = await submission.submit(db, {
			id,
			service: service!,
			answers: birthAnswers,
			applicant: volunteer,
			resident: { name: 'Mak Inah', phone: residentPhone, consent: { by: 'resident', how: 'spoken', name: 'Mak Inah', at: now.getTime(), volunteerName: 'Rudi' } },
			now
		});
		expect(submitted.ok).toBe(true);

		const resident = await person(db, 'Mak Inah', residentPhone);
		// not confirmed yet: nothing to take, and taking is refused
		expect(await verified.claimable(db, resident)).toEqual([]);
		expect(await verified.claimByPhone(db, resident, id)).toBe(false);

		expect(await verified.sendVerification(db, resident, '192.0.2.9')).toEqual({ ok: true, channel: 'sms' });
		const code = await receivedCode();
		expect(await verified.confirm(db, resident, code, '192.0.2.9')).toEqual({ ok: true });
		expect((await verified.claimable(db, resident)).map((a) => a.id)).toEqual([id]);
		// someone else with an unconfirmed account cannot take it
		const other = await person(db, 'Orang Lain', '+6281377772222');
		expect(await verified.claimByPhone(db, other, id)).toBe(false);
		expect(await verified.claimByPhone(db, resident, id)).toBe(true);
		expect(await verified.claimByPhone(db, resident, id)).toBe(false);
		expect(await verified.claimable(db, resident)).toEqual([]);
	});
});

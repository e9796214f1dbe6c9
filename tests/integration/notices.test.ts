/**
 * Notices outside the app, against a real libSQL file and the local fake providers: queued in the batch
 * of their event, addressed to the right person and number, sent once, retried with back-off, failed for
 * the admin to see, never sent twice by two senders at once, and nothing queued when nothing is configured.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as documentFiles from '../../src/lib/server/documents';
import * as serverDrafts from '../../src/lib/server/drafts';
import * as submission from '../../src/lib/server/submission';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { openDatabase, type Database } from '../../src/lib/server/db/open';
import { noticeOutbox, notifications, services, users } from '../../src/lib/server/db/schema';
import { decide } from '../../src/lib/server/decisions';
import { configureNotify, readNotifyConfig, type NotifyConfig } from '../../src/lib/server/notify/config';
import { drainOutbox, failedMessages, outboxCounts } from '../../src/lib/server/notify/outbox';
import { formatTrackingCode } from '../../src/lib/domain/tracking-code';
import { checkTemplateMessage, fakePushService, fakeWhatsApp, fakeZenziva, type FakeProvider } from '../support/fake-providers';
import { pushSubscriptions } from '../../src/lib/server/db/schema';
import { base64url } from '../../src/lib/server/notify/web-push';
import { freshDatabase } from './db';
import { birthAnswers, memoryStore, person, submittedBirthApplication, wita } from './fixtures';

let db: Database;
let dbUrl: string;
let cleanup: () => void;
let whatsapp: FakeProvider;
let sms: FakeProvider;
const store = memoryStore();
let citizen: SessionUser, dewi: SessionUser, volunteer: SessionUser;

const configWith = (parts: { whatsapp?: boolean; sms?: boolean }, extra: Record<string, string> = {}): NotifyConfig =>
	readNotifyConfig({
		ORIGIN: 'https://layanan.test',
		...(parts.whatsapp ? { WHATSAPP_API_URL: `${whatsapp.url}/v23.0`, WHATSAPP_PHONE_NUMBER_ID: '1234567890', WHATSAPP_TOKEN: 'rahasia' } : {}),
		...(parts.sms ? { ZENZIVA_API_URL: `${sms.url}/reguler/api/sendsms/`, ZENZIVA_USERKEY: 'u', ZENZIVA_PASSKEY: 'p' } : {}),
		NOTIFY_RETRY_MS: '1000',
		NOTIFY_RETRY_MAX_MS: '4000',
		NOTIFY_MAX_ATTEMPTS: '3',
		// generous: a busy machine answers slowly; the timeout test sets its own short one
		NOTIFY_TIMEOUT_MS: '5000',
		...extra
	});

beforeAll(async () => {
	({ db, cleanup, url: dbUrl } = await freshDatabase());
	whatsapp = await fakeWhatsApp({ token: 'rahasia' });
	sms = await fakeZenziva();
	citizen = await person(db, 'Ahmad Fauzi', '+6281311112222');
	dewi = await person(db, 'Dewi', '+6281311114444', 'officer', 'disdukcapil');
	volunteer = await person(db, 'Rudi', '+6281311117777', 'volunteer');
});
afterAll(async () => {
	configureNotify(readNotifyConfig({}));
	await whatsapp.close();
	await sms.close();
	cleanup();
});
beforeEach(async () => {
	whatsapp.requests.length = 0;
	whatsapp.mode = 'ok';
	sms.requests.length = 0;
	sms.mode = 'ok';
	await db.delete(noticeOutbox);
});

async function askCorrection(applicant: SessionUser, at: string) {
	const app = await submittedBirthApplication(db, store, applicant, wita(`${at}T09:00:00`));
	await decide(db, { applicationId: app.id, action: 'claim', actor: dewi, now: wita(`${at}T10:00:00`) });
	const asked = await decide(db, {
		applicationId: app.id,
		action: 'request_correction',
		actor: dewi,
		note: 'Foto KK buram.',
		correction: { fields: [], documents: ['kk_scan'] },
		now: wita(`${at}T11:00:00`)
	});
	expect(asked).toMatchObject({ ok: true });
	return app;
}

describe('queued with the event', () => {
	it('queues nothing outside the app when no provider is configured; the in-app notice is still there', async () => {
		configureNotify(configWith({}));
		const app = await askCorrection(citizen, '2026-11-23');
		expect(await db.select().from(noticeOutbox)).toEqual([]);
		const inApp = await db.select().from(notifications).where(eq(notifications.applicationId, app.id));
		expect(inApp.map((n) => n.text)).toContainEqual(expect.stringMatching(/perlu perbaikan/));
	});

	it('queues one WhatsApp message per notice for the applicant’s own number, with the code and the link', async () => {
		const config = configWith({ whatsapp: true });
		configureNotify(config);
		const app = await askCorrection(citizen, '2026-11-24');
		const rows = await db.select().from(noticeOutbox).where(eq(noticeOutbox.applicationId, app.id));
		// claim and correction request each send a notice
		expect(rows.map((r) => [r.channel, r.phone, r.status])).toEqual([
			['whatsapp', '+6281311112222', 'pending'],
			['whatsapp', '+6281311112222', 'pending']
		]);
		const correction = rows.find((r) => r.text.includes('perlu perbaikan'))!;
		expect(correction.params).toEqual([formatTrackingCode(app.trackingCode), `/permohonan/${app.id}`]);

		expect(await drainOutbox(db, { config })).toEqual({ sent: 2, retried: 0, failed: 0 });
		expect(whatsapp.requests).toHaveLength(2);
		const sent = whatsapp.requests.map((r) => r.json as any).find((b) => b.template.components[0].parameters[1].text.includes('perlu perbaikan'));
		expect(checkTemplateMessage(sent)).toEqual([]);
		expect(sent).toMatchObject({ messaging_product: 'whatsapp', to: '6281311112222', type: 'template', template: { name: 'kabar_permohonan', language: { code: 'id' } } });
		expect(sent.template.components[0].parameters.map((p: { text: string }) => p.text)).toEqual([
			formatTrackingCode(app.trackingCode),
			expect.stringMatching(/perlu perbaikan\.$/),
			'Baca catatan petugas lalu kirim perbaikannya.',
			`https://layanan.test/permohonan/${app.id}`
		]);
		expect(whatsapp.requests[0]!.headers.authorization).toBe('Bearer rahasia');
		// a second run finds nothing more to send
		expect(await drainOutbox(db, { config })).toEqual({ sent: 0, retried: 0, failed: 0 });
		expect(whatsapp.requests).toHaveLength(2);
		expect((await outboxCounts(db)).sent).toBe(2);
	});

	it('honours the account’s choice: SMS, or no phone messages at all', async () => {
		const config = configWith({ whatsapp: true, sms: true });
		configureNotify(config);
		const smsUser = await person(db, 'Sari', '+6281311118888');
		await db.update(users).set({ noticeByPhone: 'sms' }).where(eq(users.id, smsUser.id));
		const quiet = await person(db, 'Tono', '+6281311119999');
		await db.update(users).set({ noticeByPhone: 'none' }).where(eq(users.id, quiet.id));
		const bySms = await askCorrection(smsUser, '2026-11-25');
		const none = await askCorrection(quiet, '2026-11-26');
		expect((await db.select().from(noticeOutbox).where(eq(noticeOutbox.applicationId, bySms.id))).map((r) => r.channel)).toEqual(['sms', 'sms']);
		expect(await db.select().from(noticeOutbox).where(eq(noticeOutbox.applicationId, none.id))).toEqual([]);
		await drainOutbox(db, { config });
		expect(whatsapp.requests).toHaveLength(0);
		expect(sms.requests).toHaveLength(2);
		expect(sms.requests[0]!.form).toMatchObject({ userkey: 'u', passkey: 'p', to: '6281311118888' });
		expect(sms.requests.map((r) => r.form!.message)).toContainEqual(
			expect.stringMatching(new RegExp(`perlu perbaikan.*https://layanan\\.test/permohonan/${bySms.id}$`))
		);
	});

	it('reaches the resident a volunteer helped on the resident’s own number, with a tracking link', async () => {
		const config = configWith({ whatsapp: true });
		configureNotify(config);
		const now = wita('2026-11-27T09:00:00');
		const id = await serverDrafts.startDraft(db, volunteer.id, 'akta-kelahiran', now);
		const { readFileSync } = await import('node:fs');
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
			resident: {
				name: 'Mak Inah',
				phone: '+6285200001111',
				consent: { by: 'resident', how: 'spoken', name: 'Mak Inah', at: now.getTime(), volunteerName: 'Rudi' }
			},
			now
		});
		if (!submitted.ok) throw new Error(JSON.stringify(submitted));
		await decide(db, { applicationId: id, action: 'claim', actor: dewi, now: wita('2026-11-27T10:00:00') });
		const rows = await db.select().from(noticeOutbox).where(eq(noticeOutbox.applicationId, id));
		expect(rows.map((r) => [r.channel, r.phone, r.userId, r.params[1]])).toEqual([
			['whatsapp', '+6285200001111', null, `/lacak?kode=${submitted.application.trackingCode}`]
		]);
	});
});

describe('the sender', () => {
	it('retries a failing provider with growing waits, then marks the message failed for the admin', async () => {
		const config = configWith({ whatsapp: true });
		configureNotify(config);
		const app = await askCorrection(citizen, '2026-11-30');
		await db.delete(noticeOutbox).where(eq(noticeOutbox.text, (await db.select().from(noticeOutbox))[0]!.text));
		whatsapp.mode = 'fail';
		let clock = Date.now();
		const now = () => new Date(clock);
		expect(await drainOutbox(db, { config, now })).toEqual({ sent: 0, retried: 1, failed: 0 });
		const [first] = await db.select().from(noticeOutbox).where(eq(noticeOutbox.applicationId, app.id));
		expect(first).toMatchObject({ status: 'pending', attempts: 1 });
		expect(first!.nextAttemptAt.getTime() - clock).toBe(1000);
		expect(first!.lastError).toMatch(/HTTP 503/);
		// not due yet: nothing is tried
		expect(await drainOutbox(db, { config, now })).toEqual({ sent: 0, retried: 0, failed: 0 });
		clock += 1000;
		expect(await drainOutbox(db, { config, now })).toEqual({ sent: 0, retried: 1, failed: 0 });
		const [second] = await db.select().from(noticeOutbox).where(eq(noticeOutbox.applicationId, app.id));
		expect(second!.nextAttemptAt.getTime() - clock).toBe(2000);
		clock += 2000;
		expect(await drainOutbox(db, { config, now })).toEqual({ sent: 0, retried: 0, failed: 1 });
		expect(whatsapp.requests).toHaveLength(3);
		const failed = await failedMessages(db);
		expect(failed).toHaveLength(1);
		expect(failed[0]).toMatchObject({ channel: 'whatsapp', attempts: 3, trackingCode: app.trackingCode });
		expect(failed[0]!.lastError).toMatch(/HTTP 503/);
	});

	it('does not retry a refusal, and counts a silent provider as a timeout worth retrying', async () => {
		const config = configWith({ whatsapp: true }, { NOTIFY_TIMEOUT_MS: '300' });
		configureNotify(config);
		await askCorrection(citizen, '2026-12-01');
		const [one, two] = await db.select().from(noticeOutbox);
		whatsapp.mode = 'refuse';
		await db.update(noticeOutbox).set({ nextAttemptAt: new Date(Date.now() + 60_000) }).where(eq(noticeOutbox.id, two!.id));
		expect(await drainOutbox(db, { config })).toEqual({ sent: 0, retried: 0, failed: 1 });
		expect((await db.select().from(noticeOutbox).where(eq(noticeOutbox.id, one!.id)))[0]!.lastError).toMatch(/HTTP 400.*131026/);
		whatsapp.mode = 'timeout';
		const later = () => new Date(Date.now() + 61_000);
		expect(await drainOutbox(db, { config, now: later })).toEqual({ sent: 0, retried: 1, failed: 0 });
		expect((await db.select().from(noticeOutbox).where(eq(noticeOutbox.id, two!.id)))[0]!.lastError).toMatch(/tepat waktu/);
	});

	it('sends each message once when two senders on two connections run at the same time', async () => {
		const config = configWith({ whatsapp: true });
		configureNotify(config);
		for (const day of ['2026-12-02', '2026-12-03', '2026-12-04']) await askCorrection(citizen, day);
		const queued = await db.select().from(noticeOutbox);
		expect(queued).toHaveLength(6);
		const other = openDatabase(dbUrl);
		try {
			// (the events are dated after today: the senders run at a time when all six are due)
			const now = () => wita('2026-12-05T12:00:00');
			const reports = await Promise.all([
				drainOutbox(db, { config, batch: 2, now }),
				drainOutbox(other, { config, batch: 2, now }),
				drainOutbox(db, { config, batch: 3, now })
			]);
			expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(6);
		} finally {
			other.$client.close();
		}
		expect(whatsapp.requests).toHaveLength(6);
		const tos = whatsapp.requests.map((r) => JSON.stringify((r.json as any).template.components[0].parameters));
		expect(new Set(tos).size).toBe(6);
	});

	it('does not send again a message whose sender stopped mid-send: it is failed as unknown', async () => {
		const config = configWith({ whatsapp: true });
		configureNotify(config);
		await askCorrection(citizen, '2026-12-01');
		await db.update(noticeOutbox).set({ status: 'sending', claimToken: 'gone', claimedUntil: new Date(Date.now() - 1) });
		expect(await drainOutbox(db, { config })).toEqual({ sent: 0, retried: 0, failed: 0 });
		expect(whatsapp.requests).toHaveLength(0);
		expect((await outboxCounts(db)).failed).toBe(2);
	});
});

describe('Web Push', () => {
	it('sends an encrypted, VAPID-signed request to each subscribed browser and forgets a browser that left', async () => {
		const push = await fakePushService();
		try {
			const vapid = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign'])) as CryptoKeyPair;
			const config = configWith({}, {
				VAPID_PUBLIC_KEY: base64url.encode(await crypto.subtle.exportKey('raw', vapid.publicKey)),
				VAPID_PRIVATE_JWK: JSON.stringify(await crypto.subtle.exportKey('jwk', vapid.privateKey)),
				VAPID_SUBJECT: 'mailto:admin@banjarbarukota.go.id'
			});
			configureNotify(config);
			const ua = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair;
			const p256dh = base64url.encode(await crypto.subtle.exportKey('raw', ua.publicKey));
			const auth = base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
			const subscriber = await person(db, 'Wati', '+6281311110000');
			await db.insert(pushSubscriptions).values([
				{ id: crypto.randomUUID(), userId: subscriber.id, endpoint: 'https://push.example.net/a', p256dh, auth, createdAt: new Date() },
				{ id: crypto.randomUUID(), userId: subscriber.id, endpoint: 'https://push.example.net/gone', p256dh, auth, createdAt: new Date() }
			]);
			const app = await askCorrection(subscriber, '2026-11-20');
			const rows = await db.select().from(noticeOutbox).where(eq(noticeOutbox.applicationId, app.id));
			expect(rows.map((r) => r.channel)).toEqual(['push', 'push']);
			// the push service is https; here its requests go to the local fake, which refuses the one that left
			const toFake: typeof fetch = (input, init) => {
				const url = new URL(String(input));
				if (url.pathname === '/gone') push.mode = 'refuse';
				else push.mode = 'ok';
				return fetch(`${push.url}${url.pathname}`, init);
			};
			expect(await drainOutbox(db, { config, fetch: toFake })).toEqual({ sent: 2, retried: 0, failed: 0 });
			expect(push.requests).toHaveLength(4);
			const first = push.requests[0]!;
			expect(first.headers['content-encoding']).toBe('aes128gcm');
			expect(first.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
			expect(first.body.length).toBeGreaterThan(86);
			const left = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, subscriber.id));
			expect(left.map((s) => s.endpoint)).toEqual(['https://push.example.net/a']);
		} finally {
			await push.close();
		}
	});
});

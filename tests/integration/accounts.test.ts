import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../../src/lib/server/accounts';
import * as session from '../../src/lib/server/auth/session';
import * as throttle from '../../src/lib/server/auth/throttle';
import type { Database } from '../../src/lib/server/db/open';
import { prepareDatabase } from '../../src/lib/server/db/prepare';
import { demoAccounts } from '../../src/lib/server/db/seed';
import { applicationEvents, applications, services, sessions, users } from '../../src/lib/server/db/schema';
import { freshDatabase } from './db';

let db: Database;
let cleanup: () => void;
beforeAll(async () => {
	({ db, cleanup } = await freshDatabase({ demo: true }));
});
afterAll(() => cleanup());

const password = 'hujan sore di banjarbaru';

describe('registering', () => {
	it('stores the phone in E.164, hashes the password with Argon2id and opens a session', async () => {
		const result = await accounts.register(db, { name: 'Ani', phone: '+6281311110001', password });
		expect(result.ok).toBe(true);
		const [user] = await db.select().from(users).where(eq(users.phone, '+6281311110001'));
		expect(user?.role).toBe('citizen');
		expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(user?.passwordHash).not.toContain(password);
		if (!result.ok) return;
		const valid = await session.validate(db, result.token);
		expect(valid?.user.name).toBe('Ani');
	});

	it('refuses a second account for the same number, also when two arrive at once', async () => {
		const input = { name: 'Ani', phone: '+6281311110002', password };
		const results = await Promise.all([accounts.register(db, input), accounts.register(db, input)]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(await accounts.register(db, input)).toEqual({ ok: false, reason: 'phone_taken' });
	});
});

describe('sessions', () => {
	it('stores only a hash of the secret, and a wrong secret for a real id is refused', async () => {
		const { token } = await session.create(db, (await userId('+6281311110001'))!);
		const [id, secret] = token.split('.') as [string, string];
		const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
		expect(Buffer.from(row!.secretHash).toString()).not.toContain(secret);
		expect(await session.validate(db, `${id}.${'a'.repeat(secret.length)}`)).toBeNull();
		expect(await session.validate(db, 'not-a-token')).toBeNull();
	});

	it('slides the expiry on use and ends after ten idle days', async () => {
		const now = new Date('2026-11-02T00:00:00Z');
		const { token } = await session.create(db, (await userId('+6281311110001'))!, now);
		const day = 24 * 60 * 60 * 1000;
		const later = new Date(now.getTime() + 9 * day);
		const used = await session.validate(db, token, later);
		expect(used?.expiresAt.getTime()).toBe(later.getTime() + 10 * day);
		expect(await session.validate(db, token, new Date(later.getTime() + 9 * day))).not.toBeNull();
		expect(await session.validate(db, token, new Date(later.getTime() + 30 * day))).toBeNull();
	});
});

describe('logging in', () => {
	it('logs in with the number written any Indonesian way', async () => {
		const result = await accounts.login(db, { phone: '+6281311110001', password }, '10.0.0.1');
		expect(result.ok).toBe(true);
	});

	it('locks an account after five failures, then refuses even the right password', async () => {
		await accounts.register(db, { name: 'Budi', phone: '+6281311110003', password });
		const now = new Date();
		for (let i = 1; i <= 4; i++) {
			const r = await accounts.login(db, { phone: '+6281311110003', password: 'salah' }, '10.0.0.2', now);
			expect(r).toMatchObject({ ok: false, reason: 'wrong_credentials' });
			if (!r.ok && r.reason === 'wrong_credentials') expect(r.delayMs).toBe(Math.max(i - 2, 0) * 1000);
		}
		const fifth = await accounts.login(db, { phone: '+6281311110003', password: 'salah' }, '10.0.0.2', now);
		expect(fifth).toMatchObject({ ok: false, reason: 'locked' });
		const right = await accounts.login(db, { phone: '+6281311110003', password }, '10.0.0.2', now);
		expect(right).toMatchObject({ ok: false, reason: 'locked' });
		// the lock lasts fifteen minutes
		const after = new Date(now.getTime() + throttle.LOCK_MS + 1000);
		expect(await accounts.login(db, { phone: '+6281311110003', password }, '10.0.0.2', after)).toMatchObject({
			ok: true
		});
	});

	it('locks a client address that tries many accounts', async () => {
		const now = new Date();
		let last;
		for (let i = 0; i < throttle.ADDRESS_LIMIT; i++) {
			last = await throttle.recordFailure(db, `+62813999${String(i).padStart(5, '0')}`, '10.0.0.9', now);
		}
		expect(last?.delayMs).toBeGreaterThan(0);
		expect(await throttle.lockedUntil(db, [throttle.addressKey('10.0.0.9')], now)).not.toBeNull();
		// a demo resident on that address is refused too, another address is not
		const demo = demoAccounts.find((a) => a.role === 'citizen')!;
		const phone = '+62' + demo.phone.replace(/\D/g, '').slice(1);
		expect(await accounts.login(db, { phone, password: demo.password }, '10.0.0.9', now)).toMatchObject({
			reason: 'locked'
		});
		expect(await accounts.login(db, { phone, password: demo.password }, '10.0.0.10', now)).toMatchObject({
			ok: true
		});
	});
});

describe('the database', () => {
	it('seeds one demo account per role, officers with their office', async () => {
		const rows = await db.select().from(users);
		for (const role of ['citizen', 'volunteer', 'officer', 'admin'] as const) {
			expect(rows.some((u) => u.role === role)).toBe(true);
		}
		expect(rows.filter((u) => u.role === 'officer').map((u) => u.officeId).sort()).toEqual([
			'disdukcapil',
			'dpmptsp'
		]);
	});

	it('refuses to seed demo accounts into anything but a local file', async () => {
		await expect(
			prepareDatabase({ url: 'libsql://contoh.turso.io', authToken: 'x', demo: true })
		).rejects.toThrow(/only seeded into a local file database/);
	});

	it('keeps application events append-only', async () => {
		const [service] = await db.select().from(services).limit(1);
		const now = new Date();
		await db.insert(applications).values({
			id: crypto.randomUUID(),
			trackingCode: 'ABCD2345',
			serviceSlug: service!.slug,
			officeId: service!.officeId,
			applicantName: 'Ani',
			applicantPhone: '+6281311110001',
			answers: {},
			status: 'submitted',
			submittedAt: now,
			dueAt: now,
			updatedAt: now
		});
		const [app] = await db.select().from(applications).limit(1);
		await db.insert(applicationEvents).values({
			applicationId: app!.id,
			type: 'submitted',
			toStatus: 'submitted',
			visibleToCitizen: true,
			createdAt: now
		});
		await expect(db.update(applicationEvents).set({ note: 'diubah' })).rejects.toThrow();
		await expect(db.delete(applicationEvents)).rejects.toThrow();
		expect(await db.select().from(applicationEvents)).toHaveLength(1);
	});
});

async function userId(phone: string) {
	const [row] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
	return row?.id;
}

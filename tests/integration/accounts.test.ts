import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../../src/lib/server/accounts';
import * as session from '../../src/lib/server/auth/session';
import { throttlingAddress } from '../../src/lib/server/auth/address';
import * as throttle from '../../src/lib/server/auth/throttle';
import * as staff from '../../src/lib/server/staff';
import * as tracking from '../../src/lib/server/tracking';
import type { Database } from '../../src/lib/server/db/open';
import { prepareDatabase } from '../../src/lib/server/db/prepare';
import { demoAccounts } from '../../src/lib/server/db/seed';
import { applicationEvents, applications, services, sessions, users } from '../../src/lib/server/db/schema';
import { freshDatabase } from './db';
import { memoryStore, person, submittedBirthApplication } from './fixtures';

let db: Database;
let cleanup: () => void;
beforeAll(async () => {
	({ db, cleanup } = await freshDatabase({ demo: true }));
}, 120_000);
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

describe('logging in', () => {
	it('logs in with the number written any Indonesian way', async () => {
		const result = await accounts.login(db, { phone: '+6281311110001', password }, '10.0.0.1');
		expect(result).toMatchObject({ ok: true, mustChangePassword: false });
	});

	it('locks one number for one address after five wrong passwords, and only that pair', async () => {
		await accounts.register(db, { name: 'Budi', phone: '+6281311110003', password });
		const now = new Date();
		for (let i = 1; i < throttle.PAIR_LIMIT; i++) {
			const r = await accounts.login(db, { phone: '+6281311110003', password: 'salah' }, '10.0.0.2', now);
			expect(r).toMatchObject({ ok: false, reason: 'wrong_credentials' });
			// the page says how many tries are left from the second failure on
			if (!r.ok && r.reason === 'wrong_credentials') {
				expect(r.attemptsLeft).toBe(i >= 2 ? throttle.PAIR_LIMIT - i : null);
			}
		}
		const fifth = await accounts.login(db, { phone: '+6281311110003', password: 'salah' }, '10.0.0.2', now);
		expect(fifth).toMatchObject({ ok: false, reason: 'locked' });
		// from that address even the right password waits out the lock, and says until when
		const right = await accounts.login(db, { phone: '+6281311110003', password }, '10.0.0.2', now);
		expect(right).toMatchObject({ ok: false, reason: 'locked' });
		if (!right.ok && right.reason === 'locked') {
			expect(right.until.getTime()).toBe(now.getTime() + throttle.PAIR.lockMs);
		}
		// the owner on another network is not locked out at all
		expect(await accounts.login(db, { phone: '+6281311110003', password }, '10.0.0.3', now)).toMatchObject({ ok: true });
		// and the lock on the pair lasts fifteen minutes
		const after = new Date(now.getTime() + throttle.PAIR.lockMs + 1000);
		expect(await accounts.login(db, { phone: '+6281311110003', password }, '10.0.0.2', after)).toMatchObject({
			ok: true
		});
	});

	it('50 wrong passwords from other addresses do not stop the right one from the owner’s address', async () => {
		const phone = '+6281311110004';
		await accounts.register(db, { name: 'Citra', phone, password });
		const now = new Date();
		const refusals: string[] = [];
		for (let a = 0; a < 10; a++) {
			for (let i = 0; i < throttle.PAIR_LIMIT; i++) {
				const r = await accounts.login(db, { phone, password: `tebakan ${a}-${i} salah` }, `198.51.100.${a}`, now);
				if (!r.ok) refusals.push(r.reason);
			}
			// that attacker address is done with this number, even if it now tried the right password
			expect(await accounts.login(db, { phone, password }, `198.51.100.${a}`, now)).toMatchObject({ reason: 'locked' });
		}
		expect(refusals).toHaveLength(50);
		expect(refusals.filter((r) => r === 'locked')).toHaveLength(10);

		// the account as a whole is never locked: the owner's phone gets in, at once
		expect(await accounts.login(db, { phone, password }, '203.0.113.50', now)).toMatchObject({ ok: true });
		// the attacker's next guess, even from a fresh address, is answered slowly
		const guess = await accounts.login(db, { phone, password: 'tebakan baru' }, '198.51.100.99', now);
		expect(guess).toMatchObject({ ok: false, reason: 'wrong_credentials', delayMs: throttle.MAX_DELAY_MS });
	}, 180_000); // fifty Argon2 hashes

	it('slows, and never locks, an address many people share (a carrier’s CGNAT)', async () => {
		const cgnat = '100.64.0.1';
		const now = new Date();
		let state: throttle.LoginState | undefined;
		// 300 failures over 150 numbers from one address (two each: no pair reaches its limit)
		for (let i = 0; i < 150; i++) {
			for (let k = 0; k < 2; k++) {
				state = await throttle.recordLoginFailure(db, `+62813999${String(i).padStart(5, '0')}`, cgnat, now);
			}
		}
		expect(state?.lockedUntil).toBeNull();
		expect(state?.delayMs).toBe(throttle.MAX_DELAY_MS);
		// a resident behind the same address, with their own right password, gets in
		const demo = demoAccounts.find((a) => a.role === 'citizen')!;
		const phone = '+62' + demo.phone.replace(/\D/g, '').slice(1);
		expect(await accounts.login(db, { phone, password: demo.password }, cgnat, now)).toMatchObject({ ok: true });
		// a typo there is answered slowly, but it is still just wrong, not a lock
		expect(await accounts.login(db, { phone, password: 'keliru sedikit' }, cgnat, now)).toMatchObject({
			reason: 'wrong_credentials',
			delayMs: throttle.MAX_DELAY_MS
		});
		// from another address the same typo is not slowed
		expect(await accounts.login(db, { phone, password: 'keliru lagi' }, '10.0.0.10', now)).toMatchObject({
			reason: 'wrong_credentials',
			delayMs: 0
		});
	});

	it('counts IPv6 clients by their /64, so one phone cannot walk its own prefix', async () => {
		const phone = '+6281311110005';
		await accounts.register(db, { name: 'Dian', phone, password });
		const now = new Date();
		let last;
		for (let i = 0; i < throttle.PAIR_LIMIT; i++) {
			const address = throttlingAddress(`2001:db8:aa:bb::${i + 1}`);
			last = await accounts.login(db, { phone, password: 'salah lagi' }, address, now);
		}
		expect(last).toMatchObject({ reason: 'locked' });
	});
});

describe('changing the password', () => {
	const phone = '+6281311110010';
	const newPassword = 'layang layang di lapangan murjani';

	it('ends every other session, rotates the current one, and only the new password works after', async () => {
		await accounts.register(db, { name: 'Eka', phone, password });
		const here = await accounts.login(db, { phone, password }, '10.2.0.1');
		const elsewhere = await accounts.login(db, { phone, password }, '10.2.0.2');
		if (!here.ok || !elsewhere.ok) throw new Error('login failed');
		const current = (await session.validate(db, here.token))!;

		const changed = await accounts.changePassword(
			db,
			current.user,
			{ current: password, password: newPassword },
			'10.2.0.1'
		);
		expect(changed).toMatchObject({ ok: true });
		if (!changed.ok) return;
		expect(await session.validate(db, here.token)).toBeNull();
		expect(await session.validate(db, elsewhere.token)).toBeNull();
		expect((await session.validate(db, changed.token))?.user.phone).toBe(phone);
		const id = await userId(phone);
		expect(await db.select().from(sessions).where(eq(sessions.userId, id!))).toHaveLength(1);

		expect(await accounts.login(db, { phone, password }, '10.2.0.3')).toMatchObject({ reason: 'wrong_credentials' });
		expect(await accounts.login(db, { phone, password: newPassword }, '10.2.0.3')).toMatchObject({ ok: true });
	});

	it('refuses a wrong current password, and counts it like a wrong login', async () => {
		const [row] = await db.select().from(users).where(eq(users.phone, phone));
		const user = { id: row!.id, phone };
		const now = new Date();
		for (let i = 1; i < throttle.PAIR_LIMIT; i++) {
			expect(
				await accounts.changePassword(db, user, { current: 'bukan ini', password: 'apa saja boleh' }, '10.2.0.9', now)
			).toMatchObject({ ok: false, reason: 'wrong_current' });
		}
		expect(
			await accounts.changePassword(db, user, { current: 'bukan ini', password: 'apa saja boleh' }, '10.2.0.9', now)
		).toMatchObject({ ok: false, reason: 'locked' });
		// locked from there even with the right one; the password is unchanged
		expect(
			await accounts.changePassword(db, user, { current: newPassword, password: 'apa saja boleh' }, '10.2.0.9', now)
		).toMatchObject({ reason: 'locked' });
		expect(await accounts.login(db, { phone, password: newPassword }, '10.2.0.10', now)).toMatchObject({ ok: true });
	});

	it('makes an officer with a temporary password choose their own before anything else', async () => {
		const created = await staff.createOfficer(db, {
			name: 'Fajar',
			phone: '+6281311110011',
			password: 'sementara dari admin',
			officeId: 'disdukcapil'
		});
		expect(created.ok).toBe(true);
		const first = await accounts.login(db, { phone: '+6281311110011', password: 'sementara dari admin' }, '10.3.0.1');
		expect(first).toMatchObject({ ok: true, role: 'officer', mustChangePassword: true });
		if (!first.ok) return;
		const officer = (await session.validate(db, first.token))!.user;
		expect(officer.mustChangePassword).toBe(true);
		expect(accounts.passwordChangeRequired(officer, '/petugas')).toBe(true);
		expect(accounts.passwordChangeRequired(officer, '/petugas/[id]')).toBe(true);
		expect(accounts.passwordChangeRequired(officer, '/akun')).toBe(true);
		expect(accounts.passwordChangeRequired(officer, null)).toBe(true);
		expect(accounts.passwordChangeRequired(officer, '/akun/sandi')).toBe(false);
		expect(accounts.passwordChangeRequired(officer, '/keluar')).toBe(false);

		const changed = await accounts.changePassword(
			db,
			officer,
			{ current: 'sementara dari admin', password: 'kantor di jalan panglima batur' },
			'10.3.0.1'
		);
		if (!changed.ok) throw new Error('change failed');
		const after = (await session.validate(db, changed.token))!.user;
		expect(after.mustChangePassword).toBe(false);
		expect(accounts.passwordChangeRequired(after, '/petugas')).toBe(false);
		// people who chose their own password are never sent there
		const citizen = await accounts.login(db, { phone: '+6281311110001', password }, '10.3.0.2');
		expect(citizen).toMatchObject({ ok: true, mustChangePassword: false });
		expect(accounts.passwordChangeRequired(null, '/petugas')).toBe(false);
	});
});

describe('registration probes', () => {
	it('pauses probing one registered number, from any address, after a few tries', async () => {
		const input = { name: 'Penyelidik', phone: '+6281311110001', password: 'apa saja asal panjang' };
		const now = new Date();
		const reasons: string[] = [];
		for (let i = 0; i < throttle.REGISTER_PHONE.limit! + 2; i++) {
			const r = await accounts.register(db, input, 'citizen', `192.0.2.${i}`, now);
			if (!r.ok) reasons.push(r.reason);
		}
		// each try from a new address; the one that reaches the limit is already paused
		expect(reasons).toEqual(['phone_taken', 'phone_taken', 'paused', 'paused', 'paused']);
		// a new number registers normally from those addresses
		expect(
			await accounts.register(db, { ...input, phone: '+6281311110020' }, 'citizen', '192.0.2.1', now)
		).toMatchObject({ ok: true });
	});

	it('pauses an address that probes many numbers', async () => {
		const now = new Date();
		const limit = throttle.REGISTER_ADDRESS.limit!;
		// registered numbers, inserted directly (their passwords do not matter here)
		await db.insert(users).values(
			Array.from({ length: limit + 1 }, (_, i) => ({
				id: crypto.randomUUID(),
				name: 'Terdaftar',
				phone: `+62813888${String(i).padStart(5, '0')}`,
				passwordHash: 'x'
			}))
		);
		const reasons: string[] = [];
		for (let i = 0; i <= limit; i++) {
			const r = await accounts.register(
				db,
				{ name: 'Penyelidik', phone: `+62813888${String(i).padStart(5, '0')}`, password: 'apa saja asal panjang' },
				'citizen',
				'192.0.2.200',
				now
			);
			if (!r.ok) reasons.push(r.reason);
		}
		expect(reasons.slice(0, limit - 1).every((r) => r === 'phone_taken')).toBe(true);
		expect(reasons.slice(limit - 1)).toEqual(['paused', 'paused']);
		// even an unregistered number waits from that address; other addresses are not paused
		expect(
			await accounts.register(db, { name: 'Baru', phone: '+6281311110021', password }, 'citizen', '192.0.2.200', now)
		).toMatchObject({ reason: 'paused' });
		expect(
			await accounts.register(db, { name: 'Baru', phone: '+6281311110021', password }, 'citizen', '192.0.2.201', now)
		).toMatchObject({ ok: true });
	});
});

describe('guessing at one tracking code', () => {
	it('stops distributed guesses at one code after a handful, even for the right digits', async () => {
		const store = memoryStore();
		const applicant = await person(db, 'Gita', '+6281311110030');
		const application = await submittedBirthApplication(db, store, applicant, new Date());
		const code = application.trackingCode;
		const right = application.applicantPhone.slice(-4);
		const wrong = right === '0000' ? '1111' : '0000';
		const now = new Date();

		expect(await tracking.track(db, { code, lastFour: right }, '10.4.0.1', now)).toMatchObject({ ok: true });
		for (let i = 0; i < throttle.TRACK_CODE.limit!; i++) {
			expect(await tracking.track(db, { code, lastFour: wrong }, `10.4.1.${i}`, now)).toEqual({
				ok: false,
				reason: 'not_found'
			});
		}
		// a new address with the right digits: the code is paused for everyone
		expect(await tracking.track(db, { code, lastFour: right }, '10.4.2.1', now)).toMatchObject({
			ok: false,
			reason: 'paused'
		});
		// and it opens again after the pause
		const later = new Date(now.getTime() + throttle.TRACK_CODE.lockMs + 1000);
		expect(await tracking.track(db, { code, lastFour: right }, '10.4.2.1', later)).toMatchObject({ ok: true });
	});

	it('pauses an address that guesses at many codes', async () => {
		const now = new Date();
		const codes = ['ABCD2345', 'ABCD2346', 'ABCD2347', 'ABCD2348', 'ABCD2349', 'ABCE2345', 'ABCE2346'];
		for (let i = 0; i < throttle.TRACK_ADDRESS.limit!; i++) {
			const guess = { code: codes[i % codes.length]!, lastFour: String(1000 + i) };
			expect(await tracking.track(db, guess, '10.4.9.9', now)).toMatchObject({ reason: 'not_found' });
		}
		expect(await tracking.track(db, { code: 'ABCF2345', lastFour: '1234' }, '10.4.9.9', now)).toMatchObject({
			reason: 'paused'
		});
		expect(await tracking.track(db, { code: 'ABCF2345', lastFour: '1234' }, '10.4.9.10', now)).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});

	it('limits claims at one code from every account and address together', async () => {
		const now = new Date();
		const key = throttle.claimCodeKey('ABCD7777');
		const miss = async () => ({ ok: false as const, reason: 'not_found' as const });
		for (let i = 0; i < throttle.CLAIM_CODE.limit!; i++) {
			expect(await throttle.guessAt(db, key, throttle.CLAIM_CODE, miss, () => true, now)).toEqual({
				ok: false,
				reason: 'not_found'
			});
		}
		let ran = false;
		const paused = await throttle.guessAt(db, key, throttle.CLAIM_CODE, async () => ((ran = true), { ok: true }), () => false, now);
		expect(paused).toMatchObject({ ok: false, reason: 'paused' });
		expect(ran).toBe(false);
	});
});

async function userId(phone: string) {
	const [row] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
	return row?.id;
}

/**
 * The outbox's rules, against an in-memory IndexedDB (fake-indexeddb) and a scripted server: what each
 * kind of answer does to an item, the capped back-off, and the race between two senders.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { localDb } from './local-db';
import * as outbox from './outbox';
import type { Draft } from './local-db';

function draft(id = crypto.randomUUID()): Draft {
	return {
		id,
		slug: 'akta-kelahiran',
		serviceName: 'Akta Kelahiran',
		answers: { applicant_name: 'Ani' },
		documents: { kk_scan: { blob: new Blob(['x'], { type: 'image/jpeg' }), name: 'kk.jpg', type: 'image/jpeg', size: 1 } },
		page: 'periksa',
		createdAt: 1,
		updatedAt: 1
	};
}

const answer = (status: number, body: unknown) => async () =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(async () => {
	const db = await localDb();
	await Promise.all([db.clear('drafts'), db.clear('outbox')]);
});

describe('outbox', () => {
	it('moves a draft into the outbox in one step', async () => {
		const d = draft();
		await (await localDb()).put('drafts', d);
		const item = await outbox.enqueue(d);
		expect(item).toMatchObject({ id: d.id, state: 'waiting', attempts: 0 });
		expect(await (await localDb()).get('drafts', d.id)).toBeUndefined();
	});

	it('keeps a small record once sent, without the documents', async () => {
		const item = await outbox.enqueue(draft());
		const sent = await outbox.send(item, answer(201, { code: 'ABCD2345', url: `/permohonan/${item.id}?baru=1` }));
		expect(sent.state).toBe('sent');
		expect(sent.sent?.code).toBe('ABCD2345');
		expect((await outbox.get(item.id))?.documents).toEqual({});
	});

	it('shows a refusal for fixing and does not retry it', async () => {
		const item = await outbox.enqueue(draft());
		const refused = await outbox.send(item, answer(400, { message: 'Ada yang perlu diperbaiki.', errors: { nik: 'NIK harus 16 angka.' } }));
		expect(refused).toMatchObject({ state: 'needs_fix', errors: { nik: 'NIK harus 16 angka.' } });
		const fetcher = vi.fn(answer(201, { code: 'X', url: '/x' }));
		await outbox.sendDue({ force: true, fetcher });
		expect(fetcher).not.toHaveBeenCalled();
	});

	it('waits for a login on 401, and sends again when asked after logging in', async () => {
		const item = await outbox.enqueue(draft());
		expect((await outbox.send(item, answer(401, { message: 'Masuk dulu.' }))).state).toBe('needs_login');
		const [resent] = await outbox.sendDue({ force: true, fetcher: answer(201, { code: 'ABCD2345', url: '/p' }) });
		expect(resent?.state).toBe('sent');
	});

	it('backs off on network failures and server errors, doubling, capped', async () => {
		let item = await outbox.enqueue(draft());
		const offline = async () => {
			throw new TypeError('Failed to fetch');
		};
		// the delay lies between (next attempt − clock after the send) and (next attempt − clock before it):
		// bounds that hold however slow the machine is
		const atLeast: number[] = [];
		const atMost: number[] = [];
		for (let i = 0; i < 9; i++) {
			const before = Date.now();
			item = await outbox.send(item, i % 2 ? answer(503, {}) : offline);
			const after = Date.now();
			atLeast.push(item.nextAttemptAt - after);
			atMost.push(item.nextAttemptAt - before);
		}
		expect(item).toMatchObject({ state: 'waiting', attempts: 9 });
		expect(atMost[0]).toBeGreaterThanOrEqual(5_000);
		expect(atMost[1]).toBeGreaterThanOrEqual(10_000);
		expect(Math.max(...atLeast)).toBeLessThanOrEqual(outbox.MAX_BACKOFF_MS);
		expect(atMost.at(-1)).toBeGreaterThanOrEqual(outbox.MAX_BACKOFF_MS);
		// not due yet: nothing is sent unless the signal just came back (force)
		const fetcher = vi.fn(answer(201, { code: 'X', url: '/x' }));
		await outbox.sendDue({ fetcher });
		expect(fetcher).not.toHaveBeenCalled();
		await outbox.sendDue({ force: true, fetcher });
		expect(fetcher).toHaveBeenCalledTimes(1);
	});

	it('a late "retry later" from another sender never undoes a success', async () => {
		const item = await outbox.enqueue(draft());
		// the service worker succeeds while the page's own attempt is still failing
		await outbox.send(item, answer(201, { code: 'ABCD2345', url: '/p' }));
		const late = await outbox.send(item, async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(late.state).toBe('waiting'); // what the loser thought…
		expect((await outbox.get(item.id))?.state).toBe('sent'); // …is not what is stored
	});
});

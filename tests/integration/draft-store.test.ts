/** The server's draft store (the table behind the form without JavaScript) keeps the draft-store contract. */
import { afterAll, beforeAll } from 'vitest';
import { draftStoreContract } from '../../src/lib/drafts/draft-store.contract';
import * as serverDrafts from '../../src/lib/server/drafts';
import { users } from '../../src/lib/server/db/schema';
import { freshDatabase } from './db';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
	fresh = await freshDatabase();
	const now = new Date();
	await fresh.db.insert(users).values(
		['a', 'b'].map((who, i) => ({
			id: `user-${who}`,
			name: `Warga ${who}`,
			phone: `+62813000000${i}`,
			passwordHash: 'x',
			role: 'citizen' as const,
			createdAt: now
		}))
	);
});
afterAll(() => fresh.cleanup());

draftStoreContract('server table (libSQL file)', async () => ({
	store: serverDrafts.draftStore(fresh.db, 'user-a'),
	other: serverDrafts.draftStore(fresh.db, 'user-b')
}));

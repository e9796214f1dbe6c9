/** The phone's draft store (IndexedDB, here fake-indexeddb) keeps the draft-store contract. */
import 'fake-indexeddb/auto';
import { draftStoreContract } from '$lib/drafts/draft-store.contract';
import { localDraftStore } from './drafts';

draftStoreContract('phone (IndexedDB)', async () => ({ store: localDraftStore('Layanan') }));

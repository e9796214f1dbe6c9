import { getDb } from '$lib/server/db';
import * as results from '$lib/server/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' }); // a revocation must show at once
	return { code: params.code, document: await results.verify(getDb(), params.code) };
};

// A read-only answer to whoever scanned the QR code: no JavaScript needed.
export const csr = false;

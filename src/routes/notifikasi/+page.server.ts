import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getDb } from '$lib/server/db';
import * as notifications from '$lib/server/notifications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) error(404, m.account_not_found());
	return { items: await notifications.listAndMarkRead(getDb(), locals.user) };
};

// Read-only (or a plain form post): no framework, only the shell script (src/lib/client/shell.ts).
export const csr = false;

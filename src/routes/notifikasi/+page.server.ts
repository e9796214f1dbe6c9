import { getDb } from '$lib/server/db';
import * as notifications from '$lib/server/notifications';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	items: await notifications.listAndMarkRead(getDb(), locals.user!.id)
});

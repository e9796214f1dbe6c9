import { getDb } from '$lib/server/db';
import * as volunteers from '$lib/server/volunteers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => volunteers.helped(getDb(), locals.user!.id);

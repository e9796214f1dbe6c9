import * as staff from '$lib/server/staff';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => staff.overview(getDb());

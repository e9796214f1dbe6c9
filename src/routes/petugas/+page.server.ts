import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getDb } from '$lib/server/db';
import { offices } from '$lib/server/db/schema';
import * as queue from '$lib/server/queue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const officeId = locals.user!.officeId;
	if (!officeId) error(403, 'Akun petugas ini belum terhubung ke kantor. Hubungi admin.');
	const db = getDb();
	const [office] = await db.select().from(offices).where(eq(offices.id, officeId));
	return { office: office!.name, ...(await queue.list(db, officeId)) };
};

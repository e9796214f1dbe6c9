import { eq } from 'drizzle-orm';
import { homeFor } from '$lib/domain/roles';
import { formatPhone } from '$lib/domain/phone';
import { getDb } from '$lib/server/db';
import { offices } from '$lib/server/db/schema';
import { requireSignedIn } from '$lib/server/guard';
import { phoneChannel } from '$lib/server/notify/config';
import { isVerified } from '$lib/server/verified-phone';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	const { url } = event;
	const db = getDb();
	const [office, verified] = await Promise.all([
		user.officeId ? db.select().from(offices).where(eq(offices.id, user.officeId)).then((rows) => rows[0]) : undefined,
		isVerified(db, user.id)
	]);
	return {
		name: user.name,
		phone: formatPhone(user.phone),
		role: user.role,
		office: office?.name ?? null,
		next: homeFor[user.role],
		passwordChanged: url.searchParams.get('sandi') === 'diganti',
		/** Offered only when a code can actually be sent (notify/config.ts). */
		confirmPhone: !verified && phoneChannel() !== null
	};
};

import { eq } from 'drizzle-orm';
import { homeFor } from '$lib/domain/roles';
import { formatPhone } from '$lib/domain/phone';
import { getDb } from '$lib/server/db';
import { offices } from '$lib/server/db/schema';
import { requireSignedIn } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	const { url } = event;
	const office = user.officeId
		? (await getDb().select().from(offices).where(eq(offices.id, user.officeId)))[0]
		: undefined;
	return {
		name: user.name,
		phone: formatPhone(user.phone),
		role: user.role,
		office: office?.name ?? null,
		next: homeFor[user.role],
		passwordChanged: url.searchParams.get('sandi') === 'diganti'
	};
};

import { eq } from 'drizzle-orm';
import { homeFor } from '$lib/domain/roles';
import { formatPhone } from '$lib/domain/phone';
import { getDb } from '$lib/server/db';
import { offices } from '$lib/server/db/schema';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// the hook has let only signed-in users in
	const user = locals.user!;
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

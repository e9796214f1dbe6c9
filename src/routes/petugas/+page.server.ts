import { eq } from 'drizzle-orm';
import { statuses, type Status } from '$lib/domain/workflow';
import { getDb } from '$lib/server/db';
import { offices, services } from '$lib/server/db/schema';
import { intParam, requireOfficer } from '$lib/server/guard';
import * as queue from '$lib/server/queue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const officer = requireOfficer(event);
	const { url } = event;
	const db = getDb();
	const status = url.searchParams.get('status') as Status | null;
	const filter: queue.QueueFilter = {
		service: url.searchParams.get('layanan') || undefined,
		status: status && (statuses as readonly string[]).includes(status) ? status : undefined,
		assignedTo: url.searchParams.get('saya') === '1' ? officer.id : undefined,
		page: intParam(url.searchParams.get('halaman'), 1, 1, 400)
	};
	const [[office], officeServices, listed] = await Promise.all([
		db.select().from(offices).where(eq(offices.id, officer.officeId)),
		db.select({ slug: services.slug, name: services.name }).from(services).where(eq(services.officeId, officer.officeId)),
		queue.list(db, officer.officeId, filter)
	]);
	return {
		office: office!.name,
		services: officeServices,
		filter: { layanan: filter.service ?? '', status: filter.status ?? '', saya: !!filter.assignedTo },
		counts: listed.counts,
		rows: listed.rows.map((r) => ({ ...r, mine: r.assignedOfficerId === officer.id })),
		page: listed.page,
		pageSize: queue.PAGE_SIZE,
		now: Date.now()
	};
};

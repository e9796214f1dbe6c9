import { statuses, type Status } from '$lib/domain/workflow';
import { getDb } from '$lib/server/db';
import { intParam, requireOfficer } from '$lib/server/guard';
import * as queue from '$lib/server/queue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const officer = requireOfficer(event);
	const { url } = event;
	const status = url.searchParams.get('status') as Status | null;
	const filter: queue.QueueFilter = {
		service: url.searchParams.get('layanan') || undefined,
		status: status && (statuses as readonly string[]).includes(status) ? status : undefined,
		assignedTo: url.searchParams.get('saya') === '1' ? officer.id : undefined,
		page: intParam(url.searchParams.get('halaman'), 1, 1, 400)
	};
	const listed = await queue.queuePage(getDb(), officer.officeId, filter);
	return {
		office: listed.office.name,
		services: listed.services,
		filter: { layanan: filter.service ?? '', status: filter.status ?? '', saya: !!filter.assignedTo },
		counts: listed.counts,
		rows: listed.rows.map((r) => ({ ...r, mine: r.assignedOfficerId === officer.id })),
		page: listed.page,
		pageSize: queue.PAGE_SIZE,
		now: Date.now()
	};
};

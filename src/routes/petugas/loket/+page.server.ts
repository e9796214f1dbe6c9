import { formatPhone } from '$lib/domain/phone';
import { formatTrackingCode } from '$lib/domain/tracking-code';
import { officeStatusLabel } from '$lib/domain/workflow';
import { formatWita } from '$lib/domain/working-time';
import * as counter from '$lib/server/counter';
import { getDb } from '$lib/server/db';
import { requireOfficer } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const officer = requireOfficer(event);
	const q = event.url.searchParams.get('cari');
	if (q === null) return { q: '', result: null };
	const found = await counter.search(getDb(), officer, q);
	return {
		q: q.slice(0, 100),
		result: found.ok
			? {
					rows: found.rows.map((r) => ({
						id: r.id,
						href: r.helped ? `/permohonan/${r.id}` : `/petugas/permohonan/${r.id}`,
						code: formatTrackingCode(r.trackingCode),
						name: r.applicantName,
						phone: formatPhone(r.applicantPhone),
						service: r.serviceName,
						status: officeStatusLabel[r.status],
						submitted: formatWita(r.submittedAt)
					}))
				}
			: { message: found.message }
	};
};

export const csr = false;

import { formatPhone } from '$lib/domain/phone';
import { formatTrackingCode } from '$lib/domain/tracking-code';
import { officeStatusLabel } from '$lib/domain/workflow';
import { formatWita } from '$lib/domain/working-time';
import * as counter from '$lib/server/counter';
import { getDb } from '$lib/server/db';
import { requireOfficer } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireOfficer(event);
	return {};
};

/**
 * The search is a POST: what is typed (a NIK, a phone number) never lands in the address, the server's
 * access log or the browser's history.
 */
export const actions: Actions = {
	default: async (event) => {
		const officer = requireOfficer(event);
		const typed = (await event.request.formData()).get('cari');
		const q = typeof typed === 'string' ? typed : '';
		return found(await counter.search(getDb(), officer, q), q);
	}
};

function found(found: counter.CounterResult, q: string) {
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
}

export const csr = false;

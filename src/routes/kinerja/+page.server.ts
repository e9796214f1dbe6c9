import { getDb } from '$lib/server/db';
import * as kinerja from '$lib/server/kinerja';
import { slaPhrase } from '$lib/server/catalogue';
import type { PageServerLoad } from './$types';

// Public: no login, the same for everyone. One batch of reads (kinerja.figures).
export const load: PageServerLoad = async ({ url, setHeaders }) => {
	const { months, services } = await kinerja.figures(getDb());
	const wanted = url.searchParams.get('bulan');
	const month = wanted && months.includes(wanted) ? wanted : months.at(-1)!;
	// a browser asks again each time (a resident who just answered the survey sees it counted); a shared cache
	// in front (Cloudflare) may keep it a minute
	setHeaders({ 'cache-control': 'public, max-age=0, s-maxage=60' });
	return {
		months,
		month,
		current: months.at(-1)!,
		services: services.map((s) => ({ ...s, slaText: slaPhrase(s.sla) }))
	};
};

// Nothing to interact with: no framework, only the shell script.
export const csr = false;

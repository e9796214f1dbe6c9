import { getDb } from '$lib/server/db';
import * as kinerja from '$lib/server/kinerja';
import { kinerjaCsv } from '$lib/server/kinerja-csv';
import type { RequestHandler } from './$types';

/** The numbers of /kinerja, every service and month shown there, as CSV. */
export const GET: RequestHandler = async () => {
	const figures = await kinerja.figures(getDb());
	return new Response(kinerjaCsv(figures.services), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="kinerja-layanan-banjarbaru.csv"',
			'cache-control': 'public, max-age=0, s-maxage=60'
		}
	});
};

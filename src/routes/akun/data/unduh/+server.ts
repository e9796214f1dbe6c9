import { getDb } from '$lib/server/db';
import { requireSignedIn } from '$lib/server/guard';
import * as myData from '$lib/server/my-data';
import type { RequestHandler } from './$types';

/** The same as the "Data saya" page, as a JSON file to keep (the right to a copy, UU 27/2022). */
export const GET: RequestHandler = async (event) => {
	const user = requireSignedIn(event);
	const data = await myData.collect(getDb(), user);
	const day = data.exportedAt.toISOString().slice(0, 10);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="data-saya-${day}.json"`,
			'Cache-Control': 'private, no-store'
		}
	});
};

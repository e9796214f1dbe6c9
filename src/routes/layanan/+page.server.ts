import * as catalogue from '$lib/server/catalogue';
import { getDb } from '$lib/server/db';
import { localizeService } from '$lib/domain/service-language';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	services: (await catalogue.listActive(getDb())).map((service) => localizeService(service))
});

// Read-only (or a plain form post): no framework, only the shell script (src/lib/client/shell.ts).
export const csr = false;

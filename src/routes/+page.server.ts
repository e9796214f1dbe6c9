import { services } from '$lib/domain/catalogue';
import { serviceIcon } from '$lib/domain/pictures';
import { localizeService } from '$lib/domain/service-language';
import type { PageServerLoad } from './$types';

// The home page needs no database: the three most-asked services come from the catalogue definition,
// so the first page a resident sees opens even when the database is far away or down.
export const load: PageServerLoad = ({ url }) => ({
	popular: [...services]
		.sort((a, b) => a.rank - b.rank)
		.slice(0, 3)
		.map((service) => localizeService(service))
		.map((s) => ({ slug: s.slug, name: s.name, summary: s.summary, icon: serviceIcon(s) })),
	loggedOut: url.searchParams.has('keluar')
});

// Read-only (or a plain form post): no framework, only the shell script (src/lib/client/shell.ts).
export const csr = false;

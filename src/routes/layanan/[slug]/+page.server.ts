import { error } from '@sveltejs/kit';
import * as catalogue from '$lib/server/catalogue';
import { serviceIcon } from '$lib/domain/pictures';
import { getDb } from '$lib/server/db';
import * as kinerja from '$lib/server/kinerja';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const [found, figures] = await Promise.all([catalogue.findActive(getDb(), params.slug), kinerja.thisMonth(getDb(), params.slug)]);
	if (!found) error(404, 'Layanan tidak ditemukan.');
	const { service, office } = found;
	return {
		slug: service.slug,
		name: service.name,
		icon: serviceIcon({ slug: service.slug, office: service.officeId }),
		description: service.description,
		standard: service.standard,
		documents: service.documents,
		inPerson: service.inPerson,
		sla: catalogue.slaPhrase({ value: service.slaValue, unit: service.slaUnit }),
		externalLink: service.externalLink,
		office: { name: office.name, address: office.address },
		thisMonth: figures
	};
};

// Read-only (or a plain form post): no framework, only the shell script (src/lib/client/shell.ts).
export const csr = false;

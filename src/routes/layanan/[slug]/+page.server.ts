import { error } from '@sveltejs/kit';
import * as catalogue from '$lib/server/catalogue';
import { serviceIcon } from '$lib/domain/pictures';
import { getDb } from '$lib/server/db';
import { localizeService } from '$lib/domain/service-language';
import { m } from '$lib/paraglide/messages';
import * as kinerja from '$lib/server/kinerja';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const [found, figures] = await Promise.all([catalogue.findActive(getDb(), params.slug), kinerja.thisMonth(getDb(), params.slug)]);
	if (!found) error(404, m.public_service_not_found());
	const { office } = found;
	const service = localizeService(found.service);
	return {
		slug: service.slug,
		name: service.name,
		icon: serviceIcon({ slug: service.slug, office: service.officeId }),
		description: service.description,
		standard: service.standard,
		documents: service.documents,
		// the fee as the record states it: "Gratis" is a rule (no payment), whatever the page's language
		free: found.service.standard.fee === 'Gratis',
		inPerson: service.inPerson,
		sla: catalogue.slaPhrase({ value: service.slaValue, unit: service.slaUnit }),
		externalLink: service.externalLink,
		office: { name: office.name, address: office.address },
		thisMonth: figures
	};
};

// Read-only (or a plain form post): no framework, only the shell script (src/lib/client/shell.ts).
export const csr = false;

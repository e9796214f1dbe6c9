/**
 * The application form that works offline: prerendered at build time for every service, so the service
 * worker can precache it and it opens with no signal. Answers live on the phone (lib/client/drafts.ts)
 * and go out through the outbox (lib/client/outbox.ts); the form is components/offline-form/OfflineForm.svelte.
 * Without JavaScript the page points to the server-side form at /ajukan/<slug>, which needs no JavaScript.
 *
 * Built from the catalogue definition file: an admin's later edits of a service's texts reach this page
 * with the next deploy (the server still validates against the stored service).
 */
import { error } from '@sveltejs/kit';
import { services } from '$lib/domain/catalogue';
import { servicesEn } from '$lib/domain/catalogue-en';
import { m } from '$lib/paraglide/messages';
import type { EntryGenerator, PageServerLoad } from './$types';

export const prerender = true;
// woken up by its own script (client/formulir.ts), not by SvelteKit's client: see +page.svelte
export const csr = false;

export const entries: EntryGenerator = () => services.map((s) => ({ slug: s.slug }));

/** The English the seed puts on the record (domain/catalogue-en.ts), only the parts this page shows. */
function englishOf(slug: string) {
	const en = servicesEn[slug];
	return en ? { translations: { en: { name: en.name, steps: en.steps, documents: en.documents } } } : {};
}

export const load: PageServerLoad = ({ params }) => {
	const service = services.find((s) => s.slug === params.slug);
	if (!service) error(404, m.journey_service_not_found());
	return {
		slug: service.slug,
		// the record as written (Indonesian) with its English beside it where it has one: the page localizes it
		// in the browser (service-language.ts), so the one prerendered file reads in the reader's language
		service: {
			name: service.name,
			steps: service.steps,
			documents: service.documents,
			inPerson: service.inPerson,
			consentBy: service.consentBy,
			...englishOf(service.slug)
		}
	};
};

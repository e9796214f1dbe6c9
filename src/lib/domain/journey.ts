/**
 * A journey is the path through a service's guided application: one page per step of fields (one topic
 * each), one page per document to upload, then "Periksa jawaban" (check your answers) before submitting.
 * Pages are named in the URL as `langkah-N`, `dokumen-N` and `periksa`.
 *
 * This module alone decides which page comes next or before; routes only ask it.
 */
import type { DocumentRequirement, StepDefinition } from './service';

export type JourneyPage =
	| { kind: 'fields'; slug: string; step: StepDefinition }
	| { kind: 'document'; slug: string; document: DocumentRequirement }
	| { kind: 'check'; slug: 'periksa' };

export interface JourneyService {
	steps: readonly StepDefinition[];
	documents: readonly DocumentRequirement[];
}

export function journeyPages(service: JourneyService): JourneyPage[] {
	return [
		...service.steps.map((step, i) => ({ kind: 'fields' as const, slug: `langkah-${i + 1}`, step })),
		...service.documents.map((document, i) => ({
			kind: 'document' as const,
			slug: `dokumen-${i + 1}`,
			document
		})),
		{ kind: 'check', slug: 'periksa' }
	];
}

export function findPage(pages: readonly JourneyPage[], slug: string): JourneyPage | undefined {
	return pages.find((p) => p.slug === slug);
}

export function pageAfter(pages: readonly JourneyPage[], slug: string): JourneyPage | undefined {
	const i = pages.findIndex((p) => p.slug === slug);
	return i >= 0 ? pages[i + 1] : undefined;
}

export function pageBefore(pages: readonly JourneyPage[], slug: string): JourneyPage | undefined {
	const i = pages.findIndex((p) => p.slug === slug);
	return i > 0 ? pages[i - 1] : undefined;
}

/** "Langkah 2 dari 7": where the resident is, counted over the pages before the check page. */
export function progress(pages: readonly JourneyPage[], slug: string) {
	return { current: pages.findIndex((p) => p.slug === slug) + 1, total: pages.length };
}

/** The page that holds a field, for the "Ubah" links of the check page and for errors found at submit. */
export function pageOfField(pages: readonly JourneyPage[], fieldKey: string): JourneyPage | undefined {
	return pages.find((p) => p.kind === 'fields' && p.step.fields.some((f) => f.key === fieldKey));
}

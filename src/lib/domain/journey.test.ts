import { describe, expect, it } from 'vitest';
import { services } from './catalogue';
import { findPage, journeyPages, pageAfter, pageBefore, pageOfField, progress } from './journey';

const birth = services.find((s) => s.slug === 'akta-kelahiran')!;
const pages = journeyPages(birth);

describe('journey', () => {
	it('has one page per step, one per document, then the check page', () => {
		expect(pages.map((p) => p.slug)).toEqual([
			...birth.steps.map((_, i) => `langkah-${i + 1}`),
			...birth.documents.map((_, i) => `dokumen-${i + 1}`),
			'periksa'
		]);
	});
	it('knows what comes next and before', () => {
		expect(pageAfter(pages, 'langkah-1')?.slug).toBe('langkah-2');
		expect(pageAfter(pages, `langkah-${birth.steps.length}`)?.slug).toBe('dokumen-1');
		expect(pageAfter(pages, 'periksa')).toBeUndefined();
		expect(pageBefore(pages, 'langkah-1')).toBeUndefined();
		expect(pageBefore(pages, 'periksa')?.kind).toBe('document');
		expect(findPage(pages, 'langkah-99')).toBeUndefined();
	});
	it('finds the page of a field, for change links and errors at submit', () => {
		expect(pageOfField(pages, 'mother_nik')?.kind).toBe('fields');
		const page = pageOfField(pages, 'mother_nik');
		expect(page?.kind === 'fields' && page.step.title).toBe('Data ibu');
		expect(progress(pages, 'periksa')).toEqual({ current: pages.length, total: pages.length });
	});
});

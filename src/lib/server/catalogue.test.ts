/**
 * The catalogue's English as stored: seeded with each service and office, filled in for rows without it
 * (an existing database) without touching an admin's edits, returned by the public list, and following an
 * admin's edit of the Indonesian. Against a real libSQL file database.
 */
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../tests/integration/db';
import { localizeService } from '../domain/service-language';
import * as runtime from '../paraglide/runtime.js';
import * as catalogue from './catalogue';
import type { Database } from './db/open';
import { offices, services } from './db/schema';
import { seedReferenceData } from './db/seed';

let db: Database;
let cleanup: () => void;
beforeAll(async () => {
	({ db, cleanup } = await freshDatabase());
});
afterAll(() => cleanup());

async function formFor(slug: string, changes: Record<string, string>) {
	const { service } = (await catalogue.find(db, slug))!;
	return v.parse(catalogue.serviceFormSchema, { ...catalogue.serviceFormValues(service), ...changes });
}

describe('the catalogue in English, stored', () => {
	it('seeds every service and office with its English', async () => {
		const rows = await db.select({ slug: services.slug, translations: services.translations }).from(services);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(row.translations?.en?.name, row.slug).toBeTruthy();
		const officeRows = await db.select().from(offices);
		for (const row of officeRows) expect(row.translations?.en?.name, row.id).toBeTruthy();
	});

	it('returns translations from the public list, so a page can localize it', async () => {
		const list = await catalogue.listActive(db);
		const row = list.find((s) => s.slug === 'ktp-el-baru')!;
		expect(row.name).toBe('KTP-el baru');
		expect(localizeService(row, 'en').name).toBe('New KTP-el (electronic ID card)');
		expect(localizeService(row, 'id')).toBe(row);
		const found = (await catalogue.findActive(db, 'izin-usaha'))!;
		const en = localizeService(found, 'en');
		expect(en.service.externalLink?.label).toBe('No NIB yet? Register for free on OSS');
		expect(en.office.address).toMatch(/public service hall/);
	});

	it('fills in the English for rows without it, keeping what an admin edited', async () => {
		await db.update(services).set({ translations: null, description: 'Diubah admin.' }).where(eq(services.slug, 'ktp-el-rusak'));
		await db.update(offices).set({ translations: null }).where(eq(offices.id, 'dpmptsp'));
		const other = (await catalogue.find(db, 'kk-perubahan'))!.service.translations;
		await seedReferenceData(db);
		const { service, office } = (await catalogue.find(db, 'ktp-el-rusak'))!;
		expect(service.description).toBe('Diubah admin.');
		expect(service.translations?.en?.name).toBe('Damaged KTP-el (electronic ID card)');
		expect((await catalogue.find(db, 'izin-usaha'))!.office.translations?.en?.address).toMatch(/MPP/);
		expect(office.translations?.en?.name).toMatch(/Population and Civil Registration/);
		expect((await catalogue.find(db, 'kk-perubahan'))!.service.translations).toEqual(other);
	});

	it('drops the English of a text the admin changed, keeps the rest, and moves the SLA in the English it followed', async () => {
		const before = (await catalogue.find(db, 'akta-kematian'))!.service;
		const en = before.translations!.en!;
		const result = await catalogue.update(
			db,
			'akta-kematian',
			await formFor('akta-kematian', { slaValue: '2', summary: 'Ringkasan baru.', product: before.standard.product })
		);
		expect(result.ok).toBe(true);
		const { service } = (await catalogue.find(db, 'akta-kematian'))!;
		const after = service.translations!.en!;
		expect(after.name).toBe(en.name);
		expect(after.summary).toBeUndefined();
		expect(after.steps).toEqual(en.steps);
		expect(after.documents).toEqual(en.documents);
		expect(after.standard?.time).toMatch(/^At most 2 working days after/);
		expect(after.standard?.procedure?.join(' ')).toContain('within 2 working days');
		expect(after.standard?.procedure?.join(' ')).not.toContain('3 working days');
		expect(after.standard?.complaints).toBe(en.standard?.complaints);
		expect(after.standard?.requirements).toEqual(en.standard?.requirements);

		const shown = localizeService(service, 'en');
		expect(shown.summary).toBe('Ringkasan baru.');
		expect(shown.name).toBe('Akta Kematian (death certificate)');

		// a rewritten requirement and procedure line lose their English; the others keep theirs
		const form = await formFor('akta-kematian', {});
		const requirements = service.standard.requirements.map((r, i) => (i === 0 ? 'Surat kematian baru.' : r.text)).join('\n');
		const procedure = service.standard.procedure.map((line, i) => (i === 1 ? 'Langkah baru.' : line)).join('\n');
		await catalogue.update(db, 'akta-kematian', { ...form, requirements: requirements.split('\n'), procedure: procedure.split('\n') });
		const edited = (await catalogue.find(db, 'akta-kematian'))!.service;
		const shownAgain = localizeService(edited, 'en');
		expect(shownAgain.standard.requirements[0]?.text).toBe('Surat kematian baru.');
		expect(shownAgain.standard.requirements[1]?.text).toBe(en.standard?.requirements?.r2);
		expect(shownAgain.standard.procedure[1]).toBe('Langkah baru.');
		expect(shownAgain.standard.procedure[0]).toBe(en.standard?.procedure?.[0]);
	});

	it('names an SLA in the reader\'s language, and the form speaks it', async () => {
		expect(catalogue.slaPhrase({ value: 3, unit: 'days' }, 'id')).toBe('3 hari kerja');
		expect(catalogue.slaPhrase({ value: 1, unit: 'days' }, 'en')).toBe('1 working day');
		expect(catalogue.slaPhrase({ value: 4, unit: 'hours' }, 'en')).toBe('4 working hours');
		const bad = { name: '', summary: 'x', description: 'x', requirements: '', procedure: 'x', time: 'x', fee: 'x', feeBasis: '', product: 'x', complaints: 'x', slaValue: '0', slaUnit: 'weeks', inPerson: false, active: true };
		const messages = () => v.safeParse(catalogue.serviceFormSchema, bad).issues?.map((i) => i.message);
		expect(messages()).toContain('Isi nama layanan.');
		expect(messages()).toContain('Isi persyaratan, satu per baris.');
		const original = runtime.getLocale;
		runtime.overwriteGetLocale(() => 'en');
		try {
			expect(catalogue.slaPhrase({ value: 3, unit: 'days' })).toBe('3 working days');
			expect(messages()).toEqual(
				expect.arrayContaining([
					'Fill in the name of the service.',
					'Fill in the requirements, one per line.',
					'Name SP4N-LAPOR! (lapor.go.id, SMS 1708) as a way to complain.',
					'The service time is at least 1.'
				])
			);
		} finally {
			runtime.overwriteGetLocale(original);
		}
	});
});

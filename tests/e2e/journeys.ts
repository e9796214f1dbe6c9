/**
 * Filling any service's guided form through the UI, driven by the service's own definition (services are
 * data, so the test is too): every field by its label, every document from tests/fixtures.
 */
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { services } from '../../src/lib/domain/catalogue';
import { servicesEn } from '../../src/lib/domain/catalogue-en';
import type { FieldDefinition, ServiceDefinition } from '../../src/lib/domain/service';
import { localizeService } from '../../src/lib/domain/service-language';
import { expectAccessible } from './helpers';

export type Language = 'id' | 'en';

/** The wording a reader sees in `language`, from the same message files the app reads (messages/<language>/<file>.json). */
export function wording(language: Language, file: string): Record<string, string> {
	return JSON.parse(readFileSync(new URL(`../../messages/${language}/${file}.json`, import.meta.url), 'utf8'));
}

/** A service's definition as a reader of `language` sees it (its English from domain/catalogue-en.ts). */
export function serviceIn(slug: string, language: Language): ServiceDefinition {
	const service = services.find((s) => s.slug === slug)!;
	return language === 'id' ? service : localizeService({ ...service, translations: { en: servicesEn[slug] } }, 'en');
}

export function daysAgo(n: number) {
	return new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
}

/** A plausible answer for a field of any kind. */
export function sampleAnswer(field: FieldDefinition): string {
	switch (field.kind) {
		case 'nik':
			return '6372045204950001';
		case 'kk':
			return '6372040101200003';
		case 'nib':
			return '9120001234567';
		case 'phone':
			return '0812 7777 6666';
		case 'date':
			return field.key.includes('birth') && field.key !== 'birth_date' ? daysAgo(10) : '1990-05-01';
		case 'time':
			return '09:30';
		case 'textarea':
			return 'Jl. Jenderal Ahmad Yani Km 35, RT 01 RW 02';
		default:
			return `Contoh ${field.label}`.slice(0, 60);
	}
}

function labelOf(field: FieldDefinition, optional: string) {
	return field.required ? field.label : `${field.label}${optional}`;
}

/**
 * Applies for `slug` as the logged-in user; returns the tracking code and the application's id. With
 * `audit`, axe checks every page on the way (slow on a shared machine: a few journeys do it, not all).
 */
export async function applyFor(
	page: Page,
	slug: string,
	overrides: Record<string, string> = {},
	{ audit = false, language = 'id' as Language } = {}
) {
	const service = serviceIn(slug, language);
	const w = wording(language, 'journey');
	const receipt = wording(language, 'status').status_receipt_heading!;
	const check = () => (audit ? expectAccessible(page) : Promise.resolve());
	await page.goto(`/ajukan/${slug}`);
	await check();
	await page.getByRole('button', { name: w.journey_start_button }).click();
	for (const step of service.steps) {
		await expect(page.getByRole('heading', { level: 1, name: step.title })).toBeVisible();
		await check();
		for (const field of step.fields) {
			const input = page.getByLabel(labelOf(field, w.journey_optional!), { exact: true });
			const value = overrides[field.key];
			if (field.kind === 'select') await input.selectOption(value ?? field.options![0]!.value);
			else if (field.kind === 'kelurahan') await input.selectOption(value ?? '63.72.04.1002');
			else if (field.key === 'applicant_name' || field.key === 'applicant_phone') {
				if (value) await input.fill(value); // otherwise prefilled from the account
			} else await input.fill(value ?? sampleAnswer(field));
		}
		await page.getByRole('button', { name: w.journey_continue }).click();
	}
	for (const document of service.documents) {
		await expect(page.getByRole('heading', { level: 1, name: document.label })).toBeVisible();
		await check();
		await page
			.getByLabel(new RegExp(w.journey_file_label!))
			.setInputFiles(document.key.includes('kk') ? 'tests/fixtures/kartu-keluarga.jpg' : 'tests/fixtures/surat-lahir.jpg');
		await page.getByRole('button', { name: new RegExp(`^(${w.journey_continue}|${w.journey_upload_and_continue})$`) }).click();
	}
	await expect(page.getByRole('heading', { level: 1, name: w.journey_check_heading })).toBeVisible();
	await check();
	await page.getByRole('button', { name: w.journey_submit }).click();
	await expect(page.getByRole('heading', { level: 1, name: receipt })).toBeVisible();
	await check();
	const code = (await page.locator('.code').first().textContent())!.trim();
	const id = new URL(page.url()).pathname.split('/')[2]!;
	return { code, id };
}

/** Fills the offline-capable form (/formulir/akta-kelahiran) up to its check page. */
export async function fillBirthCertificate(page: Page) {
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa yang melapor?' })).toBeVisible();
	await page.getByLabel('NIK Anda').fill('6372041503930002');
	await page.getByLabel('Nama lengkap Anda').fill('Rahmat Hidayat');
	await page.getByLabel('Hubungan dengan anak').selectOption({ label: 'Ayah' });
	await page.getByLabel('Nomor HP').fill('0812 5555 4444');
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await page.getByLabel('Nama lengkap anak').fill('Aisyah Putri');
	await page.getByLabel('Jenis kelamin anak').selectOption({ label: 'Perempuan' });
	await page.getByLabel('Anak ke berapa').selectOption({ label: 'Anak ke-2' });
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await page.getByLabel('Tanggal lahir anak').fill(daysAgo(5));
	await page.getByLabel('Tempat lahir').fill('Banjarbaru');
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await page.getByLabel('Nama lengkap ibu').fill('Nurul Huda');
	await page.getByLabel('NIK ibu').fill('6372045204950001');
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa ayah anak ini?' })).toBeVisible();
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await page.getByLabel('Nomor Kartu Keluarga orang tua').fill('6372040101200003');
	await page.getByLabel('Nama kepala keluarga').fill('Rahmat Hidayat');
	await page.getByRole('button', { name: 'Lanjut' }).click();
	for (const [heading, file] of [
		['Surat keterangan lahir', 'surat-lahir.jpg'],
		['Buku nikah atau akta perkawinan orang tua', null],
		['Foto Kartu Keluarga (KK)', 'kartu-keluarga.jpg']
	] as const) {
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		if (file) {
			await page.getByLabel(/Foto atau PDF/).setInputFiles(`tests/fixtures/${file}`);
			await expect(page.getByText(/Sudah dipilih/)).toBeVisible();
		}
		await page.getByRole('button', { name: 'Lanjut' }).click();
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Periksa jawaban Anda' })).toBeVisible();
}

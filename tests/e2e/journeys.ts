/**
 * Filling any service's guided form through the UI, driven by the service's own definition (services are
 * data, so the test is too): every field by its label, every document from tests/fixtures.
 */
import { expect, type Page } from '@playwright/test';
import { services } from '../../src/lib/domain/catalogue';
import type { FieldDefinition } from '../../src/lib/domain/service';
import { expectAccessible } from './helpers';

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

function labelOf(field: FieldDefinition) {
	return field.required ? field.label : `${field.label} (boleh dikosongkan)`;
}

/**
 * Applies for `slug` as the logged-in user; returns the tracking code and the application's id. With
 * `audit`, axe checks every page on the way (slow on a shared machine: a few journeys do it, not all).
 */
export async function applyFor(page: Page, slug: string, overrides: Record<string, string> = {}, { audit = false } = {}) {
	const service = services.find((s) => s.slug === slug)!;
	const check = () => (audit ? expectAccessible(page) : Promise.resolve());
	await page.goto(`/ajukan/${slug}`);
	await check();
	await page.getByRole('button', { name: 'Mulai isi formulir' }).click();
	for (const step of service.steps) {
		await expect(page.getByRole('heading', { level: 1, name: step.title })).toBeVisible();
		await check();
		for (const field of step.fields) {
			const input = page.getByLabel(labelOf(field), { exact: true });
			const value = overrides[field.key];
			if (field.kind === 'select') await input.selectOption(value ?? field.options![0]!.value);
			else if (field.kind === 'kelurahan') await input.selectOption(value ?? '63.72.04.1002');
			else if (field.key === 'applicant_name' || field.key === 'applicant_phone') {
				if (value) await input.fill(value); // otherwise prefilled from the account
			} else await input.fill(value ?? sampleAnswer(field));
		}
		await page.getByRole('button', { name: 'Lanjut' }).click();
	}
	for (const document of service.documents) {
		await expect(page.getByRole('heading', { level: 1, name: document.label })).toBeVisible();
		await check();
		await page
			.getByLabel(/Foto atau PDF/)
			.setInputFiles(document.key.includes('kk') ? 'tests/fixtures/kartu-keluarga.jpg' : 'tests/fixtures/surat-lahir.jpg');
		await page.getByRole('button', { name: /Lanjut|Unggah dan lanjut/ }).click();
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Periksa jawaban Anda' })).toBeVisible();
	await check();
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Permohonan terkirim' })).toBeVisible();
	await check();
	const code = (await page.locator('.code').first().textContent())!.trim();
	const id = new URL(page.url()).pathname.split('/')[2]!;
	return { code, id };
}

/** Fills the offline-capable form (/formulir/akta-kelahiran) up to its check page. */
export async function fillBirthCertificate(page: Page) {
	await expect(page.getByRole('heading', { level: 1, name: 'Data pelapor' })).toBeVisible();
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
	await expect(page.getByRole('heading', { level: 1, name: 'Data ayah' })).toBeVisible();
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

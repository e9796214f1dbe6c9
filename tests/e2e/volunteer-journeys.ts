/**
 * A volunteer's application for a resident through the server-side guided form (works without
 * JavaScript): "Untuk warga lain", the resident's page with their consent, then every page of the service's
 * journey, driven by the service's own definition like journeys.ts does for a citizen.
 */
import { expect, type Page } from '@playwright/test';
import { services } from '../../src/lib/domain/catalogue';
import { formatPhone, normalizePhone } from '../../src/lib/domain/phone';
import type { FieldDefinition } from '../../src/lib/domain/service';
import { sampleAnswer as sample } from './journeys';

/** In field mode a field reads for the resident ("NIK warga"). */
const labelOf = (field: FieldDefinition) => {
	const label = field.forResident?.label ?? field.label;
	return field.required ? label : `${label} (boleh dikosongkan)`;
};

export interface Resident {
	name: string;
	phone: string;
	/** For a child's birth certificate: the parent who agreed. */
	parentName?: string;
}

/** Applies for `slug` for a resident as the logged-in volunteer; returns the tracking code and the id. */
export async function applyForResident(page: Page, slug: string, resident: Resident) {
	const service = services.find((s) => s.slug === slug)!;
	await page.goto(`/ajukan/${slug}`);
	// a volunteer says for whom; an officer at the counter always applies for a walk-in resident
	const forResident = page.getByRole('radio', { name: 'Untuk warga lain' });
	if ((await forResident.count()) > 0) await forResident.check();
	await page.getByRole('button', { name: /^Mulai (isi formulir|permohonan untuk warga)$/ }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Warga yang Anda bantu' })).toBeVisible();
	await page.getByLabel('Nama lengkap warga').fill(resident.name);
	await page.getByLabel('Nomor HP warga').fill(resident.phone);
	if (resident.parentName !== undefined) {
		await page.getByLabel('Nama orang tua yang menyetujui').fill(resident.parentName);
		await page.getByRole('checkbox', { name: 'Yang menyetujui adalah ayah atau ibu anak' }).check();
	}
	await page.getByRole('radio', { name: 'Warga menyatakan setuju secara lisan' }).check();
	await page.getByRole('button', { name: 'Lanjut' }).click();

	for (const step of service.steps) {
		await expect(page.getByRole('heading', { level: 1, name: step.forResident?.title ?? step.title })).toBeVisible();
		await expect(page.getByText(`Untuk warga: ${resident.name} (${formatPhone(normalizePhone(resident.phone)!)})`)).toBeVisible();
		for (const field of step.fields) {
			// the resident's name and phone were given on the resident page: not asked a second time
			if (field.applicant) {
				await expect(page.getByLabel(field.label, { exact: true })).toHaveCount(0);
				continue;
			}
			const input = page.getByLabel(labelOf(field), { exact: true });
			if (field.kind === 'select') await input.selectOption(field.options![0]!.value);
			else if (field.kind === 'kelurahan') await input.selectOption('63.72.04.1002');
			else if (field.kind === 'phone') await input.fill(resident.phone);
			else await input.fill(sample(field));
		}
		await page.getByRole('button', { name: 'Lanjut' }).click();
	}
	for (const document of service.documents) {
		await expect(page.getByRole('heading', { level: 1, name: document.label })).toBeVisible();
		await page
			.getByLabel(/Foto atau PDF/)
			.setInputFiles(document.key.includes('kk') ? 'tests/fixtures/kartu-keluarga.jpg' : 'tests/fixtures/surat-lahir.jpg');
		await page.getByRole('button', { name: /Lanjut|Unggah dan lanjut/ }).click();
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Periksa jawaban Anda' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Warga yang dibantu' })).toBeVisible();
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Permohonan terkirim' })).toBeVisible();
	const code = (await page.locator('.code').first().textContent())!.trim();
	const id = new URL(page.url()).pathname.split('/')[2]!;
	return { code, id };
}

import { expect, test } from '@playwright/test';
import { uniquePhone } from './helpers';

test.use({ javaScriptEnabled: false });

test('without JavaScript: browse the catalogue, register, log out and log in again', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: /Akta Kelahiran/ }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Akta Kelahiran' })).toBeVisible();
	await expect(page.getByText('Gratis', { exact: true })).toBeVisible();

	await page.goto('/layanan');
	await expect(page.getByRole('heading', { level: 1, name: 'Semua layanan' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'KTP-el baru' })).toBeVisible();

	const phone = uniquePhone();
	await page.goto('/daftar');
	await page.getByLabel('Nama lengkap').fill('Ahmad Tanpa Skrip');
	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByLabel('Kata sandi').fill('jembatan barito panjang');
	await page.getByRole('button', { name: 'Daftar' }).click();
	await expect(page.getByRole('heading', { name: 'Halo, Ahmad Tanpa Skrip' })).toBeVisible();

	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page.getByRole('status')).toHaveText('Anda sudah keluar.');

	await page.goto('/masuk');
	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByLabel('Kata sandi').fill('salah sekali ini');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('alert')).toContainText('Nomor HP atau kata sandi salah.');
	await page.getByLabel('Kata sandi').fill('jembatan barito panjang');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('heading', { name: 'Halo, Ahmad Tanpa Skrip' })).toBeVisible();
});

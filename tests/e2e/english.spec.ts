/**
 * The second language (issue 13, part 4): switching works without JavaScript (a link and a cookie) and on a
 * prerendered page offline; the pages come back in the chosen language and say so (`lang`).
 * The English journey end to end is in english-journey.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { serviceWorkerReady } from './helpers';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the language link switches the page and the choice is remembered on the next page', async ({ page }) => {
		await page.goto('/layanan');
		await expect(page.locator('html')).toHaveAttribute('lang', 'id');
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL(/\/layanan$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
		await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();

		await page.goto('/lacak');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
		await expect(page).toHaveURL(/\/lacak$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'id');
		await expect(page.getByRole('navigation', { name: 'Menu utama' })).toBeVisible();
	});

	test('the language link only goes back to this site', async ({ page }) => {
		await page.goto('/bahasa/en?kembali=//evil.example/');
		await expect(page).toHaveURL(/localhost:\d+\/$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const unknown = await page.request.get('/bahasa/fr');
		expect(unknown.status()).toBe(404);
	});
});

test('offline, a prerendered form switches to English in place and back', async ({ page, context }) => {
	await page.goto('/formulir/akta-kelahiran');
	await serviceWorkerReady(page);
	await context.setOffline(true);
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
	await expect(page.getByRole('link', { name: 'Bahasa Indonesia' })).toBeVisible();
	// the service's own words too: the prerendered page carries the service's English and reads it
	await expect(page.getByRole('heading', { level: 1, name: 'Who is reporting the birth?' })).toBeVisible();
	await expect(page.getByLabel('Your NIK', { exact: true })).toBeVisible();
	await expect(page.getByText(/^Akta Kelahiran \(birth certificate\) · Step 1 of \d+$/)).toBeVisible();
	await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'id');
	await expect(page.getByRole('link', { name: 'Langsung ke isi' })).toBeAttached();
	await context.setOffline(false);
});

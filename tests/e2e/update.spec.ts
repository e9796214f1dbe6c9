/**
 * A new version deployed while the app is open: the service worker waits, the page offers
 * "Versi baru tersedia – Muat ulang", and the new version takes over only when the user agrees.
 * This test rewrites the served service-worker.js (same length, new version string), so it runs in its own
 * Playwright project after every other test, and restores the file at the end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const file = '.svelte-kit/output/client/service-worker.js';

test('after a new service worker is deployed, the page offers the update and applies it on request', async ({ page }) => {
	await page.goto('/layanan');
	await expect
		.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active && !!navigator.serviceWorker.controller), {
			timeout: 30_000
		})
		.toBe(true);
	const before = await page.evaluate(async () => (await caches.keys()).find((k) => k.startsWith('aplikasi-')));

	const original = readFileSync(file, 'utf8');
	// SvelteKit's `version` (the build time) is inlined as a string literal
	const current = original.match(/[`"'](\d{13})[`"']/)?.[1];
	expect(current, 'the built service worker carries its version').toBeTruthy();
	const next = String(Number(current) + 1).padStart(current!.length, '0');
	try {
		writeFileSync(file, original.replaceAll(current!, next));
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		const bar = page.getByRole('status').filter({ hasText: 'Versi baru tersedia' });
		await expect(bar).toBeVisible({ timeout: 30_000 });
		await bar.getByRole('button', { name: 'Muat ulang' }).click();
		await page.waitForEvent('load');
		await expect
			.poll(() => page.evaluate(async () => (await caches.keys()).find((k) => k.startsWith('aplikasi-'))), { timeout: 15_000 })
			.toBe(`aplikasi-${next}`);
		expect(before).toBe(`aplikasi-${current}`);
	} finally {
		writeFileSync(file, original);
	}
});

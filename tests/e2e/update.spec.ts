/**
 * A new version deployed while the app is open: the service worker waits, the page offers
 * "Versi baru tersedia – Muat ulang" (the shell script's prompt, on pages with and without the framework),
 * and the new version takes over only when the user agrees.
 *
 * The new version is the built service-worker.js with a new version string. The Node server (adapter-node's
 * sirv) reads file sizes once at start and serves the precompressed .gz to Chromium over http, so the test
 * rewrites the file at the same length and its .gz at the same length (zero bytes after the gzip trailer), and clears
 * the browser's HTTP cache so that the update check is not answered 304 by the unchanged ETag. The browser
 * does not let a route answer the service worker's own update check. Runs in its own Playwright project
 * after every other test, and restores the files at the end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';

const file = 'build/client/service-worker.js';

async function controlled(page: Page) {
	await expect
		.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active && !!navigator.serviceWorker.controller), {
			timeout: 30_000
		})
		.toBe(true);
}

/** A gzip of `text` exactly `size` bytes long (Chromium ignores bytes after the gzip trailer), or null. */
function gzipOfSize(text: string, size: number): Buffer | null {
	for (const options of [{ level: 9, memLevel: 9 }, { level: 9 }, { level: 6, memLevel: 9 }]) {
		const natural = gzipSync(text, options);
		if (natural.length <= size) return Buffer.concat([natural, Buffer.alloc(size - natural.length)]);
	}
	return null;
}

for (const path of ['/layanan', '/masuk']) {
	test(`after a new service worker is deployed, ${path} offers the update and applies it on request`, async ({ page, context }) => {
		await page.goto(path);
		await controlled(page);
		const before = await page.evaluate(async () => (await caches.keys()).find((k) => k.startsWith('aplikasi-')));

		const original = readFileSync(file, 'utf8');
		const originalGzip = readFileSync(`${file}.gz`);
		// SvelteKit's `version` (the build time) is inlined as a string literal
		const current = original.match(/[`"'](\d{13})[`"']/)?.[1];
		expect(current, 'the built service worker carries its version').toBeTruthy();
		expect(before).toBe(`aplikasi-${current}`);
		// a newer version whose gzip fits in the announced length
		let next = '';
		let gzip: Buffer | null = null;
		for (let step = 1; !gzip && step < 500; step++) {
			next = String(Number(current) + step).padStart(current!.length, '0');
			gzip = gzipOfSize(original.replaceAll(current!, next), originalGzip.length);
		}
		expect(gzip, 'a gzip of the new version fits the length the server announces').toBeTruthy();
		const updated = original.replaceAll(current!, next);
		try {
			writeFileSync(file, updated);
			writeFileSync(`${file}.gz`, gzip!);
			await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
			await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
			const bar = page.getByRole('status').filter({ hasText: 'Versi baru tersedia' });
			await expect(bar).toBeVisible({ timeout: 30_000 });
			await bar.getByRole('button', { name: 'Muat ulang' }).click();
			await page.waitForEvent('load');
			await expect
				.poll(() => page.evaluate(async () => (await caches.keys()).find((k) => k.startsWith('aplikasi-'))), { timeout: 15_000 })
				.toBe(`aplikasi-${next}`);
		} finally {
			writeFileSync(file, original);
			writeFileSync(`${file}.gz`, originalGzip);
		}
	});
}

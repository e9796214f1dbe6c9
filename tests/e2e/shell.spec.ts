/**
 * Pages with nothing to interact with ship no framework (`csr = false`): only the shell script
 * (`/_app/shell.js`, src/lib/client/shell.ts). It still registers the service worker, and it fills the
 * account menu (name, "Kabar" with the unread count) on pages that carry no account data because they
 * are the same for everyone and served from the phone's cache. Without JavaScript the pages still work.
 */
import { expect, test } from '@playwright/test';
import { e2eDatabase, registered, serviceWorkerReady, uniquePhone } from './helpers';
import { fillBirthCertificate } from './journeys';

const readOnlyPages = ['/', '/layanan', '/layanan/akta-kelahiran', '/lacak'];

test('read-only pages load no framework script, only the shell, and still register the service worker', async ({ page }) => {
	test.setTimeout(150_000);
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
	});
	for (const path of readOnlyPages) {
		scripts.length = 0;
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		expect(scripts.filter((s) => s.startsWith('/_app/immutable/entry/')), `${path} loads no framework`).toEqual([]);
		expect(scripts, `${path} loads the shell script`).toContain('/_app/shell.js');
		// no hydration data either
		expect(await page.locator('script:not([src])').count(), `${path} has no inline script`).toBe(0);
	}
	await serviceWorkerReady(page, 90_000);
	// a form page keeps its framework
	scripts.length = 0;
	await page.goto('/masuk');
	await page.waitForLoadState('networkidle');
	expect(scripts.some((s) => s.startsWith('/_app/immutable/entry/'))).toBe(true);
});

test('the offline form wakes up without SvelteKit\'s client, keeping the page the server wrote, in both languages', async ({ page, context }) => {
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
	});
	for (const [language, heading] of [['id', 'Siapa yang melapor?'], ['en', 'Who is reporting the birth?']] as const) {
		await context.addCookies([{ name: 'bahasa', value: language, url: test.info().project.use.baseURL! }]);
		scripts.length = 0;
		// the scripts come late, so the page the server wrote can be marked before they run
		let slow = true;
		await page.route('**/_app/**', async (route) => {
			if (slow) await new Promise((done) => setTimeout(done, 800));
			await route.continue();
		});
		await page.goto('/formulir/akta-kelahiran', { waitUntil: 'commit' });
		const parts = ['#kepala nav', '#formulir h1', '#formulir input', '#kaki footer'];
		await page.locator('#kaki footer').waitFor({ state: 'attached' });
		await page.evaluate((selectors) => selectors.forEach((s) => document.querySelector<HTMLElement>(s)!.setAttribute('data-tertulis', '')), parts);
		slow = false;
		await expect(page).toHaveURL(/draf=/);
		await page.unroute('**/_app/**');
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		// woken up, not drawn again: the nodes the server wrote are still there (the menu and foot too)
		for (const part of parts) await expect(page.locator(`${part}[data-tertulis]`), part).toHaveCount(1);
		await expect(page.locator('html')).toHaveAttribute('lang', language);
		expect(scripts.filter((s) => s.startsWith('/_app/immutable/entry/')), 'no SvelteKit client').toEqual([]);
		// one script: its own, which carries the shell
		expect(scripts).toContain('/_app/formulir/formulir.js');
		expect(scripts).not.toContain('/_app/shell.js');
	}

	// through to the document steps, whose pictures and photo shrinking load as chunks: the script runs once
	// (a chunk importing it by a second name would run it again, and the page would be drawn afresh)
	const warnings: string[] = [];
	page.on('console', (message) => {
		if (/hydrat/i.test(message.text())) warnings.push(message.text());
	});
	await context.addCookies([{ name: 'bahasa', value: 'id', url: test.info().project.use.baseURL! }]);
	await page.goto('/formulir/akta-kelahiran');
	await expect(page).toHaveURL(/draf=/);
	await page.locator('#kepala nav').evaluate((nav) => nav.setAttribute('data-tertulis', ''));
	await fillBirthCertificate(page);
	await expect(page.locator('#kepala nav[data-tertulis]')).toHaveCount(1);
	expect(warnings).toEqual([]);
});

test('the account menu is filled on a public page served from the cache, also offline, and emptied on logout', async ({
	page,
	context
}) => {
	const phone = uniquePhone();
	await registered(page, 'Siti Rahmah', phone, 'kebun karet di cempaka');
	const db = e2eDatabase();
	try {
		const user = await db.execute({ sql: 'SELECT id FROM users WHERE phone = ?', args: ['+62' + phone.slice(1)] });
		const userId = String(user.rows[0]!.id);
		await db.execute({
			sql: 'INSERT INTO notifications (user_id, text, created_at) VALUES (?, ?, ?)',
			args: [userId, 'Permohonan Anda sedang diperiksa.', Date.now()]
		});
	} finally {
		db.close();
	}

	await page.goto('/layanan');
	await serviceWorkerReady(page, 90_000);
	const fromCache: string[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() === 'document' && response.fromServiceWorker()) fromCache.push(response.url());
	});
	for (const path of readOnlyPages) {
		await page.goto(path);
		const menu = page.getByRole('navigation', { name: 'Menu utama' });
		await expect(menu.getByRole('link', { name: 'Kabar, 1 belum dibaca' }), path).toBeVisible();
		await expect(page.getByText('Siti Rahmah · Warga'), path).toBeVisible();
	}
	expect(fromCache.length, 'the public pages came from the service worker').toBeGreaterThanOrEqual(readOnlyPages.length);

	// no signal: the last known account
	await context.setOffline(true);
	await page.goto('/layanan/akta-kelahiran');
	await expect(page.getByRole('link', { name: 'Kabar, 1 belum dibaca' })).toBeVisible();
	await expect(page.getByText('Siti Rahmah · Warga')).toBeVisible();
	await context.setOffline(false);

	// a page rendered with the account, then a hydrated public page, then the framework's own navigation
	await page.goto('/akun');
	await expect(page.getByRole('link', { name: 'Kabar, 1 belum dibaca' })).toBeVisible();
	await page.goto('/draf');
	await expect(page.getByRole('link', { name: 'Kabar, 1 belum dibaca' })).toBeVisible();
	await expect(page.getByText('Siti Rahmah · Warga')).toBeVisible();

	await page.goto('/akun');
	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page.getByText('Anda sudah keluar.')).toBeVisible();
	await page.goto('/layanan');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('link', { name: /^Kabar/ })).toHaveCount(0);
	await expect(page.getByText('Siti Rahmah')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the read-only pages work: links, the tracking form, no empty menu items or prompts', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Urus dokumen dari HP, tanpa antre' })).toBeVisible();
		await expect(page.getByRole('link', { name: /^Kabar/ })).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Muat ulang' })).toHaveCount(0);
		await expect(page.getByRole('region', { name: 'Pasang aplikasi' })).toHaveCount(0);

		await page.getByRole('link', { name: 'Lihat semua layanan' }).click();
		await page.getByRole('link', { name: 'Akta Kelahiran' }).first().click();
		await expect(page.getByRole('heading', { level: 1, name: 'Akta Kelahiran' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Mulai mengajukan' })).toHaveAttribute('href', '/ajukan/akta-kelahiran');

		await page.goto('/lacak');
		await page.getByLabel('Kode lacak').fill('ABCD2345');
		await page.getByLabel('4 angka terakhir nomor HP pemohon').fill('1234');
		await page.getByRole('button', { name: 'Lacak', exact: true }).click();
		await expect(page.getByRole('alert')).toContainText('Ada yang perlu diperbaiki');
	});
});

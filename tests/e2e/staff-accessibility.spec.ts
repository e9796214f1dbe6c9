/**
 * Accessibility proven on the signed-in pages too (issue 13): every page of the resident's account, the
 * volunteer's, the officer's and the admin's passes axe (WCAG 2.2 AA), in Indonesian and in English.
 * A record's own page (an application, a service, a complaint) is reached from its list, as a person would.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Role } from '../../src/lib/domain/roles';
import { demo, e2eDatabase, expectAccessible, logIn } from './helpers';
import { wording } from './journeys';

const pagesOf: Record<Role, { pages: string[]; firstOf?: { list: string; link: string }[] }> = {
	citizen: {
		pages: ['/akun', '/akun/data', '/akun/kabar', '/akun/klaim', '/akun/nomor', '/akun/relawan', '/akun/sandi', '/permohonan', '/notifikasi']
	},
	volunteer: { pages: ['/relawan', '/akun'] },
	officer: {
		pages: ['/petugas', '/petugas/jadwal', '/petugas/loket', '/petugas/pengaduan'],
		firstOf: [
			{ list: '/petugas', link: 'a[href^="/petugas/permohonan/"]' },
			{ list: '/petugas/pengaduan', link: 'a[href^="/petugas/pengaduan/"]' }
		]
	},
	admin: {
		pages: [
			'/admin',
			'/admin/data-pribadi',
			'/admin/hari-libur',
			'/admin/ikm',
			'/admin/kabar',
			'/admin/kantor',
			'/admin/layanan',
			'/admin/layanan/akta-kelahiran',
			'/admin/lokasi',
			'/admin/pengaduan',
			'/admin/permohonan',
			'/admin/petugas',
			'/admin/relawan'
		],
		// an application is found by its tracking code (the admin's search), below
		firstOf: [{ list: '/admin/pengaduan', link: 'a[href^="/admin/pengaduan/"]' }]
	}
};

/** A resident complains about an officer by name: such complaints go to the admin, not the office. */
async function complainAboutAnOfficer(browser: Browser) {
	const context = await browser.newContext();
	const resident = await context.newPage();
	await resident.goto('/pengaduan');
	await resident.getByLabel('Layanan yang diadukan').selectOption({ index: 1 });
	await resident.getByLabel('Isi pengaduan').fill('Petugas meminta uang di luar biaya resmi.');
	await resident.getByLabel('Nama petugas (jika tahu)').fill('Budi');
	await resident.getByRole('button', { name: 'Kirim pengaduan' }).click();
	await expect(resident.locator('.code').first()).toBeVisible();
	await context.close();
}

/** The admin opens an application as they would: by typing a tracking code into the search. */
async function auditFoundApplication(page: Page, language: 'id' | 'en') {
	const db = e2eDatabase();
	const { rows } = await db.execute('SELECT tracking_code FROM applications ORDER BY submitted_at DESC LIMIT 1');
	db.close();
	const code = String(rows[0]?.tracking_code ?? '');
	expect(code, 'the demo history has an application').not.toBe('');
	const w = wording(language, 'admin');
	await page.goto('/admin/permohonan');
	await page.getByLabel(w.admin_search_label!).fill(code);
	await page.getByRole('button', { name: w.admin_search_open }).click();
	await expect(page).toHaveURL(/\/admin\/permohonan\/[^/]+$/);
	await audit(page, new URL(page.url()).pathname, language);
}

async function audit(page: Page, path: string, language: string) {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', language);
	await expectAccessible(page);
}

for (const language of ['id', 'en'] as const) {
	for (const role of ['citizen', 'volunteer', 'officer', 'admin'] as const) {
		test(`axe finds nothing on the ${role}'s pages (${language})`, async ({ page, context, baseURL, browser }) => {
			test.setTimeout(300_000); // many pages, each checked by axe, on a shared machine (the admin has fourteen)
			const account = role === 'officer' ? demo('officer', 'disdukcapil') : demo(role);
			if (role === 'admin') await complainAboutAnOfficer(browser);
			await logIn(page, account.phone, account.password);
			if (language === 'en') await context.addCookies([{ name: 'bahasa', value: 'en', url: baseURL! }]);
			const { pages, firstOf = [] } = pagesOf[role];
			for (const path of pages) await audit(page, path, language);
			for (const { list, link } of firstOf) {
				await page.goto(list);
				// the demo history (npm start on an empty database) has applications and complaints to open
				await expect(page.locator(link).first(), `a record to open from ${list}`).toBeAttached({ timeout: 10_000 });
				const href = await page.locator(link).first().getAttribute('href');
				await audit(page, href!, language);
			}
			if (role === 'admin') await auditFoundApplication(page, language);
		});
	}
}

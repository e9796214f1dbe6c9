/**
 * Accessibility proven on the signed-in pages too (issue 13): every page of the resident's account, the
 * volunteer's, the officer's and the admin's passes axe (WCAG 2.2 AA), in Indonesian and in English.
 * A record's own page (an application, a service, a complaint) is reached from its list, as a person would.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Role } from '../../src/lib/domain/roles';
import { demo, expectAccessible, logIn } from './helpers';

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
		firstOf: [
			{ list: '/admin/permohonan', link: 'a[href^="/admin/permohonan/"]' },
			{ list: '/admin/pengaduan', link: 'a[href^="/admin/pengaduan/"]' }
		]
	}
};

async function audit(page: Page, path: string, language: string) {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', language);
	await expectAccessible(page);
}

for (const language of ['id', 'en'] as const) {
	for (const role of ['citizen', 'volunteer', 'officer', 'admin'] as const) {
		test(`axe finds nothing on the ${role}'s pages (${language})`, async ({ page, context, baseURL }) => {
			test.setTimeout(600_000); // many pages, each checked by axe, on a shared machine (the admin has fourteen)
			const account = role === 'officer' ? demo('officer', 'disdukcapil') : demo(role);
			await logIn(page, account.phone, account.password);
			if (language === 'en') await context.addCookies([{ name: 'bahasa', value: 'en', url: baseURL! }]);
			const { pages, firstOf = [] } = pagesOf[role];
			for (const path of pages) await audit(page, path, language);
			for (const { list, link } of firstOf) {
				await page.goto(list);
				// the demo history (npm start on an empty database) has applications and complaints to open
				const href = await page.locator(link).first().getAttribute('href');
				expect(href, `a record to open from ${list}`).toBeTruthy();
				await audit(page, href!, language);
			}
		});
	}
}

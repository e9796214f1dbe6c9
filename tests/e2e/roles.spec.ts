/**
 * The role × route matrix: every role (and an anonymous visitor) against every protected area, pages and
 * form posts alike. The expected outcomes are written out here, independently of domain/roles.ts, so a
 * change to the role table that opens a door shows up as a failing cell.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Role } from '../../src/lib/domain/roles';
import { demo, logIn } from './helpers';

type Outcome = 'ok' | 'login' | 'forbidden';
type Who = Role | 'anonymous';

const routes = ['/akun', '/permohonan', '/relawan', '/petugas', '/admin'] as const;

const matrix: Record<Who, Record<(typeof routes)[number], Outcome>> = {
	anonymous: { '/akun': 'login', '/permohonan': 'login', '/relawan': 'login', '/petugas': 'login', '/admin': 'login' },
	citizen: { '/akun': 'ok', '/permohonan': 'ok', '/relawan': 'forbidden', '/petugas': 'forbidden', '/admin': 'forbidden' },
	volunteer: { '/akun': 'ok', '/permohonan': 'ok', '/relawan': 'ok', '/petugas': 'forbidden', '/admin': 'forbidden' },
	officer: { '/akun': 'ok', '/permohonan': 'forbidden', '/relawan': 'forbidden', '/petugas': 'ok', '/admin': 'forbidden' },
	admin: { '/akun': 'ok', '/permohonan': 'forbidden', '/relawan': 'forbidden', '/petugas': 'forbidden', '/admin': 'ok' }
};

async function expectOutcome(page: Page, route: string, outcome: Outcome) {
	const response = await page.goto(route);
	switch (outcome) {
		case 'ok':
			expect(response?.status(), `${route} should open`).toBe(200);
			await expect(page).toHaveURL(new RegExp(`${route}$`));
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			break;
		case 'login':
			await expect(page).toHaveURL(`/masuk?ke=${encodeURIComponent(route)}`);
			await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
			break;
		case 'forbidden':
			expect(response?.status(), `${route} should be refused`).toBe(403);
			await expect(page.getByText('Halaman ini bukan untuk peran akun Anda.')).toBeVisible();
			break;
	}
}

for (const who of Object.keys(matrix) as Who[]) {
	test(`role matrix: ${who}`, async ({ page, baseURL }) => {
		if (who !== 'anonymous') {
			const account = demo(who, who === 'officer' ? 'disdukcapil' : undefined);
			await logIn(page, account.phone, account.password);
		}
		for (const route of routes) {
			await test.step(`${who} → ${route}: ${matrix[who][route]}`, async () => {
				await expectOutcome(page, route, matrix[who][route]);
			});
			// a form post is refused exactly like the page, whatever the action
			if (matrix[who][route] !== 'ok') {
				const response = await page.request.post(`${route}?/apa-saja`, {
					form: { x: '1' },
					headers: { origin: baseURL!, accept: 'text/html' },
					maxRedirects: 0
				});
				expect(response.status(), `POST ${route} as ${who}`).toBe(
					matrix[who][route] === 'login' ? 303 : 403
				);
			}
		}
	});
}

test('after logging in, the page asked for opens', async ({ page }) => {
	const account = demo('admin');
	await page.goto('/admin');
	await expect(page).toHaveURL('/masuk?ke=%2Fadmin');
	await page.getByLabel('Nomor HP').fill(account.phone);
	await page.getByLabel('Kata sandi').fill(account.password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).toHaveURL('/admin');
	await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
});

test('a redirect after login never leaves the site', async ({ page }) => {
	const account = demo('citizen');
	await page.goto('/masuk?ke=//contoh.com/jebakan');
	await page.getByLabel('Nomor HP').fill(account.phone);
	await page.getByLabel('Kata sandi').fill(account.password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page).toHaveURL('/akun');
});

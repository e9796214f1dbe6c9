/**
 * The role × route matrix: every role (and an anonymous visitor) against every protected area, pages and
 * form posts alike. The expected outcomes are written out here, independently of domain/roles.ts, so a
 * change to the role table that opens a door shows up as a failing cell.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Role } from '../../src/lib/domain/roles';
import { demo, e2eDatabase, logIn, register, uniquePhone } from './helpers';
import { applyForResident } from './volunteer-journeys';

type Outcome = 'ok' | 'login' | 'forbidden';
type Who = Role | 'anonymous';

const routes = [
	'/akun',
	'/permohonan',
	'/relawan',
	'/petugas',
	'/admin',
	'/admin/petugas',
	'/admin/layanan',
	'/admin/hari-libur',
	'/akun/relawan',
	'/admin/relawan'
] as const;

const matrix: Record<Who, Record<(typeof routes)[number], Outcome>> = {
	anonymous: {
		'/akun': 'login', '/permohonan': 'login', '/relawan': 'login', '/petugas': 'login', '/admin': 'login',
		'/admin/petugas': 'login', '/admin/layanan': 'login', '/admin/hari-libur': 'login',
		'/akun/relawan': 'login', '/admin/relawan': 'login'
	},
	citizen: {
		'/akun': 'ok', '/permohonan': 'ok', '/relawan': 'forbidden', '/petugas': 'forbidden', '/admin': 'forbidden',
		'/admin/petugas': 'forbidden', '/admin/layanan': 'forbidden', '/admin/hari-libur': 'forbidden',
		'/akun/relawan': 'ok', '/admin/relawan': 'forbidden'
	},
	volunteer: {
		'/akun': 'ok', '/permohonan': 'ok', '/relawan': 'ok', '/petugas': 'forbidden', '/admin': 'forbidden',
		'/admin/petugas': 'forbidden', '/admin/layanan': 'forbidden', '/admin/hari-libur': 'forbidden',
		'/akun/relawan': 'ok', '/admin/relawan': 'forbidden'
	},
	officer: {
		// an officer's own list: the walk-in applications they made at the counter (access.ts: their helper)
		'/akun': 'ok', '/permohonan': 'ok', '/relawan': 'forbidden', '/petugas': 'ok', '/admin': 'forbidden',
		'/admin/petugas': 'forbidden', '/admin/layanan': 'forbidden', '/admin/hari-libur': 'forbidden',
		'/akun/relawan': 'ok', '/admin/relawan': 'forbidden'
	},
	admin: {
		'/akun': 'ok', '/permohonan': 'forbidden', '/relawan': 'forbidden', '/petugas': 'forbidden', '/admin': 'ok',
		'/admin/petugas': 'ok', '/admin/layanan': 'ok', '/admin/hari-libur': 'ok',
		'/akun/relawan': 'ok', '/admin/relawan': 'ok'
	}
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

test('a volunteer cannot open another volunteer’s resident’s application, nor its documents', async ({ page, browser }) => {
	test.slow();
	// another volunteer (made one directly in the database: the admin's approval has its own test) applies for a resident
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	const otherPhone = uniquePhone();
	await register(other, `Relawan Lain ${otherPhone.slice(-4)}`, otherPhone, 'pohon karet di belakang rumah');
	await expect(other.getByRole('heading', { level: 1, name: /^Halo, / })).toBeVisible();
	const db = e2eDatabase();
	await db.execute({
		sql: "UPDATE users SET role = 'volunteer', kelurahan = '63.72.05.1003' WHERE phone = ?",
		args: [`+62${otherPhone.slice(1)}`]
	});
	const { id } = await applyForResident(other, 'ktp-el-baru', { name: 'Warga Kemuning', phone: uniquePhone() });
	const documents = await db.execute({ sql: 'SELECT id FROM documents WHERE application_id = ?', args: [id] });
	db.close();
	await otherContext.close();

	const volunteer = demo('volunteer');
	await logIn(page, volunteer.phone, volunteer.password);
	for (const path of [`/permohonan/${id}`, `/permohonan/${id}/slip`, `/dokumen/${String(documents.rows[0]!.id)}`]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
	}
	await page.goto('/relawan');
	await expect(page.getByText('Warga Kemuning')).toHaveCount(0);
});

/**
 * Personal data (UU 27/2022, issue 14), in two browsers: an officer sees the resident's NIK masked and
 * reveals it on purpose; the resident's "Data saya" lists that look, and so does the downloaded file; a
 * deletion request is answered by an admin within its 3 × 24-hour clock.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { demo, logIn, registered, uniquePhone } from './helpers';
import { applyFor } from './journeys';

async function signedIn(browser: Browser, role: 'officer' | 'admin') {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const account = role === 'officer' ? demo('officer', 'disdukcapil') : demo('admin');
	await logIn(page, account.phone, account.password);
	return { page, name: account.name };
}

test('an officer’s reveal of a NIK is listed in the resident’s Data saya and in the export', async ({ page, browser }) => {
	test.slow();
	await registered(page, 'Nur Aini', uniquePhone(), 'rumah panggung di tepi sungai');
	const { code, id } = await applyFor(page, 'ktp-el-baru', { applicant_nik: '6372 0452 0495 0001' });

	const officer = await signedIn(browser, 'officer');
	await officer.page.goto(`/petugas/permohonan/${id}`);
	// least sight: masked until revealed
	await expect(officer.page.getByText('6372 04•• •••• 0001')).toBeVisible();
	await expect(officer.page.getByText('6372045204950001')).toHaveCount(0);
	await officer.page.getByRole('button', { name: 'Tampilkan NIK Anda utuh' }).click();
	await expect(officer.page.getByText('6372045204950001')).toBeVisible();

	await page.goto('/akun');
	await page.getByRole('link', { name: /Data saya/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Data saya' })).toBeVisible();
	const looks = page.getByRole('heading', { name: 'Siapa yang membuka data Anda' }).locator('xpath=following-sibling::ul[1]');
	await expect(looks.getByText(new RegExp(`${officer.name}.*membuka NIK utuh`))).toBeVisible();
	await expect(looks.getByText(new RegExp(`${officer.name}.*membuka permohonan`)).first()).toBeVisible();
	// the resident sees their own answers whole
	await expect(page.getByText('6372045204950001')).toBeVisible();

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Unduh data saya (JSON)' }).click();
	const file = await (await downloading).path();
	const exported = JSON.parse(readFileSync(file, 'utf8'));
	expect(exported.account.name).toBe('Nur Aini');
	expect(exported.applications.map((a: { trackingCode: string }) => a.trackingCode)).toContain(code.replace(/\s/g, ''));
	const views = exported.views as { who: string; what: string; trackingCode: string }[];
	expect(views).toEqual(expect.arrayContaining([expect.objectContaining({ who: officer.name, what: 'membuka NIK utuh' })]));
	expect(views).toEqual(expect.arrayContaining([expect.objectContaining({ who: officer.name, what: 'membuka permohonan' })]));
	await officer.page.context().close();
});

test('a deletion request is answered by an admin within the 3 × 24-hour clock', async ({ page, browser }) => {
	test.slow();
	await registered(page, 'Hasan Basri', uniquePhone(), 'rumah panggung di tepi sungai');
	await page.goto('/akun/data');
	await page.getByRole('radio', { name: 'Penghapusan data' }).check();
	await page.getByLabel('Tulis permintaan Anda').fill('Tolong hapus draf dan pemberitahuan saya.');
	await page.getByRole('button', { name: 'Kirim permintaan' }).click();
	await expect(page.getByRole('status')).toContainText('Admin menjawab paling lambat 3 × 24 jam');
	await expect(page.getByText(/Penghapusan data, .*Sedang diproses/)).toBeVisible();
	// what cannot be deleted is said plainly, with its legal reason
	await expect(page.getByText(/UU 27\/2022 Pasal 15/)).toBeVisible();

	const admin = await signedIn(browser, 'admin');
	await admin.page.goto('/admin');
	await admin.page.getByRole('link', { name: 'Data pribadi' }).click();
	const request = admin.page.getByRole('region', { name: 'Penghapusan data dari Hasan Basri' });
	await expect(request.getByText(/sisa (71|72) jam/)).toBeVisible();
	await request.getByLabel('Jawaban untuk Hasan Basri').fill('Draf dan pemberitahuan Anda sudah dihapus. Permohonan yang sudah dikirim wajib disimpan.');
	await request.getByRole('button', { name: 'Tandai selesai' }).click();
	await expect(admin.page.getByRole('region', { name: 'Penghapusan data dari Hasan Basri' }).getByText(/Selesai .* oleh/)).toBeVisible();

	await page.reload();
	await expect(page.getByText(/Penghapusan data, .*Selesai.*Jawaban admin: Draf dan pemberitahuan Anda sudah dihapus/)).toBeVisible();
	await admin.page.context().close();
});

test('the privacy notice states the retention periods and is linked from registration', async ({ page }) => {
	await page.goto('/daftar');
	await page.getByRole('link', { name: 'Pemberitahuan Privasi' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Pemberitahuan Privasi' })).toBeVisible();
	await expect(page.getByRole('row', { name: /Draf permohonan yang belum dikirim.*30 hari/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Data saya' }).first()).toBeVisible();
});

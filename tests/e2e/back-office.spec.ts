/**
 * The whole loop between a resident and an office, in two browsers: the resident applies, the officer
 * claims and sends it back with a note, the resident fixes only what was asked and resubmits, the officer
 * approves and completes with a result, the resident sees and downloads it. Then a rejection with its
 * reason, and a city permit whose QR verification page confirms it.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, logIn, register, uniquePhone } from './helpers';
import { applyFor } from './journeys';

async function officerPage(browser: Browser, office: 'disdukcapil' | 'dpmptsp') {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const officer = demo('officer', office);
	await logIn(page, officer.phone, officer.password);
	return page;
}

async function resident(page: Page, name: string) {
	await register(page, name, uniquePhone(), 'rumah panggung di tepi sungai');
	await expect(page.getByRole('heading', { level: 1, name: `Halo, ${name}` })).toBeVisible();
}

async function openFromQueue(officer: Page, code: string) {
	await officer.goto('/petugas');
	await officer.getByRole('row').filter({ hasText: code }).getByRole('link').click();
	await expect(officer.getByText(code, { exact: true })).toBeVisible();
}

test('apply → claim → correction → resubmit → approve → complete with a file → download', async ({ page, browser }) => {
	test.slow();
	await resident(page, 'Maya Sari');
	const { code, id } = await applyFor(page, 'akta-kelahiran', { mother_name: 'Sari Wulan' });

	const officer = await officerPage(browser, 'disdukcapil');
	await openFromQueue(officer, code);
	await officer.getByRole('button', { name: 'Ambil dan periksa' }).click();
	await expect(officer.getByText('Sedang diperiksa')).toBeVisible();
	// the documents are shown for checking
	await expect(officer.getByRole('img', { name: 'Foto Surat keterangan lahir' })).toBeVisible();

	await officer.getByText('Minta perbaikan', { exact: true }).click();
	const note = 'Nama ibu harus sama dengan di Kartu Keluarga.';
	// sent with nothing ticked: refused, and the note typed is given back in the open form
	await officer.getByLabel('Catatan untuk pemohon').fill(note);
	await officer.getByRole('button', { name: 'Kirim permintaan perbaikan' }).click();
	await expect(officer.getByRole('alert')).toHaveText('Pilih paling sedikit satu isian atau dokumen yang perlu diperbaiki.');
	await expect(officer.getByLabel('Catatan untuk pemohon')).toHaveValue(note);
	await officer.getByRole('checkbox', { name: 'Nama lengkap ibu' }).check();
	await officer.getByRole('button', { name: 'Kirim permintaan perbaikan' }).click();
	await expect(officer.getByText('Menunggu perbaikan dari pemohon.')).toBeVisible();

	// the resident is told, and fixes only what was asked
	await page.goto('/akun');
	await expect(page.getByRole('link', { name: /Kabar, 2 belum dibaca/ })).toBeVisible();
	await page.goto(`/permohonan/${id}`);
	await expect(page.getByText('Perlu perbaikan dari Anda')).toBeVisible();
	await expect(page.getByText('Nama ibu harus sama dengan di Kartu Keluarga.').first()).toBeVisible();
	await page.getByRole('link', { name: 'Perbaiki sekarang' }).click();
	await expect(page.getByLabel('Nama lengkap ibu')).toHaveValue('Sari Wulan');
	await expect(page.getByLabel('Nama lengkap anak')).toHaveCount(0);
	await page.getByLabel('Nama lengkap ibu').fill('Sari Wulandari');
	await page.getByRole('button', { name: 'Kirim perbaikan' }).click();
	await expect(page.getByText('Status: Perbaikan dikirim')).toBeVisible();

	await openFromQueue(officer, code);
	await expect(officer.getByText('Sari Wulandari')).toBeVisible();
	await officer.getByRole('button', { name: 'Ambil dan periksa' }).click();
	await officer.getByRole('checkbox', { name: /Surat keterangan lahir/ }).first().check();
	await officer.getByRole('button', { name: 'Simpan centang' }).click();
	// two required items are not ticked: approving needs them, or a written reason
	await officer.getByRole('button', { name: 'Setujui' }).click();
	await expect(officer.getByRole('alert')).toContainText('Centang semua persyaratan wajib');
	await officer.getByLabel('Alasan menyetujui tanpa persyaratan itu').fill('Buku nikah dan KK dicek langsung di SIAK.');
	await officer.getByRole('button', { name: 'Setujui' }).click();
	await expect(officer.getByText('Disetujui', { exact: true })).toBeVisible();
	await officer.getByRole('radio', { name: /File dokumen/ }).check();
	await officer.getByLabel('File hasil (PDF atau foto)').setInputFiles('tests/fixtures/buku-nikah.pdf');
	await officer.getByRole('button', { name: 'Tandai selesai' }).click();
	await expect(officer.getByText('File hasil sudah diunggah.')).toBeVisible();

	await page.goto(`/permohonan/${id}`);
	await expect(page.getByText('Status: Selesai')).toBeVisible();
	const download = page.getByRole('link', { name: 'Unduh dokumen hasil' });
	const response = await page.request.get((await download.getAttribute('href'))!);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/pdf');
	await officer.context().close();
});

test('a rejection shows its reason to the resident', async ({ page, browser }) => {
	test.slow();
	await resident(page, 'Budi Hartono');
	const { code, id } = await applyFor(page, 'ktp-el-rusak');
	const officer = await officerPage(browser, 'disdukcapil');
	await openFromQueue(officer, code);
	await officer.getByRole('button', { name: 'Ambil dan periksa' }).click();
	await officer.getByText('Tolak', { exact: true }).click();
	await officer.getByLabel('Alasan penolakan').fill('Foto KTP yang rusak tidak terbaca. Datang langsung ke kantor.');
	await officer.getByRole('button', { name: 'Tolak permohonan' }).click();
	await expect(officer.getByText('Ditolak', { exact: true })).toBeVisible();
	await officer.context().close();

	await page.goto(`/permohonan/${id}`);
	await expect(page.getByText('Status: Ditolak')).toBeVisible();
	await expect(page.getByText('Foto KTP yang rusak tidak terbaca. Datang langsung ke kantor.')).toBeVisible();
});

test('a city permit is issued with a QR code whose verification page confirms it', async ({ page, browser }) => {
	test.slow();
	await resident(page, 'Hendra Gunawan');
	const { code, id } = await applyFor(page, 'izin-usaha', { owner_name: 'Hendra Gunawan' });
	const officer = await officerPage(browser, 'dpmptsp');
	await openFromQueue(officer, code);
	await officer.getByRole('button', { name: 'Ambil dan periksa' }).click();
	for (const box of await officer.getByRole('group', { name: 'Centang yang sudah sesuai' }).getByRole('checkbox').all()) await box.check();
	await officer.getByRole('button', { name: 'Simpan centang' }).click();
	await officer.getByRole('button', { name: 'Setujui' }).click();
	await officer.getByRole('radio', { name: /Dokumen terbitan aplikasi/ }).check();
	await officer.getByRole('button', { name: 'Tandai selesai' }).click();
	await expect(officer.getByRole('link', { name: 'Halaman verifikasi' })).toBeVisible();

	await page.goto(`/permohonan/${id}`);
	await page.getByRole('link', { name: 'Lihat dan cetak dokumen' }).click();
	await expect(page.getByRole('img', { name: /Kode QR/ })).toBeVisible();
	const verifyUrl = (await page.getByRole('link', { name: /\/verifikasi\// }).textContent())!.trim();

	// anyone who scans the QR code, without an account
	const stranger = await browser.newContext();
	const check = await stranger.newPage();
	await check.goto(verifyUrl);
	await expect(check.getByText('asli dan berlaku')).toBeVisible();
	await expect(check.getByText('He**** Gu*****')).toBeVisible();
	await expect(check.getByText('Hendra Gunawan')).toHaveCount(0);

	// revoked by the office: the same page says so at once
	await officer.getByText('Cabut dokumen', { exact: true }).click();
	await officer.getByLabel('Alasan pencabutan').fill('Usaha sudah tutup.');
	await officer.getByRole('button', { name: 'Cabut' }).click();
	await check.reload();
	await expect(check.getByText('sudah dicabut')).toBeVisible();
	await check.goto(verifyUrl.replace(/.{4}$/, 'AAAA'));
	await expect(check.getByText('tidak terdaftar')).toBeVisible();
	await stranger.close();
	await officer.context().close();
});

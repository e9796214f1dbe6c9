/**
 * The admin's journeys, by role and label: creating an officer (who then works for their office, until the
 * role is withdrawn and their session ends), changing a service's SLA as the public sees it, and keeping the
 * holiday calendar. Each test puts shared data back as it found it: other spec files run beside this one
 * against the same server.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, logIn, uniquePhone } from './helpers';

const adminMenu = (page: Page) => page.getByRole('navigation', { name: 'Menu admin' });

test.beforeEach(async ({ page }) => {
	const admin = demo('admin');
	await logIn(page, admin.phone, admin.password);
});

test('an admin creates an officer for DPMPTSP; withdrawing the role ends the officer’s session', async ({
	page,
	browser
}) => {
	const phone = uniquePhone();
	const name = `Petugas Uji ${phone.slice(-4)}`;
	const password = 'loket mpp nomor tujuh';

	await page.goto('/admin');
	await adminMenu(page).getByRole('link', { name: 'Petugas', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Petugas' })).toBeVisible();

	// a guessable temporary password is refused, and what was typed stays
	await page.getByLabel('Nama petugas').fill(name);
	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByLabel('Kata sandi sementara').fill('password123');
	await page.getByLabel('Kantor', { exact: true }).selectOption({ label: 'DPMPTSP' });
	await page.getByRole('button', { name: 'Buat akun petugas' }).click();
	await expect(page.getByRole('alert')).toContainText('terlalu mudah ditebak');
	await expect(page.getByLabel('Nama petugas')).toHaveValue(name);
	await expect(page.getByLabel('Kantor', { exact: true })).toHaveValue('dpmptsp');

	await page.getByLabel('Kata sandi sementara').fill(password);
	await page.getByRole('button', { name: 'Buat akun petugas' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(`Akun petugas ${name} dibuat`);
	const card = page.getByRole('region', { name });
	await expect(card).toContainText('Kantor: DPMPTSP');

	// the new officer logs in and belongs to DPMPTSP
	const officerContext = await browser.newContext();
	const officer = await officerContext.newPage();
	// a password the admin chose is replaced at first login, before anything else opens
	await officer.goto('/masuk');
	await officer.getByLabel('Nomor HP').fill(phone);
	await officer.getByLabel('Kata sandi').fill(password);
	await officer.getByRole('button', { name: 'Masuk' }).click();
	await expect(officer).toHaveURL(/\/akun\/sandi/);
	await officer.getByLabel('Kata sandi sekarang').fill(password);
	await officer.getByLabel('Kata sandi baru', { exact: true }).fill('sungai-martapura-pagi-2026');
	await officer.getByLabel('Ulangi kata sandi baru').fill('sungai-martapura-pagi-2026');
	await officer.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
	await expect(officer.getByRole('heading', { level: 1, name: /^Halo, / })).toBeVisible();
	await expect(officer.getByText('Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Banjarbaru')).toBeVisible();
	await expect(officer.getByText('Petugas', { exact: true })).toBeVisible();

	// withdrawn: the account is a citizen's, and the open session is over
	await card.getByRole('button', { name: /^Cabut peran petugas/ }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(`Peran petugas ${name} dicabut`);
	await expect(page.getByRole('region', { name })).toHaveCount(0);
	await officer.goto('/petugas');
	await expect(officer).toHaveURL('/masuk?ke=%2Fpetugas');
	await officerContext.close();
});

test('an admin changes the Akta Kelahiran SLA to 2 working days and the public page promises that', async ({
	page,
	browser
}) => {
	await page.goto('/admin');
	await adminMenu(page).getByRole('link', { name: 'Layanan', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Layanan' })).toBeVisible();
	await page.getByRole('link', { name: 'Akta Kelahiran', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ubah layanan: Akta Kelahiran' })).toBeVisible();
	await expect(page.getByLabel('Lama waktu layanan')).toHaveValue('3');

	// a time sentence promising something else than the SLA is refused, next to the field
	const time = page.getByLabel('Jangka waktu penyelesaian');
	const storedTime = await time.inputValue();
	await page.getByLabel('Lama waktu layanan').fill('2');
	await time.fill('Secepatnya.');
	await page.getByRole('button', { name: 'Simpan perubahan' }).click();
	await expect(page.getByRole('alert')).toContainText('harus menyebut waktu layanan yang sama: 2 hari kerja');
	await expect(page.getByLabel('Jangka waktu penyelesaian')).toHaveAttribute('aria-invalid', 'true');

	// left as it was, the sentence follows the new SLA
	await page.getByLabel('Jangka waktu penyelesaian').fill(storedTime);
	await page.getByLabel('Lama waktu layanan').fill('2');
	await page.getByLabel('Satuan waktu').selectOption({ label: 'hari kerja' });
	await page.getByRole('button', { name: 'Simpan perubahan' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText('Perubahan pada Akta Kelahiran disimpan');
	await expect(page.getByLabel('Jangka waktu penyelesaian')).toHaveValue(/^Paling lama 2 hari kerja/);

	// a resident opening the public page (a fresh browser: the admin's own service worker may hold the
	// page from before, refreshed in the background) reads the new promise
	const residentContext = await browser.newContext();
	const resident = await residentContext.newPage();
	await resident.goto('/layanan/akta-kelahiran');
	await expect(resident.getByRole('heading', { level: 1, name: 'Akta Kelahiran' })).toBeVisible();
	await expect(resident.getByText('Paling lama 2 hari kerja sejak berkas lengkap dan benar.')).toBeVisible();
	await expect(resident.getByText('memeriksa berkas Anda paling lama 2 hari kerja')).toBeVisible();
	await residentContext.close();

	// back to the seeded 3 days for the other tests
	await page.goto('/admin/layanan/akta-kelahiran');
	await page.getByLabel('Lama waktu layanan').fill('3');
	await page.getByRole('button', { name: 'Simpan perubahan' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText('disimpan');
	await expect(page.getByLabel('Jangka waktu penyelesaian')).toHaveValue(/^Paling lama 3 hari kerja/);
});

test('an admin adds the first holiday of 2027, sees the calendar run to 2027, and removes it', async ({ page }) => {
	await page.goto('/admin');
	await adminMenu(page).getByRole('link', { name: 'Hari libur', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hari libur' })).toBeVisible();
	await expect(page.getByText('Kalender diketahui sampai tahun 2026.')).toBeVisible();
	await expect(page.getByText('Hari libur tahun 2027 dan sesudahnya belum diketahui.')).toBeVisible();
	await expect(page.getByText('25 tanggal libur dan cuti bersama · 240 hari kerja')).toBeVisible();

	await page.getByLabel('Tanggal', { exact: true }).fill('2027-01-01');
	await page.getByLabel('Nama hari libur').fill('Tahun Baru 2027 Masehi');
	await page.getByLabel('Jenis').selectOption({ label: 'Libur nasional' });
	await page.getByRole('button', { name: 'Tambah ke kalender' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText('Tahun Baru 2027 Masehi (2027-01-01) ditambahkan');
	await expect(page.getByRole('heading', { level: 2, name: 'Tahun 2027' })).toBeVisible();
	await expect(page.getByText('Kalender diketahui sampai tahun 2027.')).toBeVisible();

	// the same date again is refused, naming what is already there
	await page.getByLabel('Tanggal', { exact: true }).fill('2027-01-01');
	await page.getByLabel('Nama hari libur').fill('Libur lagi');
	await page.getByRole('button', { name: 'Tambah ke kalender' }).click();
	await expect(page.getByRole('alert')).toContainText('sudah ada di kalender: Tahun Baru 2027 Masehi');

	await page.getByRole('button', { name: 'Hapus Jumat, 1 Januari 2027' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText('2027-01-01 dihapus');
	await expect(page.getByRole('heading', { name: 'Tahun 2027' })).toHaveCount(0);
	await expect(page.getByText('Kalender diketahui sampai tahun 2026.')).toBeVisible();
});

test('an admin sets how DPMPTSP numbers its documents: a format without {kode} is refused, the example follows', async ({
	page
}) => {
	await page.goto('/admin');
	await adminMenu(page).getByRole('link', { name: 'Kantor', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Format nomor dokumen' })).toBeVisible();
	const section = page.getByRole('region', { name: /^Dinas Penanaman Modal/ });
	const format = section.getByLabel('Format nomor');
	await expect(format).toHaveValue('503/{kode}/DPMPTSP/{tahun}');

	await format.fill('503/DPMPTSP/{tahun}');
	await section.getByRole('button', { name: 'Simpan format' }).click();
	await expect(page.getByRole('alert')).toContainText('harus memuat {kode}');
	await expect(page.getByRole('region', { name: /^Dinas Penanaman Modal/ }).getByLabel('Format nomor')).toHaveValue('503/DPMPTSP/{tahun}');

	// the example number follows what is typed
	await format.fill('510/{kode}/DPMPTSP/{tahun}');
	await expect(section.getByText(/^Contoh: 510\/K7M2PX4A\/DPMPTSP\/20\d\d$/)).toBeVisible();
	await section.getByRole('button', { name: 'Simpan format' }).click();
	await expect(section.getByRole('status')).toContainText('Format nomor DPMPTSP disimpan');
	await expect(format).toHaveValue('510/{kode}/DPMPTSP/{tahun}');

	// back to the seeded format for the other tests
	await format.fill('503/{kode}/DPMPTSP/{tahun}');
	await section.getByRole('button', { name: 'Simpan format' }).click();
	await expect(section.getByRole('status')).toContainText('disimpan');
});

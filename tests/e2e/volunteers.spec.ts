/**
 * Neighbourhood volunteers, by role and label, through the server-side forms: a citizen asks to become a
 * volunteer, an admin approves in the same test, the volunteer logs in again and applies for a resident
 * with the resident's consent, hands over the code (WhatsApp to the resident's number, printable slip);
 * the resident registers with that number, claims the application, and finds it on the public tracking
 * page; finally the resident removes the volunteer, who can no longer open it.
 */
import { expect, test, type Browser } from '@playwright/test';
import { normalizePhone } from '../../src/lib/domain/phone';
import { demo, logIn, register, uniquePhone } from './helpers';
import { applyForResident } from './volunteer-journeys';

async function newPage(browser: Browser) {
	const context = await browser.newContext();
	return context.newPage();
}

test('a citizen becomes a volunteer, applies for a resident, and the resident claims the application', async ({
	page,
	browser
}) => {
	test.slow();
	const volunteerPhone = uniquePhone();
	const volunteerName = `Relawan Uji ${volunteerPhone.slice(-4)}`;
	const password = 'jembatan kayu di sungai martapura';

	// 1. a citizen asks to become a volunteer for Komet
	await register(page, volunteerName, volunteerPhone, password);
	await expect(page.getByRole('heading', { level: 1, name: `Halo, ${volunteerName}` })).toBeVisible();
	await page.getByRole('link', { name: 'Daftar menjadi relawan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Menjadi relawan' })).toBeVisible();
	await page.getByRole('button', { name: 'Kirim permintaan' }).click();
	await expect(page.getByRole('alert')).toContainText('Pilih kelurahan tempat Anda akan membantu.');
	await page.getByLabel('Kelurahan').selectOption({ label: 'Komet' });
	await page.getByLabel('Mengapa Anda ingin menjadi relawan?').fill('Banyak tetangga lansia di RT kami tidak punya HP pintar.');
	await page.getByRole('button', { name: 'Kirim permintaan' }).click();
	await expect(page.getByRole('status')).toContainText('Permintaan Anda terkirim');
	await expect(page.getByText('Sedang ditinjau admin.')).toBeVisible();

	// 2. the admin approves; the citizen's session ends
	const admin = await newPage(browser);
	const adminAccount = demo('admin');
	await logIn(admin, adminAccount.phone, adminAccount.password);
	await admin.goto('/admin');
	await admin.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Relawan', exact: true }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Relawan' })).toBeVisible();
	const request = admin.getByRole('region', { name: volunteerName });
	await expect(request).toContainText('Kelurahan Komet');
	await request.getByRole('button', { name: /^Setujui/ }).click();
	await expect(admin.getByRole('status')).toContainText(`${volunteerName} kini relawan`);
	await expect(admin.getByRole('region', { name: volunteerName })).toContainText('Cabut peran relawan');
	await admin.context().close();

	await page.goto('/relawan');
	await expect(page).toHaveURL('/masuk?ke=%2Frelawan');
	await page.getByLabel('Nomor HP').fill(volunteerPhone);
	await page.getByLabel('Kata sandi').fill(password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Warga yang Anda bantu' })).toBeVisible();
	await expect(page.getByText('Relawan Kelurahan Komet.')).toBeVisible();

	// 3. applying for a resident: consent is required first
	await page.goto('/ajukan/akta-kelahiran');
	await page.getByRole('radio', { name: 'Untuk warga lain' }).check();
	await page.getByRole('button', { name: 'Mulai isi formulir' }).click();
	await page.getByLabel('Nama lengkap warga').fill('Ahmad Fauzi');
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await expect(page.getByRole('alert')).toContainText('Pilih bagaimana warga menyatakan setuju.');
	await expect(page.getByRole('alert')).toContainText('Isi nomor HP warga.');
	await expect(page.getByLabel('Nama lengkap warga')).toHaveValue('Ahmad Fauzi');

	const residentPhone = uniquePhone();
	const { code, id } = await applyForResident(page, 'akta-kelahiran', {
		name: 'Ahmad Fauzi',
		phone: residentPhone,
		parentName: 'Ahmad Fauzi'
	});
	await expect(page.getByRole('status')).toContainText('Permohonan untuk Ahmad Fauzi sudah kami terima');

	// 4. handing over: WhatsApp to the resident's own number, and a printable slip
	const wa = page.getByRole('link', { name: 'Kirim kode ke WhatsApp warga' });
	const waHref = (await wa.getAttribute('href'))!;
	expect(waHref.startsWith(`https://wa.me/${normalizePhone(residentPhone)!.slice(1)}?text=`)).toBe(true);
	expect(decodeURIComponent(waHref)).toContain(code);
	await page.getByRole('link', { name: 'Cetak slip untuk warga' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Slip permohonan' })).toBeVisible();
	await expect(page.getByText(code, { exact: true })).toBeVisible();
	await expect(page.getByText('Akta Kelahiran', { exact: true })).toBeVisible();
	await expect(page.getByText(/\/lacak/).first()).toBeVisible();
	await expect(page.getByText(residentPhone.slice(-4), { exact: true })).toBeVisible();
	await expect(page.getByText(/loket kantor mana pun/)).toBeVisible();

	// the volunteer's list, by resident
	await page.goto('/relawan');
	await expect(page.getByRole('region', { name: 'Ahmad Fauzi' })).toContainText(code);

	// 5. the resident registers with that number and claims it; a wrong code is refused
	const resident = await newPage(browser);
	await register(resident, 'Ahmad Fauzi', residentPhone, 'anak pertama kami lahir');
	await expect(resident.getByRole('heading', { level: 1, name: 'Halo, Ahmad Fauzi' })).toBeVisible();
	await resident.getByRole('link', { name: 'Masukkan permohonan dari relawan ke akun saya' }).click();
	await resident.getByLabel('Kode lacak').fill('ABCD 2345');
	await resident.getByLabel('Nomor HP Anda').fill(residentPhone);
	await resident.getByRole('button', { name: 'Masukkan ke akun saya' }).click();
	await expect(resident.getByRole('alert')).toContainText('Permohonan tidak ditemukan.');
	await resident.getByLabel('Kode lacak').fill(code);
	await resident.getByRole('button', { name: 'Masukkan ke akun saya' }).click();
	await expect(resident.getByRole('status')).toContainText('Permohonan ini sekarang ada di akun Anda.');
	await resident.goto('/permohonan');
	await expect(resident.getByRole('link', { name: 'Akta Kelahiran' })).toBeVisible();
	await expect(resident.getByRole('listitem').filter({ hasText: code })).toBeVisible();

	// 6. the public tracking page works with the code and the resident's last four digits
	const anonymous = await newPage(browser);
	await anonymous.goto(`/lacak?kode=${code.replace(' ', '')}`);
	await anonymous.getByLabel('4 angka terakhir nomor HP pemohon').fill(residentPhone.slice(-4));
	await anonymous.getByRole('button', { name: 'Lacak' }).click();
	await expect(anonymous.getByText('Status: Diterima, menunggu diperiksa')).toBeVisible();
	await anonymous.context().close();

	// 7. the resident removes the volunteer, who can no longer open the application
	await resident.goto(`/permohonan/${id}`);
	await resident.getByText('Lepaskan relawan dari permohonan ini', { exact: true }).click();
	await resident.getByRole('button', { name: 'Ya, lepaskan relawan' }).click();
	await expect(resident.getByRole('status')).toContainText('Relawan sudah dilepas');
	await expect(resident.getByText('Relawan dilepas dari permohonan ini')).toBeVisible();
	await resident.context().close();

	const response = await page.goto(`/permohonan/${id}`);
	expect(response?.status()).toBe(404);
	await page.goto('/relawan');
	await expect(page.getByText('Belum ada permohonan yang Anda bantu.')).toBeVisible();
});

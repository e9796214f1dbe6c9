import { expect, test, type Page } from '@playwright/test';
import { demo, logIn, register, registered, uniquePhone } from './helpers';

test('a resident registers, sees who they are and where to go next, and logs out', async ({ page }) => {
	const phone = uniquePhone();
	await register(page, 'Nur Aisyah', phone, 'sungai martapura pagi');

	await expect(page.getByRole('heading', { level: 1, name: 'Halo, Nur Aisyah' })).toBeVisible();
	await expect(page.getByText('Warga', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Ajukan layanan' })).toBeVisible();

	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page.getByRole('status')).toHaveText('Anda sudah keluar.');
	// public pages are the same for everyone: no name in the header
	await expect(page.getByText('Nur Aisyah')).toHaveCount(0);

	// the session is gone on the server too: the account page asks to log in again
	await page.goto('/akun');
	await expect(page).toHaveURL(/\/masuk\?ke=%2Fakun$/);

	// and the same number, written another way, logs in to the same account
	await logIn(page, `+62${phone.slice(1)}`, 'sungai martapura pagi');
	await expect(page.getByRole('heading', { name: 'Halo, Nur Aisyah' })).toBeVisible();
});

test('registration refuses bad input in Indonesian and keeps what was typed', async ({ page }) => {
	await register(page, 'Budi Santoso', '0812', 'password123');
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Ada yang perlu diperbaiki');
	await expect(summary).toContainText('Nomor HP tidak dikenali');
	await expect(page.getByLabel('Nama lengkap')).toHaveValue('Budi Santoso');
	await expect(page.getByLabel('Nomor HP')).toHaveValue('0812');
	await expect(page.getByLabel('Nomor HP')).toHaveAttribute('aria-invalid', 'true');

	await page.getByLabel('Nomor HP').fill(uniquePhone());
	await page.getByLabel('Kata sandi').fill('password123');
	await page.getByRole('button', { name: 'Daftar' }).click();
	await expect(page.getByRole('alert')).toContainText('terlalu mudah ditebak');

	// a number that already has an account
	await page.getByLabel('Nomor HP').fill(demo('citizen').phone);
	await page.getByLabel('Kata sandi').fill('gunung meratus hijau');
	await page.getByRole('button', { name: 'Daftar' }).click();
	await expect(page.getByRole('alert')).toContainText('sudah terdaftar');
});

test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
	const account = demo('citizen');
	await page.goto('/masuk');
	await page.getByLabel('Nomor HP').fill(account.phone);
	await page.getByLabel('Kata sandi').fill('bukan kata sandinya');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('alert')).toContainText('Nomor HP atau kata sandi salah.');
	await expect(page.getByLabel('Nomor HP')).toHaveValue(account.phone);
	await expect(page.getByLabel('Kata sandi')).toHaveValue('');
});

test('repeated wrong passwords lock the number on this network for a while, even for the right password', async ({
	page
}) => {
	test.slow();
	const phone = uniquePhone();
	const password = 'pasar terapung lok baintan';
	await register(page, 'Rahmat', phone, password);
	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page.getByRole('status')).toHaveText('Anda sudah keluar.');

	await page.goto('/masuk');
	for (let attempt = 1; attempt <= 4; attempt++) {
		await page.getByLabel('Nomor HP').fill(phone);
		await page.getByLabel('Kata sandi').fill(`salah ${attempt} kali ini`);
		await page.getByRole('button', { name: 'Masuk' }).click();
		await expect(page.getByRole('alert')).toContainText('Nomor HP atau kata sandi salah.');
		if (attempt >= 2) {
			await expect(page.getByRole('alert')).toContainText(`Sisa ${5 - attempt} kali percobaan`);
		}
	}
	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByLabel('Kata sandi').fill('salah lagi kelima');
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('alert')).toContainText('masuk dikunci sampai');

	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByLabel('Kata sandi').fill(password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('alert')).toContainText('masuk dikunci sampai');
	await expect(page).toHaveURL(/\/masuk/);
});

test('each demo account logs in and is shown its role and next step', async ({ page }) => {
	const expected = [
		{ account: demo('citizen'), role: 'Warga', next: 'Ajukan layanan' },
		{ account: demo('volunteer'), role: 'Relawan', next: 'Bantu warga mengajukan' },
		{ account: demo('officer', 'disdukcapil'), role: 'Petugas', next: 'Buka antrean permohonan' },
		{ account: demo('admin'), role: 'Admin', next: 'Kelola petugas dan layanan' }
	];
	for (const { account, role, next } of expected) {
		await logIn(page, account.phone, account.password);
		await expect(page.getByRole('heading', { name: `Halo, ${account.name}` })).toBeVisible();
		await expect(page.getByText(role, { exact: true })).toBeVisible();
		await page.getByRole('link', { name: next }).click();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.goto('/akun');
		await page.getByRole('button', { name: 'Keluar' }).click();
		await expect(page.getByRole('status')).toHaveText('Anda sudah keluar.');
	}
});

/** Fills the change-password form (/akun/sandi) by its labels and sends it. */
async function changePassword(page: Page, current: string, next: string, repeat = next) {
	await page.getByLabel('Kata sandi sekarang').fill(current);
	await page.getByLabel('Kata sandi baru', { exact: true }).fill(next);
	await page.getByLabel('Ulangi kata sandi baru').fill(repeat);
	await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
}

test('a resident changes the password: other phones are logged out and only the new password works', async ({
	page,
	browser
}) => {
	const phone = uniquePhone();
	const oldPassword = 'perahu kelotok di sungai';
	const newPassword = 'jembatan barito sore hari';
	await registered(page, 'Siti Mariam', phone, oldPassword);

	// the same account, logged in on a second phone
	const otherContext = await browser.newContext();
	const other = await otherContext.newPage();
	await logIn(other, phone, oldPassword);

	await page.getByRole('link', { name: 'Ganti kata sandi' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ganti kata sandi' })).toBeVisible();

	// a wrong current password: said next to the field; no password is typed back into the page
	await changePassword(page, 'bukan kata sandi saya', newPassword);
	await expect(page.getByRole('alert')).toContainText('Kata sandi sekarang salah.');
	await expect(page.getByLabel('Kata sandi sekarang')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Kata sandi baru', { exact: true })).toHaveValue('');

	// the new password typed differently twice, then one that is too easy to guess
	await changePassword(page, oldPassword, newPassword, 'jembatan barito pagi hari');
	await expect(page.getByRole('alert')).toContainText('Kedua kata sandi baru tidak sama');
	await expect(page.getByLabel('Ulangi kata sandi baru')).toHaveAttribute('aria-invalid', 'true');
	await changePassword(page, oldPassword, 'password123');
	await expect(page.getByRole('alert')).toContainText('terlalu mudah ditebak');

	await changePassword(page, oldPassword, newPassword);
	await expect(page).toHaveURL('/akun?sandi=diganti');
	await expect(page.getByRole('main').getByRole('status')).toContainText('Kata sandi sudah diganti');

	// this phone stays logged in on its new session; the other phone is out
	await page.goto('/akun');
	await expect(page.getByRole('heading', { level: 1, name: 'Halo, Siti Mariam' })).toBeVisible();
	await other.goto('/akun');
	await expect(other).toHaveURL('/masuk?ke=%2Fakun');

	// the old password no longer opens the account, the new one does
	await other.getByLabel('Nomor HP').fill(phone);
	await other.getByLabel('Kata sandi').fill(oldPassword);
	await other.getByRole('button', { name: 'Masuk' }).click();
	await expect(other.getByRole('alert')).toContainText('Nomor HP atau kata sandi salah.');
	await logIn(other, phone, newPassword);
	await otherContext.close();
});

test('an officer given a temporary password must choose their own before opening the queue', async ({
	page,
	browser
}) => {
	const admin = demo('admin');
	const phone = uniquePhone();
	const name = `Petugas Baru ${phone.slice(-4)}`;
	const temporary = 'loket disdukcapil nomor tiga';
	const own = 'kopi pagi sebelum antrean';

	await logIn(page, admin.phone, admin.password);
	await page.goto('/admin/petugas');
	await page.getByLabel('Nama petugas').fill(name);
	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByLabel('Kata sandi sementara').fill(temporary);
	await page.getByLabel('Kantor', { exact: true }).selectOption({ label: 'DPMPTSP' });
	await page.getByRole('button', { name: 'Buat akun petugas' }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(`Akun petugas ${name} dibuat`);

	const officerContext = await browser.newContext();
	const officer = await officerContext.newPage();
	await officer.goto('/masuk');
	await officer.getByLabel('Nomor HP').fill(phone);
	await officer.getByLabel('Kata sandi').fill(temporary);
	await officer.getByRole('button', { name: 'Masuk' }).click();

	// straight to choosing a password, and nothing else opens before that
	await expect(officer).toHaveURL('/akun/sandi');
	await expect(officer.getByRole('heading', { level: 1, name: 'Ganti kata sandi' })).toBeVisible();
	await expect(officer.getByRole('main').getByRole('status')).toContainText('dibuat oleh admin');
	await officer.goto('/petugas');
	await expect(officer).toHaveURL('/akun/sandi');
	await officer.goto('/akun');
	await expect(officer).toHaveURL('/akun/sandi');

	await changePassword(officer, temporary, own);
	await expect(officer).toHaveURL('/akun?sandi=diganti');
	await officer.getByRole('link', { name: 'Buka antrean permohonan' }).click();
	await expect(officer).toHaveURL('/petugas');
	await expect(officer.getByRole('heading', { level: 1 })).toBeVisible();
	await officerContext.close();

	// put the shared officer list back as it was
	const card = page.getByRole('region', { name });
	await page.goto('/admin/petugas');
	await card.getByRole('button', { name: /^Cabut peran petugas/ }).click();
	await expect(page.getByRole('main').getByRole('status')).toContainText(`Peran petugas ${name} dicabut`);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the change-password form works as a plain form', async ({ page }) => {
		const phone = uniquePhone();
		await registered(page, 'Hasan Tanpa Skrip', phone, 'pasar martapura ramai');
		await page.goto('/akun/sandi');
		await changePassword(page, 'pasar martapura ramai', 'pasar martapura ramai');
		await expect(page.getByRole('alert')).toContainText('harus berbeda dari kata sandi sekarang');
		await changePassword(page, 'pasar martapura ramai', 'intan cempaka berkilau');
		await expect(page).toHaveURL('/akun?sandi=diganti');
		await expect(page.getByRole('main').getByRole('status')).toContainText('Kata sandi sudah diganti');
	});
});

import { expect, test } from '@playwright/test';
import { demo, logIn, register, uniquePhone } from './helpers';

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

test('repeated wrong passwords lock the account for a while, even for the right password', async ({
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

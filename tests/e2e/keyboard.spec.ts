/**
 * An application from start to receipt with the keyboard only (Tab, Shift+Tab, typing, Enter, Space,
 * arrow keys): register, open a service, fill every step, choose the photo, check, send. Focus moves to
 * the heading of each new step and to the error summary on an error; axe checks every page on the way;
 * "Dengarkan" works from the keyboard too.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { spellOut } from '../../src/lib/domain/read-aloud';
import { expectAccessible, uniquePhone } from './helpers';
import { forget, indonesianVoice, listenButton, said, stubSpeech } from './speech';

/** Presses Tab until `target` has the focus: it can be reached by keyboard (fails after 60 presses). */
async function tabTo(page: Page, target: Locator) {
	for (let i = 0; i < 60; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`not reachable with Tab: ${target}`);
}

async function stepHeading(page: Page, name: string) {
	const heading = page.getByRole('heading', { level: 1, name });
	await expect(heading).toBeFocused();
	await expectAccessible(page);
}

test('an application with the keyboard only, from registering to the receipt', async ({ page }) => {
	test.setTimeout(300_000); // many pages, each checked by axe, on a shared machine
	await stubSpeech(page, [indonesianVoice]);
	const name = 'Rusdi Papan Ketik';
	const phone = uniquePhone();

	await page.goto('/daftar');
	await expectAccessible(page);
	await tabTo(page, page.getByLabel('Nama lengkap'));
	await page.keyboard.type(name);
	await tabTo(page, page.getByLabel('Nomor HP'));
	await page.keyboard.type(phone);
	await tabTo(page, page.getByLabel('Kata sandi'));
	await page.keyboard.type('jembatan barito panjang');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: `Halo, ${name}` })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/layanan/ktp-el-baru');
	await expectAccessible(page);
	await tabTo(page, page.getByRole('link', { name: 'Mulai mengajukan' }));
	await page.keyboard.press('Enter');
	await stepHeading(page, 'Siapa Anda?');
	await expect(page.getByRole('textbox', { name: 'Nama lengkap Anda' })).toHaveValue(name); // from the account

	// nothing typed: the error summary takes the focus
	await tabTo(page, page.getByRole('button', { name: 'Lanjut' }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' })).toBeFocused();
	await expectAccessible(page);
	await tabTo(page, page.getByLabel('NIK Anda'));
	await page.keyboard.type('6372045204950001');
	await tabTo(page, page.getByRole('button', { name: 'Lanjut' }));
	await page.keyboard.press('Enter');

	await stepHeading(page, 'Apakah Anda sudah boleh membuat KTP-el?');
	await tabTo(page, page.getByLabel('Tanggal lahir'));
	await page.keyboard.type('01051990');
	// the date field's order of day and month follows the phone's own language
	await expect(page.getByLabel('Tanggal lahir')).toHaveValue(/^1990-0[15]-0[15]$/);
	await tabTo(page, page.getByLabel('Status menikah'));
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel('Status menikah')).toHaveValue('single');
	await tabTo(page, page.getByRole('button', { name: 'Lanjut' }));
	await page.keyboard.press('Enter');

	await stepHeading(page, 'Apa nomor KK dan alamat Anda?');
	await tabTo(page, page.getByLabel('Nomor Kartu Keluarga (KK)'));
	await page.keyboard.type('6372040101200003');
	await tabTo(page, page.getByLabel('Kelurahan tempat tinggal'));
	await page.keyboard.press('ArrowDown');
	await expect(page.getByLabel('Kelurahan tempat tinggal')).not.toHaveValue('');
	await tabTo(page, page.getByLabel('Alamat'));
	await page.keyboard.type('Jl. Jenderal Ahmad Yani Km 35, RT 01 RW 02');
	await tabTo(page, page.getByRole('button', { name: 'Lanjut' }));
	await page.keyboard.press('Enter');

	await stepHeading(page, 'Foto Kartu Keluarga (KK)');
	await expect(page.getByRole('heading', { level: 2, name: 'Bagaimana memotret yang jelas?' })).toBeVisible();
	await tabTo(page, page.getByLabel('Foto atau PDF'));
	const chooser = page.waitForEvent('filechooser');
	await page.keyboard.press('Space');
	await (await chooser).setFiles('tests/fixtures/kartu-keluarga.jpg');
	await expect(page.getByText(/^Sudah dipilih:/)).toBeVisible();
	await tabTo(page, page.getByRole('button', { name: 'Lanjut' }));
	await page.keyboard.press('Enter');

	await stepHeading(page, 'Periksa jawaban Anda');
	await forget(page);
	await tabTo(page, listenButton(page, 'semua jawaban'));
	await page.keyboard.press('Enter');
	await expect.poll(() => said(page)).toContain('NIK Anda. enam tiga tujuh dua nol empat lima dua nol empat sembilan lima nol nol nol satu.');
	await tabTo(page, page.getByRole('button', { name: 'Kirim permohonan' }));
	await page.keyboard.press('Enter');

	await expect(page.getByRole('heading', { level: 1, name: 'Permohonan terkirim' })).toBeVisible();
	await expectAccessible(page);
	const code = (await page.locator('.code').first().textContent())!.trim();
	await forget(page);
	await tabTo(page, listenButton(page, 'bukti permohonan'));
	await page.keyboard.press('Space');
	await expect.poll(() => said(page)).toContain(spellOut(code));
});

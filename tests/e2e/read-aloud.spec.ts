/**
 * Read-aloud ("Dengarkan") and pictures, for people who read little: the button speaks the question with
 * its help and its error in Indonesian (checked through a recording stand-in for the browser's speech),
 * says so and links to help when the phone has no Indonesian voice, reads the receipt's tracking code
 * character by character, and is absent without JavaScript. The service page leads with what to bring
 * (a drawing of each paper), how long and the fee.
 */
import { expect, test } from '@playwright/test';
import { services } from '../../src/lib/domain/catalogue';
import { spellOut } from '../../src/lib/domain/read-aloud';
import { demo, expectAccessible, logIn, registered, uniquePhone } from './helpers';
import { applyFor } from './journeys';
import { englishVoice, forget, indonesianVoice, listenButton, said, spoken, stubSpeech } from './speech';

test('the button reads the question, its help and its error aloud in Indonesian', async ({ page }) => {
	await stubSpeech(page, [englishVoice, indonesianVoice]);
	await page.goto('/formulir/akta-kelahiran');
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa yang melapor?' })).toBeVisible();
	await expectAccessible(page);

	await expect(listenButton(page, 'NIK Anda')).toHaveAccessibleDescription('NIK Anda');
	await listenButton(page, 'NIK Anda').click();
	await expect.poll(() => said(page)).toBe('NIK Anda. 16 angka, ada di KTP atau Kartu Keluarga.');
	for (const utterance of await spoken(page)) {
		expect(utterance.lang).toBe('id-ID');
		expect(utterance.voice).toBe(indonesianVoice.name);
	}

	// an error that just appeared is read with its question
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' })).toBeFocused();
	await expectAccessible(page);
	await forget(page);
	await listenButton(page, 'NIK Anda').click();
	await expect.poll(() => said(page)).toBe('NIK Anda. 16 angka, ada di KTP atau Kartu Keluarga. NIK Anda wajib diisi.');
});

test('without an Indonesian voice the button says so and links to the page on installing one', async ({ page }) => {
	await stubSpeech(page, [englishVoice]);
	await page.goto('/layanan/akta-kelahiran');
	await listenButton(page, 'yang perlu Anda tahu').click();
	await expect(page.getByRole('status').filter({ hasText: 'Suara bahasa Indonesia belum ada di HP ini.' })).toBeVisible();
	expect(await spoken(page)).toEqual([]); // never in the English voice
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Cara memasang suara' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Bagaimana memasang suara bahasa Indonesia?' })).toBeVisible();
	await expect(page.getByText('Text-to-speech')).toBeVisible();
	await expectAccessible(page);
});

test('the service page leads with what to bring (with a drawing of each paper), how long, and the fee', async ({ page }) => {
	await stubSpeech(page, [indonesianVoice]);
	const service = services.find((s) => s.slug === 'akta-kelahiran')!;
	await page.goto('/layanan/akta-kelahiran');
	const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
	expect(headings.slice(0, 4)).toEqual(['Apa yang perlu disiapkan?', 'Berapa lama?', 'Berapa biayanya?', 'Standar Pelayanan lengkap']);
	const papers = page.locator('svg[data-kertas]');
	await expect(papers).toHaveCount(service.documents.length);
	expect(await papers.evaluateAll((all) => all.map((svg) => svg.getAttribute('data-kertas')))).toEqual(['birth-letter', 'marriage-book', 'kk']);
	await expect(page.locator('h1 + svg, .title svg')).toHaveAttribute('aria-hidden', 'true');

	await listenButton(page, 'yang perlu Anda tahu').click();
	await expect.poll(() => said(page)).toContain('Apa yang perlu disiapkan? Siapkan dokumen asli ini.');
	const words = await said(page);
	for (const part of ['Surat keterangan lahir.', 'Berapa lama? Paling lama 3 hari kerja.', 'Berapa biayanya? Gratis.']) expect(words).toContain(part);
	await expectAccessible(page);
});

test('the receipt reads the tracking code character by character', async ({ page }) => {
	test.setTimeout(300_000); // registering (Argon2id), a whole application and axe on a shared machine
	await stubSpeech(page, [indonesianVoice]);
	await registered(page, 'Siti Pendengar', uniquePhone(), 'sungai martapura jernih');
	// the form without the framework's help pages, each checked by axe on the way
	const { code } = await applyFor(page, 'ktp-el-baru', {}, { audit: true });
	await listenButton(page, 'bukti permohonan').click();
	await expect.poll(() => said(page)).toContain(`Kode lacak. ${spellOut(code)}.`);
	const words = await said(page);
	expect(words).toMatch(/^Permohonan terkirim\. Permohonan Anda sudah kami terima\./);
	expect(words).toContain('Janji selesai:');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('there is no Dengarkan button (rather than one that does nothing)', async ({ page }) => {
		await page.goto('/layanan/akta-kelahiran');
		await expect(page.getByRole('heading', { level: 2, name: 'Apa yang perlu disiapkan?' })).toBeVisible();
		await expect(page.getByRole('button', { name: /Dengarkan/ })).toHaveCount(0);
	});
});

test('the sign-up questions are read aloud, with their error', async ({ page }) => {
	await stubSpeech(page, [indonesianVoice]);
	await page.goto('/daftar');
	await listenButton(page, 'Nama lengkap').click();
	await expect.poll(() => said(page)).toBe('Nama lengkap. Sesuai KTP atau Kartu Keluarga.');
	expect((await spoken(page)).every((u) => u.lang === 'id-ID')).toBe(true);
	await expectAccessible(page);

	// an error is read with its question
	await page.getByLabel('Nama lengkap').fill('Sri Wahyuni');
	await page.getByLabel('Nomor HP').fill('12');
	await page.getByLabel('Kata sandi').fill('rahasia-yang-panjang-2');
	await page.getByRole('button', { name: 'Daftar' }).click();
	await forget(page);
	await listenButton(page, 'Nomor HP').click();
	await expect.poll(() => said(page)).toMatch(/^Nomor HP\. .+\. .+/);
});

test('in field mode the consent statement is read aloud to the resident', async ({ page }) => {
	await stubSpeech(page, [indonesianVoice]);
	const volunteer = demo('volunteer');
	await logIn(page, volunteer.phone, volunteer.password);
	await page.goto('/layanan/ktp-el-baru');
	await page.getByRole('link', { name: 'Ajukan untuk warga (bisa tanpa sinyal)' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Warga yang Anda bantu' })).toBeVisible();
	await listenButton(page, 'Persetujuan warga').click();
	await expect.poll(() => said(page)).toMatch(new RegExp(`^"?Saya setuju relawan ${volunteer.name} mengajukan`));
	await forget(page);
	await listenButton(page, 'Nama lengkap warga').click();
	await expect.poll(() => said(page)).toMatch(/^Nama lengkap warga\./);
	await expectAccessible(page);
});

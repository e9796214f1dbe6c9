/**
 * Notices outside the app, end to end against the Node server configured with the fake providers this
 * spec starts (tests/support/fake-providers.ts, ports from helpers.ts, settings in playwright.config.ts):
 * an officer's correction request reaches the resident a volunteer helped as one WhatsApp template
 * message on the resident's own number, with the code and the tracking link, sent once although the
 * server's timer and the sender started after the request both run; a failing provider is retried and
 * the message then shows as failed on the admin's page. Then what the same providers carry: a forgotten
 * password reset by a one-time code over the fake SMS gateway, and the counter (loket): a walk-in
 * resident's application made by an officer, found again by code and by phone.
 */
import { expect, test, type Browser } from '@playwright/test';
import { normalizePhone } from '../../src/lib/domain/phone';
import { checkTemplateMessage, fakeWhatsApp, fakeZenziva, type FakeProvider } from '../support/fake-providers';
import { demo, E2E_FAKE_SMS_PORT, E2E_FAKE_WHATSAPP_PORT, logIn, registered, uniquePhone } from './helpers';
import { applyForResident } from './volunteer-journeys';

test.describe.configure({ mode: 'serial' });

let whatsapp: FakeProvider;
let sms: FakeProvider;

test.beforeAll(async () => {
	whatsapp = await fakeWhatsApp({ port: E2E_FAKE_WHATSAPP_PORT, token: 'e2e-token' });
	sms = await fakeZenziva({ port: E2E_FAKE_SMS_PORT });
});
test.afterAll(async () => {
	await whatsapp?.close();
	await sms?.close();
});

async function signedIn(browser: Browser, role: 'officer' | 'admin' | 'volunteer') {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const account = role === 'officer' ? demo('officer', 'disdukcapil') : demo(role);
	await logIn(page, account.phone, account.password);
	return page;
}

/** The WhatsApp messages the fake received for one number, as the Cloud API bodies. */
const messagesTo = (phone: string) =>
	whatsapp.requests.map((r) => r.json as { to: string; template: { components: { parameters: { text: string }[] }[] } }).filter((b) => b.to === phone);

async function residentApplication(browser: Browser) {
	const volunteer = await signedIn(browser, 'volunteer');
	const phone = uniquePhone();
	const { code } = await applyForResident(volunteer, 'akta-kelahiran', { name: 'Mak Inah', phone, parentName: 'Mak Inah' });
	// the receipt promises only what is configured (WhatsApp, here)
	await expect(volunteer.getByText('Kode lacak dan kabar permohonan dikirim lewat WhatsApp ke nomor ini.')).toBeVisible();
	return { code, to: normalizePhone(phone)!.slice(1) };
}

async function claimAndAskCorrection(browser: Browser, code: string) {
	const officer = await signedIn(browser, 'officer');
	await officer.goto('/petugas');
	await officer.getByRole('row').filter({ hasText: code }).getByRole('link').click();
	await officer.getByRole('button', { name: 'Ambil dan periksa' }).click();
	await expect(officer.getByText('Sedang diperiksa')).toBeVisible();
	await officer.getByText('Minta perbaikan', { exact: true }).click();
	await officer.getByRole('checkbox', { name: 'Nama lengkap ibu' }).check();
	await officer.getByLabel('Catatan untuk pemohon').fill('Nama ibu harus sama dengan di Kartu Keluarga.');
	await officer.getByRole('button', { name: 'Kirim permintaan perbaikan' }).click();
	await expect(officer.getByText('Menunggu perbaikan dari pemohon.')).toBeVisible();
}

test('a correction request reaches the resident’s own number once, as a WhatsApp template with code and link', async ({ browser, baseURL }) => {
	test.slow();
	const { code, to } = await residentApplication(browser);
	await claimAndAskCorrection(browser, code);

	const correction = () => messagesTo(to).filter((m) => m.template.components[0]!.parameters[1]!.text.includes('perlu perbaikan'));
	await expect.poll(() => correction().length, { timeout: 15_000 }).toBe(1);
	const [message] = correction();
	expect(checkTemplateMessage(message)).toEqual([]);
	expect(message).toMatchObject({ messaging_product: 'whatsapp', type: 'template', template: { name: 'kabar_permohonan', language: { code: 'id' } } });
	const params = message!.template.components[0]!.parameters.map((p) => p.text);
	expect(params[0]).toBe(code);
	expect(params[2]).toBe('Baca catatan petugas lalu kirim perbaikannya.');
	expect(params[3]).toBe(`${baseURL}/lacak?kode=${code.replace(' ', '')}`);
	// the claim's notice came too; and after a few more ticks of the timer nothing is sent twice
	await expect.poll(() => messagesTo(to).length, { timeout: 15_000 }).toBe(2);
	await new Promise((done) => setTimeout(done, 2000));
	expect(messagesTo(to)).toHaveLength(2);
});

test('a failing provider is retried, then the message is shown as failed to the admin', async ({ browser }) => {
	test.slow();
	const { code, to } = await residentApplication(browser);
	whatsapp.mode = 'fail';
	try {
		await claimAndAskCorrection(browser, code);
		// NOTIFY_MAX_ATTEMPTS=3 for each of the two notices (claim, correction)
		await expect.poll(() => messagesTo(to).length, { timeout: 20_000 }).toBe(6);
	} finally {
		whatsapp.mode = 'ok';
	}
	const admin = await signedIn(browser, 'admin');
	await admin.goto('/admin');
	await admin.getByRole('link', { name: 'Pesan keluar' }).click();
	await expect(admin.getByRole('heading', { level: 1, name: 'Pesan keluar' })).toBeVisible();
	await expect(admin.getByText('WhatsApp: aktif')).toBeVisible();
	const rows = admin.getByRole('row').filter({ has: admin.getByRole('link', { name: code }) });
	await expect(rows).toHaveCount(2);
	await expect(rows.first()).toContainText('HTTP 503');
	await expect(rows.first()).toContainText('3');
	// and nothing more is tried for them
	await new Promise((done) => setTimeout(done, 1500));
	expect(messagesTo(to)).toHaveLength(6);
});

test('a forgotten password is reset with a one-time code sent by SMS', async ({ page }) => {
	test.slow();
	const phone = uniquePhone();
	await registered(page, 'Lina Marlina', phone, 'rumah panggung di tepi sungai');
	// codes follow the account's choice of phone channel: SMS here
	await page.goto('/akun');
	await page.getByRole('link', { name: 'Cara menerima kabar (WhatsApp, SMS)' }).click();
	await page.getByRole('radio', { name: 'SMS' }).check();
	await page.getByRole('button', { name: 'Simpan pilihan' }).click();
	await expect(page.getByRole('status')).toHaveText('Pilihan kabar sudah disimpan.');
	await page.goto('/akun');
	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page.getByRole('status')).toHaveText('Anda sudah keluar.');

	await page.goto('/masuk');
	// (the page has no framework: opened by its address, not by a client-side navigation that reloads it)
	await expect(page.getByRole('link', { name: 'Lupa kata sandi?' })).toHaveAttribute('href', '/masuk/lupa');
	await page.goto('/masuk/lupa');
	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByRole('button', { name: 'Kirim kode' }).click();
	await expect(page.getByRole('status')).toContainText('sudah dikirim lewat SMS');
	const to = normalizePhone(phone)!.slice(1);
	const received = () => sms.requests.filter((r) => r.form?.to === to).map((r) => /(\d{6})/.exec(r.form!.message ?? '')?.[1]);
	await expect.poll(() => received().length, { timeout: 15_000 }).toBe(1);
	const code = received()[0]!;
	expect(whatsapp.requests.filter((r) => (r.json as { to?: string }).to === to)).toHaveLength(0);

	await page.getByLabel('Kode dari pesan').fill(code === '000000' ? '000001' : '000000');
	await page.getByLabel('Kata sandi baru', { exact: true }).fill('perahu kayu di martapura');
	await page.getByLabel('Ulangi kata sandi baru').fill('perahu kayu di martapura');
	await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
	await expect(page.getByText('Kode salah. Sisa 4 kali percobaan.').first()).toBeVisible();
	await page.getByLabel('Kode dari pesan').fill(code);
	await page.getByLabel('Kata sandi baru', { exact: true }).fill('perahu kayu di martapura');
	await page.getByLabel('Ulangi kata sandi baru').fill('perahu kayu di martapura');
	await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Halo, Lina Marlina' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Kata sandi sudah diganti');

	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page.getByRole('status')).toHaveText('Anda sudah keluar.');
	await logIn(page, phone, 'perahu kayu di martapura');
});

test('at the counter: a walk-in application made by the officer, then found by code and by phone', async ({ browser }) => {
	test.slow();
	const officer = await signedIn(browser, 'officer');
	await officer.goto('/petugas');
	await expect(officer.getByRole('link', { name: 'Loket: cari permohonan warga yang datang' })).toHaveAttribute('href', '/petugas/loket');

	// the walk-in: the same journey as a volunteer's, consent first
	const phone = uniquePhone();
	const { code } = await applyForResident(officer, 'akta-kelahiran', { name: 'Pak Darmawan', phone, parentName: 'Pak Darmawan' });
	await expect(officer.getByRole('status')).toContainText('Permohonan untuk Pak Darmawan sudah kami terima');
	await officer.getByRole('link', { name: 'Cetak slip untuk warga' }).click();
	await expect(officer.getByRole('heading', { level: 1, name: 'Slip permohonan' })).toBeVisible();
	await expect(officer.getByText(code, { exact: true })).toBeVisible();

	for (const typed of [code.toLowerCase(), phone]) {
		await officer.goto('/petugas/loket');
		await officer.getByLabel('Kode lacak, nomor HP, nama atau NIK pemohon').fill(typed);
		await officer.getByRole('button', { name: 'Cari' }).click();
		const row = officer.getByRole('row').filter({ hasText: 'Pak Darmawan' });
		await expect(row).toHaveCount(1);
		await expect(row.getByRole('link', { name: code })).toBeVisible();
	}
	// by NIK, through the blind index (the NIK itself is stored only sealed); the search is a POST, so the
	// NIK is not in the address
	await officer.goto('/petugas/loket');
	await officer.getByLabel('Kode lacak, nomor HP, nama atau NIK pemohon').fill('6372 0452 0495 0001');
	await officer.getByRole('button', { name: 'Cari' }).click();
	await expect(officer.getByRole('row').filter({ has: officer.getByRole('link', { name: code }) })).toHaveCount(1);
	expect(officer.url()).not.toContain('6372');
});

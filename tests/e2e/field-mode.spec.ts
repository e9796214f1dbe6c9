/**
 * Field mode: a volunteer (approved by an admin in this test) goes door to door without signal, prepares
 * applications for two residents one after another, and comes back online: both go out once, both codes
 * work on the public tracking page, and one resident claims theirs into a new account.
 */
import { expect, test, type Page } from '@playwright/test';
import { services } from '../../src/lib/domain/catalogue';
import { journey } from '../../src/lib/domain/journey';
import { formatPhone, normalizePhone } from '../../src/lib/domain/phone';
import { demo, e2eDatabase, logIn, registered, uniquePhone } from './helpers';
import { sampleAnswer } from './journeys';

async function becomeVolunteer(page: Page, browser: import('@playwright/test').Browser) {
	const phone = uniquePhone();
	const name = `Relawan Lapangan ${phone.slice(-4)}`;
	const password = 'jalan kaki dari rumah ke rumah';
	await registered(page, name, phone, password);
	await page.goto('/akun/relawan');
	await page.getByLabel('Kelurahan').selectOption({ label: 'Cempaka' });
	await page.getByLabel('Mengapa Anda ingin menjadi relawan?').fill('Membantu warga lansia di RT saya.');
	await page.getByRole('button', { name: 'Kirim permintaan' }).click();
	await expect(page.getByRole('status')).toContainText('Permintaan Anda terkirim');

	const admin = await (await browser.newContext()).newPage();
	const account = demo('admin');
	await logIn(admin, account.phone, account.password);
	await admin.goto('/admin/relawan');
	await admin.getByRole('region', { name }).getByRole('button', { name: /^Setujui/ }).click();
	await expect(admin.getByRole('status')).toContainText(`${name} kini relawan`);
	await admin.context().close();

	await logIn(page, phone, password);
	await page.goto('/relawan');
	await expect(page.getByRole('heading', { level: 1, name: 'Warga yang Anda bantu' })).toBeVisible();
}

async function applyOfflineFor(page: Page, slug: string, resident: { name: string; phone: string }) {
	const service = services.find((s) => s.slug === slug)!;
	await page.goto(`/layanan/${slug}`);
	await page.getByRole('link', { name: 'Ajukan untuk warga (bisa tanpa sinyal)' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Warga yang Anda bantu' })).toBeVisible();
	await expect(page.getByText(/Langkah 1 dari \d+/)).toBeVisible();
	// nowhere to go back to inside the form: no "Kembali" that does nothing
	await expect(page.getByRole('button', { name: 'Kembali' })).toHaveCount(0);
	await page.getByLabel('Nama lengkap warga').fill(resident.name);
	await page.getByLabel('Nomor HP warga').fill(resident.phone);
	await page.getByRole('radio', { name: 'Warga menyatakan setuju secara lisan' }).check();
	await page.getByRole('button', { name: 'Lanjut' }).click();
	const total = journey(service, { forResident: true }).pages.length;
	for (const [i, step] of service.steps.entries()) {
		await expect(page.getByRole('heading', { level: 1, name: step.forResident?.title ?? step.title })).toBeVisible();
		await expect(page.getByText(`Langkah ${i + 2} dari ${total}`)).toBeVisible();
		await expect(page.getByText(`Untuk warga: ${resident.name} (${formatPhone(normalizePhone(resident.phone)!)})`)).toBeVisible();
		for (const field of step.fields) {
			// the resident's name and phone were given on the resident page: not asked again
			if (field.applicant) {
				await expect(page.getByLabel(field.label, { exact: true })).toHaveCount(0);
				continue;
			}
			const label = field.forResident?.label ?? field.label;
			const input = page.getByLabel(field.required ? label : `${label} (boleh dikosongkan)`, { exact: true });
			if (field.kind === 'select') await input.selectOption(field.options![0]!.value);
			else if (field.kind === 'kelurahan') await input.selectOption('63.72.03.1004');
			else await input.fill(sampleAnswer(field));
		}
		await expect(page.getByText('NIK Anda')).toHaveCount(0);
		await page.getByRole('button', { name: 'Lanjut' }).click();
	}
	for (const document of service.documents) {
		await expect(page.getByRole('heading', { level: 1, name: document.label })).toBeVisible();
		await page.getByLabel(/Foto atau PDF/).setInputFiles('tests/fixtures/kartu-keluarga.jpg');
		await expect(page.getByText(/Sudah dipilih/)).toBeVisible();
		await page.getByRole('button', { name: 'Lanjut' }).click();
	}
	await expect(page.getByRole('heading', { level: 1, name: 'Periksa jawaban Anda' })).toBeVisible();
	await expect(page.getByText(resident.name).first()).toBeVisible();
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();
	await expect(page.getByRole('status')).toContainText('Menunggu sinyal – akan dikirim otomatis');
}

test('a volunteer applies offline for two residents; both sync once and one resident claims theirs', async ({
	page,
	context,
	browser
}) => {
	test.slow();
	await becomeVolunteer(page, browser);
	await page.goto('/layanan/ktp-el-hilang');
	await expect
		.poll(() => page.evaluate(async () => !!navigator.serviceWorker.controller), { timeout: 30_000 })
		.toBe(true);

	const first = { name: 'Mariani', phone: uniquePhone() };
	const second = { name: 'Jumadi', phone: uniquePhone() };
	await context.setOffline(true);
	await applyOfflineFor(page, 'ktp-el-hilang', first);
	await applyOfflineFor(page, 'ktp-el-rusak', second);

	// per resident: waiting for signal
	await page.goto('/draf');
	const waiting = page.getByRole('listitem').filter({ hasText: 'Menunggu sinyal' });
	await expect(waiting).toHaveCount(2);
	await expect(waiting.filter({ hasText: 'untuk Mariani' })).toBeVisible();

	await context.setOffline(false);
	const sent = page.getByRole('listitem').filter({ hasText: 'Terkirim' });
	await expect(sent).toHaveCount(2, { timeout: 30_000 });

	const db = e2eDatabase();
	const rows = await db.execute({
		sql: `select tracking_code, applicant_name, applicant_phone, consent from applications
		      where applicant_phone in (?, ?) order by applicant_name`,
		args: [`+62${first.phone.slice(1)}`, `+62${second.phone.slice(1)}`]
	});
	db.close();
	expect(rows.rows.map((r) => r.applicant_name)).toEqual(['Jumadi', 'Mariani']);
	for (const row of rows.rows) {
		expect(JSON.parse(String(row.consent))).toMatchObject({ by: 'resident', how: 'spoken' });
	}
	const codeOf = (name: string) => String(rows.rows.find((r) => r.applicant_name === name)!.tracking_code);

	// both residents can follow their application without an account
	for (const resident of [first, second]) {
		const anonymous = await (await browser.newContext()).newPage();
		await anonymous.goto(`/lacak?kode=${codeOf(resident.name)}`);
		await anonymous.getByLabel('4 angka terakhir nomor HP pemohon').fill(resident.phone.slice(-4));
		await anonymous.getByRole('button', { name: 'Lacak' }).click();
		await expect(anonymous.getByText('Status: Diterima, menunggu diperiksa')).toBeVisible();
		await anonymous.context().close();
	}

	// Mariani makes her own account and claims hers
	const mariani = await (await browser.newContext()).newPage();
	await registered(mariani, 'Mariani', first.phone, 'kebun karet di cempaka');
	await mariani.goto('/akun/klaim');
	await mariani.getByLabel('Kode lacak').fill(codeOf('Mariani'));
	await mariani.getByLabel('Nomor HP Anda').fill(first.phone);
	await mariani.getByRole('button', { name: 'Masukkan ke akun saya' }).click();
	await expect(mariani.getByRole('status')).toContainText('Permohonan ini sekarang ada di akun Anda.');
	await mariani.goto('/permohonan');
	await expect(mariani.getByRole('link', { name: 'KTP-el hilang' })).toBeVisible();
	await mariani.context().close();
});

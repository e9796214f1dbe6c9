/**
 * The citizen's journey: find Akta Kelahiran from the home page, register on the way, answer the guided
 * form, upload two photos, check the answers, submit, get a receipt, and find the application on the
 * public tracking page. With JavaScript through the form that keeps answers on the phone (photos shrunk
 * there), and without JavaScript through the server's form.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, e2eDatabase, logIn, uniquePhone } from './helpers';
import { fillBirthCertificate } from './journeys';

const fixtures = 'tests/fixtures';

function daysAgo(n: number) {
	const d = new Date(Date.now() + 8 * 3600_000 - n * 86_400_000);
	return d.toISOString().slice(0, 10);
}

async function continueTo(page: Page, heading: string | RegExp) {
	await page.getByRole('button', { name: /Lanjut|Unggah dan lanjut/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function applyForBirthCertificate(page: Page, phone: string) {
	await page.goto('/');
	await page.getByRole('link', { name: /Akta Kelahiran/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Akta Kelahiran' })).toBeVisible();
	await page.getByRole('link', { name: 'Mulai mengajukan' }).click();

	// not logged in yet: register on the way, and come back to the form
	await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
	await page.getByRole('link', { name: 'Daftar dengan nomor HP' }).click();
	await page.getByLabel('Nama lengkap').fill('Ahmad Fauzi');
	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByLabel('Kata sandi').fill('anak pertama kami lahir');
	await page.getByRole('button', { name: 'Daftar' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Ajukan Akta Kelahiran' })).toBeVisible();
	await page.getByRole('button', { name: 'Mulai isi formulir' }).click();

	// 1. the applicant: name and phone come from the account
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa yang melapor?' })).toBeVisible();
	await expect(page.getByLabel('Nama lengkap Anda')).toHaveValue('Ahmad Fauzi');
	await page.getByLabel('NIK Anda').fill('6372 0415 0393 000'); // one digit short
	await page.getByLabel('Hubungan dengan anak').selectOption({ label: 'Ayah' });
	const posts: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST') posts.push(request.url());
	});
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await expect(page.locator('#applicant_nik-galat')).toHaveText('NIK harus 16 angka.');
	expect(posts).toHaveLength(1); // without JavaScript the server checks
	await expect(page.getByRole('alert')).toContainText('NIK harus 16 angka.');
	await expect(page.getByLabel('NIK Anda')).toHaveValue('6372 0415 0393 000');
	await expect(page.getByLabel('Hubungan dengan anak')).toHaveValue('father');
	await page.getByLabel('NIK Anda').fill('6372 0415 0393 0002');
	await continueTo(page, 'Siapa anak yang lahir?');

	await page.getByLabel('Nama lengkap anak').fill('Muhammad Rizki');
	await page.getByLabel('Jenis kelamin anak').selectOption({ label: 'Laki-laki' });
	await page.getByLabel('Anak ke berapa').selectOption({ label: 'Anak ke-1' });
	await continueTo(page, 'Kapan dan di mana anak lahir?');

	await page.getByLabel('Tanggal lahir anak').fill(daysAgo(10));
	await page.getByLabel('Tempat lahir').fill('Banjarbaru');
	await continueTo(page, 'Siapa ibu anak ini?');

	await page.getByLabel('Nama lengkap ibu').fill('Siti Rahmah');
	await page.getByLabel('NIK ibu').fill('6372045204950001');
	await continueTo(page, 'Siapa ayah anak ini?');

	await page.getByLabel(/Nama lengkap ayah/).fill('Ahmad Fauzi');
	await page.getByLabel(/NIK ayah/).fill('6372041503930002');
	await continueTo(page, 'Apa nomor KK orang tua?');

	await page.getByLabel('Nomor Kartu Keluarga orang tua').fill('6372040101200003');
	await page.getByLabel('Nama kepala keluarga').fill('Ahmad Fauzi');
	await continueTo(page, 'Surat keterangan lahir');

	// documents: a wrong file is refused with a clear message
	await page.getByLabel('Foto atau PDF').setInputFiles(`${fixtures}/program.exe`);
	await page.getByRole('button', { name: 'Unggah dan lanjut' }).click();
	await expect(page.getByRole('alert')).toContainText('tidak bisa dibaca petugas');
	await page.getByLabel('Foto atau PDF').setInputFiles(`${fixtures}/surat-lahir.jpg`);
	await continueTo(page, 'Buku nikah atau akta perkawinan orang tua');
	await page.getByLabel(/Foto atau PDF/).setInputFiles(`${fixtures}/buku-nikah.pdf`);
	await continueTo(page, 'Foto Kartu Keluarga (KK)');
	await page.getByLabel('Foto atau PDF').setInputFiles(`${fixtures}/kartu-keluarga.jpg`);
	await continueTo(page, 'Periksa jawaban Anda');

	await expect(page.getByText('Muhammad Rizki')).toBeVisible();
	await expect(page.getByText('6372045204950001')).toBeVisible();
	const documentHref = await page.getByRole('link', { name: 'sudah diunggah' }).first().getAttribute('href');
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Permohonan terkirim' })).toBeVisible();
	const code = (await page.locator('.code').first().textContent())!.trim();
	expect(code).toMatch(/^[ABCDEFGHJKMNPRSTWXYZ2-9]{4} [ABCDEFGHJKMNPRSTWXYZ2-9]{4}$/);
	await expect(page.getByText(/Janji selesai: .+ pukul 16\.00 WITA/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Kirim kode lewat WhatsApp' })).toHaveAttribute(
		'href',
		new RegExp(`^https://wa\\.me/\\?text=.*${code.replace(' ', '(%20|\\+)')}`)
	);
	return { code, documentHref: documentHref! };
}

async function trackPublicly(page: Page, code: string, phone: string) {
	await page.context().clearCookies();
	await page.goto('/lacak');
	await page.getByLabel('Kode lacak').fill(code.toLowerCase());
	await page.getByLabel('4 angka terakhir nomor HP pemohon').fill('0000');
	await page.getByRole('button', { name: 'Lacak' }).click();
	await expect(page.getByRole('alert')).toContainText('Permohonan tidak ditemukan');

	await page.getByLabel('4 angka terakhir nomor HP pemohon').fill(phone.slice(-4));
	await page.getByRole('button', { name: 'Lacak' }).click();
	await expect(page.getByText(code)).toBeVisible();
	await expect(page.getByText('Status: Diterima, menunggu diperiksa')).toBeVisible();
	await expect(page.getByText('Permohonan diterima')).toBeVisible();
	await expect(page.getByText('Masih sesuai janji waktu.')).toBeVisible();
}

test('a new resident applies for a birth certificate with two photos and tracks it', async ({ page }) => {
	test.slow();
	const phone = uniquePhone();
	await page.goto('/');
	await page.getByRole('link', { name: /Akta Kelahiran/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Akta Kelahiran' })).toBeVisible();
	await page.getByRole('link', { name: 'Mulai mengajukan' }).click();

	// with JavaScript: the form that keeps answers on the phone; it says to log in before sending
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa yang melapor?' })).toBeVisible();
	await page.getByRole('link', { name: 'daftar' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Daftar akun' })).toBeVisible();
	await page.getByLabel('Nama lengkap').fill('Rahmat Hidayat');
	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByLabel('Kata sandi').fill('anak kedua kami lahir');
	await page.getByRole('button', { name: 'Daftar' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa yang melapor?' })).toBeVisible();

	// a typing mistake is caught in the browser with the server's own rule: no round trip
	const posts: string[] = [];
	page.on('request', (request) => {
		if (request.method() === 'POST') posts.push(request.url());
	});
	await page.getByLabel('NIK Anda').fill('6372 0415 0393 000');
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await expect(page.getByRole('alert')).toContainText('NIK harus 16 angka.');
	expect(posts).toHaveLength(0);

	await fillBirthCertificate(page);
	await expect(page.getByText('Aisyah Putri')).toBeVisible();
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Permohonan terkirim' })).toBeVisible();
	const code = (await page.locator('.code').first().textContent())!.trim();
	expect(code).toMatch(/^[ABCDEFGHJKMNPRSTWXYZ2-9]{4} [ABCDEFGHJKMNPRSTWXYZ2-9]{4}$/);
	await expect(page.getByText(/Janji selesai: .+ pukul 1\d\.\d\d WITA/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Kirim kode lewat WhatsApp' })).toHaveAttribute(
		'href',
		new RegExp(`^https://wa\\.me/\\?text=.*${code.replace(' ', '(%20|\\+)')}`)
	);
	await page.screenshot({ path: 'test-results/bukti-permohonan.png', fullPage: true });

	// the server holds exactly one application, and the photos arrived shrunk on the phone (JPEG, ≤ 1600 px)
	const db = e2eDatabase();
	const apps = await db.execute({ sql: 'select id from applications where tracking_code = ?', args: [code.replace(' ', '')] });
	expect(apps.rows).toHaveLength(1);
	const docs = await db.execute({
		sql: 'select id, requirement_key, content_type, size from documents where application_id = ? order by requirement_key',
		args: [String(apps.rows[0]!.id)]
	});
	db.close();
	expect(docs.rows.map((d) => [d.requirement_key, d.content_type])).toEqual([
		['birth_letter', 'image/jpeg'],
		['kk_scan', 'image/jpeg']
	]);
	for (const d of docs.rows) expect(Number(d.size)).toBeLessThan(400_000);

	// a document opens for its applicant, and for nobody else
	const documentHref = `/dokumen/${docs.rows[0]!.id}`;
	const own = await page.request.get(documentHref);
	expect(own.status()).toBe(200);
	expect(own.headers()['content-type']).toBe('image/jpeg');
	expect(own.headers()['cache-control']).toBe('private, no-store');
	const stranger = demo('citizen');
	const other = await page.context().browser()!.newContext();
	const strangerPage = await other.newPage();
	await logIn(strangerPage, stranger.phone, stranger.password);
	expect((await strangerPage.request.get(documentHref)).status()).toBe(404);
	await other.close();

	await page.goto('/permohonan');
	await expect(page.getByText(code)).toBeVisible();
	// tracked with the phone number given in the form
	await trackPublicly(page, code, '081255554444');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same journey works with plain form posts', async ({ page }) => {
		test.slow();
		const phone = uniquePhone();
		const { code } = await applyForBirthCertificate(page, phone);
		await trackPublicly(page, code, phone);
	});
});

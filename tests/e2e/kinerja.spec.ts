/**
 * Accountability in public: an officer completes an application, the resident answers the satisfaction
 * survey, and /kinerja shows one respondent more and the new score; a complaint goes from filing to answer
 * to "solved"; an overdue one shows as escalated (its clock set in the past through the database).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ikm, formatHundredths } from '../../src/lib/domain/ikm';
import { witaMonth } from '../../src/lib/domain/performance';
import { demo, e2eDatabase, logIn, register, uniquePhone } from './helpers';
import { applyFor } from './journeys';

async function staffPage(browser: Browser, role: 'officer' | 'admin', office?: 'disdukcapil' | 'dpmptsp') {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const account = demo(role, office);
	await logIn(page, account.phone, account.password);
	return page;
}

const permit = 'Izin Usaha (rekomendasi/izin lokal)';

/** The survey's rollup row for the permit service this month, straight from the database. */
async function surveyRow() {
	const db = e2eDatabase();
	try {
		const result = await db.execute({
			sql: 'SELECT respondents, s1, s2, s3, s4, s5, s6, s7, s8, s9 FROM survey_months WHERE service_slug = ? AND month = ?',
			args: ['izin-usaha', witaMonth(new Date())]
		});
		const row = result.rows[0];
		if (!row) return { respondents: 0, sums: Array(9).fill(0) as number[] };
		return { respondents: Number(row.respondents), sums: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => Number(row[`s${i}`])) };
	} finally {
		db.close();
	}
}

function section(page: Page) {
	return page.getByRole('region', { name: permit });
}

test('the survey after a result: one respondent more and the new score on /kinerja', async ({ page, browser }) => {
	test.slow();
	const before = await surveyRow();
	await page.goto('/kinerja');
	await expect(section(page)).toBeVisible();

	await register(page, 'Lina Marlina', uniquePhone(), 'rumah panggung di tepi sungai');
	await expect(page.getByRole('heading', { level: 1, name: 'Halo, Lina Marlina' })).toBeVisible();
	const { code, id } = await applyFor(page, 'izin-usaha', { owner_name: 'Lina Marlina' });

	const officer = await staffPage(browser, 'officer', 'dpmptsp');
	await officer.goto('/petugas');
	await officer.getByRole('row').filter({ hasText: code }).getByRole('link').click();
	await officer.getByRole('button', { name: 'Ambil dan periksa' }).click();
	for (const box of await officer.getByRole('group', { name: 'Centang yang sudah sesuai' }).getByRole('checkbox').all()) await box.check();
	await officer.getByRole('button', { name: 'Simpan centang' }).click();
	await officer.getByRole('button', { name: 'Setujui' }).click();
	await officer.getByRole('radio', { name: /Dokumen terbitan aplikasi/ }).check();
	await officer.getByRole('button', { name: 'Tandai selesai' }).click();
	await expect(officer.getByRole('link', { name: 'Halaman verifikasi' })).toBeVisible();
	await officer.context().close();

	// the invitation: a notice, and the link on the application's page
	await page.goto('/notifikasi');
	await expect(page.getByText(/Isi survei kepuasan/).first()).toBeVisible();
	await page.goto(`/permohonan/${id}`);
	await page.getByRole('link', { name: 'Isi survei kepuasan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Survei kepuasan' })).toBeVisible();
	const surveyUrl = page.url();
	// "Sangat …" / "Gratis" / "Dikelola dengan baik": the fourth answer of every element, but a 3 for time
	for (const group of await page.getByRole('group').all()) {
		const radios = group.getByRole('radio');
		if ((await radios.count()) === 4) await radios.nth(3).check();
	}
	await page.getByRole('group', { name: /kecepatan waktu/ }).getByRole('radio', { name: 'Cepat', exact: true }).check();
	await page.getByLabel('Jenis kelamin').selectOption('Perempuan');
	await page.getByRole('button', { name: 'Kirim jawaban' }).click();
	await expect(page.getByRole('status')).toContainText('Terima kasih');

	// used once: the page no longer takes answers, the application says thank you
	await page.goto(surveyUrl);
	await expect(page.getByText(/sudah diisi, atau tautannya tidak berlaku/)).toBeVisible();
	await page.goto(`/permohonan/${id}`);
	await expect(page.getByText('survei kepuasan untuk permohonan ini sudah diisi')).toBeVisible();

	const after = await surveyRow();
	expect(after.respondents).toBe(before.respondents + 1);
	expect(after.sums.map((s, i) => s - before.sums[i]!)).toEqual([4, 4, 3, 4, 4, 4, 4, 4, 4]);
	const score = ikm(after.sums.map((sum) => ({ sum, count: after.respondents })))!;
	await page.goto('/kinerja');
	await expect(section(page)).toContainText(`${formatHundredths(score.scoreHundredths)} (mutu ${score.grade}, ${score.label}) dari ${after.respondents} responden`);
});

test('a complaint without an account: filed, answered by the office, marked solved', async ({ browser }) => {
	test.slow();
	const resident = await (await browser.newContext()).newPage();
	await resident.goto('/pengaduan');
	await expect(resident.getByRole('link', { name: 'lapor.go.id' })).toBeVisible();
	await resident.getByLabel('Layanan yang diadukan').selectOption({ label: permit });
	await resident.getByLabel('Isi pengaduan').fill('Surat rekomendasi usaha saya belum ada kabar sejak minggu lalu.');
	await resident.getByLabel('Nomor HP').fill(uniquePhone());
	await resident.getByRole('button', { name: 'Kirim pengaduan' }).click();
	await expect(resident.getByRole('status')).toContainText('Pengaduan Anda sudah kami terima');
	await expect(resident.getByText('Status: Menunggu jawaban')).toBeVisible();
	const code = (await resident.locator('.code').first().textContent())!.trim();
	await expect(resident.getByRole('link', { name: 'lapor.go.id' })).toBeVisible();

	const officer = await staffPage(browser, 'officer', 'dpmptsp');
	await officer.goto('/petugas/pengaduan');
	await officer.getByRole('link', { name: code }).click();
	await expect(officer.getByText('Surat rekomendasi usaha saya belum ada kabar')).toBeVisible();
	await officer.getByLabel('Jawaban untuk pelapor').fill('Mohon maaf. Rekomendasi Anda sudah terbit hari ini, silakan cek di akun Anda.');
	await officer.getByRole('button', { name: 'Kirim jawaban' }).click();
	await expect(officer.getByText('Status: Sudah dijawab')).toBeVisible();
	// another office never sees it
	const other = await staffPage(browser, 'officer', 'disdukcapil');
	await other.goto('/petugas/pengaduan');
	await expect(other.getByRole('link', { name: code })).toHaveCount(0);

	await resident.reload();
	await expect(resident.getByText('Rekomendasi Anda sudah terbit hari ini')).toBeVisible();
	await resident.getByRole('button', { name: 'Ya, masalah selesai' }).click();
	await expect(resident.getByText('Status: Selesai')).toBeVisible();
	await expect(resident.getByRole('button', { name: 'Ya, masalah selesai' })).toHaveCount(0);
});

test('a complaint not answered within 5 working days shows as escalated, to the resident and the admin', async ({ browser }) => {
	test.slow();
	const resident = await (await browser.newContext()).newPage();
	await resident.goto('/pengaduan');
	await resident.getByLabel('Layanan yang diadukan').selectOption({ label: permit });
	await resident.getByLabel('Isi pengaduan').fill('Petugas loket tidak ada di tempat pada jam layanan.');
	await resident.getByRole('button', { name: 'Kirim pengaduan' }).click();
	const code = (await resident.locator('.code').first().textContent())!.trim();
	await expect(resident.getByText(/Terlambat dijawab/)).toHaveCount(0);

	// its clock in the past: filed three weeks ago, due two weeks ago
	const db = e2eDatabase();
	const day = 24 * 60 * 60 * 1000;
	await db.execute({
		sql: 'UPDATE complaints SET filed_at = ?, due_at = ? WHERE code = ?',
		args: [Date.now() - 21 * day, Date.now() - 14 * day, code.replace(/-/g, '')]
	});
	db.close();

	await resident.reload();
	await expect(resident.getByText('Terlambat dijawab: diteruskan ke admin kota.')).toBeVisible();
	const admin = await staffPage(browser, 'admin');
	await admin.goto('/admin/pengaduan');
	await expect(admin.getByRole('row').filter({ hasText: code })).toContainText('Terlambat, diteruskan ke admin');
});

test('staff pages are behind the gate; the public pages are open to all', async ({ page, baseURL }) => {
	test.slow();
	for (const route of ['/petugas/pengaduan', '/admin/pengaduan', '/admin/ikm']) {
		await page.goto(route);
		await expect(page).toHaveURL(`/masuk?ke=${encodeURIComponent(route)}`);
		const post = await page.request.post(`${route}?/apa-saja`, { form: { x: '1' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
		expect(post.status()).toBe(303);
	}
	for (const route of ['/kinerja', '/pengaduan', '/kinerja/unduh.csv']) {
		expect((await page.request.get(route)).status(), route).toBe(200);
	}
	const citizen = demo('citizen');
	await logIn(page, citizen.phone, citizen.password);
	for (const route of ['/petugas/pengaduan', '/admin/pengaduan', '/admin/ikm']) {
		expect((await page.goto(route))?.status(), route).toBe(403);
	}
	// the office's complaint page by id: an officer of another office is told it is not there
	expect((await page.goto('/pengaduan/ABCDEFGHJKMN'))?.status()).toBe(404);
});

test('/kinerja works without JavaScript, names its figures, and the CSV carries the same numbers', async ({ browser }) => {
	test.slow();
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const response = await page.goto('/kinerja');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1, name: 'Kinerja layanan' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Arti setiap angka' })).toBeVisible();
	await expect(section(page).getByRole('img', { name: /Persentase tepat waktu/ })).toBeVisible();
	const csv = await (await page.request.get('/kinerja/unduh.csv')).text();
	const month = witaMonth(new Date());
	const row = csv.split('\r\n').find((l) => l.startsWith(`${permit},${month},`))!.split(',');
	const [finished, onTime] = [Number(row[3]), Number(row[4])];
	await expect(section(page)).toContainText(finished === 0 ? 'Belum ada yang selesai' : `${onTime} dari ${finished} tepat waktu`);
	// the service page links to its own figures with one line
	await page.goto('/layanan/izin-usaha');
	await expect(page.getByRole('link', { name: finished === 0 ? /Bulan ini: belum ada/ : `Bulan ini: ${onTime} dari ${finished} selesai tepat waktu` })).toHaveAttribute('href', '/kinerja#izin-usaha');
	await context.close();
});

/**
 * The in-person step: a resident who applied for a new KTP-el books a slot for the biometric recording,
 * gets a queue number, moves the booking to another day, and the Disdukcapil officer finds them in the
 * day's list at the counter. The e2e database is fresh each run, with demo slots for the next 14 working
 * days at every location.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, e2eDatabase, logIn, register, uniquePhone } from './helpers';

const DISDUKCAPIL = 'Kantor Disdukcapil Kota Banjarbaru';

async function continueTo(page: Page, heading: string) {
	await page.getByRole('button', { name: /Lanjut|Unggah dan lanjut/ }).click();
	await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** Applies for a new KTP-el through the guided form; returns the application's id and tracking code. */
async function applyForNewKtp(page: Page) {
	// the server's form (the offline-capable one is tested in offline.spec.ts)
	await page.goto('/ajukan/ktp-el-baru');
	await page.getByRole('button', { name: 'Mulai isi formulir' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Siapa Anda?' })).toBeVisible();
	await page.getByLabel('NIK Anda').fill('6372041705000001');
	await continueTo(page, 'Apakah Anda sudah boleh membuat KTP-el?');
	await page.getByLabel('Tanggal lahir').fill('2000-05-17');
	await page.getByLabel('Status menikah').selectOption({ label: 'Belum menikah' });
	await continueTo(page, 'Apa nomor KK dan alamat Anda?');
	await page.getByLabel('Nomor Kartu Keluarga (KK)').fill('6372040101200003');
	await page.getByLabel('Kelurahan tempat tinggal').selectOption({ label: 'Komet' });
	await page.getByLabel('Alamat').fill('Jl. Jenderal Sudirman No. 10, RT 02 RW 01');
	await continueTo(page, 'Foto Kartu Keluarga (KK)');
	await page.getByLabel('Foto atau PDF').setInputFiles('tests/fixtures/kartu-keluarga.jpg');
	await continueTo(page, 'Periksa jawaban Anda');
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Permohonan terkirim' })).toBeVisible();
	const id = new URL(page.url()).pathname.split('/').at(-1)!;
	const code = (await page.locator('.code').first().textContent())!.trim();
	return { id, code };
}

/** Picks the first free time on the `n`th day shown; returns the day's heading and the time's label. */
async function pickTime(page: Page, n: number) {
	const day = page.getByRole('group').nth(n);
	const dayName = (await day.locator('legend').textContent())!.trim();
	const choice = day.getByRole('radio').first();
	await choice.check();
	const label = (await page.locator(`label[for="${await choice.getAttribute('id')}"]`).textContent())!.trim();
	return { dayName, time: label.slice(0, 5) };
}

async function bookingsOf(applicationId: string) {
	const db = e2eDatabase();
	try {
		const result = await db.execute({
			sql: `select a.status, a.queue_number, s.date, s.start_time, s.booked, s.location_id
			      from appointments a join appointment_slots s on s.id = a.slot_id
			      where a.application_id = ? order by a.created_at, a.id`,
			args: [applicationId]
		});
		return result.rows;
	} finally {
		db.close();
	}
}

test('a resident books the KTP-el recording, moves it, and the office sees it in the day list', async ({ page, browser }) => {
	test.slow();
	await register(page, 'Nur Aisyah', uniquePhone(), 'rekam sidik jari besok');
	await expect(page.getByRole('heading', { level: 1, name: /^Halo, / })).toBeVisible();
	const { id, code } = await applyForNewKtp(page);

	// book: the office's own location is offered first, times grouped by day
	await page.goto(`/permohonan/${id}/jadwal`);
	await expect(page.getByRole('heading', { level: 1, name: 'Jadwal datang ke kantor' })).toBeVisible();
	await expect(page.getByLabel('Tempat', { exact: true })).toHaveValue('disdukcapil');
	await page.getByLabel('Tempat', { exact: true }).selectOption({ label: DISDUKCAPIL });
	await page.getByRole('button', { name: 'Tampilkan jadwal' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Pilih jadwal' })).toBeVisible();
	const first = await pickTime(page, 0);
	expect(first.time).toMatch(/^\d\d\.\d\d$/);
	await page.getByRole('button', { name: 'Pesan jadwal ini' }).click();

	await expect(page.getByRole('status')).toHaveText('Jadwal Anda sudah tersimpan.');
	await expect(page.getByRole('heading', { level: 2, name: 'Jadwal Anda' })).toBeVisible();
	const booking = page.locator('.booking');
	await expect(booking).toContainText(/Nomor antrean\s*A-\d{3}/);
	await expect(booking).toContainText(`${first.dayName} pukul ${first.time} WITA di ${DISDUKCAPIL}`);
	const firstNumber = (await booking.locator('strong').textContent())!.trim();

	// move it to another day
	await expect(page.getByRole('heading', { level: 2, name: 'Pindah ke jadwal lain' })).toBeVisible();
	const second = await pickTime(page, 1);
	expect(second.dayName).not.toBe(first.dayName);
	await page.getByRole('button', { name: 'Pindah ke jadwal ini' }).click();
	await expect(page.getByRole('status')).toHaveText('Jadwal Anda sudah dipindah.');
	await expect(booking).toContainText(`${second.dayName} pukul ${second.time} WITA di ${DISDUKCAPIL}`);
	const secondNumber = (await booking.locator('strong').textContent())!.trim();
	expect(secondNumber).toMatch(/^A-\d{3}$/);

	// the server holds one current booking; the old place went back
	const rows = await bookingsOf(id);
	expect(rows.map((r) => r.status)).toEqual(['cancelled', 'booked']);
	expect(`A-${String(rows[0]!.queue_number).padStart(3, '0')}`).toBe(firstNumber);
	expect(`A-${String(rows[1]!.queue_number).padStart(3, '0')}`).toBe(secondNumber);
	const bookedDate = String(rows[1]!.date);

	// the Disdukcapil officer finds the resident in that day's list
	const officerContext = await browser.newContext();
	const officer = await officerContext.newPage();
	const account = demo('officer', 'disdukcapil');
	await logIn(officer, account.phone, account.password);
	await officer.goto('/petugas/jadwal');
	await expect(officer.getByRole('heading', { level: 1, name: 'Jadwal kedatangan' })).toBeVisible();
	await officer.getByLabel('Tempat', { exact: true }).selectOption({ label: DISDUKCAPIL });
	await officer.getByLabel('Tanggal').fill(bookedDate);
	await officer.getByRole('button', { name: 'Tampilkan' }).click();
	await expect(officer.getByRole('heading', { level: 2, name: `${DISDUKCAPIL}, ${second.dayName}` })).toBeVisible();
	const row = officer.getByRole('row', { name: new RegExp(code) });
	await expect(row).toHaveCount(1);
	await expect(row.getByRole('cell')).toHaveText([second.time, secondNumber, 'Nur Aisyah', 'KTP-el baru', code]);
	await officerContext.close();

	// cancelling gives the place back and leaves the page ready to book again
	await page.getByRole('button', { name: 'Batalkan jadwal' }).click();
	await expect(page.getByRole('status')).toHaveText(/Jadwal Anda sudah dibatalkan/);
	await expect(page.getByRole('heading', { level: 2, name: 'Jadwal Anda' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Pesan jadwal ini' })).toBeVisible();
	expect((await bookingsOf(id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an admin creates slots on working days and changes one slot’s capacity', async ({ page }) => {
		const account = demo('admin');
		await logIn(page, account.phone, account.password);
		await page.goto('/admin/lokasi');
		await expect(page.getByRole('heading', { level: 1, name: 'Lokasi dan jadwal' })).toBeVisible();
		await expect(page.getByRole('row', { name: /MPP Banjarbaru .*Jl\. Husni Thamrin No\. 1/ })).toBeVisible();

		// a week well after the demo slots, Monday to Sunday: five working days at most
		const monday = new Date(Date.now() + 8 * 3600_000 + 42 * 86_400_000);
		monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
		const day = (offset: number) => new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
		await page.getByLabel('Lokasi', { exact: true }).selectOption({ label: 'Kantor Kecamatan Cempaka' });
		await page.getByLabel('Tanggal mulai').fill(day(0));
		await page.getByLabel('Tanggal akhir').fill(day(6));
		await page.getByLabel('Jam mulai').fill('08:00, 10.00');
		await page.getByLabel('Kapasitas per jam').fill('nol');
		await page.getByRole('button', { name: 'Buat jadwal' }).click();
		await expect(page.getByRole('alert')).toContainText('Kapasitas harus angka bulat 1 sampai 500.');
		await expect(page.getByLabel('Jam mulai')).toHaveValue('08:00, 10.00');
		await page.getByLabel('Kapasitas per jam').fill('4');
		await page.getByRole('button', { name: 'Buat jadwal' }).click();
		await expect(page.getByRole('status').first()).toHaveText(/^(10|8|6|4|2) jam baru dibuat pada [1-5] hari kerja\./);

		// the first day of the plan is shown; change the 10.00 slot's capacity
		await expect(page.getByRole('heading', { level: 3, name: /^Kantor Kecamatan Cempaka, Senin, / })).toBeVisible();
		await page.getByLabel('Kapasitas pukul 10.00').fill('6');
		await page.getByRole('button', { name: 'Simpan kapasitas pukul 10.00' }).click();
		await expect(page.getByRole('status')).toHaveText('Kapasitas tersimpan.');
		await expect(page.getByText('10.00 WITA · terisi 0 dari 6')).toBeVisible();
		await expect(page.getByText('08.00 WITA · terisi 0 dari 4')).toBeVisible();
	});
});

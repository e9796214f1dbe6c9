/**
 * A cheap phone with a bad signal: the form opens offline after one visit, answers survive a reload,
 * an offline submission waits in the outbox and goes out when the signal returns (once, even when the
 * first response is lost), and logging out leaves no drafts behind.
 */
import { expect, test, type Page } from '@playwright/test';
import { e2eDatabase, registered, serviceWorkerReady, uniquePhone } from './helpers';
import { fillBirthCertificate } from './journeys';

test('after one visit the form opens offline and its answers survive a reload', async ({ page, context }) => {
	await page.goto('/layanan/akta-kelahiran');
	await serviceWorkerReady(page);

	await context.setOffline(true);
	await page.goto('/layanan/akta-kelahiran');
	await page.getByRole('link', { name: 'Mulai mengajukan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa yang melapor?' })).toBeVisible();
	await page.getByLabel('NIK Anda').fill('6372041503930002');
	await page.getByLabel('Nama lengkap Anda').fill('Rahmat Hidayat');
	await page.getByLabel('Hubungan dengan anak').selectOption({ label: 'Ayah' });
	await page.waitForTimeout(400); // answers are saved as typed (debounced)

	await page.reload();
	await expect(page.getByLabel('NIK Anda')).toHaveValue('6372041503930002');
	await expect(page.getByLabel('Nama lengkap Anda')).toHaveValue('Rahmat Hidayat');
	await expect(page.getByLabel('Hubungan dengan anak')).toHaveValue('father');

	// the draft is listed, also offline
	await page.goto('/draf');
	await expect(page.getByRole('link', { name: 'Akta Kelahiran' })).toBeVisible();
	await context.setOffline(false);
});

test('an offline submission waits in the outbox and is sent once when the signal returns, even if the first answer is lost', async ({
	page,
	context
}) => {
	test.slow();
	await registered(page, 'Rahmat Hidayat', uniquePhone(), 'hujan deras di martapura');
	await page.goto('/layanan/akta-kelahiran');
	await serviceWorkerReady(page);
	await page.getByRole('link', { name: 'Mulai mengajukan' }).click();
	await fillBirthCertificate(page);
	const draftId = new URL(page.url()).searchParams.get('draf')!;

	await context.setOffline(true);
	await page.getByRole('button', { name: 'Kirim permohonan' }).click();
	await expect(page.getByRole('status')).toContainText('Menunggu sinyal – akan dikirim otomatis');

	// the first send reaches the server, but its answer never comes back. Routed on the context, so sends
	// from the page and from the service worker's Background Sync are both seen.
	let calls = 0;
	await context.route('**/api/permohonan', async (route) => {
		calls += 1;
		if (calls === 1) {
			await route.fetch();
			await route.abort('connectionreset');
		} else {
			await route.continue();
		}
	});
	await context.setOffline(false);
	await expect.poll(() => calls, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
	// the signal flickers: the outbox tries again, and the server answers with the same application
	await context.setOffline(true);
	await context.setOffline(false);
	await expect(page.getByRole('heading', { level: 1, name: 'Permohonan terkirim' })).toBeVisible({ timeout: 30_000 });
	expect(calls).toBeGreaterThanOrEqual(2);

	const db = e2eDatabase();
	const rows = await db.execute({ sql: 'select count(*) as n from applications where id = ?', args: [draftId] });
	const docs = await db.execute({ sql: 'select count(*) as n from documents where application_id = ?', args: [draftId] });
	db.close();
	expect(Number(rows.rows[0]!.n)).toBe(1);
	expect(Number(docs.rows[0]!.n)).toBe(2);

	await page.goto('/draf');
	await expect(page.getByText('Terkirim')).toBeVisible();

	// the status seen before stays readable offline, saying when it was last updated
	await page.goto(`/permohonan/${draftId}`);
	const updated = (await page.getByText(/^Diperbarui /).textContent())!;
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByText('Status: Diterima, menunggu diperiksa')).toBeVisible();
	await expect(page.getByText(updated)).toBeVisible();
	await context.setOffline(false);
});

test('logging out wipes the drafts from the phone', async ({ page }) => {
	await registered(page, 'Siti Aminah', uniquePhone(), 'pasar terapung lok baintan');
	await page.goto('/formulir/ktp-el-hilang');
	await page.getByLabel('NIK Anda').fill('6372045204950001');
	await page.waitForTimeout(400);
	await page.goto('/draf');
	await expect(page.getByRole('link', { name: 'KTP-el hilang' })).toBeVisible();

	await page.goto('/akun');
	await page.getByRole('button', { name: 'Keluar' }).click();
	await expect(page.getByRole('status')).toHaveText('Anda sudah keluar.');
	await page.goto('/draf');
	await expect(page.getByText('Tidak ada draf.')).toBeVisible();
	const left = await page.evaluate(async () => {
		const request = indexedDB.open('layanan-banjarbaru');
		const db = await new Promise<IDBDatabase>((done) => (request.onsuccess = () => done(request.result)));
		const count = (store: string) =>
			new Promise<number>((done) => {
				const r = db.transaction(store).objectStore(store).count();
				r.onsuccess = () => done(r.result);
			});
		return { drafts: await count('drafts'), outbox: await count('outbox') };
	});
	expect(left).toEqual({ drafts: 0, outbox: 0 });
});

// ------------------------------------------------------------------------------------------------
// Nothing typed is lost (issue 10): each way the phone-side form used to lose work, reproduced.

/** The form's draft is open: its id is in the address. */
async function draftOpen(page: Page) {
	await expect(page).toHaveURL(/draf=[0-9a-f-]{36}/);
}

test('on a slow phone, what is typed before the draft has opened is kept', async ({ page, context }) => {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
	// the app's scripts arrive late, as on a slow phone and a slow network: the form shows, but is not yet alive
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((done) => setTimeout(done, 1500));
		await route.continue();
	});
	await page.goto('/formulir/akta-kelahiran', { waitUntil: 'commit' });
	await page.getByLabel('NIK Anda').fill('6372041503930002');
	await page.getByLabel('Nama lengkap Anda').fill('Rahmat Hidayat');
	await draftOpen(page);

	// the app woke up with the NIK in the field: it counts, and is not "wajib diisi"
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await expect(page.getByRole('alert')).toContainText('Hubungan dengan anak wajib diisi.');
	await expect(page.getByRole('alert')).not.toContainText('NIK Anda wajib diisi.');
	await page.unroute('**/_app/immutable/**');
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

	await page.reload();
	await expect(page.getByLabel('NIK Anda')).toHaveValue('6372041503930002');
	await expect(page.getByLabel('Nama lengkap Anda')).toHaveValue('Rahmat Hidayat');
});

test('a reload right after typing keeps the last keystrokes', async ({ page }) => {
	await page.goto('/formulir/ktp-el-hilang');
	await draftOpen(page);
	await page.getByLabel('NIK Anda').fill('6372045204950001');
	await page.getByLabel('Nama lengkap Anda').fill('Siti Aminah');
	await page.reload(); // no pause: nothing waits 250 ms any more
	await expect(page.getByLabel('NIK Anda')).toHaveValue('6372045204950001');
	await expect(page.getByLabel('Nama lengkap Anda')).toHaveValue('Siti Aminah');
});

test('the name and phone prefilled from the account are saved, and are there after an offline reload', async ({ page, context }) => {
	const phone = uniquePhone();
	await registered(page, 'Nurul Hasanah', phone, 'sungai martapura pagi hari');
	await page.goto('/layanan/ktp-el-hilang');
	await serviceWorkerReady(page);
	await page.goto('/formulir/ktp-el-hilang');
	await draftOpen(page);
	const shownPhone = `${phone.slice(0, 4)}-${phone.slice(4, 8)}-${phone.slice(8)}`;
	await expect(page.getByLabel('Nama lengkap Anda')).toHaveValue('Nurul Hasanah');
	await expect(page.getByLabel('Nomor HP')).toHaveValue(shownPhone); // as people write it, not +62…

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByLabel('Nama lengkap Anda')).toHaveValue('Nurul Hasanah');
	await expect(page.getByLabel('Nomor HP')).toHaveValue(shownPhone);
	await context.setOffline(false);
});

test('the back button moves between the form\'s pages, with the answers and the focus on the heading', async ({ page }) => {
	await page.goto('/formulir/akta-kelahiran');
	await expect(page).toHaveURL(/draf=/);
	await page.getByLabel('NIK Anda').fill('6372041503930002');
	await page.getByLabel('Nama lengkap Anda').fill('Rahmat Hidayat');
	await page.getByLabel('Hubungan dengan anak').selectOption({ label: 'Ayah' });
	await page.getByLabel('Nomor HP').fill('0812 5555 4444');
	await page.getByRole('button', { name: 'Lanjut' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa anak yang lahir?' })).toBeFocused();

	await page.goBack();
	await expect(page).toHaveURL(/hal=langkah-1/);
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa yang melapor?' })).toBeFocused();
	await expect(page.getByLabel('NIK Anda')).toHaveValue('6372041503930002');
	await page.goForward();
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa anak yang lahir?' })).toBeFocused();
	// the draft remembers the page it was left on
	await page.goto('/draf');
	await page.getByRole('link', { name: /Akta Kelahiran/ }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Siapa anak yang lahir?' })).toBeVisible();
});

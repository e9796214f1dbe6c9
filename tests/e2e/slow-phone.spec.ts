/**
 * On a slow phone the page shows long before its script runs, and people start typing. Nothing typed
 * then may be lost when the page wakes up (hydrates): a long text least of all.
 */
import { expect, test } from '@playwright/test';
import { registered, uniquePhone } from './helpers';

test('what a volunteer types before the page has woken up is kept, and comes back after an error', async ({ page, context }) => {
	const phone = uniquePhone();
	await registered(page, `Calon Relawan ${phone.slice(-4)}`, phone, 'rumah panggung di tepi sungai');

	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
	// the app's scripts arrive late, as on a slow network: the form shows, but is not yet alive
	let slow = true;
	await page.route('**/_app/immutable/**', async (route) => {
		if (slow) await new Promise((done) => setTimeout(done, 1500));
		await route.continue();
	});
	await page.goto('/akun/relawan', { waitUntil: 'commit' });
	const why = 'Membantu tetangga lansia di RT saya mengurus akta dan KTP.';
	await page.getByLabel('Kelurahan').selectOption({ label: 'Cempaka' });
	await page.getByLabel('Mengapa Anda ingin menjadi relawan?').fill(why);

	// the scripts arrive and the page wakes up with both answers still in it
	slow = false;
	await page.waitForLoadState('networkidle');
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
	await expect(page.getByLabel('Mengapa Anda ingin menjadi relawan?')).toHaveValue(why);
	await expect(page.getByLabel('Kelurahan').locator('option:checked')).toHaveText('Cempaka');

	// sent without a kelurahan: the server names what is missing and gives the text back
	await page.getByLabel('Kelurahan').selectOption('');
	await page.getByRole('button', { name: 'Kirim permintaan' }).click();
	await expect(page.getByRole('alert')).toContainText('kelurahan');
	await expect(page.getByLabel('Mengapa Anda ingin menjadi relawan?')).toHaveValue(why);

	await page.getByLabel('Kelurahan').selectOption({ label: 'Cempaka' });
	await page.getByRole('button', { name: 'Kirim permintaan' }).click();
	await expect(page.getByRole('status')).toContainText('Permintaan Anda terkirim');
});

/**
 * The whole journey in English (issue 13, part 4): a new resident picks English, signs up, applies for a
 * KTP-el through the server form (axe on every page), gets a clear English error for a wrong NIK without
 * losing what was typed, reads the receipt with its English date, and tracks the application without an
 * account. Every name the test looks for comes from the same message files the app reads, and the service's
 * labels from its English overlay, so a missing translation fails here.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible, uniquePhone } from './helpers';
import { applyFor, serviceIn, wording } from './journeys';

const account = wording('en', 'account');
const journey = wording('en', 'journey');
const status = wording('en', 'status');
const publicPages = wording('en', 'public');
const englishDate = /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d at 16:00 WITA/;

test('a new resident applies and tracks an application in English from start to end', async ({ page, baseURL }) => {
	test.slow();
	const phone = uniquePhone();
	const name = 'Siti Aminah';

	await page.goto('/');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expectAccessible(page);

	await page.goto('/daftar');
	await page.getByLabel(account.account_label_name!).fill(name);
	await page.getByLabel(account.account_label_phone!).fill(phone);
	await page.getByLabel(account.account_label_password!).fill('rahasia-yang-panjang-1');
	await page.getByRole('button', { name: account.account_register_button }).click();
	await expect(page.getByRole('heading', { level: 1, name: account.account_home_hello!.replace('{name}', name) })).toBeVisible();
	await expectAccessible(page);

	// a wrong NIK: the error is English, it takes focus, and the typed answers stay
	const ktp = serviceIn('ktp-el-baru', 'en');
	const firstStep = ktp.steps[0]!;
	const nikField = firstStep.fields.find((f) => f.kind === 'nik')!;
	await page.goto('/ajukan/ktp-el-baru');
	await page.getByRole('button', { name: journey.journey_start_button }).click();
	await expect(page.getByRole('heading', { level: 1, name: firstStep.title })).toBeVisible();
	await page.getByLabel(nikField.label, { exact: true }).fill('6372');
	await page.getByRole('button', { name: journey.journey_continue }).click();
	await expect(page.getByRole('alert')).toContainText(journey.journey_nik_length!);
	await expect(page.getByLabel(nikField.label, { exact: true })).toHaveValue('6372');

	const { code } = await applyFor(page, 'ktp-el-baru', {}, { audit: true, language: 'en' });
	await expect(page.getByRole('heading', { name: status.status_next_heading })).toBeVisible();
	await expect(page.getByText(status.status_due_label!).first()).toBeVisible();
	await expect(page.locator('main')).toContainText(englishDate);
	await expect(page.locator('main')).not.toContainText('pukul');

	await page.goto('/permohonan');
	await expect(page.getByRole('heading', { level: 1, name: status.status_list_title })).toBeVisible();
	await expect(page.getByText(code)).toBeVisible();
	await expect(page.getByText(status.status_label_submitted!).first()).toBeVisible();
	await expectAccessible(page);

	// tracking without an account: only the language cookie is kept
	await page.context().clearCookies();
	await page.context().addCookies([{ name: 'bahasa', value: 'en', url: baseURL! }]);
	await page.goto('/lacak');
	await expect(page.getByRole('heading', { level: 1, name: publicPages.public_track_title })).toBeVisible();
	await page.getByLabel(publicPages.public_track_code!).fill(code.toLowerCase());
	await page.getByLabel(publicPages.public_track_last_four!).fill('0000');
	await page.getByRole('button', { name: publicPages.public_track_submit }).click();
	await expect(page.getByRole('alert')).toContainText(publicPages.public_track_not_found!);
	await page.getByLabel(publicPages.public_track_last_four!).fill(phone.slice(-4));
	await page.getByRole('button', { name: publicPages.public_track_submit }).click();
	await expect(page.getByText(code)).toBeVisible();
	await expect(page.getByText(`${status.status_status_label} ${status.status_label_submitted}`)).toBeVisible();
	await expect(page.getByText(status.status_event_submitted!)).toBeVisible();
	await expect(page.getByText(status.status_timing_on_track!)).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expectAccessible(page);
});

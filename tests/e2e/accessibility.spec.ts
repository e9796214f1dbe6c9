/**
 * Accessibility proven on the public pages and the form: axe finds no WCAG 2.2 AA violation, the layout
 * works at 320 px width and at 200% text size (nothing wider than the screen), and everything one taps
 * is at least 44×44 px (text links inside sentences excepted, as WCAG 2.5.8 does).
 */
import { expect, test, type Page } from '@playwright/test';
import { services } from '../../src/lib/domain/catalogue';
import { expectAccessible } from './helpers';
import { fillBirthCertificate } from './journeys';

const pages = [
	'/',
	'/layanan',
	...services.map((s) => `/layanan/${s.slug}`),
	'/lacak',
	'/masuk',
	'/daftar',
	'/bantuan/suara',
	'/draf',
	'/formulir/akta-kelahiran'
];

async function wait(page: Page, path: string) {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Wider than the screen: the page scrolls sideways (what 320 px and 200% text must never do). */
function overflow(page: Page) {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		return [...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed')
			.map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}`)
			.slice(0, 5);
	});
}

/** Controls smaller than 44×44 px: buttons, fields, button-like links, menu links, radio and checkbox labels. */
function smallTargets(page: Page) {
	return page.evaluate(() => {
		const controls = document.querySelectorAll<HTMLElement>(
			'button, select, textarea, input:not([type=radio]):not([type=checkbox]):not([type=hidden]), a.button, nav a, summary, label.choice'
		);
		return [...controls]
			.filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
			.map((el) => ({ el, box: el.getBoundingClientRect() }))
			.filter(({ box }) => box.width < 44 || box.height < 44)
			.map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
	});
}

// Both languages (issue 13): English words are longer, and a page in English must declare `lang="en"`.
for (const language of ['id', 'en'] as const) {
	test.describe(language === 'id' ? 'in Indonesian' : 'in English', () => {
		test.beforeEach(async ({ context, baseURL }) => {
			if (language === 'en') await context.addCookies([{ name: 'bahasa', value: 'en', url: baseURL! }]);
		});

		test('axe finds nothing on the public pages and the first form step', async ({ page }) => {
			test.setTimeout(300_000); // many pages, each checked by axe, on a shared machine
			for (const path of pages) {
				await wait(page, path);
				await expect(page.locator('html')).toHaveAttribute('lang', language);
				await expectAccessible(page);
			}
		});

		test('at 320 px width nothing is wider than the screen and every target is 44×44 px or more', async ({ page }) => {
			await fitsAt320(page);
		});
	});
}

async function fitsAt320(page: Page) {
	test.setTimeout(300_000); // many pages, each checked by axe, on a shared machine
	await page.setViewportSize({ width: 320, height: 640 });
	for (const path of pages) {
		await wait(page, path);
		expect(await overflow(page), `sideways scroll on ${path}`).toEqual([]);
		expect(await smallTargets(page), `small targets on ${path}`).toEqual([]);
	}
}

test('at 200% text size nothing is wider than the screen', async ({ page }) => {
	test.setTimeout(300_000); // many pages, each checked by axe, on a shared machine
	for (const path of pages) {
		await wait(page, path);
		await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
		expect(await overflow(page), `sideways scroll on ${path} at 200% text`).toEqual([]);
	}
});

test('the form at 320 px: its check page and a document step pass axe, fit and have big enough targets', async ({ page }) => {
	test.setTimeout(300_000);
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto('/formulir/akta-kelahiran');
	await fillBirthCertificate(page);
	for (const step of ['Periksa jawaban Anda', 'Surat keterangan lahir']) {
		if (step !== 'Periksa jawaban Anda') await page.getByRole('button', { name: `Ubah ${step.toLowerCase()}` }).click();
		await expect(page.getByRole('heading', { level: 1, name: step })).toBeFocused();
		await expectAccessible(page);
		expect(await overflow(page), `sideways scroll on ${step}`).toEqual([]);
		expect(await smallTargets(page), `small targets on ${step}`).toEqual([]);
	}
	await expect(page.getByRole('heading', { level: 2, name: 'Bagaimana memotret yang jelas?' })).toBeVisible();
	await expect(page.locator('svg[data-kertas="birth-letter"]')).toHaveAttribute('aria-hidden', 'true');
});

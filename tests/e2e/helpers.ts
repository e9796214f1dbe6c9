import AxeBuilder from '@axe-core/playwright';
import { createClient, type InStatement } from '@libsql/client';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { demoAccounts } from '../../src/lib/server/db/seed';
import { keyringFrom, unseal } from '../../src/lib/server/crypto/sealing';
import type { Role } from '../../src/lib/domain/roles';

export function demo(role: Role, officeId?: 'disdukcapil' | 'dpmptsp') {
	const account = demoAccounts.find((a) => a.role === role && (!officeId || a.officeId === officeId));
	if (!account) throw new Error(`no demo account for ${role}`);
	return account;
}

/** A phone number no other test uses. */
export function uniquePhone(): string {
	const digits = String(Date.now()).slice(-6) + String(Math.floor(Math.random() * 1000)).padStart(3, '0');
	return `0813${digits}`;
}

export async function logIn(page: Page, phone: string, password: string) {
	await page.goto('/masuk');
	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByLabel('Kata sandi').fill(password);
	await page.getByRole('button', { name: 'Masuk' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /^Halo, / })).toBeVisible();
}

/** Registers and waits until the new account's home page shows (the session cookie is set). */
export async function registered(page: Page, name: string, phone: string, password: string) {
	await register(page, name, phone, password);
	await expect(page.getByRole('heading', { level: 1, name: `Halo, ${name}` })).toBeVisible();
}

export async function register(page: Page, name: string, phone: string, password: string) {
	await page.goto('/daftar');
	await page.getByLabel('Nama lengkap').fill(name);
	await page.getByLabel('Nomor HP').fill(phone);
	await page.getByLabel('Kata sandi').fill(password);
	await page.getByRole('button', { name: 'Daftar' }).click();
}

/**
 * The e2e servers (see playwright.config.ts): the Node build on E2E_PORT over E2E_DB_FILE, and the Worker
 * build in workerd on E2E_WORKER_PORT over E2E_WORKER_DB_FILE (served to it by the Hrana test server).
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4391);
export const E2E_DB_FILE = `data/e2e-${E2E_PORT}.db`;
export const E2E_WORKER_PORT = Number(process.env.E2E_WORKER_PORT ?? E2E_PORT + 1000);
export const E2E_HRANA_PORT = Number(process.env.E2E_HRANA_PORT ?? E2E_PORT + 3000);
export const E2E_WORKER_DB_FILE = `data/e2e-worker-${E2E_WORKER_PORT}.db`;
/** The fake notice providers (tests/support/fake-providers.ts) the Node server is configured with. */
export const E2E_FAKE_WHATSAPP_PORT = E2E_PORT + 4100;
export const E2E_FAKE_SMS_PORT = E2E_PORT + 4101;

/** The database file behind the server the running test's project talks to (its `metadata.dbFile`). */
export function e2eDatabaseFile(): string {
	const dbFile = test.info().project.metadata?.dbFile;
	return typeof dbFile === 'string' ? dbFile : E2E_DB_FILE;
}

/** The running test's server database, for checking what the server really holds. */
export function e2eDatabase() {
	const client = createClient({ url: `file:${e2eDatabaseFile()}` });
	// the app writes to this file meanwhile: wait for its lock instead of failing
	const ready = client.execute('PRAGMA busy_timeout = 5000');
	return {
		async execute(statement: InStatement) {
			await ready;
			return client.execute(statement);
		},
		close: () => client.close()
	};
}

/** WCAG 2.2 level AA, as axe tags it: what every page must meet (issue 13). */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe on the page as it is now: zero WCAG 2.2 AA violations. Journeys call it on every page they visit;
 * a failure names each rule and the elements that break it.
 */
export async function expectAccessible(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
	const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
	expect(found, `axe on ${new URL(page.url()).pathname}`).toEqual([]);
}

/**
 * An application's stored answers as typed: NIK, No. KK and a child's data are sealed at rest, opened here
 * with the Node server's local key (beside its database, scripts/local-key.ts). Node project only.
 */
export async function openStoredAnswers(applicationId: string, stored: Record<string, string>): Promise<Record<string, string>> {
	const keyring = await keyringFrom(readFileSync(`${E2E_DB_FILE}.key`, 'utf8').trim());
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(stored)) out[key] = await unseal(keyring, value, `applications/${applicationId}/${key}`);
	return out;
}

/**
 * The service worker has installed (precached everything) and controls this page. It precaches the whole
 * app before it takes over: give it longer when the machine is busy.
 */
export async function serviceWorkerReady(page: Page, timeout = 30_000) {
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					const registration = await navigator.serviceWorker.getRegistration();
					return registration?.active?.state === 'activated' && !!navigator.serviceWorker.controller;
				}),
			{ timeout }
		)
		.toBe(true);
}

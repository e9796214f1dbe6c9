import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_DB_FILE, E2E_PORT } from './tests/e2e/helpers';

/**
 * End-to-end tests in Chromium against the production build served by `npm start`'s script, on a fresh
 * libSQL file database. Debian's /usr/bin/chromium is used where it exists (Playwright cannot download
 * its own browser on machines without internet); elsewhere Playwright's own browser.
 */
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${E2E_PORT}`,
		...devices['Pixel 7'],
		viewport: { width: 412, height: 823 },
		locale: 'id-ID',
		timezoneId: 'Asia/Makassar',
		browserName: 'chromium',
		launchOptions: {
			executablePath: existsSync(systemChromium) ? systemChromium : undefined,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		},
		trace: 'retain-on-failure'
	},
	projects: [
		{ name: 'main', testIgnore: /update\.spec\.ts/ },
		// the attack suite: raw HTTP against the same production server (no browser), see tests/security/
		{ name: 'security', testDir: 'tests/security' },
		// rewrites the served service worker: runs alone, after everything else
		{ name: 'update', testMatch: /update\.spec\.ts/, dependencies: ['main', 'security'] }
	],
	webServer: {
		command: `npx tsx scripts/start.ts --port ${E2E_PORT} --fresh --db file:${E2E_DB_FILE}`,
		url: `http://localhost:${E2E_PORT}`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});

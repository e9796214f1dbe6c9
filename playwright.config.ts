import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import {
	E2E_DB_FILE,
	E2E_FAKE_SMS_PORT,
	E2E_FAKE_WHATSAPP_PORT,
	E2E_HRANA_PORT,
	E2E_PORT,
	E2E_WORKER_DB_FILE,
	E2E_WORKER_PORT
} from './tests/e2e/helpers';

/**
 * End-to-end tests in Chromium against both builds `npm run build` makes, each on a fresh libSQL file
 * database with the demo accounts:
 * - the Node server (build/) served by `npm start`'s script on E2E_PORT: every project but `worker`;
 * - the Worker (.svelte-kit/cloudflare) in workerd under `wrangler dev --local` on E2E_WORKER_PORT, R2
 *   emulated, the database through the Hrana test server (tests/support/worker-server.ts): project
 *   `worker`, the journeys that prove the Worker (login, submitting with uploads, the officer's decisions
 *   and result files, tracking, the outbox API).
 * Debian's /usr/bin/chromium is used where it exists (Playwright cannot download its own browser on
 * machines without internet); elsewhere Playwright's own browser.
 */
const workerJourneys = /(accounts|apply|back-office|offline|english)\.spec\.ts/;
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
		// the same journeys against the Worker build in workerd (tests/support/worker-server.ts)
		{
			name: 'worker',
			testMatch: workerJourneys,
			// the same work, slower: workerd in dev mode, and Argon2id in pure JS at every login and registration
			timeout: 120_000,
			use: { baseURL: `http://localhost:${E2E_WORKER_PORT}` },
			metadata: { dbFile: E2E_WORKER_DB_FILE }
		},
		// the attack suite: raw HTTP against the same production server (no browser), see tests/security/
		{ name: 'security', testDir: 'tests/security' },
		// rewrites the served service worker: runs alone, after everything else
		{ name: 'update', testMatch: /update\.spec\.ts/, dependencies: ['main', 'security', 'worker'] }
	],
	webServer: [
		{
			command: `npx tsx scripts/start.ts --port ${E2E_PORT} --fresh --db file:${E2E_DB_FILE}`,
			url: `http://localhost:${E2E_PORT}`,
			reuseExistingServer: false,
			timeout: 180_000,
			// WhatsApp and SMS at the fake providers that tests/e2e/notices.spec.ts starts; quick retries and clock
			env: {
				WHATSAPP_API_URL: `http://127.0.0.1:${E2E_FAKE_WHATSAPP_PORT}/v23.0`,
				WHATSAPP_PHONE_NUMBER_ID: '100200300',
				WHATSAPP_TOKEN: 'e2e-token',
				ZENZIVA_API_URL: `http://127.0.0.1:${E2E_FAKE_SMS_PORT}/reguler/api/sendsms/`,
				ZENZIVA_USERKEY: 'e2e-user',
				ZENZIVA_PASSKEY: 'e2e-pass',
				NOTIFY_RETRY_MS: '300',
				NOTIFY_RETRY_MAX_MS: '1000',
				NOTIFY_MAX_ATTEMPTS: '3',
				NOTIFY_TIMEOUT_MS: '2000',
				JOBS_INTERVAL_MS: '500'
			},
			stdout: 'ignore',
			stderr: 'pipe'
		},
		{
			// prepares the database, starts the Hrana server, then wrangler; stops both on SIGTERM
			command: `npx tsx tests/support/worker-server.ts --port ${E2E_WORKER_PORT} --hrana-port ${E2E_HRANA_PORT} --db ${E2E_WORKER_DB_FILE}`,
			url: `http://localhost:${E2E_WORKER_PORT}`,
			reuseExistingServer: false,
			timeout: 180_000,
			gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
			stdout: 'ignore',
			stderr: 'pipe'
		}
	]
});

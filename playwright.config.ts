import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './scripts/find-chromium.js';
import { E2E_PORT } from './tests/e2e/support/ports';

const port = E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

// The system Chromium, never a downloaded one; without the networking flags it keeps trying
// hosts our machines cannot reach.
const chromium = {
	browserName: 'chromium' as const,
	launchOptions: {
		executablePath: findChromium(),
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	}
};

export default defineConfig({
	testDir: 'tests/e2e',
	workers: 2,
	retries: 0,
	// Whole journeys (42 answers, twice) on a busy 2-core machine need more than the default 30 s.
	timeout: 90_000,
	// The JSON report lives outside test-results/, which Playwright empties at start.
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	use: {
		baseURL,
		trace: 'off',
		screenshot: 'only-on-failure'
	},
	// `*.phone.spec.ts` runs on the phone, `*.tablet.spec.ts` on the tablet on its side, the
	// coordinator's dashboard on a laptop, any other spec on the phone. The professional side
	// (`gesprek*.tablet.spec.ts`) runs upright too: a team's tablet is used both ways.
	projects: [
		{
			name: 'phone',
			testMatch: '**/*.spec.ts',
			testIgnore: ['**/*.tablet.spec.ts', '**/dashboard.spec.ts'],
			use: {
				...chromium,
				viewport: { width: 390, height: 844 },
				deviceScaleFactor: 2,
				isMobile: true,
				hasTouch: true,
				locale: 'nl-NL'
			}
		},
		{
			name: 'tablet',
			testMatch: '**/*.tablet.spec.ts',
			use: {
				...chromium,
				viewport: { width: 1180, height: 820 },
				hasTouch: true,
				locale: 'nl-NL'
			}
		},
		{
			name: 'tablet-portrait',
			testMatch: '**/gesprek*.tablet.spec.ts',
			use: {
				...chromium,
				viewport: { width: 820, height: 1180 },
				hasTouch: true,
				locale: 'nl-NL'
			}
		},
		{
			name: 'laptop',
			testMatch: '**/dashboard.spec.ts',
			use: { ...chromium, viewport: { width: 1280, height: 800 }, locale: 'nl-NL' }
		}
	],
	// The test script builds first; here we only serve the production build, through the
	// production server (security headers included), with a data folder of its own: never ./data.
	webServer: {
		command: 'node scripts/start.js',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: join(tmpdir(), `spinnenweb-e2e-data-${port}`),
			DATABASE_URL: ''
		},
		url: baseURL,
		// A new data folder's first start (the embedded database's initdb) takes seconds.
		timeout: 120_000,
		reuseExistingServer: !process.env.CI
	}
});

import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorkerControl } from './support/service-worker';
import { fillWholeWeb, startNewWeb, variedPlan } from './support/web';

/** Every Content-Security-Policy violation the page reports, from its first script on. */
async function recordViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeFunction('__reportViolation', (text: string) => violations.push(text));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = (window as unknown as { __reportViolation: (t: string) => void })
				.__reportViolation;
			report(
				`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
			);
		});
	});
	page.on('console', (message) => {
		if (/Content Security Policy|Permissions-Policy|Permissions Policy/i.test(message.text())) {
			violations.push(message.text());
		}
	});
	return violations;
}

test('the app works whole under its Content-Security-Policy, with nothing blocked or warned about', async ({
	page
}) => {
	test.slow(); // a whole web
	const violations = await recordViolations(page);
	const response = await page.goto('/');
	const csp = response?.headers()['content-security-policy'] ?? '';
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
	expect(response?.headers()['referrer-policy']).toBe('no-referrer');

	await waitForServiceWorkerControl(page);
	await startNewWeb(page);
	await fillWholeWeb(page, variedPlan(2), 'pointer');
	await expect(page).toHaveURL(/\/resultaat/);
	for (const path of ['/geschiedenis', '/instellingen', '/toegankelijkheid']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	// A page served by the service worker keeps the policy it was cached with.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(violations).toEqual([]);
});

test('a page in another language paints once its language is set: the inline first-paint script runs under the policy', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'en-GB' });
	const page = await context.newPage();
	const violations = await recordViolations(page);
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(violations).toEqual([]);
	await context.close();
});

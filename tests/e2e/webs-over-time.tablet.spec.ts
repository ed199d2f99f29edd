// Earlier webs on a tablet, landscape and portrait, light and dark: the web beside its numbers, the
// lines side by side, and no axe violations with three webs compared and the trend table open.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { storeRecords, webRecord } from './support/seed-webs';

const WEBS = [7, 6, 5, 4].map((base, i) =>
	webRecord({
		id: `${i + 1}`.repeat(8) + '-1111-4111-8111-111111111111',
		createdAt: new Date(2025, 2 + i * 2, 10, 10).getTime(),
		perDimension: [base, base + 1, base - 1, 5, base, 6],
		isUnfinished: i === 3
	})
);

for (const colorScheme of ['light', 'dark'] as const) {
	for (const viewport of [
		{ width: 1180, height: 820 },
		{ width: 820, height: 1180 }
	]) {
		test(`earlier webs at ${viewport.width}×${viewport.height}, ${colorScheme}`, async ({
			page
		}) => {
			await page.setViewportSize(viewport);
			await page.emulateMedia({ colorScheme });
			await page.goto('/geschiedenis');
			await expect(page.getByText('Je hebt nog geen spinnenweb ingevuld.')).toBeVisible();
			await storeRecords(page, WEBS);
			await page.reload();

			const list = page.getByRole('list', { name: 'Al je webs' });
			await expect(list.getByRole('listitem')).toHaveCount(4);
			await list.getByRole('checkbox', { name: /^Vergelijken: 10 mrt 2025/ }).check();
			await expect(page.getByRole('list', { name: 'Legenda' }).getByRole('listitem')).toHaveCount(
				3
			);

			// The web and its numbers side by side where the screen is wide enough.
			const chart = await page.locator('svg[role="img"]').boundingBox();
			const table = await page
				.getByRole('table', { name: 'Je cijfers per onderdeel in de gekozen webs' })
				.boundingBox();
			expect(chart && table).toBeTruthy();
			const isBeside = table!.x >= chart!.x + chart!.width - 1;
			expect(isBeside, 'table beside the chart').toBe(viewport.width >= 1080);

			// The lines share a row on a tablet: three (landscape) or two (portrait) to a row.
			const trend = page.getByRole('region', { name: 'Je cijfers door de tijd' });
			const tops = await trend
				.getByRole('listitem')
				.evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
			expect(new Set(tops).size).toBeLessThanOrEqual(3);
			await trend.getByText('Bekijk deze cijfers in een tabel').click();
			await expect(trend.getByRole('table').getByRole('row')).toHaveCount(4);
			await expectNoAxeViolations(
				page,
				`history ${viewport.width}×${viewport.height} ${colorScheme}`
			);
		});
	}
}

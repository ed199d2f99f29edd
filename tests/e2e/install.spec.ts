import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { waitForServiceWorkerControl } from './support/service-worker';

const HexColor = z.string().regex(/^#[0-9a-f]{6}$/i);
const IconSchema = z.object({
	src: z.string().startsWith('/'),
	sizes: z.string().regex(/^\d+x\d+$/),
	type: z.literal('image/png'),
	purpose: z.enum(['any', 'maskable'])
});
const ManifestSchema = z.object({
	name: z.literal('Spinnenweb'),
	short_name: z.string().min(1).max(12),
	lang: z.literal('nl'),
	start_url: z.literal('/'),
	scope: z.literal('/'),
	display: z.literal('standalone'),
	background_color: z.literal('#f6f4ef'),
	theme_color: HexColor,
	icons: z.array(IconSchema)
});

/** Width and height from a PNG's header (the IHDR chunk right after the signature). */
function pngSize(bytes: Buffer): string {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('Chromium finds the app installable', async ({ baseURL }) => {
	const { launchOptions, viewport } = test.info().project.use;
	const profile = mkdtempSync(join(tmpdir(), 'spinnenweb-install-'));
	// Installability needs a real profile: a persistent context, launched like the others.
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: launchOptions?.executablePath,
		args: launchOptions?.args,
		viewport
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${baseURL}/`);
		await waitForServiceWorkerControl(page);
		const cdp = await context.newCDPSession(page);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.errors).toEqual([]);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('the manifest has what a phone and a tablet need, and every icon is there at its size', async ({
	page,
	request
}) => {
	await page.goto('/');
	const linked = async (rel: string) =>
		new URL((await page.locator(`link[rel="${rel}"]`).getAttribute('href'))!, page.url()).pathname;
	expect(await linked('apple-touch-icon')).toBe('/apple-touch-icon.png');
	const href = await linked('manifest');
	expect(href).toBe('/manifest.webmanifest');

	const response = await request.get(href);
	expect(response.ok()).toBe(true);
	const manifest = ManifestSchema.parse(JSON.parse(await response.text()));

	for (const size of ['192x192', '512x512']) {
		for (const purpose of ['any', 'maskable'] as const) {
			expect(
				manifest.icons.some((icon) => icon.sizes === size && icon.purpose === purpose),
				`a ${purpose} icon of ${size}`
			).toBe(true);
		}
	}
	const icons = [...manifest.icons, { src: '/apple-touch-icon.png', sizes: '180x180' }];
	for (const icon of icons) {
		const image = await request.get(icon.src);
		expect(image.ok(), icon.src).toBe(true);
		expect(image.headers()['content-type']).toBe('image/png');
		expect(pngSize(await image.body()), icon.src).toBe(icon.sizes);
	}
});

import { chromium } from '@playwright/test';
import { findChromium } from '../find-chromium.js';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export function launchBrowser() {
	return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

export const PHONE = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	locale: 'nl-NL'
};
export const TABLET = { viewport: { width: 1180, height: 820 }, hasTouch: true, locale: 'nl-NL' };

import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
export const EXAMPLE = `${FIXTURES}sociale-kaart-voorbeeld.csv`;
export const THREE_BAD = `${FIXTURES}sociale-kaart-drie-foute-regels.csv`;
export const KAART = '/gesprekken/sociale-kaart';

/** Opens the import screen with a file chosen, and waits for what the import would do. */
export async function importFile(
	page: Page,
	file: string | { name: string; mimeType: string; buffer: Buffer }
): Promise<void> {
	await page.goto(`${KAART}/importeren`);
	await page.getByLabel('Bestand met voorzieningen').setInputFiles(file);
	await expect(page.getByRole('heading', { name: 'Wat er gaat gebeuren' })).toBeVisible();
}

/** The three bad rows of THREE_BAD, by line and reason, as the import report lists them. */
export const THREE_BAD_ROWS = [
	/^Regel 3 \(Yoga op de stoel\)\s*Postcode: Schrijf de postcode als 1234 AB\.$/,
	/^Regel 4 \(Schrijfgroep Levensverhaal\)\s*E-mail: Dit e-mailadres klopt niet/,
	/^Regel 5 \(Fietsmaatjes\)\s*Helpt bij: Kies minstens één onderdeel.*Leeftijd tot en met: Een heel getal/s
];

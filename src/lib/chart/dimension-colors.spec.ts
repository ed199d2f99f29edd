import { describe, expect, it } from 'vitest';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { contrastRatio } from './color-contrast';
import {
	DIMENSION_COLORS,
	DIMENSION_COLOR_VARS,
	PAGE_BACKGROUNDS,
	dimensionColorStyle,
	dimensionColorsCss
} from './dimension-colors';

const THEMES = ['light', 'dark'] as const;

describe('dimension colours', () => {
	it.each(DIMENSION_IDS.flatMap((id) => THEMES.map((theme) => [id, theme] as const)))(
		'%s (%s) has at least 3:1 against the page background',
		(id, theme) => {
			const ratio = contrastRatio(DIMENSION_COLORS[id][theme], PAGE_BACKGROUNDS[theme]);
			expect(ratio).toBeGreaterThanOrEqual(3);
		}
	);

	it.each(THEMES)('are six different colours in the %s theme', (theme) => {
		const colours = DIMENSION_IDS.map((id) => DIMENSION_COLORS[id][theme].toLowerCase());
		expect(new Set(colours).size).toBe(6);
	});

	it('keeps the page backgrounds of the app', () => {
		expect(PAGE_BACKGROUNDS).toEqual({ light: '#f6f4ef', dark: '#1b1d21' });
	});

	it('names a custom property per dimension', () => {
		expect(DIMENSION_COLOR_VARS).toEqual({
			lichaamsfuncties: '--dim-lichaamsfuncties',
			mentaal: '--dim-mentaal',
			zingeving: '--dim-zingeving',
			kwaliteit: '--dim-kwaliteit',
			meedoen: '--dim-meedoen',
			dagelijks: '--dim-dagelijks'
		});
	});

	it('writes a stylesheet with both themes', () => {
		const css = dimensionColorsCss();
		expect(css).toContain(':root { --dim-lichaamsfuncties: #c45500;');
		expect(css).toContain(
			'@media (prefers-color-scheme: dark) { :root { --dim-lichaamsfuncties: #d55e00;'
		);
		for (const id of DIMENSION_IDS)
			expect(css.match(new RegExp(`--dim-${id}:`, 'g'))).toHaveLength(2);
	});

	it('lets the page override a colour through its custom property', () => {
		expect(dimensionColorStyle('mentaal')).toBe(
			'--dim-color-light: var(--dim-mentaal, #0072b2); --dim-color-dark: var(--dim-mentaal, #3d9ad9);'
		);
	});
});

describe('the print stylesheet', () => {
	it('prints every dimension in its light colour, also from a dark screen', async () => {
		const { readFile } = await import('node:fs/promises');
		const css = await readFile(new URL('../../app.css', import.meta.url), 'utf8');
		const print = css.slice(css.indexOf('@media print'));
		for (const id of DIMENSION_IDS) {
			expect(print).toContain(`--dim-${id}: ${DIMENSION_COLORS[id].light};`);
		}
	});
});

/**
 * One colour per dimension, the same everywhere: chart axes, dimension screens, the PDF.
 *
 * Based on the Okabe–Ito palette, which stays distinct for the common kinds of colour blindness.
 * Six of its seven colours are used (sky blue is left out: darkened for the light theme it could
 * not be told from blue). Several Okabe–Ito colours are too pale for lines on our light page, so
 * the light theme uses darker shades of the same hues; the dark theme uses the palette as is,
 * except blue, which is lightened. Every colour is a line colour with ≥ 3:1 against its page
 * background (WCAG 1.4.11), checked in dimension-colors.spec.ts. Colour is never the only carrier:
 * every axis also has its label text.
 *
 * The order around the web keeps the similar hues apart: vermillion and orange, orange and the
 * dark yellow are never neighbours.
 */
import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';

export interface DimensionColor {
	/** Name of the Okabe–Ito colour the hue comes from. */
	hue: string;
	/** For the light theme (page background #f6f4ef). */
	light: string;
	/** For the dark theme (page background #1b1d21). */
	dark: string;
}

export const PAGE_BACKGROUNDS = { light: '#f6f4ef', dark: '#1b1d21' } as const;

export const DIMENSION_COLORS: Readonly<Record<DimensionId, DimensionColor>> = {
	lichaamsfuncties: { hue: 'vermillion', light: '#c45500', dark: '#d55e00' },
	mentaal: { hue: 'blue', light: '#0072b2', dark: '#3d9ad9' },
	zingeving: { hue: 'yellow', light: '#7d7400', dark: '#f0e442' },
	kwaliteit: { hue: 'reddish purple', light: '#b0508a', dark: '#cc79a7' },
	meedoen: { hue: 'orange', light: '#9c6a00', dark: '#e69f00' },
	dagelijks: { hue: 'bluish green', light: '#00805c', dark: '#009e73' }
};

export type DimensionColorVar = `--dim-${DimensionId}`;

/** The CSS custom property that carries a dimension's colour, e.g. `--dim-mentaal`. */
export function dimensionColorVar(id: DimensionId): DimensionColorVar {
	return `--dim-${id}`;
}

export const DIMENSION_COLOR_VARS: Readonly<Record<DimensionId, DimensionColorVar>> =
	Object.fromEntries(DIMENSION_IDS.map((id) => [id, dimensionColorVar(id)])) as Record<
		DimensionId,
		DimensionColorVar
	>;

/**
 * The custom properties as a stylesheet, light by default and dark under
 * `prefers-color-scheme: dark`, for a global stylesheet or the PDF's inline SVG.
 */
export function dimensionColorsCss(selector = ':root'): string {
	const block = (theme: 'light' | 'dark') =>
		DIMENSION_IDS.map((id) => `${dimensionColorVar(id)}: ${DIMENSION_COLORS[id][theme]};`).join(
			' '
		);
	return (
		`${selector} { ${block('light')} }\n` +
		`@media (prefers-color-scheme: dark) { ${selector} { ${block('dark')} } }\n`
	);
}

/**
 * Inline style for an element drawn in a dimension's colour. It reads `--dim-<id>` when the page
 * defines it (then the page's theme decides) and otherwise falls back to our own light and dark
 * values, between which the chart's stylesheet picks by `prefers-color-scheme`.
 */
export function dimensionColorStyle(id: DimensionId): string {
	const name = dimensionColorVar(id);
	const { light, dark } = DIMENSION_COLORS[id];
	return `--dim-color-light: var(${name}, ${light}); --dim-color-dark: var(${name}, ${dark});`;
}

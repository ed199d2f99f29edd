/**
 * WCAG 2.x contrast, for checking our own palette in tests (and by anyone adding a colour).
 * Colours are `#rrggbb` or `#rgb`.
 */

function channels(hex: string): [number, number, number] {
	const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
	if (!match?.[1]) throw new Error(`Not a hex colour: ${hex}`);
	const digits = match[1];
	const full =
		digits.length === 3
			? Array.from(digits)
					.map((d) => d + d)
					.join('')
			: digits;
	const n = Number.parseInt(full, 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function linear(channel: number): number {
	const c = channel / 255;
	return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance as WCAG defines it: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
	const [r, g, b] = channels(hex);
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio between two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
	const la = relativeLuminance(a);
	const lb = relativeLuminance(b);
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

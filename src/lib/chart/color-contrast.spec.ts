import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance } from './color-contrast';

describe('contrastRatio', () => {
	it.each([
		// a, b, ratio (known WCAG values)
		['#000000', '#ffffff', 21],
		['#ffffff', '#000000', 21],
		['#777777', '#ffffff', 4.48],
		['#767676', '#ffffff', 4.54],
		['#0072b2', '#0072b2', 1],
		['#fff', '#000', 21]
	])('%s against %s is %f:1', (a, b, ratio) => {
		expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
	});

	it.each([
		['#000000', 0],
		['#ffffff', 1],
		['#ff0000', 0.2126]
	])('gives %s a luminance of %f', (hex, luminance) => {
		expect(relativeLuminance(hex)).toBeCloseTo(luminance, 4);
	});

	it.each(['red', '#12345', '#ggg', ''])('refuses %j', (value) => {
		expect(() => relativeLuminance(value)).toThrow(/Not a hex colour/);
	});
});

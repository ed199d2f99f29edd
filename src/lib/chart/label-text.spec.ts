import { describe, expect, it } from 'vitest';
import { estimateTextWidth, splitLabel } from './label-text';

describe('splitLabel', () => {
	it.each([
		// text, max characters, lines
		['Meedoen', 12, ['Meedoen']],
		['Mentaal welbevinden', 19, ['Mentaal welbevinden']],
		['Mentaal welbevinden', 12, ['Mentaal', 'welbevinden']],
		['Kwaliteit van leven', 12, ['Kwaliteit', 'van leven']],
		['Dagelijks functioneren', 12, ['Dagelijks', 'functioneren']],
		['Mental well-being', 8, ['Mental', 'well-being']],
		['well-being', 6, ['well-', 'being']],
		['Lichaamsfuncties', 8, ['Lichaamsfuncties']],
		['  Zin   geving ', 20, ['Zin geving']],
		['een twee drie vier vijf zes', 5, ['een twee drie', 'vier vijf zes']],
		['', 10, ['']]
	])('splits %j at %i characters into %j', (text, maxChars, lines) => {
		expect(splitLabel(text, maxChars)).toEqual(lines);
	});

	it('never makes more than two lines and never loses a character', () => {
		const text = 'a b c d e f g h i j k l m n o p';
		const lines = splitLabel(text, 3);
		expect(lines).toHaveLength(2);
		expect(lines.join(' ')).toBe(text);
	});
});

describe('estimateTextWidth', () => {
	it('grows with the text and the font size', () => {
		expect(estimateTextWidth('', 14)).toBe(0);
		expect(estimateTextWidth('Meedoen', 14)).toBeGreaterThan(estimateTextWidth('Meedo', 14));
		expect(estimateTextWidth('Meedoen', 28)).toBeCloseTo(2 * estimateTextWidth('Meedoen', 14), 6);
	});

	it('counts narrow and wide letters differently', () => {
		expect(estimateTextWidth('iiii', 10)).toBeLessThan(estimateTextWidth('mmmm', 10));
		expect(estimateTextWidth('AAAA', 10)).toBeGreaterThan(estimateTextWidth('aaaa', 10));
	});

	it.each([
		// Bold 14 px in DejaVu Sans, the widest common sans serif, measured in Chromium. Phone fonts
		// (Roboto, SF, Segoe UI) run narrower; the estimate may fall a little short of DejaVu only,
		// and the chart lets text overflow visibly rather than clip it.
		['Meedoen', 72.0],
		['functioneren', 101.3],
		['Lichaamsfuncties', 137.5]
	])('estimates %j close to the widest font (%f px)', (text, measured) => {
		expect(estimateTextWidth(text, 14)).toBeGreaterThanOrEqual(0.85 * measured);
	});
});

import { describe, expect, it } from 'vitest';
import { ltrIsolate, withoutIsolates } from '$lib/content/isolate';
import { hasRtl, visualRtl } from './bidi';

describe('visualRtl', () => {
	it.each([
		// Arabic alone: reversed letter by letter.
		['صفحة', 'ةحفص'],
		// Numbers keep their own order; the line still reads from the right.
		['صفحة 1 من 2', '2 نم 1 ةحفص'],
		['3 مارس 2026', '2026 سرام 3'],
		// A date in brackets: the brackets stay with the date and are mirrored.
		['الآن (3 مارس)', '(سرام 3) نآلا'],
		// A Dutch name in brackets after a Dutch word keeps its brackets around it.
		['بـ: Lichaamsfuncties (Meedoen)', 'Lichaamsfuncties (Meedoen) :ـب'],
		// A decimal number stays whole.
		['6,5 من 10', '10 نم 6,5']
	])('puts %j in visual order', (text, expected) => {
		expect(visualRtl(text)).toBe(expected);
	});

	it('keeps a phone number in a left-to-right isolate whole, and draws no marks', () => {
		const line = `الهاتف: ${ltrIsolate('0570 700 101')}`;
		// Without the isolate the algorithm turns the groups around, as a browser would.
		expect(visualRtl('الهاتف: 0570 700 101')).toBe('101 700 0570 :فتاهلا');
		expect(visualRtl(line)).toBe('0570 700 101 :فتاهلا');
		expect(withoutIsolates(line)).toBe('الهاتف: 0570 700 101');
		// Opening hours from a Dutch kaart, and an Arabic value left to the rules as it is.
		expect(visualRtl(`أوقات العمل: ${ltrIsolate('ma–vr 9–17 uur')}`)).toBe(
			'ma–vr 9–17 uur :لمعلا تاقوأ'
		);
		expect(ltrIsolate('مركز')).toBe('مركز');
	});

	it('tells lines with Arabic from lines without', () => {
		expect(hasRtl('Steun van anderen')).toBe(false);
		expect(hasRtl('أريد: Steun')).toBe(true);
	});
});

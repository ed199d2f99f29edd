import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsBsn, findBsn, passesElfproef } from './bsn';

/** 9·d1 + … + 2·d8 − d9, worked out by hand for the table below. */
describe('passesElfproef', () => {
	it.each([
		// 9+16+21+24+25+24+21+16−2 = 154 = 14·11
		['123456782', true],
		// 9+8+7+12+10+8+9+6−3 = 66 = 6·11
		['111222333', true],
		// 0+…+0+2·1−2 = 0, and not all zeros
		['000000012', true],
		// one digit off from a valid number
		['123456781', false],
		['111222334', false],
		// two digits swapped: the elfproef catches that
		['213456782', false],
		// all zeros sum to 0 but are no number
		['000000000', false],
		// not nine digits
		['12345678', false],
		['1234567820', false],
		['12345678a', false]
	])('%s is %s', (digits, expected) => {
		expect(passesElfproef(digits)).toBe(expected);
	});

	it('holds for every number built to pass it, and fails for every other last digit', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
				(head) => {
					const sum = head.reduce((total, digit, i) => total + (9 - i) * digit, 0);
					const last = sum % 11;
					fc.pre(last < 10 && (sum > 0 || last > 0));
					const digits = head.join('');
					expect(passesElfproef(`${digits}${last}`)).toBe(true);
					for (let other = 0; other <= 9; other++) {
						if (other !== last) expect(passesElfproef(`${digits}${other}`)).toBe(false);
					}
				}
			)
		);
	});
});

describe('findBsn', () => {
	it.each([
		['123456782', '123456782'],
		['BSN 123456782', '123456782'],
		['Fatima (123456782)', '123456782'],
		['123 456 782', '123456782'],
		['123.456.782', '123456782'],
		['123-456-782', '123456782'],
		['1234.56.782', '123456782'],
		['12 34 56 782', '123456782'],
		['nummer 111 222 333 gevonden', '111222333'],
		// a non-breaking space, as a pasted text may have
		['123\u00a0456\u00a0782', '123456782'],
		// typed right after another number, with a space between
		['06 12345678 123456782', '123456782'],
		['Belt 0612345678, bsn 123456782.', '123456782'],
		['zie regel 2:123456782', '123456782']
	])('finds a BSN in "%s"', (text, digits) => {
		expect(findBsn(text)).toBe(digits);
		expect(containsBsn(text)).toBe(true);
	});

	// Letters end a number, and a dot may sit between digit groups: better one warning too many.
	it.each([
		['123456782a', '123456782'],
		['12345.6782', '123456782']
	])('errs on the side of caution with "%s"', (text, digits) => {
		expect(findBsn(text)).toBe(digits);
	});

	it.each([
		['', 'nothing'],
		['Fatima', 'a name'],
		['123456781', 'nine digits that fail the elfproef'],
		['123 456 781', 'grouped digits that fail the elfproef'],
		['000000000', 'all zeros'],
		['12345678', 'eight digits'],
		['0612345678', 'a mobile number (ten digits)'],
		['06-12345678', 'a mobile number with a dash'],
		['1234567820', 'ten digits that start with a valid nine'],
		['9123456782', 'ten digits that end with a valid nine'],
		['12  34 56 782', 'two spaces: two numbers'],
		['1-2-2025 en 3-4-2025', 'dates'],
		['NL91 ABNA 0417 1643 00', 'an IBAN']
	])('finds none in "%s" (%s)', (text) => {
		expect(findBsn(text)).toBeNull();
		expect(containsBsn(text)).toBe(false);
	});
});

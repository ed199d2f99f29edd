import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
	it.each([
		[0, 'nl', '0 byte'],
		[999, 'nl', '999 byte'],
		[1000, 'nl', '1 kB'],
		[45_300, 'nl', '45 kB'],
		[1_234_567, 'nl', '1,2 MB'],
		[999_999, 'nl', '1 MB'],
		[12_600_000, 'nl', '13 MB'],
		[2_500_000_000, 'nl', '2,5 GB'],
		[7e15, 'nl', '7.000 TB'],
		[1_234_567, 'en', '1.2 MB'],
		[-5, 'en', '0 byte']
	])('%d bytes in %s is "%s"', (bytes, locale, expected) => {
		expect(formatBytes(bytes, locale)).toBe(expected);
	});
});

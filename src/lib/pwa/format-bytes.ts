const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * An amount of storage in the person's language, in decimal units as phones show them:
 * "0 byte", "45 kB", "1,2 MB". One decimal below 10 of a unit, none above.
 */
export function formatBytes(bytes: number, locale: string): string {
	let value = Math.max(0, bytes);
	let unit = 0;
	// 999.5 kB would round to "1.000 kB": it is 1 MB.
	while (value >= 999.5 && unit < UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: UNITS[unit],
		unitDisplay: 'short',
		maximumFractionDigits: unit > 0 && value < 10 ? 1 : 0
	}).format(value);
}

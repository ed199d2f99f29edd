import { describe, expect, it } from 'vitest';
import { minutesInWords, waitInWords } from './lock-texts';

describe('waitInWords', () => {
	it('says the wait in seconds, then minutes, rounded up, in the language asked', () => {
		expect(waitInWords(1_200, 'nl')).toBe('2 seconden');
		expect(waitInWords(1_000, 'en')).toBe('1 second');
		expect(waitInWords(0, 'nl')).toBe('1 seconde');
		expect(waitInWords(8 * 60_000, 'nl')).toBe('8 minuten');
		expect(minutesInWords(5, 'nl-x-simple')).toBe('5 minuten');
	});
});

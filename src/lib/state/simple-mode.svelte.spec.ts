import { describe, expect, it } from 'vitest';
import {
	resolveSimpleMode,
	SIMPLE_MODE_KEY,
	SimpleMode,
	type ChoiceStorage
} from './simple-mode.svelte';

function memoryStorage(initial: Record<string, string> = {}): ChoiceStorage & {
	data: Record<string, string>;
} {
	const data = { ...initial };
	return {
		data,
		getItem: (key) => data[key] ?? null,
		setItem: (key, value) => {
			data[key] = value;
		}
	};
}

describe('resolveSimpleMode', () => {
	it.each([
		{ stored: null, locale: 'nl', expected: false },
		{ stored: null, locale: 'nl-x-simple', expected: true },
		{ stored: null, locale: 'ar', expected: false },
		{ stored: 'on', locale: 'en', expected: true },
		{ stored: 'off', locale: 'nl-x-simple', expected: false },
		{ stored: 'yes please', locale: 'nl', expected: false },
		{ stored: 'true', locale: 'nl-x-simple', expected: true }
	])('stored $stored in $locale is $expected', ({ stored, locale, expected }) => {
		expect(resolveSimpleMode(stored, locale)).toBe(expected);
	});
});

describe('SimpleMode', () => {
	it('is on by default for Eenvoudig Nederlands and off for Dutch', () => {
		expect(new SimpleMode(memoryStorage(), 'nl-x-simple').isOn).toBe(true);
		expect(new SimpleMode(memoryStorage(), 'nl').isOn).toBe(false);
	});

	it('remembers the choice on the device, and the choice outlasts the language default', () => {
		const storage = memoryStorage();
		const mode = new SimpleMode(storage, 'nl');
		mode.toggle();
		expect(mode.isOn).toBe(true);
		expect(storage.data[SIMPLE_MODE_KEY]).toBe('on');
		expect(new SimpleMode(storage, 'en').isOn).toBe(true);

		mode.set(false);
		expect(new SimpleMode(storage, 'nl-x-simple').isOn).toBe(false);
	});

	it('still works when storage refuses', () => {
		const broken: ChoiceStorage = {
			getItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			}
		};
		const mode = new SimpleMode(broken, 'nl-x-simple');
		expect(mode.isOn).toBe(true);
		mode.set(false);
		expect(mode.isOn).toBe(false);
	});
});

import { afterEach, describe, expect, it } from 'vitest';
import { HOLD_TO_LEAVE_MS, howToLeave } from '$lib/domain/hand-over';
import { getLocale, setLocale } from '$lib/paraglide/runtime.js';
import {
	HAND_OVER_KEY,
	HandOverMode,
	type HandOverStart,
	type ModeStorage
} from './hand-over.svelte';

function memoryStorage(): ModeStorage & { data: Record<string, string> } {
	const data: Record<string, string> = {};
	return {
		data,
		getItem: (key) => data[key] ?? null,
		setItem: (key, value) => {
			data[key] = value;
		},
		removeItem: (key) => {
			delete data[key];
		}
	};
}

const START: HandOverStart = {
	conversationId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
	clientId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
	webId: '5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c',
	locale: 'ar',
	isSimple: false
};

afterEach(() => {
	void setLocale('nl', { reload: false });
	document.documentElement.lang = 'nl';
	document.documentElement.dir = 'ltr';
	document.documentElement.removeAttribute('data-hand-over');
});

describe('HandOverMode', () => {
	it('hands over in the person’s language and keeps the professional’s for later', () => {
		const storage = memoryStorage();
		const mode = new HandOverMode(storage);
		expect(mode.isActive).toBe(false);

		mode.enter(START, 42);
		expect(mode.current).toEqual({ ...START, professionalLocale: 'nl', startedAt: 42 });
		expect(getLocale()).toBe('ar');
		expect(document.documentElement.lang).toBe('ar');
		expect(document.documentElement.dir).toBe('rtl');
		expect(document.documentElement.hasAttribute('data-hand-over')).toBe(true);

		expect(mode.leave()).toEqual({ mustReload: false });
		expect(mode.isActive).toBe(false);
		expect(getLocale()).toBe('nl');
		expect(document.documentElement.lang).toBe('nl');
		expect(document.documentElement.dir).toBe('ltr');
		expect(document.documentElement.hasAttribute('data-hand-over')).toBe(false);
		expect(storage.data[HAND_OVER_KEY]).toBeUndefined();
	});

	it('is still on after a reload, and then asks for one when it ends', () => {
		const storage = memoryStorage();
		new HandOverMode(storage).enter(START);
		// The page loads again in hand-over mode: its frame is drawn in Arabic.
		document.documentElement.lang = 'ar';
		const reloaded = new HandOverMode(storage);
		expect(reloaded.current?.locale).toBe('ar');
		expect(reloaded.leave()).toEqual({ mustReload: true });
		expect(getLocale()).toBe('nl');
	});

	it('reads a damaged or foreign record as no hand-over', () => {
		const storage = memoryStorage();
		storage.data[HAND_OVER_KEY] = '{"webId": 3';
		expect(new HandOverMode(storage).isActive).toBe(false);
		storage.data[HAND_OVER_KEY] = JSON.stringify({ ...START, webId: 'not-an-id' });
		expect(new HandOverMode(storage).isActive).toBe(false);
	});

	it('still works for this visit when storage refuses', () => {
		const refusing: ModeStorage = {
			getItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('blocked', 'SecurityError');
			},
			removeItem: () => undefined
		};
		const mode = new HandOverMode(refusing);
		mode.enter(START);
		expect(mode.isActive).toBe(true);
		mode.leave();
		expect(mode.isActive).toBe(false);
	});

	it('is left by a long press of 1.5 s, until a passcode is set', () => {
		expect(new HandOverMode(memoryStorage()).leaveMethod).toEqual({
			kind: 'long-press',
			holdMs: 1500
		});
		expect(HOLD_TO_LEAVE_MS).toBeGreaterThanOrEqual(1500);
		expect(howToLeave({ hasPasscode: true })).toEqual({ kind: 'passcode' });
	});
});

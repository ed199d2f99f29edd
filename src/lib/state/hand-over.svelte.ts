import { textDirection } from '$lib/content/locale';
import { howToLeave, parseHandOver, type HandOver, type LeaveMethod } from '$lib/domain/hand-over';
import { getLocale, isLocale, setLocale } from '$lib/paraglide/runtime.js';
import { appLock } from './app-lock.svelte';

/**
 * Where hand-over mode is kept: on the device, so a reload stays in it. app.html reads the same
 * key before the first paint, to hide the menu and show large text at once.
 */
export const HAND_OVER_KEY = 'spinnenweb-hand-over';

/** The attribute on <html> that app.css hides the menu and enlarges the text by. */
export const HAND_OVER_ATTRIBUTE = 'data-hand-over';

/** Storage as far as the mode uses it; tests pass their own. */
export type ModeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function deviceStorage(): ModeStorage | undefined {
	return typeof localStorage === 'undefined' ? undefined : localStorage;
}

export type HandOverStart = Omit<HandOver, 'professionalLocale' | 'startedAt'>;

/**
 * Hand-over mode on this device. The person's language is set with Paraglide's
 * `setLocale(…, { reload: false })`: the screens drawn after it speak the person's language,
 * while the professional's own choice is kept in the record and set back when the mode ends.
 * Leaving is decided by `leaveMethod` (a long press today, a passcode once the tablet is locked).
 */
export class HandOverMode {
	readonly #storage: ModeStorage | undefined;
	#current = $state.raw<HandOver | null>(null);
	/** The language the app's frame (menu, footer) was drawn in when this page loaded. */
	readonly #frameLocale: string;

	constructor(storage: ModeStorage | undefined = deviceStorage()) {
		this.#storage = storage;
		this.#current = parseHandOver(this.#read());
		this.#frameLocale = typeof document === 'undefined' ? '' : document.documentElement.lang;
	}

	get current(): HandOver | null {
		return this.#current;
	}

	get isActive(): boolean {
		return this.#current !== null;
	}

	get leaveMethod(): LeaveMethod {
		return howToLeave({ hasPasscode: appLock.hasPasscode });
	}

	/** Hands the tablet over: stored first, so a reload a moment later is already in the mode. */
	enter(start: HandOverStart, now: number = Date.now()): void {
		const record: HandOver = { ...start, professionalLocale: getLocale(), startedAt: now };
		this.#write(JSON.stringify(record));
		this.#current = record;
		this.#useLocale(record.locale);
		setDocument(record.locale, true);
	}

	/**
	 * Ends the mode: the professional's language back first, then the record gone (a reload in
	 * between is still in the mode, never in the professional's screens in the person's language).
	 * Returns whether the page must load again: the frame around the screens was drawn in the
	 * person's language after a reload in hand-over mode, and Paraglide does not redraw it.
	 */
	leave(): { mustReload: boolean } {
		const record = this.#current;
		if (record === null) return { mustReload: false };
		this.#useLocale(record.professionalLocale);
		this.#write(null);
		this.#current = null;
		setDocument(record.professionalLocale, false);
		return {
			mustReload: this.#frameLocale !== '' && this.#frameLocale !== record.professionalLocale
		};
	}

	#useLocale(locale: string): void {
		if (isLocale(locale)) void setLocale(locale, { reload: false });
	}

	#read(): string | null {
		try {
			return this.#storage?.getItem(HAND_OVER_KEY) ?? null;
		} catch {
			return null;
		}
	}

	#write(value: string | null): void {
		try {
			if (value === null) this.#storage?.removeItem(HAND_OVER_KEY);
			else this.#storage?.setItem(HAND_OVER_KEY, value);
		} catch {
			// Storage refused: the mode still holds for this visit, it only does not outlast a reload.
		}
	}
}

/** `<html lang dir>` in the language now shown, and the attribute app.css keys hand-over to. */
function setDocument(locale: string, isHandOver: boolean): void {
	if (typeof document === 'undefined' || !isLocale(locale)) return;
	const html = document.documentElement;
	html.lang = locale;
	html.dir = textDirection(locale);
	html.toggleAttribute(HAND_OVER_ATTRIBUTE, isHandOver);
}

export const handOver = new HandOverMode();

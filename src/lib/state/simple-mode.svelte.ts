import { SIMPLE_DUTCH } from '$lib/content/locale';
import { getLocale } from '$lib/paraglide/runtime.js';

/** Where the choice lives: on this device only, like the language. */
export const SIMPLE_MODE_KEY = 'spinnenweb-simple-mode';

type StoredChoice = 'on' | 'off';

/** Storage as far as we use it; tests pass their own. */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The person's own choice wins; without one, simple mode is on for Eenvoudig Nederlands only.
 * Anything else stored (an older format, a hand edit) counts as no choice.
 */
export function resolveSimpleMode(stored: string | null, locale: string): boolean {
	if (stored === 'on') return true;
	if (stored === 'off') return false;
	return locale === SIMPLE_DUTCH;
}

function readStored(storage: ChoiceStorage | undefined): string | null {
	try {
		return storage?.getItem(SIMPLE_MODE_KEY) ?? null;
	} catch {
		// Storage can be blocked (private mode, a policy): the default still works.
		return null;
	}
}

function deviceStorage(): ChoiceStorage | undefined {
	return typeof localStorage === 'undefined' ? undefined : localStorage;
}

/**
 * Simple mode: one question per screen, a large 0–10 choice, pictograms, and one score for a whole
 * dimension if the person wishes. Read once on load; a change is stored at once.
 */
export class SimpleMode {
	readonly #storage: ChoiceStorage | undefined;
	#isOn = $state(false);

	constructor(storage: ChoiceStorage | undefined = deviceStorage(), locale: string = getLocale()) {
		this.#storage = storage;
		this.#isOn = resolveSimpleMode(readStored(storage), locale);
	}

	get isOn(): boolean {
		return this.#isOn;
	}

	set(isOn: boolean): void {
		this.#isOn = isOn;
		const choice: StoredChoice = isOn ? 'on' : 'off';
		try {
			this.#storage?.setItem(SIMPLE_MODE_KEY, choice);
		} catch {
			// Not remembered, but it still holds for this visit.
		}
	}

	toggle(): void {
		this.set(!this.#isOn);
	}
}

export const simpleMode = new SimpleMode();

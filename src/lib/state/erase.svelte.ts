import { getDb } from '$lib/storage/db';
import { eraseDevice } from '$lib/storage/erase';
import { appLock } from './app-lock.svelte';
import { mergeBases } from './backup-target';

export type EraseStatus =
	| { kind: 'idle' }
	| { kind: 'word-wrong' }
	| { kind: 'erasing' }
	| { kind: 'done' }
	| { kind: 'failed' };

/**
 * The same word in another case or with spaces around it still counts; a word the person did not
 * type does not. Compared in the screen's language, so Turkish "sil" and "SİL" match.
 */
export function isConfirmWord(typed: string, word: string, locale: string): boolean {
	return typed.trim().toLocaleLowerCase(locale) === word.toLocaleLowerCase(locale);
}

/** "Alles wissen": only after the person typed the word, then everything at once. */
export class EraseScreen {
	readonly #erase: () => Promise<void>;
	#status = $state.raw<EraseStatus>({ kind: 'idle' });

	constructor(
		erase: () => Promise<void> = async () => {
			// The lock table and the attempt count go with everything else; the key in memory too.
			await eraseDevice(getDb(), mergeBases(), browserStorage());
			appLock.cleared();
		}
	) {
		this.#erase = erase;
	}

	get status(): EraseStatus {
		return this.#status;
	}

	async erase(typed: string, word: string, locale: string): Promise<void> {
		if (this.#status.kind === 'erasing') return;
		if (!isConfirmWord(typed, word, locale)) {
			this.#status = { kind: 'word-wrong' };
			return;
		}
		this.#status = { kind: 'erasing' };
		try {
			await this.#erase();
			this.#status = { kind: 'done' };
		} catch (error) {
			console.error(error);
			this.#status = { kind: 'failed' };
		}
	}
}

function browserStorage(): Storage | undefined {
	try {
		return localStorage;
	} catch {
		return undefined;
	}
}

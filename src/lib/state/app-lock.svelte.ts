import type { RecordLock } from '$lib/storage/record-lock';

/**
 * The passcode lock as the app holds it (SECURITY.md, src/lib/crypto/README.md). Small on
 * purpose: every page imports it, and a device without a passcode never loads the crypto code
 * or the database for it. The operations (lock-actions.ts) load both when they run.
 *
 * Whether a passcode is set is known at once from a flag in localStorage, written before the
 * lock state is stored and removed after it is gone, so the lock screen is drawn before any
 * content. The flag holds no secret: it says only "ask for the passcode".
 */
export const LOCK_FLAG_KEY = 'spinnenweb-lock';

export type LockStatus =
	/** No passcode: records are stored as they are. */
	| 'none'
	/** A passcode is set and the data key is not in memory: the app's content is hidden. */
	| 'locked'
	/** The data key is in memory: records are opened and sealed. */
	| 'unlocked';

function flagStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}

export function isLockFlagSet(): boolean {
	try {
		return flagStorage()?.getItem(LOCK_FLAG_KEY) === '1';
	} catch {
		return false;
	}
}

export function writeLockFlag(isSet: boolean): void {
	try {
		if (isSet) flagStorage()?.setItem(LOCK_FLAG_KEY, '1');
		else flagStorage()?.removeItem(LOCK_FLAG_KEY);
	} catch {
		// Storage blocked: the lock table still holds the state, and unlocking still needs it.
	}
}

class AppLock {
	#status = $state<LockStatus>(isLockFlagSet() ? 'locked' : 'none');
	#recordLock: RecordLock | null = null;

	get status(): LockStatus {
		return this.#status;
	}

	get hasPasscode(): boolean {
		return this.#status !== 'none';
	}

	get isLocked(): boolean {
		return this.#status === 'locked';
	}

	/** Asked by the repositories at every read and write (record-lock.ts, LockSource). */
	readonly source = (): RecordLock | null => this.#recordLock;

	/** The key is in memory now; the repositories seal and open from the next call on. */
	opened(lock: RecordLock): void {
		this.#recordLock = lock;
		this.#status = 'unlocked';
	}

	/** Drops the key: auto-lock, hand-over, or a locked start. Nothing is written. */
	lock(): void {
		if (this.#status === 'none') return;
		this.#recordLock = null;
		this.#status = 'locked';
	}

	/** No passcode any more (removed, or "Alles wissen"): the key is dropped too. */
	cleared(): void {
		this.#recordLock = null;
		this.#status = 'none';
	}
}

export const appLock = new AppLock();

import type { ReencryptStore, LockState } from '$lib/crypto';
import { getDb } from '$lib/storage/db';
import { createRecordLock } from '$lib/storage/record-lock';
import { DexieReencryptStore } from '$lib/storage/reencrypt-store';
import { LOCK_TABLE, SEALED_TABLES } from '$lib/storage/sealed-tables';
import { appLock, writeLockFlag } from './app-lock.svelte';

/**
 * Setting, unlocking, changing and removing the passcode. Loaded only by the lock's screens; it
 * loads $lib/crypto in turn. Re-encryption (setting or removing) runs record by record and is
 * finished at the next unlock when the tab closed halfway (crypto/reencrypt.ts).
 */

/** Six characters at least; the screen says that longer is safer (SECURITY.md). */
export const MIN_PASSCODE_LENGTH = 6;

declare global {
	interface Window {
		/**
		 * End-to-end tests only: stop re-encryption after this many records, as a tab closed at
		 * that moment would, so a reload can be tested in the middle of it without a timer.
		 */
		__spinnenwebStopReencryptAfter?: number;
	}
}

function loadCrypto() {
	return import('$lib/crypto');
}

function attemptStorage(): Storage | undefined {
	try {
		return localStorage;
	} catch {
		return undefined;
	}
}

/** The store re-encryption runs on; the test hook above can stop it after N records. */
function lockStore(): ReencryptStore {
	const base = new DexieReencryptStore(getDb(), SEALED_TABLES, LOCK_TABLE);
	const stopAfter =
		typeof window === 'undefined' ? undefined : window.__spinnenwebStopReencryptAfter;
	if (stopAfter === undefined) return base;
	let replaced = 0;
	return {
		tables: base.tables,
		readState: () => base.readState(),
		writeState: (state) => base.writeState(state),
		listKeys: (table) => base.listKeys(table),
		read: (table, key) => base.read(table, key),
		async replace(table, key, expected, next) {
			if (replaced >= stopAfter) return new Promise<boolean>(() => undefined);
			replaced++;
			return base.replace(table, key, expected, next);
		}
	};
}

export type Progress = (done: number, total: number) => void;

async function useKey(key: CryptoKey, state: LockState, onProgress?: Progress): Promise<void> {
	const crypto = await loadCrypto();
	const store = lockStore();
	// While the passcode is being removed the app writes plain records, as re-encryption does.
	appLock.opened(
		createRecordLock(crypto, key, state.key.keyId, { sealsWrites: state.phase !== 'opening' })
	);
	if (state.phase === 'sealed') return;
	const result = await crypto.finishReencryption(store, key, { onProgress });
	if (result.phase === 'open') {
		writeLockFlag(false);
		appLock.cleared();
	} else {
		appLock.opened(createRecordLock(crypto, key, state.key.keyId));
	}
}

type Crypto = Awaited<ReturnType<typeof loadCrypto>>;

/**
 * The stored lock and one try of `passcode` against it, with the growing delay every try shares
 * (the lock screen, hand-over's way back, change and remove). Undefined: no lock is stored.
 */
async function tryStoredPasscode(crypto: Crypto, store: ReencryptStore, passcode: string) {
	const state = await crypto.readLockState(store);
	if (!state) return undefined;
	const outcome = await crypto.tryPasscode(
		state.key,
		passcode,
		new crypto.AttemptLog(attemptStorage())
	);
	return { state, outcome };
}

export type UnlockResult =
	| { ok: true }
	| { ok: false; reason: 'wrong' | 'wait'; waitMs: number }
	/** The flag said locked, but no lock state is stored (erased elsewhere): nothing to unlock. */
	| { ok: false; reason: 'none' };

/** The time left before the next try is allowed (0: now), from the stored count. */
export async function waitBeforeNextTry(now: number = Date.now()): Promise<number> {
	const crypto = await loadCrypto();
	return crypto.remainingWaitMs(new crypto.AttemptLog(attemptStorage()).read(), now);
}

/** One try at the lock screen; on success the app is open and any re-encryption finishes. */
export async function unlockWith(passcode: string, onProgress?: Progress): Promise<UnlockResult> {
	const crypto = await loadCrypto();
	const tried = await tryStoredPasscode(crypto, lockStore(), passcode);
	if (!tried) {
		writeLockFlag(false);
		appLock.cleared();
		return { ok: false, reason: 'none' };
	}
	if (!tried.outcome.ok) return tried.outcome;
	await useKey(tried.outcome.key, tried.state, onProgress);
	return { ok: true };
}

/** A passcode for an open app: the flag first, then the state, then every record sealed. */
export async function setPasscode(passcode: string, onProgress?: Progress): Promise<void> {
	const crypto = await loadCrypto();
	const store = lockStore();
	writeLockFlag(true);
	const { key, state } = await crypto.beginSealing(store, passcode, Date.now());
	await useKey(key, state, onProgress);
}

/** The passcode checked (hand-over's way back), with the same growing delay; nothing changes. */
export async function checkPasscode(passcode: string): Promise<UnlockResult> {
	const tried = await tryStoredPasscode(await loadCrypto(), lockStore(), passcode);
	if (!tried || tried.outcome.ok) return { ok: true };
	return tried.outcome;
}

/** A new passcode for the same data key: one write, no record moves. */
export async function changePasscode(
	oldPasscode: string,
	newPasscode: string
): Promise<UnlockResult> {
	const crypto = await loadCrypto();
	const store = lockStore();
	// The old passcode is checked as at the lock screen, with the same growing delay.
	const tried = await tryStoredPasscode(crypto, store, oldPasscode);
	if (!tried) return { ok: false, reason: 'none' };
	if (!tried.outcome.ok) return tried.outcome;
	await crypto.changePasscode(store, oldPasscode, newPasscode, Date.now());
	return { ok: true };
}

/** Removes the passcode after checking it: every record opened, then the state and flag gone. */
export async function removePasscode(
	passcode: string,
	onProgress?: Progress
): Promise<UnlockResult> {
	const crypto = await loadCrypto();
	const store = lockStore();
	const tried = await tryStoredPasscode(crypto, store, passcode);
	if (!tried) return { ok: false, reason: 'none' };
	if (!tried.outcome.ok) return tried.outcome;
	const opening = await crypto.beginOpening(store);
	await useKey(tried.outcome.key, opening, onProgress);
	return { ok: true };
}

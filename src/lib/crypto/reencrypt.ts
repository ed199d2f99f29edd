import * as z from 'zod/mini';
import {
	createKeyRecord,
	KeyRecordSchema,
	rewrapKeyRecord,
	unlockKeyRecord,
	type KeyOptions
} from './key-record';
import {
	isSealedRecord,
	openRecord,
	SEALED_FIELD,
	sealRecord,
	UnreadableRecordError,
	type SealedTableSpec
} from './sealed-record';

/**
 * Setting or removing the passcode rewrites every record, one at a time, and must survive a tab
 * closed at any moment. What makes that safe:
 *
 * 1. The lock state (one record, below) is written first when a passcode is set, and last when it
 *    is removed. So whenever any record is sealed, the wrapped data key is stored: nothing is ever
 *    sealed with a key that is not there to unwrap.
 * 2. Each record is written whole, in one put: it is plain or sealed (`sealed` present), never
 *    half. Reads accept both while the state is `sealing` or `opening`.
 * 3. A record is replaced only if it is still what was read (compare-and-put in one transaction),
 *    so a change the app wrote meanwhile (already in the target form) is never lost.
 * 4. On the next start the app finds `sealing` or `opening`, asks for the passcode as usual, and
 *    calls finishReencryption(): records already in the target form are skipped.
 *
 * Changing the passcode touches only the lock state: the data key is re-wrapped, no record moves.
 */

export const LockStateSchema = z.object({
	/** `sealing`: a passcode was set and records are being encrypted; `opening`: it is being removed. */
	phase: z.enum(['sealing', 'sealed', 'opening']),
	key: KeyRecordSchema
});
export type LockState = z.infer<typeof LockStateSchema>;
export type LockPhase = LockState['phase'];

/** What re-encryption needs from storage. The app's is in $lib/storage; tests wrap it to interrupt it. */
export interface ReencryptStore {
	readonly tables: readonly SealedTableSpec[];
	/** The stored lock state as it is, or undefined when there is none (no passcode). */
	readState(): Promise<unknown>;
	/** One write. `null` removes it. */
	writeState(state: LockState | null): Promise<void>;
	/** Every primary key of the table. */
	listKeys(table: string): Promise<string[]>;
	read(table: string, key: string): Promise<unknown>;
	/**
	 * Stores `next` in place of `expected`, in one transaction, only if the stored record is still
	 * `expected` (deep-equal). False when it changed meanwhile or is gone.
	 */
	replace(table: string, key: string, expected: unknown, next: unknown): Promise<boolean>;
}

export class LockStateError extends Error {
	override readonly name = 'LockStateError';
}

export async function readLockState(store: ReencryptStore): Promise<LockState | undefined> {
	const raw = await store.readState();
	if (raw === undefined || raw === null) return undefined;
	const result = LockStateSchema.safeParse(raw);
	// A damaged key record is not the same as no passcode: reading on as if open would write
	// plain records next to sealed ones nobody can open any more. Stop and say so.
	if (!result.success) throw new LockStateError('The stored lock state is damaged');
	return result.data;
}

export interface ReencryptResult {
	/** The state once done: no passcode (`open`) or `sealed`. */
	phase: 'open' | 'sealed';
	/** Records rewritten by this run (a resumed run counts only its own). */
	changed: number;
	/** Records that could not be opened (damaged before this run); left exactly as they were. */
	unreadable: { table: string; id: string }[];
}

export interface ReencryptOptions {
	/** Told after each record, for a progress bar. */
	onProgress?: (done: number, total: number) => void;
}

/**
 * Sets a passcode: stores the lock state (`sealing`, the wrapped data key) and returns the data
 * key. Then call finishReencryption() with it. Refuses when a passcode is already set.
 */
export async function beginSealing(
	store: ReencryptStore,
	passcode: string,
	now: number,
	options: KeyOptions = {}
): Promise<{ key: CryptoKey; state: LockState }> {
	if (await readLockState(store)) throw new LockStateError('A passcode is already set');
	const { record, key } = await createKeyRecord(passcode, now, options);
	const state: LockState = { phase: 'sealing', key: record };
	await store.writeState(state);
	return { key, state };
}

/** Starts removing the passcode (needs the unlocked key); then call finishReencryption(). */
export async function beginOpening(store: ReencryptStore): Promise<LockState> {
	const state = await readLockState(store);
	if (!state) throw new LockStateError('No passcode is set');
	const next: LockState = { ...state, phase: 'opening' };
	await store.writeState(next);
	return next;
}

/** A new passcode for the same data key: one write of the lock state, no record re-encrypted. */
export async function changePasscode(
	store: ReencryptStore,
	oldPasscode: string,
	newPasscode: string,
	now: number,
	options: KeyOptions = {}
): Promise<LockState> {
	const state = await readLockState(store);
	if (!state) throw new LockStateError('No passcode is set');
	const key = await rewrapKeyRecord(state.key, oldPasscode, newPasscode, now, options);
	const next: LockState = { ...state, key };
	await store.writeState(next);
	return next;
}

/** The data key for the stored lock state (WrongPasscodeError when it does not open). */
export async function unlock(store: ReencryptStore, passcode: string): Promise<CryptoKey> {
	const state = await readLockState(store);
	if (!state) throw new LockStateError('No passcode is set');
	return unlockKeyRecord(state.key, passcode);
}

/**
 * Brings every record to the form the lock state asks for and then completes the state: after
 * `sealing` every record is sealed and the state says `sealed`; after `opening` every record is
 * plain and the state is gone. Safe to run again at any point, also after an interruption.
 */
export async function finishReencryption(
	store: ReencryptStore,
	key: CryptoKey,
	options: ReencryptOptions = {}
): Promise<ReencryptResult> {
	const state = await readLockState(store);
	if (!state) return { phase: 'open', changed: 0, unreadable: [] };
	if (state.phase === 'sealed') return { phase: 'sealed', changed: 0, unreadable: [] };
	const isSealing = state.phase === 'sealing';

	const work: { spec: SealedTableSpec; id: string }[] = [];
	for (const spec of store.tables) {
		for (const id of await store.listKeys(spec.name)) work.push({ spec, id });
	}

	let changed = 0;
	const unreadable: ReencryptResult['unreadable'] = [];
	for (const [index, { spec, id }] of work.entries()) {
		const outcome = await moveRecord(store, spec, id, key, state.key.keyId, isSealing);
		if (outcome === 'changed') changed++;
		if (outcome === 'unreadable') unreadable.push({ table: spec.name, id });
		options.onProgress?.(index + 1, work.length);
	}

	if (isSealing) {
		await store.writeState({ phase: 'sealed', key: state.key });
		return { phase: 'sealed', changed, unreadable };
	}
	await store.writeState(null);
	return { phase: 'open', changed, unreadable };
}

type MoveOutcome = 'changed' | 'already' | 'unreadable' | 'gone';

/** One record into the target form, retried while the app keeps changing it under us. */
async function moveRecord(
	store: ReencryptStore,
	spec: SealedTableSpec,
	id: string,
	key: CryptoKey,
	keyId: string,
	isSealing: boolean
): Promise<MoveOutcome> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const stored = await store.read(spec.name, id);
		if (stored === undefined) return 'gone';
		let next: unknown;
		if (isSealing) {
			// Sealed with another key: only a bug could leave one, and this key cannot open it.
			if (isSealedRecord(stored)) return sealedWith(stored) === keyId ? 'already' : 'unreadable';
			if (!isObject(stored)) return 'unreadable';
			next = await sealRecord(key, keyId, spec, stored);
		} else {
			if (!isSealedRecord(stored)) return 'already';
			try {
				next = await openRecord(key, spec, stored);
			} catch (error) {
				if (error instanceof UnreadableRecordError) return 'unreadable';
				throw error;
			}
		}
		if (await store.replace(spec.name, id, stored, next)) return 'changed';
	}
	// Changed five times while we worked on it: the app is writing it, and in the target form.
	return 'already';
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sealedWith(stored: unknown): unknown {
	const envelope = isObject(stored) ? stored[SEALED_FIELD] : undefined;
	return isObject(envelope) ? envelope.k : undefined;
}

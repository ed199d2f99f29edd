import { beginAttempt, remainingWaitMs, type AttemptLog } from './attempts';
import { unlockKeyRecord, WrongPasscodeError, type KeyRecord } from './key-record';

export type UnlockOutcome =
	| { ok: true; key: CryptoKey }
	/** `wait`: tried too soon, the passcode was not even tried; `wrong`: it did not open. */
	| { ok: false; reason: 'wait' | 'wrong'; waitMs: number };

/**
 * One try at the lock screen, with the growing delay: refused while a wait is running, counted
 * as a failure before the (slow) derivation starts, cleared on success.
 */
export async function tryPasscode(
	record: KeyRecord,
	passcode: string,
	log: AttemptLog,
	clock: () => number = Date.now
): Promise<UnlockOutcome> {
	const before = log.read();
	const wait = remainingWaitMs(before, clock());
	if (wait > 0) return { ok: false, reason: 'wait', waitMs: wait };
	const counted = beginAttempt(before, clock());
	log.write(counted);
	try {
		const key = await unlockKeyRecord(record, passcode);
		log.clear();
		return { ok: true, key };
	} catch (error) {
		if (!(error instanceof WrongPasscodeError)) throw error;
		// The failure counts from when it was known, so the wait is not eaten by the derivation.
		const failed = { ...counted, lastFailureAt: clock() };
		log.write(failed);
		return { ok: false, reason: 'wrong', waitMs: remainingWaitMs(failed, clock()) };
	}
}

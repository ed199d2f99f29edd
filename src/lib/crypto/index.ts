/**
 * The lock's code, one module so the app can load it with one `import('$lib/crypto')` once a
 * passcode is set (or being set); a device without a passcode never loads it. See README.md.
 */
export {
	AttemptLog,
	beginAttempt,
	delayAfterFailures,
	NO_FAILURES,
	remainingWaitMs,
	type FailedAttempts
} from './attempts';
export {
	createKeyRecord,
	KeyRecordSchema,
	rewrapKeyRecord,
	unlockKeyRecord,
	WrongPasscodeError,
	type KeyRecord
} from './key-record';
export { PBKDF2_ITERATIONS } from './kdf';
export { decryptRecord, DecryptError, encryptRecord, type SealedValue } from './record-cipher';
export {
	beginOpening,
	beginSealing,
	changePasscode,
	finishReencryption,
	LockStateError,
	LockStateSchema,
	readLockState,
	unlock,
	type LockPhase,
	type LockState,
	type ReencryptResult,
	type ReencryptStore
} from './reencrypt';
export {
	isSealedRecord,
	openRecord,
	sealRecord,
	UnreadableRecordError,
	type SealedTableSpec
} from './sealed-record';
export { tryPasscode, type UnlockOutcome } from './unlock';

import canonicalize from 'canonicalize';
import type { DeviceRecord } from './sections';

/**
 * What importing one record does, from the record in the file, the device's record and their
 * merge base: the change time both sides last agreed on (set by every export and import, see
 * README.md). Pure, so every case is a row in merge.spec.ts.
 *
 * - not on the device: add it;
 * - the same on both: nothing;
 * - changed on one side only since the base: that side's version (the device's stays when only
 *   it changed, so newer work on the device is never replaced by an older backup);
 * - changed on both (or no base to tell, or the device's copy is damaged): a conflict, for the
 *   person to choose side by side.
 */
export type MergeDecision = 'add' | 'same' | 'take-file' | 'keep-device' | 'conflict';

export interface MergeInput<T> {
	file: T;
	device: DeviceRecord<T>;
	/** undefined: this device never agreed with another on this record. */
	base: number | undefined;
	updatedAtOf: (record: T) => number;
	/** Settings: the device's value stays whenever it has one. */
	isDeviceFirst?: boolean;
}

export function sameRecord(a: unknown, b: unknown): boolean {
	return canonicalize(a) === canonicalize(b);
}

export function decideMerge<T>({
	file,
	device,
	base,
	updatedAtOf,
	isDeviceFirst
}: MergeInput<T>): MergeDecision {
	if (device.status === 'missing') return 'add';
	if (device.status === 'corrupt') return isDeviceFirst ? 'take-file' : 'conflict';
	if (sameRecord(file, device.record)) return 'same';
	if (isDeviceFirst) return 'keep-device';

	const fileTime = updatedAtOf(file);
	const deviceTime = updatedAtOf(device.record);
	if (base === undefined) return 'conflict';
	const isFileChanged = fileTime > base;
	const isDeviceChanged = deviceTime > base;
	if (isFileChanged && isDeviceChanged) return 'conflict';
	// Only the file moved on, and it is newer than the device's copy: take it.
	if (isFileChanged && fileTime > deviceTime) return 'take-file';
	// Only the device moved on, or the file holds an older version than both agreed on.
	return 'keep-device';
}

/** The base to remember after importing a record: the latest change time both sides now share. */
export function nextBase(previous: number | undefined, fileTime: number): number {
	return previous === undefined ? fileTime : Math.max(previous, fileTime);
}

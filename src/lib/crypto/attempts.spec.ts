import { describe, expect, it } from 'vitest';
import {
	AttemptLog,
	ATTEMPTS_KEY,
	beginAttempt,
	delayAfterFailures,
	MAX_DELAY_MS,
	NO_FAILURES,
	remainingWaitMs,
	type AttemptStorage
} from './attempts';
import { createKeyRecord } from './key-record';
import { tryPasscode } from './unlock';

function memory(): AttemptStorage & { map: Map<string, string> } {
	const map = new Map<string, string>();
	return {
		map,
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: (k) => void map.delete(k)
	};
}

describe('the delay after wrong passcodes', () => {
	it.each([
		[0, 0],
		[1, 0],
		[3, 0],
		[4, 2_000],
		[5, 4_000],
		[6, 8_000],
		[9, 64_000],
		[12, 512_000],
		[13, MAX_DELAY_MS],
		[1_000_000, MAX_DELAY_MS]
	])('after %i failures is %i ms', (count, delay) => {
		expect(delayAfterFailures(count)).toBe(delay);
	});

	it('grows and never shrinks with more failures', () => {
		for (let count = 0; count < 40; count++) {
			expect(delayAfterFailures(count + 1)).toBeGreaterThanOrEqual(delayAfterFailures(count));
		}
	});

	it('runs from the last failure, and a clock set back does not shorten it', () => {
		const attempts = { count: 5, lastFailureAt: 100_000 };
		expect(remainingWaitMs(attempts, 100_000)).toBe(4_000);
		expect(remainingWaitMs(attempts, 103_000)).toBe(1_000);
		expect(remainingWaitMs(attempts, 104_000)).toBe(0);
		expect(remainingWaitMs(attempts, 50_000)).toBe(4_000);
	});

	it('counts an attempt before it is tried', () => {
		expect(beginAttempt(NO_FAILURES, 7)).toEqual({ count: 1, lastFailureAt: 7 });
	});
});

describe('the attempt log', () => {
	it('survives a reload (a new log on the same storage) and reads damage as a fresh start', () => {
		const storage = memory();
		new AttemptLog(storage).write({ count: 6, lastFailureAt: 42 });
		expect(new AttemptLog(storage).read()).toEqual({ count: 6, lastFailureAt: 42 });
		for (const damaged of ['{', '{"count":-1,"lastFailureAt":0}', '"6"', 'null']) {
			storage.setItem(ATTEMPTS_KEY, damaged);
			expect(new AttemptLog(storage).read()).toEqual(NO_FAILURES);
		}
		expect(new AttemptLog(undefined).read()).toEqual(NO_FAILURES);
	});
});

describe('tryPasscode', () => {
	it('lets a typo go, then makes the person wait, and clears the count on success', async () => {
		const { record } = await createKeyRecord('goede code', 0, { iterations: 1_000 });
		const storage = memory();
		const log = new AttemptLog(storage);
		let now = 1_000_000;
		const clock = () => now;

		for (let i = 0; i < 3; i++) {
			expect(await tryPasscode(record, 'fout', log, clock)).toEqual({
				ok: false,
				reason: 'wrong',
				waitMs: 0
			});
		}
		expect(await tryPasscode(record, 'fout', log, clock)).toEqual({
			ok: false,
			reason: 'wrong',
			waitMs: 2_000
		});
		// Within the wait even the right passcode is not tried; a reload keeps the wait.
		now += 1_000;
		expect(await tryPasscode(record, 'goede code', new AttemptLog(storage), clock)).toEqual({
			ok: false,
			reason: 'wait',
			waitMs: 1_000
		});
		now += 1_000;
		const success = await tryPasscode(record, 'goede code', log, clock);
		expect(success.ok).toBe(true);
		expect(log.read()).toEqual(NO_FAILURES);
	});

	it('has counted the try already while the key is being derived (a tab closed then does not make it free)', async () => {
		const { record } = await createKeyRecord('goede code', 0, { iterations: 1_000 });
		const storage = memory();
		const log = new AttemptLog(storage);
		const pending = tryPasscode(record, 'fout', log, () => 5);
		expect(new AttemptLog(storage).read()).toEqual({ count: 1, lastFailureAt: 5 });
		await pending;
	});
});

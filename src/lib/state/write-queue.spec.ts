import { describe, expect, it } from 'vitest';
import { WriteQueue } from './write-queue';

function deferredWrite(log: string[], name: string, fail = false) {
	return async () => {
		await new Promise((resolve) => setTimeout(resolve, 5));
		log.push(name);
		if (fail) throw new Error(name);
	};
}

describe('WriteQueue', () => {
	it('runs writes one at a time, in order, and keeps only the newest per slot', async () => {
		const log: string[] = [];
		const idle: unknown[] = [];
		const queue = new WriteQueue((error) => idle.push(error));
		void queue.enqueue('a', deferredWrite(log, 'a1'));
		void queue.enqueue('a', deferredWrite(log, 'a2'));
		void queue.enqueue('b', deferredWrite(log, 'b1'));
		await queue.enqueue('a', deferredWrite(log, 'a3'));
		// a1 had started; a2 was replaced by a3, which keeps a's place in line before b.
		expect(log).toEqual(['a1', 'a3', 'b1']);
		expect(idle).toEqual([null]);
		expect(queue.isBusy).toBe(false);
	});

	it('goes on after a failed write and reports the failure when idle', async () => {
		const log: string[] = [];
		const idle: unknown[] = [];
		const queue = new WriteQueue((error) => idle.push(error));
		void queue.enqueue('a', deferredWrite(log, 'a', true));
		await queue.enqueue('b', deferredWrite(log, 'b'));
		expect(log).toEqual(['a', 'b']);
		expect(idle).toHaveLength(1);
		expect(idle[0]).toBeInstanceOf(Error);
	});
});

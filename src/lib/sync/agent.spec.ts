import { describe, expect, it } from 'vitest';
import { PERIODIC_MS, SyncAgent, type Timers } from './agent';
import type { PassResult, Trigger } from './flusher';

/** Timers that run only when the test moves the clock. */
class FakeTimers implements Timers {
	now = 1_000_000;
	#next = 1;
	readonly pending = new Map<number, { at: number; callback: () => void }>();

	set(callback: () => void, ms: number): unknown {
		const id = this.#next++;
		this.pending.set(id, { at: this.now + ms, callback });
		return id;
	}
	clear(handle: unknown): void {
		this.pending.delete(handle as number);
	}
	/** When the one timer the agent keeps will fire, or null. */
	get nextAt(): number | null {
		const times = [...this.pending.values()].map((t) => t.at);
		return times.length > 0 ? Math.min(...times) : null;
	}
	advanceTo(at: number): void {
		this.now = at;
		for (const [id, timer] of [...this.pending]) {
			if (timer.at > at) continue;
			this.pending.delete(id);
			timer.callback();
		}
	}
}

/** A flusher that answers from a list and records what it was asked. */
class ScriptedFlusher {
	readonly triggers: Trigger[] = [];
	readonly results: (PassResult | Error)[] = [];
	#release: (() => void) | null = null;
	isHeld = false;

	async flush(trigger: Trigger): Promise<PassResult> {
		this.triggers.push(trigger);
		if (this.isHeld) await new Promise<void>((resolve) => (this.#release = resolve));
		const result = this.results.shift() ?? { kind: 'done', isActive: true, nextAt: null };
		if (result instanceof Error) throw result;
		return result;
	}
	release(): void {
		this.isHeld = false;
		this.#release?.();
	}
}

function agent(flusher: ScriptedFlusher, timers: FakeTimers): SyncAgent {
	return new SyncAgent({ flusher, timers, clock: () => timers.now, onError: () => undefined });
}

describe('SyncAgent', () => {
	it('folds requests made during a pass into one next pass, keeping the strongest trigger', async () => {
		const flusher = new ScriptedFlusher();
		const timers = new FakeTimers();
		const tab = agent(flusher, timers);
		flusher.isHeld = true;
		const first = tab.request('start');
		const waiting = [tab.request('new-item'), tab.request('online'), tab.request('visible')];
		flusher.release();
		await Promise.all([first, ...waiting]);
		expect(flusher.triggers).toEqual(['start', 'online']);
	});

	it('wakes at the time a failed pass asks for', async () => {
		const flusher = new ScriptedFlusher();
		const timers = new FakeTimers();
		const tab = agent(flusher, timers);
		flusher.results.push({ kind: 'retry', isActive: true, at: timers.now + 5_000 });
		await tab.request('start');
		expect(timers.nextAt).toBe(timers.now + 5_000);

		timers.advanceTo(timers.now + 5_000);
		await tab.request('visible');
		expect(flusher.triggers.slice(0, 2)).toEqual(['start', 'timer']);
	});

	it('wakes when an item waiting for its focus becomes ready, or at least every ten minutes', async () => {
		const flusher = new ScriptedFlusher();
		const timers = new FakeTimers();
		const tab = agent(flusher, timers);
		flusher.results.push({ kind: 'done', isActive: true, nextAt: timers.now + 60_000 });
		await tab.request('start');
		expect(timers.nextAt).toBe(timers.now + 60_000);

		flusher.results.push({ kind: 'done', isActive: true, nextAt: timers.now + 3_600_000 });
		await tab.request('ready');
		expect(timers.nextAt).toBe(timers.now + PERIODIC_MS);

		flusher.results.push({ kind: 'done', isActive: true, nextAt: null });
		await tab.request('ready');
		expect(timers.nextAt).toBe(timers.now + PERIODIC_MS);
	});

	it('keeps no timer offline (the online event comes) or once there is no sync work', async () => {
		const flusher = new ScriptedFlusher();
		const timers = new FakeTimers();
		const tab = agent(flusher, timers);
		flusher.results.push({ kind: 'retry', isActive: true, at: timers.now + 5_000 });
		await tab.request('start');
		flusher.results.push({ kind: 'offline', isActive: true });
		await tab.request('visible');
		expect(timers.nextAt).toBeNull();

		flusher.results.push({ kind: 'done', isActive: false, nextAt: null });
		await tab.request('online');
		expect(timers.nextAt).toBeNull();
	});

	it('backs off when the device itself fails (the database closed), and recovers', async () => {
		const flusher = new ScriptedFlusher();
		const timers = new FakeTimers();
		const errors: unknown[] = [];
		const tab = new SyncAgent({
			flusher,
			timers,
			clock: () => timers.now,
			onError: (error) => errors.push(error)
		});
		flusher.results.push(new Error('DatabaseClosedError'));
		await tab.request('start');
		expect(errors).toHaveLength(1);
		const pause = (timers.nextAt ?? 0) - timers.now;
		expect(pause).toBeGreaterThanOrEqual(2_500);
		expect(pause).toBeLessThanOrEqual(5_000);

		timers.advanceTo(timers.nextAt ?? 0);
		await tab.request('visible');
		expect(flusher.triggers).toEqual(['start', 'timer', 'visible']);
	});

	it('does nothing more once stopped', async () => {
		const flusher = new ScriptedFlusher();
		const timers = new FakeTimers();
		const tab = agent(flusher, timers);
		flusher.results.push({ kind: 'retry', isActive: true, at: timers.now + 5_000 });
		await tab.request('start');
		tab.stop();
		expect(timers.nextAt).toBeNull();
		await tab.request('online');
		expect(flusher.triggers).toEqual(['start']);
	});
});

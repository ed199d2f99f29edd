import { describe, expect, it } from 'vitest';
import { decideMerge, nextBase, type MergeDecision } from './merge';
import type { DeviceRecord } from './sections';

interface Rec {
	id: string;
	v: string;
	updatedAt: number;
}
const rec = (v: string, updatedAt: number): Rec => ({ id: 'x', v, updatedAt });
const found = (r: Rec): DeviceRecord<Rec> => ({ status: 'found', record: r });

describe('decideMerge', () => {
	const cases: [string, Rec, DeviceRecord<Rec>, number | undefined, MergeDecision][] = [
		['not on the device: add', rec('a', 5), { status: 'missing' }, undefined, 'add'],
		['the same on both: nothing', rec('a', 5), found(rec('a', 5)), undefined, 'same'],
		['the same on both, another base: nothing', rec('a', 5), found(rec('a', 5)), 3, 'same'],
		[
			'only the file changed since the base: take it',
			rec('b', 9),
			found(rec('a', 5)),
			5,
			'take-file'
		],
		['only the device changed: keep it', rec('a', 5), found(rec('b', 9)), 5, 'keep-device'],
		[
			'an older backup after more work here: keep the device',
			rec('a', 3),
			found(rec('b', 9)),
			9,
			'keep-device'
		],
		[
			'the file is older than what both agreed on: keep the device',
			rec('old', 2),
			found(rec('a', 5)),
			5,
			'keep-device'
		],
		['both changed since the base: ask', rec('b', 8), found(rec('c', 9)), 5, 'conflict'],
		['both changed, the file newer: still ask', rec('b', 12), found(rec('c', 9)), 5, 'conflict'],
		['no base to tell who changed: ask', rec('b', 8), found(rec('c', 9)), undefined, 'conflict'],
		['the device copy is damaged: ask', rec('b', 8), { status: 'corrupt' }, 5, 'conflict']
	];
	it.each(cases)('%s', (_, file, device, base, expected) => {
		expect(decideMerge({ file, device, base, updatedAtOf: (r) => r.updatedAt })).toBe(expected);
	});

	it('keeps the device’s setting and fills in only what it lacks', () => {
		const base = { updatedAtOf: () => 0, isDeviceFirst: true, base: undefined };
		expect(decideMerge({ ...base, file: rec('ar', 0), device: found(rec('nl', 0)) })).toBe(
			'keep-device'
		);
		expect(decideMerge({ ...base, file: rec('ar', 0), device: { status: 'missing' } })).toBe('add');
		expect(decideMerge({ ...base, file: rec('ar', 0), device: found(rec('ar', 0)) })).toBe('same');
	});

	it('never goes back to an older base', () => {
		expect(nextBase(undefined, 5)).toBe(5);
		expect(nextBase(9, 5)).toBe(9);
		expect(nextBase(3, 5)).toBe(5);
	});
});

import { describe, expect, it, vi } from 'vitest';
import {
	createPersistenceAsker,
	PERSIST_ASKED_KEY,
	readStorageReport,
	requestPersistence,
	type Memory,
	type StorageManagerLike
} from './storage-persistence';

function fakeManager(isPersistent: boolean, grants = false) {
	return {
		persisted: vi.fn(() => Promise.resolve(isPersistent)),
		persist: vi.fn(() => Promise.resolve(grants)),
		estimate: vi.fn(() => Promise.resolve({ usage: 12_345, quota: 1e9 }))
	} satisfies StorageManagerLike;
}

function fakeMemory(
	initial: Record<string, string> = {}
): Memory & { items: Record<string, string> } {
	const items = { ...initial };
	return {
		items,
		getItem: (key) => items[key] ?? null,
		setItem: (key, value) => {
			items[key] = value;
		}
	};
}

describe('createPersistenceAsker', () => {
	it('asks once, remembers it on the device, and never asks that device again', async () => {
		const manager = fakeManager(false);
		const memory = fakeMemory();
		const ask = createPersistenceAsker(manager, memory);
		await ask();
		await ask();
		expect(manager.persist).toHaveBeenCalledTimes(1);
		expect(memory.items[PERSIST_ASKED_KEY]).toBeDefined();

		// A later page load on the same device.
		await createPersistenceAsker(manager, memory)();
		expect(manager.persist).toHaveBeenCalledTimes(1);
	});

	it('does not ask when storage is persistent already', async () => {
		const manager = fakeManager(true);
		await createPersistenceAsker(manager, fakeMemory())();
		expect(manager.persist).not.toHaveBeenCalled();
	});

	it('asks at most once per page when the device cannot remember', async () => {
		const manager = fakeManager(false);
		const blocked: Memory = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('SecurityError');
			}
		};
		const ask = createPersistenceAsker(manager, blocked);
		await ask();
		await ask();
		expect(manager.persist).toHaveBeenCalledTimes(1);
	});

	it('does nothing where the browser has no storage manager', async () => {
		const memory = fakeMemory();
		await expect(createPersistenceAsker(undefined, memory)()).resolves.toBeUndefined();
		expect(memory.items).toEqual({});
	});
});

describe('readStorageReport', () => {
	it('reports persistence and usage', async () => {
		expect(await readStorageReport(fakeManager(true))).toEqual({
			isPersistent: true,
			usage: 12_345
		});
	});

	it('reports null for what the browser cannot tell, also when it throws', async () => {
		const failing: StorageManagerLike = {
			persisted: () => Promise.reject(new Error('no')),
			persist: () => Promise.reject(new Error('no')),
			estimate: () => Promise.resolve({})
		};
		expect(await readStorageReport(failing)).toEqual({ isPersistent: null, usage: null });
		expect(await readStorageReport(undefined)).toEqual({ isPersistent: null, usage: null });
		expect(await requestPersistence(failing)).toBeNull();
	});
});

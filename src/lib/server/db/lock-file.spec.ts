import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, DataDirLockedError, LOCK_FILE_NAME } from './lock-file';

describe('acquireLock', () => {
	const dirs: string[] = [];
	const folder = () => {
		const dir = mkdtempSync(join(tmpdir(), 'spinnenweb-lock-'));
		dirs.push(dir);
		return dir;
	};
	const lockOf = (dir: string) => join(dir, LOCK_FILE_NAME);
	const write = (dir: string, content: unknown) =>
		writeFileSync(lockOf(dir), typeof content === 'string' ? content : JSON.stringify(content));

	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	it('writes our pid, and removes only its own lock on release', () => {
		const dir = folder();
		const lock = acquireLock(dir);
		expect(JSON.parse(readFileSync(lockOf(dir), 'utf8'))).toEqual({
			pid: process.pid,
			host: hostname()
		});
		lock.release();
		expect(existsSync(lockOf(dir))).toBe(false);
	});

	it('refuses a folder whose lock names a live process, and says which', () => {
		const dir = folder();
		// This test's parent process is alive and is not us.
		write(dir, { pid: process.ppid, host: hostname() });
		expect(() => acquireLock(dir)).toThrow(DataDirLockedError);
		expect(() => acquireLock(dir)).toThrow(`process ${process.ppid}`);
		expect(JSON.parse(readFileSync(lockOf(dir), 'utf8'))).toEqual({
			pid: process.ppid,
			host: hostname()
		});
	});

	it.each([
		[
			'a dead process',
			() => ({ pid: spawnSync(process.execPath, ['-e', '0']).pid, host: hostname() })
		],
		['our own pid (a restarted container)', () => ({ pid: process.pid, host: hostname() })],
		['pid -1 (which would signal every process)', () => ({ pid: -1, host: hostname() })],
		['pid 0', () => ({ pid: 0, host: hostname() })],
		['a file cut short', () => '{"pid": 12'],
		['an empty file', () => '']
	])('takes over a lock of %s', (_, content) => {
		const dir = folder();
		write(dir, content());
		const lock = acquireLock(dir);
		expect((JSON.parse(readFileSync(lockOf(dir), 'utf8')) as { pid: number }).pid).toBe(
			process.pid
		);
		lock.release();
	});

	it('refuses a lock from another machine (a shared folder), whose pid says nothing here', () => {
		const dir = folder();
		write(dir, { pid: 999_999, host: 'een-andere-server' });
		expect(() => acquireLock(dir)).toThrow(/een-andere-server.*remove/);
	});
});

// A lock file for PGlite's data folder. PGlite has no lock of its own, and two processes on one
// folder corrupt it, so a second server must refuse to start. A lock left by a process that died
// (a crash, a kill -9) is taken over: its pid is checked, not just the file's presence.
import { hostname } from 'node:os';
import { join } from 'node:path';
import {
	linkSync,
	openSync,
	readFileSync,
	renameSync,
	unlinkSync,
	writeSync,
	closeSync
} from 'node:fs';
import { z } from 'zod';

export const LOCK_FILE_NAME = 'spinnenweb.lock';

const LockContentSchema = z.object({ pid: z.number().int().positive(), host: z.string() });

export class DataDirLockedError extends Error {
	override name = 'DataDirLockedError';
}

export interface HeldLock {
	readonly path: string;
	release(): void;
}

function isAlive(pid: number): boolean {
	// 0 and negative numbers name process groups: kill(-1, 0) "succeeds" for everyone's processes.
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to someone else; it is alive all the same.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readLock(path: string): { raw: string; pid: number; host: string } | undefined {
	let raw: string;
	try {
		raw = readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
	const parsed = LockContentSchema.safeParse(safeJson(raw));
	// An unreadable lock (a crash mid-write) holds no live pid: it counts as stale.
	return parsed.success ? { raw, ...parsed.data } : { raw, pid: -1, host: hostname() };
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function tryCreate(path: string, content: string): boolean {
	let fd: number;
	try {
		fd = openSync(path, 'wx');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
	try {
		writeSync(fd, content);
	} finally {
		closeSync(fd);
	}
	return true;
}

export function acquireLock(dataDir: string): HeldLock {
	const path = join(dataDir, LOCK_FILE_NAME);
	const content = JSON.stringify({ pid: process.pid, host: hostname() });
	const held: HeldLock = {
		path,
		release() {
			// Only our own lock: a folder taken over after us stays locked for its new owner.
			if (readLock(path)?.raw === content) unlinkSync(path);
		}
	};

	for (let attempt = 0; attempt < 3; attempt++) {
		if (tryCreate(path, content)) return held;
		const current = readLock(path);
		if (!current) continue; // removed in between: try again
		const isOtherHost = current.host !== hostname();
		// Our own pid in a lock we did not write: a container restarted with the same pid.
		const isStale = !isOtherHost && (current.pid === process.pid || !isAlive(current.pid));
		if (!isStale) {
			const who = isOtherHost
				? `a server on ${current.host} (process ${current.pid})`
				: `another Spinnenweb server (process ${current.pid})`;
			throw new DataDirLockedError(
				`The data folder ${dataDir} is in use by ${who}. The embedded database allows one ` +
					'server per folder: stop that server, give this one its own DATA_DIR, or use ' +
					'PostgreSQL (DATABASE_URL) to run several servers.' +
					(isOtherHost ? ` If that server is gone, remove ${path}.` : '')
			);
		}
		// Take the stale lock over. Move it aside first; if what we moved is not what we judged
		// stale, another server took it over in the meantime: give it back and refuse.
		const aside = `${path}.stale-${process.pid}`;
		try {
			renameSync(path, aside);
		} catch {
			continue;
		}
		const moved = readLock(aside);
		if (moved?.raw !== current.raw) {
			try {
				linkSync(aside, path);
			} catch {
				// The folder has a new lock already; ours was a stale copy.
			}
			unlinkSync(aside);
			throw new DataDirLockedError(
				`Another server started on the data folder ${dataDir} at the same moment; this one stops.`
			);
		}
		unlinkSync(aside);
	}
	throw new DataDirLockedError(`Could not take the lock on the data folder ${dataDir}.`);
}

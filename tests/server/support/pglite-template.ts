// A fresh PGlite folder costs seconds of initdb on first open. The server tests make one blank
// cluster once (global-setup.ts) and copy it for every server that needs a new folder.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

/** A new data folder holding a blank, never-migrated PGlite cluster. */
export function freshDataDir(label: string): string {
	const dir = mkdtempSync(join(tmpdir(), `spinnenweb-${label}-`));
	cpSync(inject('pgliteTemplate'), join(dir, 'pglite'), { recursive: true });
	return dir;
}

export function removeDataDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}

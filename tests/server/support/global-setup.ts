import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertBuilt } from './app-server';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
	}
}

// One blank PGlite cluster for the whole run: every server that needs a new folder gets a copy.
export default async function setup(project: TestProject): Promise<() => void> {
	assertBuilt();
	const dir = mkdtempSync(join(tmpdir(), 'spinnenweb-pglite-template-'));
	const template = join(dir, 'pglite');
	const db = await PGlite.create(template);
	await db.close();
	project.provide('pgliteTemplate', template);
	return () => rmSync(dir, { recursive: true, force: true });
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseLocale, locales } from '$lib/paraglide/runtime.js';

/**
 * Every folder under messages/ holds one JSON file per locale. Paraglide quietly falls back to
 * the base language for a key a locale lacks, so a forgotten translation would only show up as
 * Dutch on an English screen; this spec makes it a failing test instead.
 */
const MESSAGES_DIR = fileURLToPath(new URL('../../../messages', import.meta.url));
const PROJECT_DIR = fileURLToPath(new URL('../../../project.inlang', import.meta.url));

/** What the compiler reads: the locales and where each folder's files are. */
interface InlangSettings {
	baseLocale: string;
	locales: string[];
	'plugin.inlang.messageFormat': { pathPattern: string | string[] };
}

const settings = JSON.parse(
	readFileSync(join(PROJECT_DIR, 'settings.json'), 'utf8')
) as InlangSettings;
const patterns = [settings['plugin.inlang.messageFormat'].pathPattern].flat();

/** `./messages/questions/{locale}.json` → `questions`; the top folder is `.`. */
function folderOfPattern(pattern: string): string {
	const dir = dirname(fileURLToPath(new URL(pattern, `file://${PROJECT_DIR}/../`)));
	return relative(MESSAGES_DIR, dir) || '.';
}

/** Keys Paraglide turns into function names: snake_case identifiers. */
const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

interface MessageFile {
	folder: string;
	locale: string;
	keys: string[];
}

function findJsonFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return findJsonFiles(path);
		return entry.isFile() && entry.name.endsWith('.json') ? [path] : [];
	});
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Message keys; nested objects count by their dotted path, `$schema` is not a message. */
function messageKeys(json: Record<string, unknown>, prefix = ''): string[] {
	return Object.entries(json).flatMap(([key, value]) => {
		if (prefix === '' && key === '$schema') return [];
		const path = prefix + key;
		return isRecord(value) ? messageKeys(value, `${path}.`) : [path];
	});
}

function readMessageFile(path: string): MessageFile {
	const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
	const folder = relative(MESSAGES_DIR, dirname(path)) || '.';
	if (!isRecord(json)) throw new Error(`messages/${folder}/${basename(path)} is not a JSON object`);
	return { folder, locale: basename(path, '.json'), keys: messageKeys(json) };
}

const files = findJsonFiles(MESSAGES_DIR).map(readMessageFile);
const folders = [...new Set(files.map((f) => f.folder))].sort();

/** What a locale file lacks and what it has too many, compared with the base locale's file. */
function difference(base: string[], other: string[]): { missing: string[]; extra: string[] } {
	const baseSet = new Set(base);
	const otherSet = new Set(other);
	return {
		missing: base.filter((k) => !otherSet.has(k)),
		extra: other.filter((k) => !baseSet.has(k))
	};
}

describe('message files', () => {
	it('exist', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	it('are compiled for exactly the locales in settings.json', () => {
		expect([...locales]).toEqual(settings.locales);
		expect(baseLocale).toBe(settings.baseLocale);
	});

	it('live only in folders settings.json names, so none is silently left out of the build', () => {
		expect(folders).toEqual([...new Set(patterns.map(folderOfPattern))].sort());
	});

	// A locale with no file at all compiles without complaint (Paraglide falls back to Dutch),
	// so a missing file must fail here.
	describe.each(patterns)('%s', (pattern) => {
		it.each(settings.locales)('exists for %s', (locale) => {
			const path = fileURLToPath(
				new URL(pattern.replace('{locale}', locale), `file://${PROJECT_DIR}/../`)
			);
			expect(existsSync(path), relative(join(MESSAGES_DIR, '..'), path)).toBe(true);
		});
	});

	describe.each(folders)('messages/%s', (folder) => {
		const inFolder = files.filter((f) => f.folder === folder);
		const base = inFolder.find((f) => f.locale === baseLocale);

		it(`has a file for every locale (${locales.join(', ')}) and no other`, () => {
			expect(inFolder.map((f) => f.locale).sort()).toEqual([...locales].sort());
		});

		it.each(locales.filter((l) => l !== baseLocale))(
			`%s.json has exactly the keys of ${baseLocale}.json`,
			(locale) => {
				const other = inFolder.find((f) => f.locale === locale);
				expect(base, `messages/${folder}/${baseLocale}.json`).toBeDefined();
				expect(other, `messages/${folder}/${locale}.json`).toBeDefined();
				if (!base || !other) return;
				expect(difference(base.keys, other.keys), `messages/${folder}/${locale}.json`).toEqual({
					missing: [],
					extra: []
				});
			}
		);

		it('uses snake_case identifiers as keys', () => {
			const bad = inFolder.flatMap((f) =>
				f.keys.filter((k) => !KEY_PATTERN.test(k)).map((k) => `${f.locale}: ${k}`)
			);
			expect(bad).toEqual([]);
		});
	});

	it('never uses one key in two folders, since Paraglide merges them into one namespace', () => {
		const seen = new Map<string, string>();
		const clashes: string[] = [];
		for (const file of files.filter((f) => f.locale === baseLocale)) {
			for (const key of file.keys) {
				const other = seen.get(key);
				if (other !== undefined && other !== file.folder) {
					clashes.push(`${key} (${other} and ${file.folder})`);
				}
				seen.set(key, file.folder);
			}
		}
		expect(clashes).toEqual([]);
	});
});

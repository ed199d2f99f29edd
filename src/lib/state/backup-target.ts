import { settingsSection, type SettingDefinition } from '$lib/backup/settings-section';
import type { BackupTarget } from '$lib/backup/sections';
import { locales, localStorageKey } from '$lib/paraglide/runtime.js';
import {
	databaseTarget,
	reflectionSection,
	useBackupLock,
	webSection
} from '$lib/storage/backup-sections';
import { getDb } from '$lib/storage/db';
import { DexieMergeBaseStore } from '$lib/storage/merge-bases';
import { appLock } from './app-lock.svelte';
import { SIMPLE_MODE_KEY } from './simple-mode.svelte';

/** The device's own choices that a backup carries. */
export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
	{
		key: 'locale',
		storageKey: localStorageKey,
		isValid: (value) => (locales as readonly string[]).includes(value)
	},
	{ key: 'simpleMode', storageKey: SIMPLE_MODE_KEY, isValid: (v) => v === 'on' || v === 'off' }
];

function deviceStorage(): Storage | undefined {
	try {
		return localStorage;
	} catch {
		return undefined;
	}
}

let personal: BackupTarget | undefined;
let bases: DexieMergeBaseStore | undefined;

export function mergeBases(): DexieMergeBaseStore {
	bases ??= new DexieMergeBaseStore();
	return bases;
}

/**
 * What a backup holds on the personal side: the webs, their reflections and the settings. The
 * professional side's target adds its sections (people, conversations, agreements, the sociale
 * kaart) to the same list.
 */
export function personalBackupTarget(): BackupTarget {
	const db = getDb();
	// A backup is made and restored with the app unlocked: records are opened and sealed.
	useBackupLock(db, appLock.source);
	personal ??= databaseTarget(
		db,
		[webSection(db), reflectionSection(db), settingsSection(SETTING_DEFINITIONS, deviceStorage())],
		mergeBases()
	);
	return personal;
}

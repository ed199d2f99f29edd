import { settingsSection, type SettingDefinition } from '$lib/backup/settings-section';
import type { BackupTarget } from '$lib/backup/sections';
import { locales, localStorageKey } from '$lib/paraglide/runtime.js';
import {
	agreementSection,
	clientSection,
	conversationSection,
	databaseTarget,
	personalOnly,
	reflectionSection,
	useBackupLock,
	voorzieningSection,
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
let professional: BackupTarget | undefined;
let bases: DexieMergeBaseStore | undefined;

export function mergeBases(): DexieMergeBaseStore {
	bases ??= new DexieMergeBaseStore();
	return bases;
}

/** The professional side's own tables, which a backup made on the personal side leaves out. */
export const PROFESSIONAL_SECTIONS = [
	'clients',
	'conversations',
	'agreements',
	'voorzieningen'
] as const;

/**
 * What a backup holds on the personal side: the person's own webs (no clientId), their
 * reflections and the settings. A tablet's backup restored here gives only those; its people,
 * conversations and kaart are passed over.
 */
export function personalBackupTarget(): BackupTarget {
	const db = getDb();
	// A backup is made and restored with the app unlocked: records are opened and sealed.
	useBackupLock(db, appLock.source);
	personal ??= databaseTarget(
		db,
		[
			...personalOnly(webSection(db), reflectionSection(db)),
			settingsSection(SETTING_DEFINITIONS, deviceStorage())
		],
		mergeBases(),
		PROFESSIONAL_SECTIONS
	);
	return personal;
}

/**
 * What a backup holds on the professional side: everything on the device. Parents come before
 * their records (a person before their conversations, a conversation before its agreements),
 * the order a reader of the file meets them in. The professional side has no settings of its
 * own beyond the device's (language, simple mode): hand-over mode is a moment, not a choice
 * to carry.
 */
export function professionalBackupTarget(): BackupTarget {
	const db = getDb();
	useBackupLock(db, appLock.source);
	professional ??= databaseTarget(
		db,
		[
			clientSection(db),
			conversationSection(db),
			agreementSection(db),
			webSection(db),
			reflectionSection(db),
			voorzieningSection(db),
			settingsSection(SETTING_DEFINITIONS, deviceStorage())
		],
		mergeBases()
	);
	return professional;
}

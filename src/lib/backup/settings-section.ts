import * as z from 'zod/mini';
import type { BackupSection, DeviceRecord, SectionParse } from './sections';

/**
 * The device's own choices (language, simple mode) as a backup section. They live in
 * localStorage and have no change times, so the device's choice stays where it has one and a
 * backup fills in only what a fresh device has not chosen yet. They take effect on the next start.
 */
export interface SettingDefinition {
	/** The name in the backup file. */
	readonly key: string;
	/** Where the app keeps it. */
	readonly storageKey: string;
	readonly isValid: (value: string) => boolean;
}

const SettingSchema = z.object({ key: z.string(), value: z.string() });
export type Setting = z.infer<typeof SettingSchema>;

export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function settingsSection(
	definitions: readonly SettingDefinition[],
	storage: SettingsStorage | undefined
): BackupSection<Setting> {
	const byKey = new Map(definitions.map((d) => [d.key, d]));
	const read = (definition: SettingDefinition): string | null => {
		try {
			return storage?.getItem(definition.storageKey) ?? null;
		} catch {
			return null; // storage blocked: nothing chosen that can be read
		}
	};
	return {
		name: 'settings',
		version: 1,
		isDeviceFirst: true,
		isOutsideDatabase: true,
		parse(raw): SectionParse<Setting> {
			const result = SettingSchema.safeParse(raw);
			if (!result.success) return { ok: false, issues: ['(root): not a setting'] };
			const definition = byKey.get(result.data.key);
			if (!definition) return { ok: false, id: result.data.key, issues: ['key: unknown setting'] };
			if (!definition.isValid(result.data.value)) {
				return {
					ok: false,
					id: result.data.key,
					issues: ['value: not a value this setting takes']
				};
			}
			return { ok: true, record: { key: result.data.key, value: result.data.value } };
		},
		idOf: (setting) => setting.key,
		updatedAtOf: () => 0,
		exportAll() {
			const records: Setting[] = [];
			for (const definition of definitions) {
				const value = read(definition);
				if (value !== null && definition.isValid(value))
					records.push({ key: definition.key, value });
			}
			return Promise.resolve({ records, skipped: 0 });
		},
		readDevice(ids) {
			const found = new Map<string, DeviceRecord<Setting>>();
			for (const id of ids) {
				const definition = byKey.get(id);
				const value = definition ? read(definition) : null;
				found.set(
					id,
					value === null
						? { status: 'missing' }
						: definition!.isValid(value)
							? { status: 'found', record: { key: id, value } }
							: { status: 'corrupt' }
				);
			}
			return Promise.resolve(found);
		},
		write(records) {
			for (const { key, value } of records) {
				const definition = byKey.get(key);
				try {
					if (definition) storage?.setItem(definition.storageKey, value);
				} catch {
					// Storage blocked or full: the setting is not restored, and nothing else depends on it.
				}
			}
			return Promise.resolve();
		}
	};
}

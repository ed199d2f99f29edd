import { version } from '$app/environment';
import { makeBackup } from '$lib/backup/export';
import type { BackupEnvelope, BackupRejection } from '$lib/backup/format';
import {
	applyImport,
	planImport,
	type Choice,
	type ImportOutcome,
	type ImportPlan
} from '$lib/backup/import';
import { readBackupFile } from '$lib/backup/read-backup';
import type { BackupTarget } from '$lib/backup/sections';
import { downloadFile } from '$lib/pdf/deliver';
import { isQuotaError } from '$lib/storage/db';
import { personalBackupTarget, professionalBackupTarget } from './backup-target';

export type MakeStatus =
	| { kind: 'idle' }
	| { kind: 'making' }
	| {
			kind: 'made';
			fileName: string;
			webs: number;
			people: number;
			conversations: number;
			skipped: number;
	  }
	| { kind: 'failed' };

export type RestoreStatus =
	| { kind: 'idle' }
	| { kind: 'reading' }
	| { kind: 'rejected'; reason: BackupRejection }
	| { kind: 'choosing'; plan: ImportPlan }
	| { kind: 'applying' }
	| { kind: 'done'; outcome: ImportOutcome }
	| { kind: 'cancelled' }
	| { kind: 'failed'; isStorageFull: boolean };

export type BackupSide = BackupEnvelope['scope'];

const TARGETS: Record<BackupSide, () => BackupTarget> = {
	personal: personalBackupTarget,
	professional: professionalBackupTarget
};

/**
 * "Back-up maken" and "Back-up terugzetten" on the settings page (the personal side: only the
 * person's own data) and on the professional side (everything on the device): one state per
 * action, and the person's choice per conflict (the device's version unless they pick the
 * backup's).
 */
export class BackupScreen {
	readonly side: BackupSide;
	readonly #target: () => BackupTarget;
	readonly #deliver: (file: File) => void;
	#make = $state.raw<MakeStatus>({ kind: 'idle' });
	#restore = $state.raw<RestoreStatus>({ kind: 'idle' });
	choices = $state<Record<string, Choice>>({});

	constructor(
		side: BackupSide = 'personal',
		deliver: (file: File) => void = downloadFile,
		target: () => BackupTarget = TARGETS[side]
	) {
		this.side = side;
		this.#target = target;
		this.#deliver = deliver;
	}

	get make(): MakeStatus {
		return this.#make;
	}

	get restore(): RestoreStatus {
		return this.#restore;
	}

	async makeBackup(): Promise<void> {
		if (this.#make.kind === 'making') return;
		this.#make = { kind: 'making' };
		try {
			const made = await makeBackup(this.#target(), {
				now: Date.now(),
				scope: this.side,
				app: version
			});
			this.#deliver(new File([made.text], made.fileName, { type: 'application/json' }));
			this.#make = {
				kind: 'made',
				fileName: made.fileName,
				webs: made.counts.webs ?? 0,
				people: made.counts.clients ?? 0,
				conversations: made.counts.conversations ?? 0,
				skipped: made.skipped
			};
		} catch (error) {
			console.error(error);
			this.#make = { kind: 'failed' };
		}
	}

	/** Reads the chosen file; applies it at once when nothing needs a choice. */
	async restoreFrom(file: File): Promise<void> {
		if (this.#restore.kind === 'reading' || this.#restore.kind === 'applying') return;
		this.#restore = { kind: 'reading' };
		try {
			const target = this.#target();
			const read = await readBackupFile(file, target.sections, target.otherSide);
			if (!read.ok) {
				this.#restore = { kind: 'rejected', reason: read.reason };
				return;
			}
			const plan = await planImport(read.backup, target);
			if (plan.conflicts.length > 0) {
				this.choices = Object.fromEntries(plan.conflicts.map((c) => [c.key, 'device' as const]));
				this.#restore = { kind: 'choosing', plan };
				return;
			}
			await this.#apply(plan);
		} catch (error) {
			this.#fail(error);
		}
	}

	async applyChoices(): Promise<void> {
		const status = this.#restore;
		if (status.kind !== 'choosing') return;
		try {
			await this.#apply(status.plan);
		} catch (error) {
			this.#fail(error);
		}
	}

	cancel(): void {
		if (this.#restore.kind === 'choosing') this.#restore = { kind: 'cancelled' };
	}

	async #apply(plan: ImportPlan): Promise<void> {
		this.#restore = { kind: 'applying' };
		const outcome = await applyImport(plan, this.choices, this.#target());
		this.#restore = { kind: 'done', outcome };
	}

	#fail(error: unknown): void {
		console.error(error);
		// The import is one transaction: when it fails, nothing of it was stored.
		this.#restore = { kind: 'failed', isStorageFull: isQuotaError(error) };
	}
}

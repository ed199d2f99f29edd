import type { ConflictChoice, ImportPlan } from '$lib/sociale-kaart/import-plan';
import type { Encoding, FileProblem } from '$lib/sociale-kaart/read-file';
import type { ImportOutcome } from '$lib/storage/voorziening-repo';
import { voorzieningRepo } from './sociale-kaart.svelte';

export type ImportStep =
	| { kind: 'choose' }
	| { kind: 'refused'; problem: FileProblem }
	| {
			kind: 'review';
			fileName: string;
			format: 'csv' | 'json';
			encoding: Encoding;
			unknownColumns: string[];
			plan: ImportPlan;
	  }
	| { kind: 'done'; outcome: ImportOutcome };

/**
 * One import, step by step: choose a file, read and check it against what is stored, let the
 * person choose for each match, then store it all at once. Nothing is stored before `apply()`.
 */
export class SocialMapImport {
	step = $state.raw<ImportStep>({ kind: 'choose' });
	/** Per conflict (by its line), what the person chose; unchosen ones keep what is stored. */
	choices = $state<Record<number, ConflictChoice>>({});
	isBusy = $state(false);

	async readFile(file: File): Promise<void> {
		this.isBusy = true;
		try {
			// The parser comes with the first file, not with the screen.
			const [{ readSocialMapFile, MAX_IMPORT_BYTES }, { planImport }] = await Promise.all([
				import('$lib/sociale-kaart/read-file'),
				import('$lib/sociale-kaart/import-plan')
			]);
			if (file.size > MAX_IMPORT_BYTES) {
				this.step = { kind: 'refused', problem: 'too-large' };
				return;
			}
			const read = readSocialMapFile(new Uint8Array(await file.arrayBuffer()), file.name);
			if (!read.ok) {
				this.step = { kind: 'refused', problem: read.problem };
				return;
			}
			const { voorzieningen } = await voorzieningRepo().list();
			this.choices = {};
			this.step = {
				kind: 'review',
				fileName: file.name,
				format: read.format,
				encoding: read.encoding,
				unknownColumns: read.unknownColumns,
				plan: planImport(read.rows, voorzieningen)
			};
		} finally {
			this.isBusy = false;
		}
	}

	choose(line: number, choice: ConflictChoice): void {
		this.choices[line] = choice;
	}

	get hasChanges(): boolean {
		if (this.step.kind !== 'review') return false;
		const { additions, conflicts } = this.step.plan;
		return additions.length > 0 || conflicts.some((c) => this.choices[c.line] === 'replace');
	}

	async apply(): Promise<void> {
		if (this.step.kind !== 'review') return;
		const { additions, conflicts } = this.step.plan;
		this.isBusy = true;
		try {
			const outcome = await voorzieningRepo().applyImport({
				additions: additions.map(({ id, fields }) => ({ id, fields })),
				replacements: conflicts
					.filter((c) => this.choices[c.line] === 'replace')
					.map((c) => ({ id: c.existing.id, fields: c.incoming }))
			});
			this.step = { kind: 'done', outcome };
		} finally {
			this.isBusy = false;
		}
	}

	restart(): void {
		this.step = { kind: 'choose' };
		this.choices = {};
	}
}

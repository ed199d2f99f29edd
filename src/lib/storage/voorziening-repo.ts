import type { Table } from 'dexie';
import {
	VoorzieningFieldsSchema,
	VoorzieningSchema,
	type Voorziening,
	type VoorzieningFields
} from '$lib/domain/voorziening';
import type { SpinnenwebDb, StoredRecord } from './db';
import { CorruptRecordError, describeIssues, RecordNotFoundError } from './errors';
import type { CorruptRecordReport } from './web-repo';

export interface VoorzieningList {
	/** By name, as a person reads a list. */
	voorzieningen: Voorziening[];
	corruptCount: number;
}

export interface VoorzieningRepoOptions {
	clock?: () => number;
	newId?: () => string;
	onCorrupt?: (report: CorruptRecordReport) => void;
}

/** What an import stores once the person has chosen: new ones, and the matches to replace. */
export interface ImportChanges {
	additions: readonly { id: string | undefined; fields: VoorzieningFields }[];
	replacements: readonly { id: string; fields: VoorzieningFields }[];
}

export interface ImportOutcome {
	added: number;
	replaced: number;
	/** Left alone: the id was taken meanwhile, or the record to replace is gone or damaged. */
	skipped: number;
}

function warnCorrupt({ id, issues }: CorruptRecordReport): void {
	console.warn(`Skipped damaged voorziening ${id}: ${issues.join('; ')}`);
}

const byName = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/**
 * The sociale kaart's table, by the rules in README.md: every read parsed, a damaged record
 * skipped and reported but never overwritten, every change validated and in one transaction.
 */
export class VoorzieningRepo {
	readonly #table: Table<StoredRecord, string>;
	readonly #db: SpinnenwebDb;
	readonly #clock: () => number;
	readonly #newId: () => string;
	readonly #onCorrupt: (report: CorruptRecordReport) => void;
	readonly #reported = new Set<string>();

	constructor(db: SpinnenwebDb, options: VoorzieningRepoOptions = {}) {
		this.#db = db;
		// Through table() rather than a typed property on the database class, so this table's
		// whole mark on db.ts is its one schema version.
		this.#table = db.table('voorzieningen');
		this.#clock = options.clock ?? Date.now;
		this.#newId = options.newId ?? (() => crypto.randomUUID());
		this.#onCorrupt = options.onCorrupt ?? warnCorrupt;
	}

	async list(): Promise<VoorzieningList> {
		const voorzieningen: Voorziening[] = [];
		let corruptCount = 0;
		for (const raw of await this.#table.toArray()) {
			const parsed = this.#parse(raw);
			if (parsed) voorzieningen.push(parsed);
			else corruptCount++;
		}
		voorzieningen.sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
		return { voorzieningen, corruptCount };
	}

	async get(id: string): Promise<Voorziening | undefined> {
		const raw = await this.#table.get(id);
		return raw === undefined ? undefined : this.#parse(raw);
	}

	async create(fields: VoorzieningFields): Promise<Voorziening> {
		const now = this.#clock();
		const voorziening = VoorzieningSchema.parse({
			...VoorzieningFieldsSchema.parse(fields),
			id: this.#newId(),
			createdAt: now,
			updatedAt: now
		});
		// add, not put: an id clash must never replace a stored voorziening.
		await this.#table.add(voorziening);
		return voorziening;
	}

	update(id: string, fields: VoorzieningFields): Promise<Voorziening> {
		const valid = VoorzieningFieldsSchema.parse(fields);
		return this.#db.transaction('rw', this.#table, async () => {
			const current = await this.#current(id);
			const next = VoorzieningSchema.parse({
				...valid,
				id,
				createdAt: current.createdAt,
				updatedAt: Math.max(this.#clock(), current.updatedAt)
			});
			await this.#table.put(next);
			return next;
		});
	}

	async delete(id: string): Promise<void> {
		await this.#table.delete(id);
	}

	/**
	 * Stores what the person chose, all or nothing. A new one whose id is taken by now is left out
	 * rather than written over; a replacement keeps the stored id and creation time.
	 */
	applyImport({ additions, replacements }: ImportChanges): Promise<ImportOutcome> {
		const now = this.#clock();
		return this.#db.transaction('rw', this.#table, async () => {
			const outcome: ImportOutcome = { added: 0, replaced: 0, skipped: 0 };
			for (const { id, fields } of additions) {
				const newId = id ?? this.#newId();
				if ((await this.#table.get(newId)) !== undefined) {
					outcome.skipped++;
					continue;
				}
				await this.#table.add(
					VoorzieningSchema.parse({ ...fields, id: newId, createdAt: now, updatedAt: now })
				);
				outcome.added++;
			}
			for (const { id, fields } of replacements) {
				const raw = await this.#table.get(id);
				const current = raw === undefined ? undefined : VoorzieningSchema.safeParse(raw);
				if (!current?.success) {
					outcome.skipped++;
					continue;
				}
				await this.#table.put(
					VoorzieningSchema.parse({
						...fields,
						id,
						createdAt: current.data.createdAt,
						updatedAt: Math.max(now, current.data.updatedAt)
					})
				);
				outcome.replaced++;
			}
			return outcome;
		});
	}

	async #current(id: string): Promise<Voorziening> {
		const raw = await this.#table.get(id);
		if (raw === undefined) throw new RecordNotFoundError(id);
		const result = VoorzieningSchema.safeParse(raw);
		if (!result.success) {
			const issues = describeIssues(result.error);
			this.#report(id, issues);
			throw new CorruptRecordError(id, issues);
		}
		return result.data;
	}

	#parse(raw: StoredRecord): Voorziening | undefined {
		const result = VoorzieningSchema.safeParse(raw);
		if (result.success) return result.data;
		this.#report(String(raw.id), describeIssues(result.error));
		return undefined;
	}

	#report(id: string, issues: readonly string[]): void {
		if (this.#reported.has(id)) return;
		this.#reported.add(id);
		this.#onCorrupt({ id, issues });
	}
}

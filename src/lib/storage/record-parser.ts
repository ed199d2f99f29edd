import type * as z from 'zod/mini';
import { CorruptRecordError } from './errors';
import { SEALED_ISSUE, type RecordLock } from './record-lock';
import type { CorruptRecordReport } from './web-repo';

/** A stored record of any table: only its key is certain. */
export type RawRecord = Record<string, unknown>;

/** Where and why a record failed, by the issue's code: never the stored values (health data). */
function describeMiniIssues(issues: readonly z.core.$ZodIssue[]): string[] {
	return issues.map((issue) => {
		const where = issue.path.map(String).join('.') || '(root)';
		// Our own refinements' texts describe the rule, never the value.
		return `${where}: ${issue.code === 'custom' ? issue.message : issue.code}`;
	});
}

/**
 * Parsing by the rules in README.md for the tables of the professional side: a damaged record is
 * skipped on read and reported once (the id and where it failed, never its values), and refused
 * as the base of a write so it stays for export or repair.
 */
export class RecordParser<T> {
	readonly #schema: z.ZodMiniType<T>;
	readonly #kind: string;
	readonly #onCorrupt: (report: CorruptRecordReport) => void;
	readonly #reported = new Set<string>();

	constructor(
		schema: z.ZodMiniType<T>,
		kind: string,
		onCorrupt?: (report: CorruptRecordReport) => void
	) {
		this.#schema = schema;
		this.#kind = kind;
		this.#onCorrupt =
			onCorrupt ??
			(({ id, issues }) => console.warn(`Skipped damaged ${kind} ${id}: ${issues.join('; ')}`));
	}

	/** The record, or undefined (and reported) when it is damaged. */
	parse(raw: RawRecord): T | undefined {
		const result = this.#schema.safeParse(raw);
		if (result.success) return result.data;
		this.#report(String(raw.id), describeMiniIssues(result.error.issues));
		return undefined;
	}

	/** The record to change, or a CorruptRecordError that leaves it as it is. */
	parseForWrite(raw: RawRecord): T {
		const result = this.#schema.safeParse(raw);
		if (result.success) return result.data;
		const issues = describeMiniIssues(result.error.issues);
		const id = String(raw.id);
		this.#report(id, issues);
		throw new CorruptRecordError(id, issues);
	}

	/** Every record that parses, and how many did not. */
	parseAll(raws: readonly RawRecord[]): { records: T[]; corruptCount: number } {
		const records: T[] = [];
		let corruptCount = 0;
		for (const raw of raws) {
			const record = this.parse(raw);
			if (record === undefined) corruptCount++;
			else records.push(record);
		}
		return { records, corruptCount };
	}

	/**
	 * parse() for a record that may be sealed: opened with the lock first (when there is one). One
	 * that does not open with this key is reported as SEALED_ISSUE and skipped, never written over.
	 */
	async read(lock: RecordLock | null, table: string, raw: RawRecord): Promise<T | undefined> {
		if (!lock) return this.parse(raw);
		const opened = await this.#open(lock, table, raw);
		return opened === undefined ? undefined : this.parse(opened);
	}

	/** parseForWrite() for a record that may be sealed. */
	async readForWrite(lock: RecordLock | null, table: string, raw: RawRecord): Promise<T> {
		if (!lock) return this.parseForWrite(raw);
		const opened = await this.#open(lock, table, raw);
		if (opened === undefined) throw new CorruptRecordError(String(raw.id), [SEALED_ISSUE]);
		return this.parseForWrite(opened);
	}

	/** parseAll() for records that may be sealed. */
	async readAll(
		lock: RecordLock | null,
		table: string,
		raws: readonly RawRecord[]
	): Promise<{ records: T[]; corruptCount: number }> {
		if (!lock) return this.parseAll(raws);
		const records: T[] = [];
		let corruptCount = 0;
		for (const raw of raws) {
			const record = await this.read(lock, table, raw);
			if (record === undefined) corruptCount++;
			else records.push(record);
		}
		return { records, corruptCount };
	}

	async #open(lock: RecordLock, table: string, raw: RawRecord): Promise<RawRecord | undefined> {
		try {
			const opened = await lock.open(table, raw);
			if (typeof opened === 'object' && opened !== null) return opened as RawRecord;
		} catch {
			// reported below, without values
		}
		this.#report(String(raw.id), [SEALED_ISSUE]);
		return undefined;
	}

	/** Validates a record about to be stored: a bug throws instead of storing it. */
	validate(value: T): T {
		return this.#schema.parse(value);
	}

	get kind(): string {
		return this.#kind;
	}

	#report(id: string, issues: readonly string[]): void {
		if (this.#reported.has(id)) return;
		this.#reported.add(id);
		this.#onCorrupt({ id, issues });
	}
}

/** One record by id, telling "not there" apart from "there but damaged". */
export type Lookup<T> =
	{ status: 'found'; record: T } | { status: 'missing' } | { status: 'corrupt'; id: string };

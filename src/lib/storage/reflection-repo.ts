import {
	emptyReflection,
	MAX_NOTE_LENGTH,
	ReflectionSchema,
	type Day,
	type Focus,
	type NoteField,
	type Reflection
} from '$lib/domain/reflection';
import type { SpinnenwebDb, StoredReflection } from './db';
import { CorruptRecordError, describeIssues, RecordNotFoundError } from './errors';
import type { CorruptRecordReport } from './web-repo';

/** One reflection by web id, telling "none yet" apart from "there but damaged". */
export type ReflectionLookup =
	| { status: 'found'; reflection: Reflection }
	| { status: 'missing' }
	| { status: 'corrupt'; webId: string };

export interface ReflectionList {
	reflections: Reflection[];
	corruptCount: number;
}

export interface ReflectionRepoOptions {
	clock?: () => number;
	onCorrupt?: (report: CorruptRecordReport) => void;
}

function warnCorrupt({ id, issues }: CorruptRecordReport): void {
	console.warn(`Skipped damaged reflection ${id}: ${issues.join('; ')}`);
}

/**
 * The reflections table, by the same rules as WebRepo (see README.md): every read parsed, a
 * damaged record skipped and reported but never overwritten, every change one transaction that
 * validates before it writes. A reflection is made on the first change, and only for a web that
 * exists, so no notes float around without their web.
 */
export class ReflectionRepo {
	readonly #db: SpinnenwebDb;
	readonly #clock: () => number;
	readonly #onCorrupt: (report: CorruptRecordReport) => void;
	readonly #reported = new Set<string>();

	constructor(db: SpinnenwebDb, options: ReflectionRepoOptions = {}) {
		this.#db = db;
		this.#clock = options.clock ?? Date.now;
		this.#onCorrupt = options.onCorrupt ?? warnCorrupt;
	}

	async lookup(webId: string): Promise<ReflectionLookup> {
		const raw = await this.#db.reflections.get(webId);
		if (raw === undefined) return { status: 'missing' };
		const reflection = this.#parse(raw);
		return reflection ? { status: 'found', reflection } : { status: 'corrupt', webId };
	}

	/** The reflection, or undefined when there is none yet or it is damaged. */
	async get(webId: string): Promise<Reflection | undefined> {
		const result = await this.lookup(webId);
		return result.status === 'found' ? result.reflection : undefined;
	}

	/** Reflections that have a step date, for the start page's reminder; damaged ones counted. */
	async listWithStepDate(): Promise<ReflectionList> {
		const raws = await this.#db.reflections.where('stepDate').above('').toArray();
		const reflections: Reflection[] = [];
		let corruptCount = 0;
		for (const raw of raws) {
			const reflection = this.#parse(raw);
			if (reflection) reflections.push(reflection);
			else corruptCount++;
		}
		return { reflections, corruptCount };
	}

	/**
	 * One answer as typed. Stored as is (spaces and all: trimming while someone types would eat the
	 * space before their next word); an empty answer removes the entry.
	 */
	setNote(webId: string, field: NoteField, text: string): Promise<Reflection> {
		const limited = text.slice(0, MAX_NOTE_LENGTH);
		return this.#update(webId, (r) => {
			if ((r.notes[field] ?? '') === limited) return r;
			const notes = { ...r.notes };
			if (limited === '') delete notes[field];
			else notes[field] = limited;
			return { ...r, notes };
		});
	}

	setFocus(webId: string, focus: Focus | null): Promise<Reflection> {
		return this.#update(webId, (r) =>
			JSON.stringify(r.focus) === JSON.stringify(focus) ? r : { ...r, focus }
		);
	}

	/** A new date also brings a put-away reminder back: it is a new appointment with oneself. */
	setStepDate(webId: string, stepDate: Day | null): Promise<Reflection> {
		return this.#update(webId, (r) =>
			r.stepDate === stepDate ? r : { ...r, stepDate, reminderDismissedAt: null }
		);
	}

	dismissReminder(webId: string, now: number = this.#clock()): Promise<Reflection> {
		return this.#update(webId, (r) =>
			r.reminderDismissedAt === null ? { ...r, reminderDismissedAt: now } : r
		);
	}

	/** The person's own choice, so this also removes a damaged record. */
	async delete(webId: string): Promise<void> {
		await this.#db.reflections.delete(webId);
	}

	/**
	 * Read (or start), change and write in one transaction that also reads the web, so a reflection
	 * is never made for a web that is gone. Returns the stored reflection; writes nothing when
	 * `change` returns its argument unchanged.
	 */
	#update(webId: string, change: (reflection: Reflection) => Reflection): Promise<Reflection> {
		const { webs, reflections } = this.#db;
		const now = this.#clock();
		return this.#db.transaction('rw', webs, reflections, async () => {
			const raw = await reflections.get(webId);
			let current: Reflection;
			if (raw === undefined) {
				if ((await webs.get(webId)) === undefined) throw new RecordNotFoundError(webId);
				current = emptyReflection(webId, now);
			} else {
				const result = ReflectionSchema.safeParse(raw);
				if (!result.success) {
					const issues = describeIssues(result.error);
					this.#report(webId, issues);
					throw new CorruptRecordError(webId, issues);
				}
				current = result.data;
			}
			const changed = change(current);
			if (changed === current) return current;
			const next = ReflectionSchema.parse({ ...changed, updatedAt: now });
			await reflections.put(next);
			return next;
		});
	}

	#parse(raw: StoredReflection): Reflection | undefined {
		const result = ReflectionSchema.safeParse(raw);
		if (result.success) return result.data;
		this.#report(String(raw.webId), describeIssues(result.error));
		return undefined;
	}

	#report(webId: string, issues: readonly string[]): void {
		if (this.#reported.has(webId)) return;
		this.#reported.add(webId);
		this.#onCorrupt({ id: webId, issues });
	}
}

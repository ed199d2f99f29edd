import {
	emptyReflection,
	ReflectionSchema,
	type Day,
	type Focus,
	type NoteField,
	type Reflection
} from '$lib/domain/reflection';
import type { SpinnenwebDb, StoredReflection } from './db';
import { CorruptRecordError, describeIssues, RecordNotFoundError } from './errors';
import { NO_LOCK, openStored, SealedWrites, type LockSource } from './record-lock';
import { updateSealed } from './sealed-update';
import type { CorruptRecordReport } from './web-repo';
import type { PendingWrite } from './write-now';
import {
	withFocus,
	withNote,
	withReminderDismissed,
	withStepDate
} from '$lib/domain/reflection-changes';

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
	/** The passcode lock, when one is set and open (record-lock.ts); none by default. */
	lock?: LockSource;
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
	readonly #lock: LockSource;
	readonly #sealedWrites: SealedWrites;

	constructor(db: SpinnenwebDb, options: ReflectionRepoOptions = {}) {
		this.#db = db;
		this.#clock = options.clock ?? Date.now;
		this.#onCorrupt = options.onCorrupt ?? warnCorrupt;
		this.#lock = options.lock ?? NO_LOCK;
		this.#sealedWrites = new SealedWrites(db);
	}

	async lookup(webId: string): Promise<ReflectionLookup> {
		const raw = await this.#db.reflections.get(webId);
		if (raw === undefined) return { status: 'missing' };
		const reflection = await this.#read(raw);
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
			const reflection = await this.#read(raw);
			if (reflection) reflections.push(reflection);
			else corruptCount++;
		}
		return { reflections, corruptCount };
	}

	setNote(webId: string, field: NoteField, text: string): Promise<Reflection> {
		return this.#update(webId, (r) => withNote(r, field, text));
	}

	setFocus(webId: string, focus: Focus | null): Promise<Reflection> {
		return this.#update(webId, (r) => withFocus(r, focus));
	}

	setStepDate(webId: string, stepDate: Day | null): Promise<Reflection> {
		return this.#update(webId, (r) => withStepDate(r, stepDate));
	}

	dismissReminder(webId: string, now: number = this.#clock()): Promise<Reflection> {
		return this.#update(webId, (r) => withReminderDismissed(r, now));
	}

	/**
	 * Stores the reflection whole, as the screen has it now, in a write that starts in this task
	 * (see WebRepo.changeNow). `latest` is the newest version the screen has, or undefined when
	 * there is none yet. The screen only shows a reflection for a web it has found; see README.md
	 * for the one moment a web deleted in another tab can still get a note.
	 */
	changeNow(
		webId: string,
		latest: Reflection | undefined,
		change: (reflection: Reflection) => Reflection
	): PendingWrite<Reflection> | null {
		const now = this.#clock();
		const base = latest ?? emptyReflection(webId, now);
		const changed = change(base);
		if (changed === base) return null;
		const value = ReflectionSchema.parse({
			...changed,
			updatedAt: Math.max(now, base.updatedAt)
		});
		const saved = this.#sealedWrites.put(this.#lock(), 'reflections', webId, value);
		return { value, saved };
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
		const lock = this.#lock();
		if (lock) {
			return this.#sealedWrites.inTurn(() =>
				updateSealed({
					db: this.#db,
					lock,
					table: 'reflections',
					key: webId,
					schema: ReflectionSchema,
					// No reflection for a web that is gone, as below.
					alsoReads: [webs],
					check: async () => {
						if ((await webs.get(webId)) === undefined) throw new RecordNotFoundError(webId);
					},
					fresh: () => emptyReflection(webId, now),
					change,
					finish: (changed) => ReflectionSchema.parse({ ...changed, updatedAt: now }),
					onCorrupt: (issues) => this.#report(webId, issues)
				})
			);
		}
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

	/** Opens (with a lock) and parses a stored reflection; a damaged one is reported, not thrown. */
	async #read(raw: StoredReflection): Promise<Reflection | undefined> {
		const lock = this.#lock();
		if (!lock) return this.#parse(raw);
		const read = await openStored(lock, 'reflections', raw, ReflectionSchema);
		if (read.success) return read.data;
		this.#report(String(raw.webId), read.issues);
		return undefined;
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

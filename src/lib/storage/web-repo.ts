import { CURRENT_QUESTION_SET_ID } from '$lib/domain/question-set';
import type { DimensionId } from '$lib/domain/dimensions';
import {
	emptyWeb,
	isOwnWeb,
	WebSchema,
	type Answer,
	type Position,
	type Web
} from '$lib/domain/web';
import {
	completed,
	withAnswer,
	withDimensionAnswer,
	withPosition,
	withTalkAbout
} from '$lib/domain/web-changes';
import type { SpinnenwebDb, StoredRecord } from './db';
import { CorruptRecordError, describeIssues, RecordNotFoundError } from './errors';
import { NO_LOCK, openStored, SealedWrites, type LockSource, type RecordLock } from './record-lock';
import { updateSealed } from './sealed-update';
import { writeNow, type PendingWrite, type WholeRecord } from './write-now';

/** What a list of webs needs: no locale, talk-about flags or position. */
export type WebSummaryRow = Pick<
	Web,
	| 'id'
	| 'createdAt'
	| 'updatedAt'
	| 'completedAt'
	| 'questionSetId'
	| 'answers'
	| 'dimensionAnswers'
>;

export interface WebList {
	webs: WebSummaryRow[];
	/** Records skipped because they are damaged; the UI can say "n webs could not be read". */
	corruptCount: number;
}

/** One web by id, telling "not there" apart from "there but damaged" for the message shown. */
export type WebLookup =
	{ status: 'found'; web: Web } | { status: 'missing' } | { status: 'corrupt'; id: string };

export interface CorruptRecordReport {
	id: string;
	issues: readonly string[];
}

export interface WebRepoOptions {
	/** Epoch milliseconds; tests pass their own to get distinct, ordered times. */
	clock?: () => number;
	/** Told once per damaged record per repository. Defaults to a console warning. */
	onCorrupt?: (report: CorruptRecordReport) => void;
	/** The passcode lock, when one is set and open (record-lock.ts); none by default. */
	lock?: LockSource;
}

function warnCorrupt({ id, issues }: CorruptRecordReport): void {
	console.warn(`Skipped damaged web ${id}: ${issues.join('; ')}`);
}

function toSummaryRow(web: Web): WebSummaryRow {
	const { id, createdAt, updatedAt, completedAt, questionSetId, answers, dimensionAnswers } = web;
	return { id, createdAt, updatedAt, completedAt, questionSetId, answers, dimensionAnswers };
}

/**
 * Newest first, ties by id descending: the same order as the reversed createdAt index (IndexedDB
 * sorts equal index keys by primary key), so list() and listPage() agree.
 */
function newestFirst(a: WebSummaryRow, b: WebSummaryRow): number {
	return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * The webs table, in domain types only. Every read is parsed; a damaged record is skipped and
 * reported, never thrown, deleted or overwritten. Every write is one read-modify-write
 * transaction, validated before it is stored.
 */
export class WebRepo {
	readonly #db: SpinnenwebDb;
	readonly #clock: () => number;
	readonly #onCorrupt: (report: CorruptRecordReport) => void;
	readonly #reported = new Set<string>();
	readonly #lock: LockSource;
	readonly #sealedWrites: SealedWrites;

	constructor(db: SpinnenwebDb, options: WebRepoOptions = {}) {
		this.#db = db;
		this.#clock = options.clock ?? Date.now;
		this.#onCorrupt = options.onCorrupt ?? warnCorrupt;
		this.#lock = options.lock ?? NO_LOCK;
		this.#sealedWrites = new SealedWrites(db);
	}

	/** A new web of the person's own; conversations start theirs in ConversationRepo.startWeb. */
	async create(locale: string, now: number = this.#clock()): Promise<Web> {
		const web = WebSchema.parse(
			emptyWeb(crypto.randomUUID(), CURRENT_QUESTION_SET_ID, locale, now)
		);
		const lock = this.#lock();
		// add, not put: even an impossible id clash must not replace a stored web.
		await this.#db.webs.add(lock ? ((await lock.seal('webs', web)) as StoredRecord) : web);
		return web;
	}

	async lookup(id: string): Promise<WebLookup> {
		const raw = await this.#db.webs.get(id);
		if (raw === undefined) return { status: 'missing' };
		const web = await this.#read(raw);
		return web ? { status: 'found', web } : { status: 'corrupt', id };
	}

	/** The web, or undefined when it is missing or damaged (use lookup() to tell which). */
	async get(id: string): Promise<Web | undefined> {
		const result = await this.lookup(id);
		return result.status === 'found' ? result.web : undefined;
	}

	/**
	 * The person's most recently changed own web that is not finished: where "verder gaan"
	 * resumes. A web from a conversation with a client is never it.
	 */
	async latestUnfinished(): Promise<Web | undefined> {
		const lock = this.#lock();
		if (lock) {
			// completedAt and clientId are in the clear; the rest opens one at a time, newest first.
			const raws = await this.#db.webs
				.orderBy('updatedAt')
				.reverse()
				.filter((record) => record.completedAt === null && isOwnWeb(record))
				.toArray();
			return this.#firstThatOpens(lock, raws);
		}
		const raw = await this.#db.webs
			.orderBy('updatedAt')
			.reverse()
			// The cheap checks first, so finished and clients' webs are never parsed.
			.filter(
				(record) =>
					record.completedAt === null && isOwnWeb(record) && this.#parse(record) !== undefined
			)
			.first();
		return raw === undefined ? undefined : this.#parse(raw);
	}

	/**
	 * The person's newest finished own web begun before `createdAt`: the one to compare with.
	 * Walks back from that time and parses only until it finds one.
	 */
	async latestCompletedBefore(createdAt: number): Promise<Web | undefined> {
		const lock = this.#lock();
		if (lock) {
			const raws = await this.#db.webs
				.where('createdAt')
				.below(createdAt)
				.reverse()
				.filter((record) => record.completedAt !== null && isOwnWeb(record))
				.toArray();
			return this.#firstThatOpens(lock, raws);
		}
		const raw = await this.#db.webs
			.where('createdAt')
			.below(createdAt)
			.reverse()
			.filter(
				(record) =>
					record.completedAt !== null && isOwnWeb(record) && this.#parse(record) !== undefined
			)
			.first();
		return raw === undefined ? undefined : this.#parse(raw);
	}

	/**
	 * The person's own webs, newest first (clients' webs are listed per client: listForClient).
	 * Every record is parsed in full (≈15 ms per 1,000 on a laptop), so a damaged one is counted
	 * here and not only when opened; use listPage() for long histories.
	 */
	async list(): Promise<WebList> {
		return this.#toList(await this.#db.webs.filter(isOwnWeb).toArray(), true);
	}

	/**
	 * One page of list(), parsing only that page. Damaged records take their place in the page and
	 * are counted in its corruptCount; one without a valid createdAt is in no page at all.
	 */
	async listPage(offset: number, limit: number): Promise<WebList> {
		const raws = await this.#db.webs
			.orderBy('createdAt')
			.reverse()
			// Dexie applies the filter before the offset, so pages count own webs only.
			.filter(isOwnWeb)
			.offset(offset)
			.limit(limit)
			.toArray();
		return this.#toList(raws, false);
	}

	/** The webs of conversations with one client, whole, newest first; damaged ones counted. */
	async listForClient(clientId: string): Promise<{ webs: Web[]; corruptCount: number }> {
		const raws = await this.#db.webs.where('clientId').equals(clientId).toArray();
		const webs: Web[] = [];
		let corruptCount = 0;
		for (const raw of raws) {
			const web = await this.#read(raw);
			if (web) webs.push(web);
			else corruptCount++;
		}
		webs.sort(newestFirst);
		return { webs, corruptCount };
	}

	/** A score, "liever niet", or null to make the aspect open again. */
	setAnswer(id: string, aspectKey: string, answer: Answer | null): Promise<Web> {
		return this.#update(id, this.#clock(), (web) => withAnswer(web, aspectKey, answer));
	}

	/** One score for a whole dimension (simple mode), or null to take it back. */
	setDimensionAnswer(id: string, dimensionId: DimensionId, score: number | null): Promise<Web> {
		return this.#update(id, this.#clock(), (web) => withDimensionAnswer(web, dimensionId, score));
	}

	/** Flag or unflag "hier wil ik over praten"; setting the same state twice changes nothing. */
	setTalkAbout(id: string, aspectKey: string, isFlagged: boolean): Promise<Web> {
		return this.#update(id, this.#clock(), (web) => withTalkAbout(web, aspectKey, isFlagged));
	}

	setPosition(id: string, position: Position): Promise<Web> {
		return this.#update(id, this.#clock(), (web) => withPosition(web, position));
	}

	/** Marks the web finished; finishing it again keeps the first time. */
	complete(id: string, now: number = this.#clock()): Promise<Web> {
		return this.#update(id, now, (web) => completed(web, now));
	}

	/**
	 * Stores a web, whole, as the person has it on screen now: the write starts in this task and
	 * survives a reload that follows at once (write-now.ts). For a screen that holds the web it
	 * changes; `change` gets the latest version it has and returns the next. Returns what will be
	 * stored (with the new updatedAt) before the write has landed; `saved` tells when it has.
	 * Returns null when nothing changed. `alongside` names records that belong to this change and
	 * are stored in the same transaction (completing a web with consent on adds its outbox item:
	 * both are stored, or neither).
	 */
	changeNow(
		latest: Web,
		change: (web: Web) => Web,
		alongside?: (web: Web, before: Web) => readonly WholeRecord[]
	): PendingWrite<Web> | null {
		const changed = change(latest);
		if (changed === latest) return null;
		// Never older than what it replaces, even when the clock steps back.
		const web = WebSchema.parse({
			...changed,
			updatedAt: Math.max(this.#clock(), latest.updatedAt)
		});
		const lock = this.#lock();
		const alongsideRecords = alongside?.(web, latest) ?? [];
		// Without a lock the write starts in this very task, with what goes alongside it (an outbox
		// item) in the same transaction. With one it follows the sealing, and what goes alongside
		// (ids and dates only, nothing to seal) follows the web.
		const saved = lock
			? this.#sealedWrites
					.write(lock, 'webs', web.id, web)
					.then(() =>
						alongsideRecords.length > 0 ? writeNow(this.#db, alongsideRecords) : undefined
					)
			: writeNow(this.#db, [{ table: 'webs', value: web }, ...alongsideRecords]);
		return { value: web, saved };
	}

	/**
	 * The person's own choice, so this also removes a damaged record, and the reflection on the web
	 * with it (in the same transaction: no notes are left behind about a web that is gone), and its
	 * outbox item: a web the person deleted is not summarised after all.
	 */
	async delete(id: string): Promise<void> {
		const { webs, reflections, outbox } = this.#db;
		await this.#db.transaction('rw', webs, reflections, outbox, async () => {
			await webs.delete(id);
			await reflections.delete(id);
			await outbox.where('webId').equals(id).delete();
		});
	}

	/**
	 * Read, change and write in one transaction, so two quick changes never lose one another.
	 * `change` returns the same object when nothing changes: then nothing is written. The
	 * transaction starts before any await, so calls run in the order they were made.
	 */
	#update(id: string, now: number, change: (web: Web) => Web): Promise<Web> {
		const { webs } = this.#db;
		const lock = this.#lock();
		if (lock) {
			return this.#sealedWrites.inTurn(() =>
				updateSealed({
					db: this.#db,
					lock,
					table: 'webs',
					key: id,
					schema: WebSchema,
					change,
					finish: (changed) => WebSchema.parse({ ...changed, updatedAt: now }),
					onCorrupt: (issues) => this.#report(id, issues)
				})
			);
		}
		return this.#db.transaction('rw', webs, async () => {
			const raw = await webs.get(id);
			if (raw === undefined) throw new RecordNotFoundError(id);
			const result = WebSchema.safeParse(raw);
			if (!result.success) {
				const issues = describeIssues(result.error);
				this.#report(id, issues);
				throw new CorruptRecordError(id, issues);
			}
			const changed = change(result.data);
			if (changed === result.data) return result.data;
			const next = WebSchema.parse({ ...changed, updatedAt: now });
			await webs.put(next);
			return next;
		});
	}

	async #firstThatOpens(lock: RecordLock, raws: readonly StoredRecord[]): Promise<Web | undefined> {
		for (const raw of raws) {
			const web = await this.#readWith(lock, raw);
			if (web) return web;
		}
		return undefined;
	}

	/** Opens (with a lock) and parses a stored web; a damaged one is reported, never thrown. */
	async #read(raw: StoredRecord): Promise<Web | undefined> {
		const lock = this.#lock();
		return lock ? this.#readWith(lock, raw) : this.#parse(raw);
	}

	async #readWith(lock: RecordLock, raw: StoredRecord): Promise<Web | undefined> {
		const read = await openStored(lock, 'webs', raw, WebSchema);
		if (read.success) return read.data;
		this.#report(String(raw.id), read.issues);
		return undefined;
	}

	async #toList(raws: readonly StoredRecord[], isSortNeeded: boolean): Promise<WebList> {
		const lock = this.#lock();
		const webs: WebSummaryRow[] = [];
		let corruptCount = 0;
		for (const raw of raws) {
			const web = lock ? await this.#readWith(lock, raw) : this.#parse(raw);
			if (web) webs.push(toSummaryRow(web));
			else corruptCount++;
		}
		if (isSortNeeded) webs.sort(newestFirst);
		return { webs, corruptCount };
	}

	#parse(raw: StoredRecord): Web | undefined {
		const result = WebSchema.safeParse(raw);
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

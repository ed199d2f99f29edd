import { AgreementSchema, oldestAgreementFirst, type Agreement } from '$lib/domain/agreement';
import type { SpinnenwebDb } from './db';
import { NO_LOCK, SealedWrites, type LockSource } from './record-lock';
import { RecordParser } from './record-parser';
import type { CorruptRecordReport } from './web-repo';
import type { PendingWrite } from './write-now';

export interface AgreementRepoOptions {
	clock?: () => number;
	onCorrupt?: (report: CorruptRecordReport) => void;
	/** The passcode lock, when one is set and open (record-lock.ts); none by default. */
	lock?: LockSource;
}

export interface AgreementList {
	agreements: Agreement[];
	corruptCount: number;
}

/**
 * Agreements made in conversations (README.md, "Tables"). Added and changed whole at once
 * (`addNow`, `changeNow`), like every other thing typed or chosen on the professional side.
 */
export class AgreementRepo {
	readonly #db: SpinnenwebDb;
	readonly #clock: () => number;
	readonly #parser: RecordParser<Agreement>;
	readonly #lock: LockSource;
	readonly #sealedWrites: SealedWrites;

	constructor(db: SpinnenwebDb, options: AgreementRepoOptions = {}) {
		this.#db = db;
		this.#clock = options.clock ?? Date.now;
		this.#parser = new RecordParser(AgreementSchema, 'agreement', options.onCorrupt);
		this.#lock = options.lock ?? NO_LOCK;
		this.#sealedWrites = new SealedWrites(db);
	}

	/** All of one person's agreements, in the order they were made. */
	async listForClient(clientId: string): Promise<AgreementList> {
		const raws = await this.#db.agreements.where('clientId').equals(clientId).toArray();
		const { records, corruptCount } = await this.#parser.readAll(this.#lock(), 'agreements', raws);
		return { agreements: records.sort(oldestAgreementFirst), corruptCount };
	}

	/** A new agreement, stored in a write that starts in this task. */
	addNow(agreement: Agreement): PendingWrite<Agreement> {
		const value = this.#parser.validate(agreement);
		return { value, saved: this.#write(value) };
	}

	/** Stores the agreement whole, as the screen has it now (see WebRepo.changeNow). */
	changeNow(
		latest: Agreement,
		change: (agreement: Agreement) => Agreement
	): PendingWrite<Agreement> | null {
		const changed = change(latest);
		if (changed === latest) return null;
		const value = this.#parser.validate({
			...changed,
			updatedAt: Math.max(this.#clock(), latest.updatedAt)
		});
		return { value, saved: this.#write(value) };
	}

	#write(value: Agreement): Promise<void> {
		return this.#sealedWrites.put(this.#lock(), 'agreements', value.id, value);
	}

	/** The professional's choice, so a damaged record goes too. */
	async delete(id: string): Promise<void> {
		await this.#db.agreements.delete(id);
	}

	get clock(): () => number {
		return this.#clock;
	}
}

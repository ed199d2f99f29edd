import * as z from 'zod/mini';
import { ownBytes } from './bytes';
import { decryptRecord, encryptRecord, IV_BYTES, TAG_BYTES } from './record-cipher';

/**
 * How a record looks at rest once a passcode is set: its key and the fields the table's indexes
 * need (ids and dates only) in the clear, everything in `sealed`. The presence of `sealed` is the
 * per-record marker that lets re-encryption resume after a closed tab: each record is either
 * plain or sealed, never half of each, because each is written whole in one IndexedDB put.
 *
 *   { id, createdAt, updatedAt, completedAt, sealed: { v: 1, k: keyId, iv, ct } }
 *
 * `ct` holds the whole record, the clear fields included; on reading, its content is what counts.
 */
export interface SealedTableSpec {
	/** The table's name, also bound into each record's ciphertext. */
	readonly name: string;
	/** The primary key's field. */
	readonly primaryKey: string;
	/** Fields the table's indexes need, left in the clear: ids, dates and counts, never content. */
	readonly clearFields: readonly string[];
}

export const SEALED_FIELD = 'sealed';

export const SealedEnvelopeSchema = z.object({
	v: z.literal(1),
	/** The data key's id (KeyRecord.keyId). */
	k: z.string(),
	iv: z.instanceof(Uint8Array).check(z.refine((iv) => iv.length === IV_BYTES)),
	ct: z.instanceof(Uint8Array).check(z.refine((ct) => ct.length >= TAG_BYTES))
});
export type SealedEnvelope = z.infer<typeof SealedEnvelopeSchema>;

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the stored value carries a sealed envelope (whether or not it will open). */
export function isSealedRecord(stored: unknown): boolean {
	return isObject(stored) && SEALED_FIELD in stored;
}

/** The associated data: the table and the record's key, so sealed content cannot change places. */
export function recordContext(table: string, key: unknown): string {
	return `spinnenweb/${table}/${String(key)}`;
}

/** Seals a plain record for storage in `spec`'s table. */
export async function sealRecord(
	key: CryptoKey,
	keyId: string,
	spec: SealedTableSpec,
	record: Record<string, unknown>
): Promise<Record<string, unknown>> {
	const primary = record[spec.primaryKey];
	const { iv, ct } = await encryptRecord(key, record, recordContext(spec.name, primary));
	const clear: Record<string, unknown> = { [spec.primaryKey]: primary };
	for (const field of spec.clearFields) if (field in record) clear[field] = record[field];
	return { ...clear, [SEALED_FIELD]: { v: 1, k: keyId, iv, ct } satisfies SealedEnvelope };
}

export class UnreadableRecordError extends Error {
	override readonly name = 'UnreadableRecordError';

	constructor(
		readonly table: string,
		readonly id: string
	) {
		super(`Sealed record ${table}/${id} could not be opened`);
	}
}

/**
 * The plain record inside a sealed one (still to be parsed with its schema by the caller), or the
 * stored value itself when it is plain. Throws UnreadableRecordError when it does not open with
 * this key: a damaged envelope, changed bytes, or a record moved from another slot.
 */
export async function openRecord(
	key: CryptoKey,
	spec: SealedTableSpec,
	stored: unknown
): Promise<unknown> {
	if (!isSealedRecord(stored)) return stored;
	const record = stored as Record<string, unknown>;
	const primary = record[spec.primaryKey];
	const envelope = SealedEnvelopeSchema.safeParse(record[SEALED_FIELD]);
	if (!envelope.success) throw new UnreadableRecordError(spec.name, String(primary));
	try {
		const value = await decryptRecord(
			key,
			{ iv: ownBytes(envelope.data.iv), ct: ownBytes(envelope.data.ct) },
			recordContext(spec.name, primary)
		);
		// The key in the clear must be the one sealed inside, or the record is not what it claims.
		if (!isObject(value) || value[spec.primaryKey] !== primary) throw new Error('moved');
		return value;
	} catch {
		throw new UnreadableRecordError(spec.name, String(primary));
	}
}

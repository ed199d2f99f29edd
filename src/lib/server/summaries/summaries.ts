// The server's end of the outbox. A batch is stored in one statement: every summary whose UUID
// the server does not hold yet is inserted, the others are left as they are. So a batch sent
// twice (a lost answer, two tabs, two app servers) is harmless, and the answer confirms every
// UUID of the batch either way.
import type { Summary } from '$lib/sync/protocol';
import type { Queryable } from '../db/database';
import type { Device } from '../devices/devices';
import insertBatchSql from './insert-batch.sql?raw';

export interface ReceiveResult {
	readonly confirmed: string[];
	readonly stored: number;
	readonly alreadyStored: number;
}

// The statement lives in its own file so the benchmark can run the very same SQL without the API.
export const INSERT_BATCH_SQL: string = insertBatchSql;

/** The rows as INSERT_BATCH_SQL's second parameter reads them. */
export function batchParameter(summaries: readonly Summary[]): string {
	return JSON.stringify(
		summaries.map((summary) => ({
			uuid: summary.uuid,
			question_set_id: summary.questionSetId,
			day: summary.day,
			...summary.scores,
			focus: summary.focus,
			context: summary.context,
			area: summary.area ?? null,
			age_band: summary.ageBand ?? null
		}))
	);
}

export async function receiveSummaries(
	db: Queryable,
	device: Device,
	summaries: readonly Summary[]
): Promise<ReceiveResult> {
	const { rowCount } = await db.query(INSERT_BATCH_SQL, [
		device.id,
		batchParameter(summaries),
		device.teamId
	]);
	return {
		confirmed: summaries.map((summary) => summary.uuid),
		stored: rowCount,
		alreadyStored: summaries.length - rowCount
	};
}

/** Deletes everything this device sent: what withdrawing consent asks for. */
export async function deleteDeviceSummaries(db: Queryable, deviceId: string): Promise<number> {
	const { rowCount } = await db.query('DELETE FROM summaries WHERE device_id = $1', [deviceId]);
	return rowCount;
}

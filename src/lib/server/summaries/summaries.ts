// The server's end of the outbox. A batch is stored in one statement: every summary whose UUID
// the server does not hold yet is inserted, the others are left as they are. So a batch sent
// twice (a lost answer, two tabs, two app servers) is harmless, and the answer confirms every
// UUID of the batch either way.
import type { Summary } from '$lib/sync/protocol';
import type { Queryable } from '../db/database';

export interface ReceiveResult {
	readonly confirmed: string[];
	readonly stored: number;
	readonly alreadyStored: number;
}

// The whole batch goes in as one JSON parameter and is unpacked by PostgreSQL: one round trip and
// one plan for 1 or 100 rows, the same SQL on PGlite and on PostgreSQL 15.
export const INSERT_BATCH_SQL = `
INSERT INTO summaries (
	uuid, device_id, question_set_id, day,
	score_lichaamsfuncties, score_mentaal, score_zingeving, score_kwaliteit, score_meedoen, score_dagelijks,
	focus, context, area, age_band
)
SELECT
	x.uuid, $1::bigint, x.question_set_id, x.day,
	x.lichaamsfuncties, x.mentaal, x.zingeving, x.kwaliteit, x.meedoen, x.dagelijks,
	x.focus, x.context, x.area, x.age_band
FROM jsonb_to_recordset($2::jsonb) AS x (
	uuid uuid, question_set_id text, day date,
	lichaamsfuncties numeric, mentaal numeric, zingeving numeric,
	kwaliteit numeric, meedoen numeric, dagelijks numeric,
	focus text, context text, area text, age_band text
)
ON CONFLICT (uuid) DO NOTHING`;

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
	deviceId: string,
	summaries: readonly Summary[]
): Promise<ReceiveResult> {
	const { rowCount } = await db.query(INSERT_BATCH_SQL, [deviceId, batchParameter(summaries)]);
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

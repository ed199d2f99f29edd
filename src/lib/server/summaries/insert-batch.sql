-- A whole batch in one statement: $1 the device's id, $2 the summaries as one JSON array
-- (batchParameter in summaries.ts), $3 the device's team or null. The team is kept only on a
-- conversation: a web someone filled in alone never counts for a team. One round trip and one plan for 1 or 100 rows, the same SQL on
-- PGlite and on PostgreSQL 15. A uuid the server holds already is left as it is.
-- scripts/bench/sync.js runs this same file straight through the driver, as the practical limit.
INSERT INTO summaries (
	uuid, device_id, question_set_id, day,
	score_lichaamsfuncties, score_mentaal, score_zingeving, score_kwaliteit, score_meedoen, score_dagelijks,
	focus, context, area, age_band, team_id
)
SELECT
	x.uuid, $1::bigint, x.question_set_id, x.day,
	x.lichaamsfuncties, x.mentaal, x.zingeving, x.kwaliteit, x.meedoen, x.dagelijks,
	x.focus, x.context, x.area, x.age_band,
	CASE WHEN x.context = 'conversation' THEN $3::bigint END
FROM jsonb_to_recordset($2::jsonb) AS x (
	uuid uuid, question_set_id text, day date,
	lichaamsfuncties numeric, mentaal numeric, zingeving numeric,
	kwaliteit numeric, meedoen numeric, dagelijks numeric,
	focus text, context text, area text, age_band text
)
ON CONFLICT (uuid) DO NOTHING;

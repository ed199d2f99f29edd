-- The dashboard's one query per year (cube-query.ts): the cells of summary_cube (migration 0003),
-- which holds per month, area, team and context the number of summaries and, per dimension, how
-- many answered and the sum of their scores in tenths (integers, so sums stay exact): what a
-- GROUP BY over the summaries gives, kept by triggers in the same transaction as every insert and
-- delete. $1 the first day, $2 the day after the last (YYYY-01-01, next YYYY-01-01): months
-- whose first day is in the range. scripts/bench/dashboard-query.js runs this same file over a
-- million summaries.
SELECT to_char(month, 'YYYY-MM') AS month, area, team_id::text AS team, context,
	n,
	answered_lichaamsfuncties, tenths_lichaamsfuncties::text AS tenths_lichaamsfuncties,
	answered_mentaal, tenths_mentaal::text AS tenths_mentaal,
	answered_zingeving, tenths_zingeving::text AS tenths_zingeving,
	answered_kwaliteit, tenths_kwaliteit::text AS tenths_kwaliteit,
	answered_meedoen, tenths_meedoen::text AS tenths_meedoen,
	answered_dagelijks, tenths_dagelijks::text AS tenths_dagelijks
FROM summary_cube
WHERE month >= $1::date AND month < $2::date AND n > 0

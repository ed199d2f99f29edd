-- The dashboard's one query per year (cube-query.ts): summaries grouped by month, area, team and
-- context, with per dimension how many answered and the sum of their scores in tenths (integers,
-- so sums stay exact). $1 the first day, $2 the day after the last (YYYY-01-01, next YYYY-01-01).
-- scripts/bench/dashboard-query.js runs this same file over a million summaries.
SELECT to_char(day, 'YYYY-MM') AS month, area, team_id::text AS team, context,
	count(*)::int AS n,
	count(score_lichaamsfuncties)::int AS answered_lichaamsfuncties,
	coalesce(sum(score_lichaamsfuncties * 10), 0)::int8::text AS tenths_lichaamsfuncties,
	count(score_mentaal)::int AS answered_mentaal,
	coalesce(sum(score_mentaal * 10), 0)::int8::text AS tenths_mentaal,
	count(score_zingeving)::int AS answered_zingeving,
	coalesce(sum(score_zingeving * 10), 0)::int8::text AS tenths_zingeving,
	count(score_kwaliteit)::int AS answered_kwaliteit,
	coalesce(sum(score_kwaliteit * 10), 0)::int8::text AS tenths_kwaliteit,
	count(score_meedoen)::int AS answered_meedoen,
	coalesce(sum(score_meedoen * 10), 0)::int8::text AS tenths_meedoen,
	count(score_dagelijks)::int AS answered_dagelijks,
	coalesce(sum(score_dagelijks * 10), 0)::int8::text AS tenths_dagelijks
FROM summaries
WHERE day >= $1::date AND day < $2::date
GROUP BY 1, 2, 3, 4

-- The dashboard's cube: per month × area × team × context, the number of summaries and, per
-- dimension, how many answered and the sum of their scores in tenths (integers, so sums stay
-- exact). It is exactly what `GROUP BY month, area, team, context` over the summaries gives
-- (src/lib/server/aggregates/cube.sql), kept up to date by the triggers below in the same
-- transaction as every insert and delete of a summary, so the dashboard reads a few thousand rows
-- a year instead of scanning every summary. A cell with no summary left is deleted, as the
-- GROUP BY would not have it either. No foreign key to teams: a team's summaries go with the
-- team (a cascade), and their trigger takes the team's cells out.
CREATE TABLE summary_cube (
	month date NOT NULL CHECK (extract(day FROM month) = 1),
	area text,
	team_id bigint,
	context text NOT NULL,
	n integer NOT NULL CHECK (n >= 0),
	answered_lichaamsfuncties integer NOT NULL,
	tenths_lichaamsfuncties bigint NOT NULL,
	answered_mentaal integer NOT NULL,
	tenths_mentaal bigint NOT NULL,
	answered_zingeving integer NOT NULL,
	tenths_zingeving bigint NOT NULL,
	answered_kwaliteit integer NOT NULL,
	tenths_kwaliteit bigint NOT NULL,
	answered_meedoen integer NOT NULL,
	tenths_meedoen bigint NOT NULL,
	answered_dagelijks integer NOT NULL,
	tenths_dagelijks bigint NOT NULL,
	-- "Unknown area" and "no team" (null) are cells like any other: one row each (PostgreSQL 15).
	CONSTRAINT summary_cube_cell UNIQUE NULLS NOT DISTINCT (month, area, team_id, context)
);

-- Zero rows exist only inside the transaction that empties them; this finds them at once.
CREATE INDEX summary_cube_empty ON summary_cube (month) WHERE n = 0;

-- Per statement, not per row: a batch of 100 summaries (or a COPY of a million) touches each cell
-- once. Cells are locked in one order (the key's), by adding and removing alike, so two
-- transactions that share cells wait for each other instead of deadlocking.
CREATE FUNCTION summary_cube_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('DELETE', 'UPDATE') THEN
		PERFORM 1
		FROM summary_cube c
		JOIN (SELECT DISTINCT date_trunc('month', day)::date AS month, area, team_id, context
			FROM old_summaries) g
			ON c.month = g.month AND c.context = g.context
			AND c.area IS NOT DISTINCT FROM g.area AND c.team_id IS NOT DISTINCT FROM g.team_id
		ORDER BY c.month, c.area, c.team_id, c.context
		FOR UPDATE OF c;

		UPDATE summary_cube c SET
			n = c.n - g.n,
			answered_lichaamsfuncties = c.answered_lichaamsfuncties - g.answered_lichaamsfuncties,
			tenths_lichaamsfuncties = c.tenths_lichaamsfuncties - g.tenths_lichaamsfuncties,
			answered_mentaal = c.answered_mentaal - g.answered_mentaal,
			tenths_mentaal = c.tenths_mentaal - g.tenths_mentaal,
			answered_zingeving = c.answered_zingeving - g.answered_zingeving,
			tenths_zingeving = c.tenths_zingeving - g.tenths_zingeving,
			answered_kwaliteit = c.answered_kwaliteit - g.answered_kwaliteit,
			tenths_kwaliteit = c.tenths_kwaliteit - g.tenths_kwaliteit,
			answered_meedoen = c.answered_meedoen - g.answered_meedoen,
			tenths_meedoen = c.tenths_meedoen - g.tenths_meedoen,
			answered_dagelijks = c.answered_dagelijks - g.answered_dagelijks,
			tenths_dagelijks = c.tenths_dagelijks - g.tenths_dagelijks
		FROM (
			SELECT date_trunc('month', day)::date AS month, area, team_id, context,
				count(*)::int AS n,
				count(score_lichaamsfuncties)::int AS answered_lichaamsfuncties,
				coalesce(sum(score_lichaamsfuncties * 10), 0)::int8 AS tenths_lichaamsfuncties,
				count(score_mentaal)::int AS answered_mentaal,
				coalesce(sum(score_mentaal * 10), 0)::int8 AS tenths_mentaal,
				count(score_zingeving)::int AS answered_zingeving,
				coalesce(sum(score_zingeving * 10), 0)::int8 AS tenths_zingeving,
				count(score_kwaliteit)::int AS answered_kwaliteit,
				coalesce(sum(score_kwaliteit * 10), 0)::int8 AS tenths_kwaliteit,
				count(score_meedoen)::int AS answered_meedoen,
				coalesce(sum(score_meedoen * 10), 0)::int8 AS tenths_meedoen,
				count(score_dagelijks)::int AS answered_dagelijks,
				coalesce(sum(score_dagelijks * 10), 0)::int8 AS tenths_dagelijks
			FROM old_summaries
			GROUP BY 1, 2, 3, 4
		) g
		WHERE c.month = g.month AND c.context = g.context
			AND c.area IS NOT DISTINCT FROM g.area AND c.team_id IS NOT DISTINCT FROM g.team_id;

		DELETE FROM summary_cube WHERE n = 0;
	END IF;

	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO summary_cube AS c (month, area, team_id, context, n,
			answered_lichaamsfuncties, tenths_lichaamsfuncties, answered_mentaal, tenths_mentaal,
			answered_zingeving, tenths_zingeving, answered_kwaliteit, tenths_kwaliteit,
			answered_meedoen, tenths_meedoen, answered_dagelijks, tenths_dagelijks)
		SELECT date_trunc('month', day)::date, area, team_id, context,
			count(*),
			count(score_lichaamsfuncties), coalesce(sum(score_lichaamsfuncties * 10), 0)::int8,
			count(score_mentaal), coalesce(sum(score_mentaal * 10), 0)::int8,
			count(score_zingeving), coalesce(sum(score_zingeving * 10), 0)::int8,
			count(score_kwaliteit), coalesce(sum(score_kwaliteit * 10), 0)::int8,
			count(score_meedoen), coalesce(sum(score_meedoen * 10), 0)::int8,
			count(score_dagelijks), coalesce(sum(score_dagelijks * 10), 0)::int8
		FROM new_summaries
		GROUP BY 1, 2, 3, 4
		ORDER BY 1, 2, 3, 4
		ON CONFLICT ON CONSTRAINT summary_cube_cell DO UPDATE SET
			n = c.n + excluded.n,
			answered_lichaamsfuncties = c.answered_lichaamsfuncties + excluded.answered_lichaamsfuncties,
			tenths_lichaamsfuncties = c.tenths_lichaamsfuncties + excluded.tenths_lichaamsfuncties,
			answered_mentaal = c.answered_mentaal + excluded.answered_mentaal,
			tenths_mentaal = c.tenths_mentaal + excluded.tenths_mentaal,
			answered_zingeving = c.answered_zingeving + excluded.answered_zingeving,
			tenths_zingeving = c.tenths_zingeving + excluded.tenths_zingeving,
			answered_kwaliteit = c.answered_kwaliteit + excluded.answered_kwaliteit,
			tenths_kwaliteit = c.tenths_kwaliteit + excluded.tenths_kwaliteit,
			answered_meedoen = c.answered_meedoen + excluded.answered_meedoen,
			tenths_meedoen = c.tenths_meedoen + excluded.tenths_meedoen,
			answered_dagelijks = c.answered_dagelijks + excluded.answered_dagelijks,
			tenths_dagelijks = c.tenths_dagelijks + excluded.tenths_dagelijks;
	END IF;
	RETURN NULL;
END
$$;

CREATE FUNCTION summary_cube_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM summary_cube;
	RETURN NULL;
END
$$;

-- No summary may be stored between the backfill and the triggers: other app servers wait here.
LOCK TABLE summaries IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO summary_cube (month, area, team_id, context, n,
	answered_lichaamsfuncties, tenths_lichaamsfuncties, answered_mentaal, tenths_mentaal,
	answered_zingeving, tenths_zingeving, answered_kwaliteit, tenths_kwaliteit,
	answered_meedoen, tenths_meedoen, answered_dagelijks, tenths_dagelijks)
SELECT date_trunc('month', day)::date, area, team_id, context,
	count(*),
	count(score_lichaamsfuncties), coalesce(sum(score_lichaamsfuncties * 10), 0)::int8,
	count(score_mentaal), coalesce(sum(score_mentaal * 10), 0)::int8,
	count(score_zingeving), coalesce(sum(score_zingeving * 10), 0)::int8,
	count(score_kwaliteit), coalesce(sum(score_kwaliteit * 10), 0)::int8,
	count(score_meedoen), coalesce(sum(score_meedoen * 10), 0)::int8,
	count(score_dagelijks), coalesce(sum(score_dagelijks * 10), 0)::int8
FROM summaries
GROUP BY 1, 2, 3, 4;

-- Transition tables need one trigger per event.
CREATE TRIGGER summary_cube_insert AFTER INSERT ON summaries
	REFERENCING NEW TABLE AS new_summaries
	FOR EACH STATEMENT EXECUTE FUNCTION summary_cube_apply();
CREATE TRIGGER summary_cube_delete AFTER DELETE ON summaries
	REFERENCING OLD TABLE AS old_summaries
	FOR EACH STATEMENT EXECUTE FUNCTION summary_cube_apply();
CREATE TRIGGER summary_cube_update AFTER UPDATE ON summaries
	REFERENCING OLD TABLE AS old_summaries NEW TABLE AS new_summaries
	FOR EACH STATEMENT EXECUTE FUNCTION summary_cube_apply();
CREATE TRIGGER summary_cube_truncate AFTER TRUNCATE ON summaries
	FOR EACH STATEMENT EXECUTE FUNCTION summary_cube_clear();

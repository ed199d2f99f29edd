// The one query the dashboard runs per year (cube.sql): the summary cube's cells of that year (month,
// area, team and context), with per dimension how many answered and the sum of their scores. Every table is rolled
// up from these rows (roll-up.ts), so they all add up by construction. Sums are taken in tenths, as
// integers: scores have one decimal, and integer sums stay exact.
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { z } from 'zod';
import type { Queryable } from '../db/database';
import { CubeRowSchema, type CubeRow } from './aggregate-tables';
import cubeSql from './cube.sql?raw';

/** cube.sql: $1 the first day, $2 the day after the last (a year: YYYY-01-01 and the next). */
export const CUBE_SQL = cubeSql;

const RawRowSchema = z.object({
	month: z.string(),
	area: z.string().nullable(),
	team: z.string().nullable(),
	context: z.string(),
	n: z.number(),
	...Object.fromEntries(
		DIMENSION_IDS.flatMap((d) => [
			[`answered_${d}`, z.number()],
			[`tenths_${d}`, z.string().regex(/^\d+$/)]
		])
	)
});

/** The year's rows, parsed like any input: a row the schema refuses stops the page, not the rule. */
export async function cubeOfYear(db: Queryable, year: number): Promise<CubeRow[]> {
	const { rows } = await db.query(CUBE_SQL, [`${year}-01-01`, `${year + 1}-01-01`]);
	return rows.map((raw) => {
		const row = RawRowSchema.parse(raw) as Record<string, string | number | null>;
		return CubeRowSchema.parse({
			month: row.month,
			area: row.area,
			team: row.team,
			context: row.context,
			n: row.n,
			dimensions: Object.fromEntries(
				DIMENSION_IDS.map((d) => [
					d,
					{ answered: row[`answered_${d}`], sum: Number(row[`tenths_${d}`]) / 10 }
				])
			)
		});
	});
}

/**
 * The years that have summaries, and the database's today (every server agrees on it). Read
 * from the cube, whose cells are exactly the summaries' months: no scan of the summaries.
 */
export async function yearsWithSummaries(
	db: Queryable
): Promise<{ years: number[]; today: string }> {
	const { rows } = await db.query<{ first: number | null; last: number | null; today: string }>(
		`SELECT extract(year FROM min(month))::int AS first, extract(year FROM max(month))::int AS last,
			to_char(current_date, 'YYYY-MM-DD') AS today
		FROM summary_cube WHERE n > 0`
	);
	const row = rows[0];
	if (!row) throw new Error('The years query returned nothing.');
	const years: number[] = [];
	if (row.first !== null && row.last !== null)
		for (let y = row.first; y <= row.last; y++) years.push(y);
	return { years, today: row.today };
}

/** Every team by id, with its name: the team table has a row for each, summaries or not. */
export async function teamNames(db: Queryable): Promise<Map<string, string>> {
	const { rows } = await db.query<{ id: string; name: string }>(
		'SELECT id::text AS id, name FROM teams ORDER BY name'
	);
	return new Map(rows.map((row) => [row.id, row.name]));
}

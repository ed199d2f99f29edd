// End to end, without HTTP: random populations stored in a real database (PGlite, and PostgreSQL
// when TEST_DATABASE_URL is set), read back the way the dashboard reads them (the summary cube the
// triggers keep, its SQL, the rule, the JSON it answers and every CSV it offers), then checked as
// an outsider would: every figure shown covers 10 people or more, the CSV says exactly what the
// JSON says, and an attacker holding all of it recovers no group under 10.
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIMENSION_IDS } from '../../src/lib/domain/dimensions';
import {
	PublishedYearSchema,
	type PublishedTables
} from '../../src/lib/server/aggregates/aggregate-tables';
import { MIN_GROUP_SIZE } from '../../src/lib/server/aggregates/suppression';
import type { Unknown } from '../../src/lib/server/aggregates/testing/attacker';
import {
	findDisclosures,
	formatDisclosure
} from '../../src/lib/server/aggregates/testing/disclosures';
import {
	findIntersectionDisclosures,
	formatIntersection
} from '../../src/lib/server/aggregates/testing/intersections';
import {
	populationArbitrary,
	tablesOf,
	type Summary
} from '../../src/lib/server/aggregates/testing/population';
import type { Database } from '../../src/lib/server/db/database';
import { createTeam } from '../../src/lib/server/teams/teams';
import { dashboardCsv } from '../../src/lib/server/dashboard/csv';
import { loadDashboard } from '../../src/lib/server/dashboard/data';
import { dashboardLabels, HIDDEN } from '../../src/lib/server/dashboard/labels';
import { LEVELS, VIEW_GROUPINGS, dashboardView } from '../../src/lib/server/dashboard/view';
import { createStore, describeEachBackend, type TestStore } from './support/backends';

// Each run stores, publishes and attacks whole years (3 teams, 12 months): several seconds.
const k = MIN_GROUP_SIZE;
const knowledge = { isPossible: (u: Unknown) => u.team === null || u.context === 'conversation' };
const options = { teamsOnlyInConversation: true };

describeEachBackend('The dashboard over random populations in the database', (backend) => {
	let store: TestStore;
	let db: Database;
	const teamIds: string[] = [];
	const devices = new Map<string | null, string>();

	beforeAll(async () => {
		store = await createStore(backend, 'dashboard-property');
		db = await store.open();
		for (const name of ['Team 1', 'Team 2', 'Team 3']) await createTeam(db, name);
		const { rows } = await db.query<{ id: string }>(
			'SELECT id::text AS id FROM teams ORDER BY name'
		);
		teamIds.push(...rows.map((row) => row.id));
		for (const team of [null, ...teamIds]) {
			const made = await db.query<{ id: string }>(
				`INSERT INTO devices (token_hash, team_id) VALUES (sha256(random()::text::bytea), $1)
				RETURNING id::text AS id`,
				[team]
			);
			devices.set(team, made.rows[0]?.id ?? '');
		}
	}, 120_000);

	afterAll(async () => {
		await db?.close();
		await store?.remove();
	});

	/** The population's teams ("team-1" …) are the database's teams, in order. */
	function withDatabaseTeams(summaries: readonly Summary[]): Summary[] {
		return summaries.map((s) => {
			const team = s.context === 'self' || s.teamId === null ? null : s.teamId;
			return { ...s, teamId: team === null ? null : (teamIds[Number(team.slice(5)) - 1] ?? null) };
		});
	}

	async function storePopulation(summaries: readonly Summary[]): Promise<void> {
		await db.exec('DELETE FROM summaries');
		const records = summaries.map((s, i) => ({
			uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
			device_id: devices.get(s.teamId),
			day: s.day,
			context: s.context,
			area: s.area,
			team_id: s.teamId,
			...Object.fromEntries(DIMENSION_IDS.map((d) => [`score_${d}`, s.scores[d]]))
		}));
		const columns = DIMENSION_IDS.map((d) => `score_${d}`);
		await db.query(
			`INSERT INTO summaries (uuid, device_id, question_set_id, day, context, area, team_id, ${columns.join(', ')})
			SELECT uuid, device_id, 'volwassenen-v1', day, context, area, team_id, ${columns.join(', ')}
			FROM jsonb_to_recordset($1::jsonb) AS r(uuid uuid, device_id bigint, day date, context text,
				area text, team_id bigint, ${columns.map((c) => `${c} numeric`).join(', ')})`,
			[JSON.stringify(records)]
		);
	}

	/** Every figure of a CSV: [period, group, n, ...means] as text. */
	function csvRows(csv: string): string[][] {
		const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		const headerAt = parsed.data.findIndex((row) => row.length > 3);
		return parsed.data.slice(headerAt + 1);
	}

	it(
		'shows no figure under 10, its CSV says what its JSON says, and the attacker recovers nothing',
		{ timeout: 600_000 },
		async () => {
			await fc.assert(
				fc.asyncProperty(populationArbitrary, async (population) => {
					const summaries = withDatabaseTeams(population.summaries);
					await storePopulation(summaries);
					// What GET /dashboard/data.json answers, as a client reads it.
					const data = await loadDashboard(db);
					const json: unknown = JSON.parse(JSON.stringify(data));
					const years = PublishedYearSchema.array().parse((json as { years: unknown }).years);

					for (const year of years) {
						for (const row of year.rows) {
							if (row.n !== null) expect(row.n).toBeGreaterThanOrEqual(k);
							for (const d of DIMENSION_IDS) {
								const { answered, mean } = row.dimensions[d];
								if (mean !== null) expect(answered).toBeGreaterThanOrEqual(k);
							}
						}
						// Every CSV the page offers: each count shown is 10 or more and is the JSON's.
						const labels = dashboardLabels('en', data.teams);
						for (const level of LEVELS)
							for (const grouping of VIEW_GROUPINGS) {
								const view = dashboardView(year, level, grouping);
								const expected = view.periods.flatMap((_, p) =>
									view.rows.map((r) => labels.count(r.cells[p]?.n ?? null).replace(/,/g, ''))
								);
								const shown = csvRows(dashboardCsv(view, labels)).map((r) => r[2] ?? '');
								expect(shown).toEqual(expected);
								for (const n of shown)
									if (n !== HIDDEN) expect(Number(n)).toBeGreaterThanOrEqual(k);
							}
					}

					const published: PublishedTables = { minGroupSize: k, years };
					const first = years.at(-1)?.year;
					const last = years[0]?.year;
					if (!first || !last) return;
					const truth = tablesOf(summaries, { first: `${first}-01`, last: `${last}-12` }, options);
					expect(findDisclosures(published, truth, k, knowledge).map(formatDisclosure)).toEqual([]);
					expect(
						findIntersectionDisclosures(published, summaries, knowledge).map(formatIntersection)
					).toEqual([]);
				}),
				{ numRuns: Number(process.env.DASHBOARD_PROPERTY_RUNS ?? 5) }
			);
		}
	);
});

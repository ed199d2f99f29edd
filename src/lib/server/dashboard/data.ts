// Everything the dashboard shows, from the database to the published (suppressed) tables. Page,
// JSON and CSV are all made from what this returns, and it returns nothing unsuppressed: the true
// figures stay inside this function.
import type { Queryable } from '../db/database';
import type { PublishedYear } from '../aggregates/aggregate-tables';
import { cubeOfYear, teamNames, yearsWithSummaries } from '../aggregates/cube-query';
import { publishYear, shownRange } from '../aggregates/publication';
import { MIN_GROUP_SIZE } from '../aggregates/suppression';

export interface DashboardTeam {
	readonly id: string;
	readonly name: string;
}

export interface DashboardData {
	/** The database's today: which months are shown depends on it. */
	readonly today: string;
	readonly minGroupSize: number;
	/** Newest year first; a year with no month shown yet is left out. */
	readonly years: readonly PublishedYear[];
	readonly teams: readonly DashboardTeam[];
}

export async function loadDashboard(db: Queryable): Promise<DashboardData> {
	const { years, today } = await yearsWithSummaries(db);
	const names = await teamNames(db);
	const teamIds = [...names.keys()];
	const published: PublishedYear[] = [];
	for (const year of [...years].reverse()) {
		const range = shownRange(year, today);
		if (!range) continue;
		const shown = publishYear(await cubeOfYear(db, year), range, teamIds);
		if (shown) published.push(shown);
	}
	return {
		today,
		minGroupSize: MIN_GROUP_SIZE,
		years: published,
		teams: [...names].map(([id, name]) => ({ id, name }))
	};
}

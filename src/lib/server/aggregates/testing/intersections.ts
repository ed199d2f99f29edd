import { DIMENSION_IDS } from '$lib/domain/dimensions';
import type { PublishedTables } from '../aggregate-tables';
import { monthOfDay, quarterOfMonth, yearOf } from '../periods';
import { Attacker, MEASURES, type AttackerKnowledge, type Measure, type Unknown } from './attacker';
import type { Summary } from './population';

/**
 * Groups the tables never show as a row: every combination of an area, a team and a context (two
 * or three of them) in a month, quarter or year, such as "conversations without a team in March"
 * or "area 1011 in team 2". One-way tables rarely give those away, but rules of the app (only a
 * conversation carries a team) make some of them a difference of shown rows. Each that holds
 * fewer than k people is put to the attacker.
 */

export interface IntersectionDisclosure {
	year: string;
	period: string;
	measure: Measure;
	group: { area?: string | null; team?: string | null; context?: string };
	groupSize: number;
	value: number;
}

type Key = 'area' | 'team' | 'context';

export function findIntersectionDisclosures(
	published: PublishedTables,
	summaries: readonly Summary[],
	knowledge: AttackerKnowledge = {},
	k = published.minGroupSize
): IntersectionDisclosure[] {
	const attacker = new Attacker(published, knowledge);
	const found: IntersectionDisclosure[] = [];
	const combos: Key[][] = [
		['area', 'team'],
		['area', 'context'],
		['team', 'context'],
		['area', 'team', 'context']
	];
	for (const year of published.years) {
		const periods = [...year.months, ...year.quarters.map((q) => q.key), year.year];
		const inPeriod = (month: string, period: string) =>
			period === month || period === quarterOfMonth(month) || period === yearOf(month);
		const values = {
			area: year.groups.area,
			team: year.groups.team,
			context: year.groups.context as string[]
		};
		for (const keys of combos) {
			const groups: IntersectionDisclosure['group'][] = [{}];
			for (const key of keys) {
				const next = groups.flatMap((g) => values[key].map((v) => ({ ...g, [key]: v })));
				groups.splice(0, groups.length, ...next);
			}
			for (const period of periods) {
				for (const group of groups) {
					const isMember = (u: Pick<Unknown, Key | 'month'>) =>
						inPeriod(u.month, period) && keys.every((key) => u[key] === group[key]);
					const members = summaries.filter((s) =>
						isMember({
							month: monthOfDay(s.day),
							area: s.area,
							team: s.teamId,
							context: s.context
						})
					);
					for (const measure of MEASURES) {
						const d = measure === 'n' ? undefined : DIMENSION_IDS.find((x) => measure.endsWith(x));
						const answering = d ? members.filter((s) => s.scores[d] !== null) : members;
						if (answering.length >= k) continue;
						const value = attacker.recoverWhere(year.year, measure, isMember);
						if (value === null) continue;
						found.push({
							year: year.year,
							period,
							measure,
							group,
							groupSize: answering.length,
							value
						});
					}
				}
			}
		}
	}
	return found;
}

export function formatIntersection(d: IntersectionDisclosure): string {
	const group = Object.entries(d.group)
		.map(([key, value]) => `${key} ${value ?? '(none)'}`)
		.join(' × ');
	return `${d.period} ${d.measure} of ${group} = ${d.value} (a group of ${d.groupSize})`;
}

import {
	differingFields,
	matchKey,
	VoorzieningFieldsSchema,
	VoorzieningIdSchema,
	type Voorziening,
	type VoorzieningField,
	type VoorzieningFields
} from '$lib/domain/voorziening';
import { candidateFromCells } from './columns';
import type { RowShapeProblem, SourceRow } from './read-file';

/**
 * What an import would do, worked out before anything is stored: rows to add, rows that match a
 * stored voorziening and differ (the person chooses), rows that match and say the same (nothing
 * to do, which is why importing a file twice changes nothing), and rows that cannot be used.
 */

/** Why a row cannot be used: a field that is wrong, or the row's shape. */
export type RowReason = VoorzieningField | 'id' | RowShapeProblem;

export type RowProblem =
	| { line: number; kind: 'invalid'; reasons: RowReason[]; name: string }
	/** The same voorziening (by id, or by name and organisation) as an earlier row of the file. */
	| { line: number; kind: 'duplicate'; sameAsLine: number; name: string };

export interface ImportAddition {
	line: number;
	/** From the file, or undefined for a new id. */
	id: string | undefined;
	fields: VoorzieningFields;
}

export interface ImportConflict {
	line: number;
	existing: Voorziening;
	incoming: VoorzieningFields;
	differing: VoorzieningField[];
}

export interface ImportPlan {
	additions: ImportAddition[];
	conflicts: ImportConflict[];
	unchanged: number;
	problems: RowProblem[];
}

function reasonsOf(
	issues: readonly { path: readonly PropertyKey[] }[],
	fields: Record<VoorzieningField, unknown>
): RowReason[] {
	const reasons = new Set<RowReason>();
	for (const issue of issues) reasons.add(issue.path[0] as VoorzieningField);
	// The schema checks the age order only once every field is right; the person fixing the file
	// should hear of it in the same round.
	const { ageFrom, ageTo } = fields;
	if (typeof ageFrom === 'number' && typeof ageTo === 'number' && ageFrom > ageTo) {
		reasons.add('ageTo');
	}
	return [...reasons];
}

export function planImport(
	rows: readonly SourceRow[],
	existing: readonly Voorziening[]
): ImportPlan {
	const byId = new Map(existing.map((v) => [v.id, v]));
	const byKey = new Map(existing.map((v) => [matchKey(v), v]));
	// What earlier rows of this file claimed, so a row repeated in the file is said once.
	const seenIds = new Map<string, number>();
	const seenKeys = new Map<string, number>();
	const matched = new Map<string, number>();

	const plan: ImportPlan = { additions: [], conflicts: [], unchanged: 0, problems: [] };
	for (const row of rows) {
		const name = (row.cells.name ?? '').trim();
		if (row.shapeProblem) {
			plan.problems.push({ line: row.line, kind: 'invalid', reasons: [row.shapeProblem], name });
			continue;
		}
		const candidate = candidateFromCells(row.cells);
		const parsed = VoorzieningFieldsSchema.safeParse(candidate.fields);
		const idOk = candidate.id === undefined || VoorzieningIdSchema.safeParse(candidate.id).success;
		if (!parsed.success || !idOk) {
			const reasons = parsed.success ? [] : reasonsOf(parsed.error.issues, candidate.fields);
			plan.problems.push({
				line: row.line,
				kind: 'invalid',
				reasons: idOk ? reasons : ['id', ...reasons],
				name
			});
			continue;
		}
		const fields = parsed.data;
		const key = matchKey(fields);
		const earlier =
			(candidate.id === undefined ? undefined : seenIds.get(candidate.id)) ?? seenKeys.get(key);
		const stored =
			(candidate.id === undefined ? undefined : byId.get(candidate.id)) ?? byKey.get(key);
		const earlierForStored = stored ? matched.get(stored.id) : undefined;
		const sameAsLine = earlier ?? earlierForStored;
		if (sameAsLine !== undefined) {
			plan.problems.push({ line: row.line, kind: 'duplicate', sameAsLine, name: fields.name });
			continue;
		}
		if (candidate.id !== undefined) seenIds.set(candidate.id, row.line);
		seenKeys.set(key, row.line);

		if (stored) {
			matched.set(stored.id, row.line);
			const differing = differingFields(stored, fields);
			if (differing.length === 0) plan.unchanged++;
			else plan.conflicts.push({ line: row.line, existing: stored, incoming: fields, differing });
		} else {
			plan.additions.push({ line: row.line, id: candidate.id, fields });
		}
	}
	return plan;
}

/** For each conflict, whether the stored version stays or the file's version replaces it. */
export type ConflictChoice = 'keep' | 'replace';

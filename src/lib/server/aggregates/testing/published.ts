import type { PublishedRow, PublishedTables, RowGrouping } from '../aggregate-tables';

/** One published cell, found as a reader of the dashboard would: table, row and column. */
export function cellOf(
	published: PublishedTables,
	grouping: RowGrouping,
	group: string | null,
	period: string
): PublishedRow {
	const row = published.years
		.flatMap((y) => y.rows)
		.find((r) => r.grouping === grouping && r.group === group && r.period === period);
	if (!row) throw new Error(`No published cell ${grouping} ${group} ${period}`);
	return row;
}

/** How many cells of one table's column are hidden. */
export function hiddenInColumn(
	published: PublishedTables,
	grouping: RowGrouping,
	period: string
): number {
	return published.years
		.flatMap((y) => y.rows)
		.filter((r) => r.grouping === grouping && r.period === period && r.n === null).length;
}

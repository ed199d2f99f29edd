import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import type { AggregateTables, PublishedTables } from '../aggregate-tables';
import { publish } from '../suppression';

/** Primary suppression alone: every small cell hidden, nothing more. Known to leak; tests show how. */
export function primaryOnly(tables: AggregateTables, k = 10): PublishedTables {
	return publish(tables, k, (_system, figures) => {
		const n = figures.map((f) => f.n < k);
		const dimensions = Object.fromEntries(
			DIMENSION_IDS.map((d) => [
				d,
				figures.map((f, c) => n[c] === true || f.dimensions[d].answered < k)
			])
		) as Record<DimensionId, boolean[]>;
		return { n, dimensions };
	});
}

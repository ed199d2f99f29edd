import { z } from 'zod';
import { DIMENSION_IDS } from '$lib/domain/dimensions';
import { MONTH_KEY, PERIOD_KEY } from './periods';

/**
 * What goes into the suppression rule and what comes out. The input is what the database's
 * grouped queries return (true counts and sums); the output is what the dashboard and its CSV
 * show (hidden figures are null). Rows from the database are parsed with these schemas.
 */

export const GROUPINGS = ['area', 'team', 'context'] as const;
export type Grouping = (typeof GROUPINGS)[number];
/** `total` is the row of all groups together, published next to every grouping. */
export type RowGrouping = 'total' | Grouping;
export const CONTEXTS = ['self', 'conversation'] as const;

const CountSchema = z.number().int().nonnegative();
const MonthKeySchema = z.string().regex(MONTH_KEY);
const PeriodKeySchema = z.string().regex(PERIOD_KEY);
const GroupKeySchema = z.string().min(1).nullable();
const DimensionIdSchema = z.enum(DIMENSION_IDS);

/** Which row of which table: a null area or team is the group "unknown". */
const RowKeySchema = z.discriminatedUnion('grouping', [
	z.object({ grouping: z.literal('total'), group: z.null() }),
	z.object({ grouping: z.literal('area'), group: GroupKeySchema }),
	z.object({ grouping: z.literal('team'), group: GroupKeySchema }),
	z.object({ grouping: z.literal('context'), group: z.enum(CONTEXTS) })
]);

/** Per dimension: how many answered it, and the sum of their scores. */
export const DimensionTotalsSchema = z.object({ answered: CountSchema, sum: z.number().min(0) });
export const FiguresSchema = z.object({
	n: CountSchema,
	dimensions: z.record(DimensionIdSchema, DimensionTotalsSchema)
});
export type Figures = z.infer<typeof FiguresSchema>;

/** One grouped row of one table: `GROUP BY group, period` with n, per dimension answered and sum. */
export const AggregateRowSchema = z.intersection(
	RowKeySchema,
	FiguresSchema.extend({ period: PeriodKeySchema })
);
export type AggregateRow = z.infer<typeof AggregateRowSchema>;

/** The rows of each table, in order; "unknown" (null) is a group like any other. */
export const GroupsSchema = z.object({
	area: z.array(GroupKeySchema),
	team: z.array(GroupKeySchema),
	context: z.array(z.enum(CONTEXTS))
});
export type Groups = z.infer<typeof GroupsSchema>;

export const MonthRangeSchema = z.object({ first: MonthKeySchema, last: MonthKeySchema });

/**
 * Every table for a range of months. A (group, period) without a row has n = 0. Without `groups`,
 * the groups are those with at least one summary in the range.
 */
export const AggregateTablesSchema = z.object({
	range: MonthRangeSchema,
	groups: GroupsSchema.optional(),
	rows: z.array(AggregateRowSchema)
});
export type AggregateTables = z.infer<typeof AggregateTablesSchema>;

/** The finest grouping the database gives: one row per month, area, team and context. */
export const CubeRowSchema = FiguresSchema.extend({
	month: MonthKeySchema,
	area: GroupKeySchema,
	team: GroupKeySchema,
	context: z.enum(CONTEXTS)
});
export type CubeRow = z.infer<typeof CubeRowSchema>;

/** A shown mean always comes with its shown answered-count; hidden figures are null. */
export const PublishedFiguresSchema = z.object({
	n: CountSchema.nullable(),
	dimensions: z.record(
		DimensionIdSchema,
		z.object({ answered: CountSchema.nullable(), mean: z.number().min(0).max(10).nullable() })
	)
});
export type PublishedFigures = z.infer<typeof PublishedFiguresSchema>;

export const PublishedRowSchema = z.intersection(
	RowKeySchema,
	PublishedFiguresSchema.extend({ period: PeriodKeySchema })
);
export type PublishedRow = z.infer<typeof PublishedRowSchema>;

/** One calendar year: nothing published adds up across years, so each is protected alone. */
export const PublishedYearSchema = z.object({
	year: z.string().regex(/^\d{4}$/),
	months: z.array(MonthKeySchema),
	quarters: z.array(z.object({ key: PeriodKeySchema, months: z.array(MonthKeySchema) })),
	groups: GroupsSchema,
	rows: z.array(PublishedRowSchema)
});
export type PublishedYear = z.infer<typeof PublishedYearSchema>;

export const PublishedTablesSchema = z.object({
	minGroupSize: z.number().int().positive(),
	years: z.array(PublishedYearSchema)
});
export type PublishedTables = z.infer<typeof PublishedTablesSchema>;

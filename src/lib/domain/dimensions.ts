/**
 * The six dimensions of the spinnenweb. The order is the order of the axes in the web and of the
 * screens in the journey; it never changes between question sets.
 */
export const DIMENSION_IDS = [
	'lichaamsfuncties',
	'mentaal',
	'zingeving',
	'kwaliteit',
	'meedoen',
	'dagelijks'
] as const;

export type DimensionId = (typeof DIMENSION_IDS)[number];

export function isDimensionId(value: string): value is DimensionId {
	return (DIMENSION_IDS as readonly string[]).includes(value);
}

import { DIMENSION_IDS, type DimensionId } from './dimensions';
import type { Voorziening } from './voorziening';
import type { SearchIndex } from './voorziening-search';

/**
 * Which voorzieningen the uitzicht phase suggests, in which order. The person's focus comes from
 * their own web: the parts in which they marked "hier wil ik over praten", or the parts the
 * professional picks with them. Voorzieningen serving one of those come first; the rest of the
 * kaart follows, so a search still finds everything. Inactive ones are never suggested.
 */

export interface Suggestion {
	voorziening: Voorziening;
	servesFocus: boolean;
}

/** The parts of the web with an aspect the person wants to talk about, in the web's order. */
export function talkAboutDimensions(talkAbout: readonly string[]): DimensionId[] {
	return DIMENSION_IDS.filter((id) => talkAbout.some((key) => key.startsWith(`${id}.`)));
}

/**
 * Search results (best match first, or the kaart's order without words), those serving the
 * focus moved to the front; within each group the search's own order stays.
 */
export function orderSuggestions(
	index: SearchIndex,
	focus: readonly DimensionId[],
	text: string
): Suggestion[] {
	const results = index.search({ text });
	const serves = (v: Voorziening) => v.dimensions.some((d) => focus.includes(d));
	const first: Suggestion[] = [];
	const rest: Suggestion[] = [];
	for (const voorziening of results) {
		if (serves(voorziening)) first.push({ voorziening, servesFocus: true });
		else rest.push({ voorziening, servesFocus: false });
	}
	return [...first, ...rest];
}

/** The kaart by id, for the agreements that point to a voorziening. */
export function byId(list: readonly Voorziening[]): ReadonlyMap<string, Voorziening> {
	return new Map(list.map((v) => [v.id, v]));
}

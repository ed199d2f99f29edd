import type { DimensionId } from './dimensions';
import { foldText, type Voorziening } from './voorziening';

/**
 * Finding a voorziening while talking with someone: by name, by any word in it, and by
 * dimension, instantly and offline. The index is built once per list (a few ms for 2,000) and
 * holds each voorziening's text folded (no case, no accents), so a search is a plain scan.
 *
 * Words match anywhere inside a word, not only at its start: Dutch glues words together, and
 * "hulp" should find "schuldhulp", "cafe" "Taalcafé".
 */

/** Words too common to narrow a search; a query of only these searches for them after all. */
const STOP_WORDS = new Set([
	'de',
	'het',
	'een',
	'en',
	'van',
	'voor',
	'in',
	'op',
	'met',
	'bij',
	'aan',
	'of',
	'te',
	'naar',
	'om',
	'je',
	'ik'
]);

interface Entry {
	voorziening: Voorziening;
	name: string;
	/** Organisation, description and the rest, folded. */
	rest: string;
}

export interface SearchQuery {
	text: string;
	/** Serving at least one of these; empty means any. */
	dimensions?: readonly DimensionId[];
	includeInactive?: boolean;
}

export interface SearchIndex {
	readonly size: number;
	search(query: SearchQuery): Voorziening[];
}

export function queryWords(text: string): string[] {
	const words = foldText(text)
		.split(/[^\p{L}\p{N}@.]+/u)
		.filter((w) => w !== '');
	const meaningful = words.filter((w) => !STOP_WORDS.has(w));
	return meaningful.length > 0 ? meaningful : words;
}

export function createSearchIndex(list: readonly Voorziening[]): SearchIndex {
	const entries: Entry[] = list.map((v) => ({
		voorziening: v,
		name: foldText(v.name),
		rest: foldText(
			[
				v.organisation,
				v.description,
				v.targetGroup,
				v.neighbourhood,
				v.place,
				v.street,
				v.costs,
				v.signUp,
				v.openingHours
			].join(' \u0000 ')
		)
	}));

	return {
		size: entries.length,
		search({ text, dimensions = [], includeInactive = false }) {
			const words = queryWords(text);
			const hits: { entry: Entry; score: number; order: number }[] = [];
			entries.forEach((entry, order) => {
				const v = entry.voorziening;
				if (!includeInactive && v.status === 'inactive') return;
				if (dimensions.length > 0 && !v.dimensions.some((d) => dimensions.includes(d))) return;
				let score = 0;
				for (const word of words) {
					// Every word must be somewhere; in the name it counts for more, at its start most.
					if (entry.name.startsWith(word)) score += 4;
					else if (entry.name.includes(` ${word}`)) score += 3;
					else if (entry.name.includes(word)) score += 2;
					else if (entry.rest.includes(word)) score += 1;
					else return;
				}
				hits.push({ entry, score, order });
			});
			// Best match first; equal ones keep the list's order (by name).
			hits.sort((a, b) => b.score - a.score || a.order - b.order);
			return hits.map((h) => h.entry.voorziening);
		}
	};
}

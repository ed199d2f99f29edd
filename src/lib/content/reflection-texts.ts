import type { QuestionSet } from '$lib/domain/question-set';
import type { Focus } from '$lib/domain/reflection';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import { aspectLabel, dimensionName } from './question-texts';

export { formatDay } from './locale';

function focusAspectLabel(focus: Focus, set: QuestionSet, locale: Locale): string | null {
	if (focus.kind !== 'aspect') return null;
	const aspectId = focus.aspectKey.slice(focus.dimensionId.length + 1);
	return aspectLabel(set.id, focus.dimensionId, aspectId, locale);
}

/** The focus in words: "Meedoen", or "Steun van anderen (Meedoen)" for one aspect. */
export function focusName(focus: Focus, set: QuestionSet, locale: Locale = getLocale()): string {
	const dimension = dimensionName(focus.dimensionId, locale);
	const aspect = focusAspectLabel(focus, set, locale);
	return aspect ? `${aspect} (${dimension})` : dimension;
}

/** Said under the focus dimension in the score table: the chart's mark, in words. */
export function focusRowText(focus: Focus, set: QuestionSet, locale: Locale = getLocale()): string {
	const aspect = focusAspectLabel(focus, set, locale);
	return aspect
		? m.reflect_focus_text_aspect({ aspect }, { locale })
		: m.reflect_focus_text({}, { locale });
}

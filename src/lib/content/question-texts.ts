import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';

/**
 * The words of the question sets. The domain names dimensions and aspects by stable ids; the
 * texts live in messages/questions/<locale>.json under keys built from those ids:
 *
 *   dimension_<dimension>_name | _short | _intro
 *   aspect_<set>_<dimension>_<aspect>_label | _question   (hyphens in ids become underscores)
 *
 * The lookup is by key at run time, so a missing text cannot be caught by the compiler; the spec
 * next to this file walks every set, dimension, aspect and locale instead. In the app a missing
 * text shows the id rather than crashing a screen.
 */

/** How a set's id appears in message keys. Sets not listed use their id, made key-safe. */
const SET_KEY_PARTS: Readonly<Record<string, string>> = {
	'volwassenen-v1': 'v1'
};

type MessageKey = keyof typeof m;

function toKeyPart(id: string): string {
	return id.replace(/[^A-Za-z0-9]+/g, '_');
}

function setKeyPart(setId: string): string {
	return SET_KEY_PARTS[setId] ?? toKeyPart(setId);
}

export function dimensionNameKey(id: DimensionId): string {
	return `dimension_${toKeyPart(id)}_name`;
}

export function dimensionShortNameKey(id: DimensionId): string {
	return `dimension_${toKeyPart(id)}_short`;
}

export function dimensionIntroKey(id: DimensionId): string {
	return `dimension_${toKeyPart(id)}_intro`;
}

export function aspectLabelKey(setId: string, dimensionId: DimensionId, aspectId: string): string {
	return `${aspectKeyStem(setId, dimensionId, aspectId)}_label`;
}

export function aspectQuestionKey(
	setId: string,
	dimensionId: DimensionId,
	aspectId: string
): string {
	return `${aspectKeyStem(setId, dimensionId, aspectId)}_question`;
}

function aspectKeyStem(setId: string, dimensionId: DimensionId, aspectId: string): string {
	return `aspect_${setKeyPart(setId)}_${toKeyPart(dimensionId)}_${toKeyPart(aspectId)}`;
}

function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(m, key) && typeof m[key as MessageKey] === 'function';
}

/** The text for a key, or undefined when no message has that key. */
export function lookupMessage(key: string, locale: Locale = getLocale()): string | undefined {
	if (!isMessageKey(key)) return undefined;
	// The question texts take no inputs; any message with inputs would need its own typed call.
	const message = m[key] as (inputs: Record<string, never>, options: { locale: Locale }) => string;
	return message({}, { locale });
}

export function dimensionName(id: DimensionId, locale: Locale = getLocale()): string {
	return lookupMessage(dimensionNameKey(id), locale) ?? id;
}

export function dimensionShortName(id: DimensionId, locale: Locale = getLocale()): string {
	return lookupMessage(dimensionShortNameKey(id), locale) ?? dimensionName(id, locale);
}

export function dimensionIntro(id: DimensionId, locale: Locale = getLocale()): string {
	return lookupMessage(dimensionIntroKey(id), locale) ?? '';
}

export function aspectLabel(
	setId: string,
	dimensionId: DimensionId,
	aspectId: string,
	locale: Locale = getLocale()
): string {
	return lookupMessage(aspectLabelKey(setId, dimensionId, aspectId), locale) ?? aspectId;
}

export function aspectQuestion(
	setId: string,
	dimensionId: DimensionId,
	aspectId: string,
	locale: Locale = getLocale()
): string {
	return lookupMessage(aspectQuestionKey(setId, dimensionId, aspectId), locale) ?? aspectId;
}

/** The words beside 0 and 10, shared by every aspect. */
export function scaleMinLabel(locale: Locale = getLocale()): string {
	return m.scale_min_label({}, { locale });
}

export function scaleMaxLabel(locale: Locale = getLocale()): string {
	return m.scale_max_label({}, { locale });
}

/** Every dimension's name, keyed by id: the labels of the web's axes and the table's rows. */
export function dimensionNames(locale: Locale = getLocale()): Record<DimensionId, string> {
	return Object.fromEntries(DIMENSION_IDS.map((id) => [id, dimensionName(id, locale)])) as Record<
		DimensionId,
		string
	>;
}

import { z } from './zod';
import { DIMENSION_IDS, type DimensionId } from './dimensions';

/**
 * A voorziening on the sociale kaart: a local service a professional can point a person to (a
 * buurthuis, schuldhulp, a walking group). The fields follow what coordinators keep in their
 * lists and map onto Open Referral's HSDS 3.0 (src/lib/sociale-kaart/README.md).
 *
 * zod/mini: the screens that read these records load this schema in the browser.
 */

export const MIN_AGE = 0;
export const MAX_AGE = 120;

export const VOORZIENING_STATUSES = ['active', 'inactive'] as const;
export type VoorzieningStatus = (typeof VOORZIENING_STATUSES)[number];

/** Free text, trimmed; long enough for a real description, short enough for a list. */
function text(max: number) {
	return z.string().check(z.trim(), z.maxLength(max));
}

/** `1234ab`, `1234 AB` and `1234  ab` are one postcode: stored as `1234 AB`. */
export function normalizePostcode(value: string): string {
	const compact = value.replace(/\s+/g, '').toUpperCase();
	return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : value;
}

const POSTCODE = /^(|[1-9]\d{3} [A-Z]{2})$/;
// Digits with the usual separators (`020-123 45 67`, `+31 6 12345678`, `(0570) 12 34 56`).
const PHONE = /^(|\+?[\d (]{1,4}[\d ()-]{4,20}\d)$/;
// The practical shape browsers use for type=email: one @, a dot in the domain, no spaces.
const EMAIL = /^(|[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Letters, digits and `.`, `_`, `:`, `-`: fits ids from other systems and UUIDs alike. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** Only http and https: a `javascript:` or `data:` link must never become a tappable link. */
export function isWebAddress(value: string): boolean {
	if (value === '') return true;
	try {
		const url = new URL(value);
		return (
			(url.protocol === 'https:' || url.protocol === 'http:') &&
			url.hostname.includes('.') &&
			!/\s/.test(value)
		);
	} catch {
		return false;
	}
}

/** A day of the calendar (`2024-02-29` yes, `2023-02-29` no), from 1900 on. */
export function isRealDay(value: string): boolean {
	if (!DAY.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return (
		!Number.isNaN(date.getTime()) &&
		date.toISOString().slice(0, 10) === value &&
		date.getUTCFullYear() >= 1900
	);
}

/** Each dimension once, in the order of the web, so two lists of the same dimensions are equal. */
function canonicalDimensions(ids: DimensionId[]): DimensionId[] {
	return DIMENSION_IDS.filter((id) => ids.includes(id));
}

const Age = z.nullable(z.int().check(z.minimum(MIN_AGE), z.maximum(MAX_AGE)));

const fields = {
	name: text(200).check(z.minLength(1)),
	description: text(2000),
	organisation: text(200),
	dimensions: z
		.array(z.enum(DIMENSION_IDS))
		.check(z.minLength(1), z.overwrite(canonicalDimensions)),
	targetGroup: text(300),
	ageFrom: Age,
	ageTo: Age,
	costs: text(300),
	signUp: text(500),
	phone: text(40).check(z.regex(PHONE)),
	email: text(200).check(z.regex(EMAIL)),
	website: text(500).check(z.refine(isWebAddress)),
	street: text(200),
	postcode: text(20).check(z.overwrite(normalizePostcode), z.regex(POSTCODE)),
	place: text(100),
	neighbourhood: text(100),
	openingHours: text(500),
	status: z.enum(VOORZIENING_STATUSES),
	lastChecked: z.nullable(z.string().check(z.refine(isRealDay)))
};

/** From age and up to age: an empty end is open, and the range never runs backwards. */
const ageOrder = z.refine<{ ageFrom: number | null; ageTo: number | null }>(
	(v) => v.ageFrom === null || v.ageTo === null || v.ageFrom <= v.ageTo,
	{ path: ['ageTo'], message: 'ageTo before ageFrom' }
);

/** What a person (or a file) says about a voorziening: everything but its identity and times. */
export const VoorzieningFieldsSchema = z.object(fields).check(ageOrder);
export type VoorzieningFields = z.infer<typeof VoorzieningFieldsSchema>;
export type VoorzieningField = keyof VoorzieningFields;
export const VOORZIENING_FIELDS = Object.keys(fields) as VoorzieningField[];

/** Epoch milliseconds, as the other tables. */
const Time = z.int().check(z.nonnegative());

export const VoorzieningSchema = z
	.object({ id: z.string().check(z.regex(ID)), ...fields, createdAt: Time, updatedAt: Time })
	.check(ageOrder);
export type Voorziening = z.infer<typeof VoorzieningSchema>;

export const VoorzieningIdSchema = z.string().check(z.regex(ID));

/** An empty voorziening for the form: active, serving no dimension yet. */
export function emptyFields(): VoorzieningFields {
	return {
		name: '',
		description: '',
		organisation: '',
		dimensions: [],
		targetGroup: '',
		ageFrom: null,
		ageTo: null,
		costs: '',
		signUp: '',
		phone: '',
		email: '',
		website: '',
		street: '',
		postcode: '',
		place: '',
		neighbourhood: '',
		openingHours: '',
		status: 'active',
		lastChecked: null
	};
}

export function fieldsOf(voorziening: Voorziening): VoorzieningFields {
	return Object.fromEntries(
		VOORZIENING_FIELDS.map((field) => [field, voorziening[field]])
	) as VoorzieningFields;
}

/** The fields in which two versions differ, in form order; empty when they say the same. */
export function differingFields(a: VoorzieningFields, b: VoorzieningFields): VoorzieningField[] {
	return VOORZIENING_FIELDS.filter((field) => {
		const x = a[field];
		const y = b[field];
		return Array.isArray(x) && Array.isArray(y) ? x.join('|') !== y.join('|') : x !== y;
	});
}

/**
 * Name and organisation as one matching key: case, accents and spacing do not make two
 * voorzieningen different ("Buurthuis De Brink" and "buurthuis de brink ").
 */
export function matchKey(fields: Pick<VoorzieningFields, 'name' | 'organisation'>): string {
	return `${foldText(fields.name)}\u0000${foldText(fields.organisation)}`;
}

/** Lower case, no diacritics, single spaces: how search and matching compare text. */
export function foldText(value: string): string {
	return value
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

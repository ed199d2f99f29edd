import { DIMENSION_IDS, type DimensionId } from '$lib/domain/dimensions';
import { foldText, type Voorziening, type VoorzieningField } from '$lib/domain/voorziening';

/**
 * The columns of a sociale kaart list (CSV or JSON), Dutch first, as a coordinator writes them in
 * Excel. English names are accepted too. Documented in README.md beside this file.
 */
export type Column = VoorzieningField | 'id';

export const COLUMNS: readonly { name: string; field: Column; aliases: readonly string[] }[] = [
	{ name: 'id', field: 'id', aliases: [] },
	{ name: 'naam', field: 'name', aliases: ['name'] },
	{ name: 'beschrijving', field: 'description', aliases: ['description', 'omschrijving'] },
	{ name: 'organisatie', field: 'organisation', aliases: ['organisation', 'organization'] },
	{ name: 'dimensies', field: 'dimensions', aliases: ['dimensions', 'dimensie', 'onderdelen'] },
	{ name: 'doelgroep', field: 'targetGroup', aliases: ['target_group'] },
	{ name: 'leeftijd_van', field: 'ageFrom', aliases: ['age_from', 'minimum_age'] },
	{ name: 'leeftijd_tot', field: 'ageTo', aliases: ['age_to', 'maximum_age'] },
	{ name: 'kosten', field: 'costs', aliases: ['costs', 'fees'] },
	{ name: 'aanmelden', field: 'signUp', aliases: ['sign_up', 'application_process'] },
	{ name: 'telefoon', field: 'phone', aliases: ['phone', 'telefoonnummer'] },
	{ name: 'email', field: 'email', aliases: ['e_mail'] },
	{ name: 'website', field: 'website', aliases: ['url', 'site'] },
	{ name: 'straat', field: 'street', aliases: ['street', 'adres', 'address'] },
	{ name: 'postcode', field: 'postcode', aliases: ['postal_code', 'zip'] },
	{ name: 'plaats', field: 'place', aliases: ['place', 'city', 'woonplaats'] },
	{ name: 'wijk', field: 'neighbourhood', aliases: ['neighbourhood', 'neighborhood', 'buurt'] },
	{ name: 'openingstijden', field: 'openingHours', aliases: ['opening_hours'] },
	{ name: 'status', field: 'status', aliases: [] },
	{ name: 'laatst_gecontroleerd', field: 'lastChecked', aliases: ['last_checked'] }
];

/** `Leeftijd van`, `leeftijd-van` and `LEEFTIJD_VAN` are one header. */
function headerKey(header: string): string {
	return foldText(header).replace(/[\s-]+/g, '_');
}

const BY_HEADER = new Map<string, Column>(
	COLUMNS.flatMap(({ name, field, aliases }) =>
		[name, ...aliases].map((header) => [headerKey(header), field] as const)
	)
);

/** The field a header names, or undefined for a column we do not know. */
export function columnOf(header: string): Column | undefined {
	return BY_HEADER.get(headerKey(header));
}

/** The Dutch and English names of the dimensions, as they are written in lists. */
const DIMENSION_NAMES: Readonly<Record<DimensionId, readonly string[]>> = {
	lichaamsfuncties: ['Lichaamsfuncties', 'Lichaam', 'Bodily functions'],
	mentaal: ['Mentaal welbevinden', 'Mentaal', 'Mental well-being', 'Mental wellbeing'],
	zingeving: ['Zingeving', 'Meaningfulness'],
	kwaliteit: ['Kwaliteit van leven', 'Kwaliteit', 'Quality of life'],
	meedoen: ['Meedoen', 'Participation'],
	dagelijks: ['Dagelijks functioneren', 'Dagelijks', 'Daily functioning']
};

/** The Dutch name a list uses for a dimension ("Mentaal welbevinden"). */
export function dimensionDutchName(id: DimensionId): string {
	return DIMENSION_NAMES[id][0]!;
}

const DIMENSION_BY_NAME = new Map<string, DimensionId>(
	DIMENSION_IDS.flatMap((id) => [id, ...DIMENSION_NAMES[id]].map((n) => [foldText(n), id] as const))
);

/**
 * A dimensions cell (`meedoen; zingeving`, `Meedoen | Mentaal welbevinden`): each part as its id,
 * or as written when it names no dimension, so the check can say which part it did not know.
 */
export function parseDimensions(cell: string): string[] {
	return cell
		.split(/[;|,\n]/)
		.map((part) => part.trim())
		.filter((part) => part !== '')
		.map((part) => DIMENSION_BY_NAME.get(foldText(part)) ?? part);
}

const DUTCH_DAY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** `2024-03-12` as it is; `12-3-2024` and `12/03/2024` (how Excel-NL writes a day) as ISO. */
export function parseDay(cell: string): string {
	const dutch = DUTCH_DAY.exec(cell);
	if (!dutch) return cell;
	const [, day, month, year] = dutch;
	return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

function parseAge(cell: string): number | string | null {
	if (cell === '') return null;
	return /^\d{1,3}$/.test(cell) ? Number(cell) : cell;
}

const STATUS_WORDS: Readonly<Record<string, 'active' | 'inactive'>> = {
	'': 'active',
	actief: 'active',
	active: 'active',
	ja: 'active',
	inactief: 'inactive',
	'niet actief': 'inactive',
	inactive: 'inactive',
	nee: 'inactive'
};

/**
 * A cell Excel would read as a formula (`=`, `+`, `-`, `@`) is written with a leading `'` on
 * export to CSV, so opening the list runs nothing; reading a CSV takes that `'` off again.
 */
const FORMULA_START = /^['=+\-@\t\r]/;

export function escapeFormula(cell: string): string {
	return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormula(cell: string): string {
	return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * One row's cells (by field, as text) as the object the schema checks. Values that cannot be
 * converted stay as written, so the schema names the field that is wrong.
 */
export function candidateFromCells(cells: Partial<Record<Column, string>>): {
	id: string | undefined;
	fields: Record<VoorzieningField, unknown>;
} {
	const cell = (column: Column) => (cells[column] ?? '').trim();
	const website = cell('website');
	const status = cell('status');
	const lastChecked = cell('lastChecked');
	return {
		id: cell('id') || undefined,
		fields: {
			name: cell('name'),
			description: cell('description'),
			organisation: cell('organisation'),
			dimensions: parseDimensions(cell('dimensions')),
			targetGroup: cell('targetGroup'),
			ageFrom: parseAge(cell('ageFrom')),
			ageTo: parseAge(cell('ageTo')),
			costs: cell('costs'),
			signUp: cell('signUp'),
			phone: cell('phone'),
			email: cell('email'),
			// Lists often leave out the scheme; a bare `www.` address is a web address all the same.
			website: /^www\./i.test(website) ? `https://${website}` : website,
			street: cell('street'),
			postcode: cell('postcode'),
			place: cell('place'),
			neighbourhood: cell('neighbourhood'),
			openingHours: cell('openingHours'),
			status: STATUS_WORDS[foldText(status)] ?? status,
			lastChecked: lastChecked === '' ? null : parseDay(lastChecked)
		}
	};
}

/** A voorziening as one row of text cells, by Dutch column name, in column order. */
export function cellsOf(v: Voorziening): Record<string, string> {
	const values: Record<Column, string> = {
		id: v.id,
		name: v.name,
		description: v.description,
		organisation: v.organisation,
		dimensions: v.dimensions.join(' | '),
		targetGroup: v.targetGroup,
		ageFrom: v.ageFrom === null ? '' : String(v.ageFrom),
		ageTo: v.ageTo === null ? '' : String(v.ageTo),
		costs: v.costs,
		signUp: v.signUp,
		phone: v.phone,
		email: v.email,
		website: v.website,
		street: v.street,
		postcode: v.postcode,
		place: v.place,
		neighbourhood: v.neighbourhood,
		openingHours: v.openingHours,
		status: v.status === 'active' ? 'actief' : 'inactief',
		lastChecked: v.lastChecked ?? ''
	};
	return Object.fromEntries(COLUMNS.map(({ name, field }) => [name, values[field]]));
}

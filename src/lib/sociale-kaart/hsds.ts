import { foldText, type Voorziening } from '$lib/domain/voorziening';
import { dimensionDutchName } from './columns';

/**
 * The sociale kaart as Open Referral HSDS 3.0 JSON: one `service` per voorziening, shaped as the
 * HSDS API answers `/services` (a page of services with their organization, phones, schedules,
 * locations with addresses, and attributes). Dimensions travel as attributes whose taxonomy term
 * is one of the six. The field-by-field table is in README.md beside this file.
 */

export const HSDS_VERSION = '3.0';
const DIMENSION_TAXONOMY = {
	id: 'spinnenweb-dimensies',
	name: 'Positieve Gezondheid: zes dimensies',
	description:
		'De zes dimensies van de spinnenweb van Positieve Gezondheid (Huber e.a.), als indeling van voorzieningen.',
	version: '1'
};
const NEIGHBOURHOOD_TERM = {
	id: 'spinnenweb-wijk',
	name: 'Wijk',
	description: 'De wijk of buurt waar de voorziening is.'
};

/** One organisation per folded name, so two services of "Welzijn Oost" share one organization. */
function organizationId(name: string): string {
	return `org-${foldText(name)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')}`;
}

function optional<T>(value: T | null | ''): T | undefined {
	return value === '' || value === null ? undefined : value;
}

export function toHsdsService(v: Voorziening) {
	const organization = v.organisation
		? { id: organizationId(v.organisation), name: v.organisation, description: '' }
		: undefined;
	const locationId = `${v.id}-locatie`;
	const hasAddress = v.street !== '' || v.postcode !== '' || v.place !== '';
	const location = hasAddress
		? {
				id: locationId,
				location_type: 'physical',
				name: v.name,
				organization_id: organization?.id,
				addresses: [
					{
						id: `${v.id}-adres`,
						location_id: locationId,
						address_1: v.street,
						city: v.place,
						// HSDS asks for it; a Dutch address is complete without a province.
						state_province: '',
						postal_code: v.postcode,
						country: 'NL',
						address_type: 'physical'
					}
				],
				attributes: v.neighbourhood
					? [
							{
								id: `${v.id}-wijk`,
								link_id: locationId,
								link_type: 'neighbourhood',
								link_entity: 'location',
								taxonomy_term_id: NEIGHBOURHOOD_TERM.id,
								value: v.neighbourhood,
								taxonomy_term: NEIGHBOURHOOD_TERM
							}
						]
					: []
			}
		: undefined;

	return {
		id: v.id,
		organization_id: organization?.id,
		name: v.name,
		description: optional(v.description),
		url: optional(v.website),
		email: optional(v.email),
		status: v.status,
		application_process: optional(v.signUp),
		fees_description: optional(v.costs),
		eligibility_description: optional(v.targetGroup),
		minimum_age: optional(v.ageFrom),
		maximum_age: optional(v.ageTo),
		assured_date: optional(v.lastChecked),
		organization,
		phones: v.phone ? [{ id: `${v.id}-telefoon`, service_id: v.id, number: v.phone }] : [],
		schedules: v.openingHours
			? [{ id: `${v.id}-tijden`, service_id: v.id, description: v.openingHours }]
			: [],
		service_at_locations: location
			? [{ id: `${v.id}-op-locatie`, service_id: v.id, location_id: locationId, location }]
			: [],
		attributes: v.dimensions.map((dimension) => ({
			id: `${v.id}-${dimension}`,
			link_id: v.id,
			link_type: 'positive_health_dimension',
			link_entity: 'service',
			taxonomy_term_id: `${DIMENSION_TAXONOMY.id}-${dimension}`,
			taxonomy_term: {
				id: `${DIMENSION_TAXONOMY.id}-${dimension}`,
				code: dimension,
				name: dimensionDutchName(dimension),
				description: `Deze voorziening helpt bij ${dimensionDutchName(dimension)}.`,
				taxonomy_id: DIMENSION_TAXONOMY.id,
				language: 'nl',
				taxonomy: DIMENSION_TAXONOMY
			}
		}))
	};
}

export type HsdsService = ReturnType<typeof toHsdsService>;

/** All services as one page of the HSDS API's paginated list; undefined fields are left out. */
export function toHsdsJson(list: readonly Voorziening[]): string {
	const contents = list.map(toHsdsService);
	const page = {
		total_items: contents.length,
		total_pages: 1,
		page_number: 1,
		size: contents.length,
		first_page: true,
		last_page: true,
		empty: contents.length === 0,
		contents
	};
	return `${JSON.stringify(page, null, 2)}\n`;
}

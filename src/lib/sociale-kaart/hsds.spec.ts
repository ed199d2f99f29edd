import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { emptyFields, type Voorziening } from '$lib/domain/voorziening';
import { toHsdsJson, toHsdsService } from './hsds';

const brink: Voorziening = {
	...emptyFields(),
	id: 'SK-001',
	name: 'Buurthuis De Brink',
	description: 'Een huiskamer voor de wijk.',
	organisation: 'Welzijn Brinkveen',
	dimensions: ['zingeving', 'meedoen'],
	targetGroup: 'Iedereen uit de wijk',
	ageFrom: 18,
	ageTo: 99,
	costs: 'Gratis',
	signUp: 'Loop binnen',
	phone: '0570 700 101',
	email: 'info@debrink.nl',
	website: 'https://debrink.nl',
	street: 'Brinkstraat 4',
	postcode: '7411 AB',
	place: 'Brinkveen',
	neighbourhood: 'Centrum',
	openingHours: 'ma t/m vr 9.00–17.00',
	status: 'inactive',
	lastChecked: '2025-03-12',
	createdAt: 1,
	updatedAt: 1
};

/** The parts of HSDS 3.0 we write, with the fields its schema requires. */
const Id = z.string().min(1);
const TaxonomyTerm = z.object({
	id: Id,
	code: z.string().optional(),
	name: z.string().min(1),
	description: z.string()
});
const Attribute = z.object({
	id: Id,
	link_id: Id,
	link_type: z.string().min(1),
	link_entity: z.enum(['service', 'location']),
	taxonomy_term_id: Id,
	value: z.string().optional(),
	taxonomy_term: TaxonomyTerm
});
const HsdsServiceSchema = z.strictObject({
	id: Id,
	organization_id: Id.optional(),
	name: z.string().min(1),
	description: z.string().optional(),
	url: z.url().optional(),
	email: z.email().optional(),
	status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
	application_process: z.string().optional(),
	fees_description: z.string().optional(),
	eligibility_description: z.string().optional(),
	minimum_age: z.number().optional(),
	maximum_age: z.number().optional(),
	assured_date: z.iso.date().optional(),
	organization: z.object({ id: Id, name: z.string().min(1), description: z.string() }).optional(),
	phones: z.array(z.strictObject({ id: Id, service_id: Id, number: z.string().min(1) })),
	schedules: z.array(z.strictObject({ id: Id, service_id: Id, description: z.string() })),
	service_at_locations: z.array(
		z.strictObject({
			id: Id,
			service_id: Id,
			location_id: Id,
			location: z.object({
				id: Id,
				location_type: z.enum(['physical', 'postal', 'virtual']),
				addresses: z.array(
					z.object({
						id: Id,
						location_id: Id,
						address_1: z.string(),
						city: z.string(),
						state_province: z.string(),
						postal_code: z.string(),
						country: z.string().length(2),
						address_type: z.enum(['physical', 'postal', 'virtual'])
					})
				),
				attributes: z.array(Attribute)
			})
		})
	),
	attributes: z.array(Attribute)
});

describe('HSDS 3.0 export', () => {
	it('maps every field of a voorziening onto its HSDS place', () => {
		const service = HsdsServiceSchema.parse(toHsdsService(brink));
		expect(service).toMatchObject({
			id: 'SK-001',
			name: 'Buurthuis De Brink',
			description: 'Een huiskamer voor de wijk.',
			url: 'https://debrink.nl',
			email: 'info@debrink.nl',
			status: 'inactive',
			application_process: 'Loop binnen',
			fees_description: 'Gratis',
			eligibility_description: 'Iedereen uit de wijk',
			minimum_age: 18,
			maximum_age: 99,
			assured_date: '2025-03-12',
			organization: { name: 'Welzijn Brinkveen' },
			phones: [{ number: '0570 700 101', service_id: 'SK-001' }],
			schedules: [{ description: 'ma t/m vr 9.00–17.00' }]
		});
		expect(service.organization_id).toBe(service.organization?.id);
		const location = service.service_at_locations[0]!.location;
		expect(location.addresses).toEqual([
			expect.objectContaining({
				address_1: 'Brinkstraat 4',
				postal_code: '7411 AB',
				city: 'Brinkveen',
				country: 'NL'
			})
		]);
		expect(location.attributes).toEqual([expect.objectContaining({ value: 'Centrum' })]);
		expect(service.attributes.map((a) => [a.taxonomy_term.code, a.taxonomy_term.name])).toEqual([
			['zingeving', 'Zingeving'],
			['meedoen', 'Meedoen']
		]);
	});

	it('leaves out what is empty instead of writing empty values', () => {
		const bare: Voorziening = {
			...emptyFields(),
			id: 'x',
			name: 'Wandelgroep',
			dimensions: ['lichaamsfuncties'],
			createdAt: 1,
			updatedAt: 1
		};
		const service = HsdsServiceSchema.parse(JSON.parse(JSON.stringify(toHsdsService(bare))));
		expect(Object.keys(service).sort()).toEqual(
			['attributes', 'id', 'name', 'phones', 'schedules', 'service_at_locations', 'status'].sort()
		);
	});

	it('gives services of one organisation the same organization id', () => {
		const other = {
			...brink,
			id: 'SK-002',
			name: 'Repair Café',
			organisation: 'welzijn  brinkveen'
		};
		expect(toHsdsService(other).organization_id).toBe(toHsdsService(brink).organization_id);
	});

	it('writes a page of services as the HSDS API does', () => {
		const page = JSON.parse(toHsdsJson([brink])) as Record<string, unknown>;
		expect(page).toMatchObject({ total_items: 1, total_pages: 1, page_number: 1, empty: false });
		expect(page.contents).toHaveLength(1);
	});
});

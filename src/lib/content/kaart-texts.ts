import type { DimensionId } from '$lib/domain/dimensions';
import type { Voorziening, VoorzieningField } from '$lib/domain/voorziening';
import { m } from '$lib/paraglide/messages.js';
import type { RowReason } from '$lib/sociale-kaart/import-plan';
import type { FileProblem } from '$lib/sociale-kaart/read-file';
import { dimensionShortName } from './question-texts';

/** The words of the sociale kaart screens that depend on a value: labels, reasons, ages. */

export function fieldLabel(field: VoorzieningField | 'id'): string {
	switch (field) {
		case 'name':
			return m.kaart_field_name();
		case 'description':
			return m.kaart_field_description();
		case 'organisation':
			return m.kaart_field_organisation();
		case 'dimensions':
			return m.kaart_field_dimensions();
		case 'targetGroup':
			return m.kaart_field_target_group();
		case 'ageFrom':
			return m.kaart_field_age_from();
		case 'ageTo':
			return m.kaart_field_age_to();
		case 'costs':
			return m.kaart_field_costs();
		case 'signUp':
			return m.kaart_field_sign_up();
		case 'phone':
			return m.kaart_field_phone();
		case 'email':
			return m.kaart_field_email();
		case 'website':
			return m.kaart_field_website();
		case 'street':
			return m.kaart_field_street();
		case 'postcode':
			return m.kaart_field_postcode();
		case 'place':
			return m.kaart_field_place();
		case 'neighbourhood':
			return m.kaart_field_neighbourhood();
		case 'openingHours':
			return m.kaart_field_opening_hours();
		case 'status':
			return m.kaart_field_status();
		case 'lastChecked':
			return m.kaart_field_last_checked();
		case 'id':
			return m.kaart_field_id();
	}
}

/** What is wrong and what to do, for one field or the row's shape. */
export function reasonText(reason: RowReason): string {
	switch (reason) {
		case 'name':
			return m.kaart_problem_name();
		case 'dimensions':
			return m.kaart_problem_dimensions();
		case 'ageFrom':
			return m.kaart_problem_age();
		case 'ageTo':
			return m.kaart_problem_age_to();
		case 'phone':
			return m.kaart_problem_phone();
		case 'email':
			return m.kaart_problem_email();
		case 'website':
			return m.kaart_problem_website();
		case 'postcode':
			return m.kaart_problem_postcode();
		case 'status':
			return m.kaart_problem_status();
		case 'lastChecked':
			return m.kaart_problem_date();
		case 'id':
			return m.kaart_problem_id();
		case 'quotes':
			return m.kaart_problem_quotes();
		case 'extra-cells':
			return m.kaart_problem_extra_cells();
		case 'not-an-object':
			return m.kaart_problem_not_object();
		default:
			// The free-text fields can only be too long.
			return m.kaart_problem_too_long();
	}
}

/** "Postcode: Schrijf de postcode als 1234 AB." — a shape problem has no field to name. */
export function reasonLine(reason: RowReason): string {
	const isShape = reason === 'quotes' || reason === 'extra-cells' || reason === 'not-an-object';
	return isShape ? reasonText(reason) : `${fieldLabel(reason)}: ${reasonText(reason)}`;
}

export function fileProblemText(problem: FileProblem): string {
	switch (problem) {
		case 'too-large':
			return m.kaart_file_too_large();
		case 'not-csv-or-json':
			return m.kaart_file_not_csv();
		case 'empty':
			return m.kaart_file_empty();
		case 'no-name-column':
			return m.kaart_file_no_name();
		case 'bad-json':
			return m.kaart_file_bad_json();
	}
}

export function agesText(v: Pick<Voorziening, 'ageFrom' | 'ageTo'>): string {
	const from = v.ageFrom === null ? null : String(v.ageFrom);
	const to = v.ageTo === null ? null : String(v.ageTo);
	if (from !== null && to !== null) return m.kaart_ages_range({ from, to });
	if (from !== null) return m.kaart_ages_from({ from });
	if (to !== null) return m.kaart_ages_to({ to });
	return '';
}

export function statusText(status: Voorziening['status']): string {
	return status === 'active' ? m.kaart_status_active() : m.kaart_status_inactive();
}

export function dimensionList(ids: readonly DimensionId[]): string {
	return ids.map((id) => dimensionShortName(id)).join(', ');
}

/** A field's value as a person reads it, for the side-by-side view of a match. */
export function valueText(
	v: Voorziening | Omit<Voorziening, 'id' | 'createdAt' | 'updatedAt'>,
	field: VoorzieningField
): string {
	const value = v[field];
	if (field === 'dimensions') return dimensionList(v.dimensions);
	if (field === 'status') return statusText(v.status);
	if (value === null || value === '') return m.kaart_empty_value();
	return String(value);
}

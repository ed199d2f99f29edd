import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { emptyFields, type Voorziening } from '$lib/domain/voorziening';
import AgreementVoorziening from './AgreementVoorziening.svelte';

const BRINK: Voorziening = {
	...emptyFields(),
	id: 'SK-001',
	name: 'Buurthuis De Brink',
	organisation: 'Welzijn Brinkveen',
	dimensions: ['meedoen'],
	phone: '0570 700 101',
	email: 'info@debrink.example',
	website: 'https://www.debrink.example/',
	street: 'Brinkstraat 4',
	postcode: '7411 AB',
	place: 'Brinkveen',
	openingHours: 'ma t/m vr 9.00–17.00',
	createdAt: 0,
	updatedAt: 0
};

describe('AgreementVoorziening', () => {
	it('shows how to reach the voorziening, the phone as a number to call', () => {
		render(AgreementVoorziening, { voorziening: BRINK });
		expect(screen.getByText('Buurthuis De Brink')).toBeTruthy();
		expect(screen.getByText('· Welzijn Brinkveen')).toBeTruthy();
		expect(screen.getByRole('link', { name: '0570 700 101' }).getAttribute('href')).toBe(
			'tel:0570700101'
		);
		expect(screen.getByRole('link', { name: 'info@debrink.example' }).getAttribute('href')).toBe(
			'mailto:info@debrink.example'
		);
		expect(screen.getByText('Adres: Brinkstraat 4, 7411 AB Brinkveen')).toBeTruthy();
		expect(screen.getByText('Openingstijden: ma t/m vr 9.00–17.00')).toBeTruthy();
	});

	it('says plainly that a deleted voorziening is no longer on the kaart', () => {
		render(AgreementVoorziening, { voorziening: undefined });
		expect(screen.getByText('Deze voorziening staat niet meer in de sociale kaart.')).toBeTruthy();
		expect(screen.queryByRole('link')).toBeNull();
	});
});

import { render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import LookupGate from './LookupGate.svelte';

const screenOfTheRecord = createRawSnippet(() => ({
	render: () => '<p>Het gesprek met Fatima</p>'
}));

function gate(lookup: { status: string } | undefined) {
	return render(LookupGate, {
		lookup,
		missing: 'Dit gesprek is er niet (meer).',
		backHref: '/gesprekken',
		backText: 'Naar de mensen',
		children: screenOfTheRecord
	});
}

describe('LookupGate', () => {
	it('says it is loading while the record is read, and shows nothing of it yet', () => {
		gate(undefined);
		expect(screen.getByText('Even geduld…')).toBeTruthy();
		expect(screen.queryByText('Het gesprek met Fatima')).toBeNull();
	});

	it.each(['missing', 'corrupt'])(
		'a %s record: the message is the heading, announced, with the way back',
		(status) => {
			gate({ status });
			const alert = screen.getByRole('alert');
			expect(alert.querySelector('h1')?.textContent).toBe('Dit gesprek is er niet (meer).');
			expect(screen.getByRole('link', { name: 'Naar de mensen' }).getAttribute('href')).toBe(
				'/gesprekken'
			);
			expect(screen.queryByText('Het gesprek met Fatima')).toBeNull();
		}
	);

	it('shows the page once the record is found', () => {
		gate({ status: 'found' });
		expect(screen.getByText('Het gesprek met Fatima')).toBeTruthy();
		expect(screen.queryByRole('alert')).toBeNull();
	});
});

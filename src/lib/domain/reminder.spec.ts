import { describe, expect, it } from 'vitest';
import { dayOf, dueReminder, type ReminderCandidate } from './reminder';

const base: ReminderCandidate = {
	webId: 'web-1',
	webCreatedAt: 1_000,
	step: 'Elke ochtend tien minuten wandelen',
	stepDate: '2026-03-10',
	reminderDismissedAt: null
};

describe('dueReminder', () => {
	it.each<{
		name: string;
		candidate: Partial<ReminderCandidate>;
		latest: number | null;
		today: string;
		due: boolean;
	}>([
		{
			name: 'the day before the date',
			candidate: {},
			latest: 1_000,
			today: '2026-03-09',
			due: false
		},
		{
			name: 'on the date itself',
			candidate: {},
			latest: 1_000,
			today: '2026-03-10',
			due: true
		},
		{
			name: 'long after the date',
			candidate: {},
			latest: 1_000,
			today: '2027-01-01',
			due: true
		},
		{
			name: 'without a date',
			candidate: { stepDate: null },
			latest: null,
			today: '2027-01-01',
			due: false
		},
		{
			name: 'without a step',
			candidate: { step: '  ' },
			latest: null,
			today: '2027-01-01',
			due: false
		},
		{
			name: 'once put away',
			candidate: { reminderDismissedAt: 1 },
			latest: null,
			today: '2027-01-01',
			due: false
		},
		{
			name: 'once a newer web was begun',
			candidate: {},
			latest: 2_000,
			today: '2026-03-12',
			due: false
		},
		{
			name: 'when the newest web is its own',
			candidate: {},
			latest: 1_000,
			today: '2026-03-12',
			due: true
		},
		{ name: 'with no webs known', candidate: {}, latest: null, today: '2026-03-10', due: true },
		{
			name: 'across a year end',
			candidate: { stepDate: '2026-12-31' },
			latest: 1_000,
			today: '2027-01-01',
			due: true
		}
	])('$name: due is $due', ({ candidate, latest, today, due }) => {
		const result = dueReminder([{ ...base, ...candidate }], latest, today);
		expect(result !== null).toBe(due);
	});

	it('gives the step trimmed, with its web and date', () => {
		expect(dueReminder([{ ...base, step: '  Bellen met Anna ' }], null, '2026-03-10')).toEqual({
			webId: 'web-1',
			step: 'Bellen met Anna',
			stepDate: '2026-03-10'
		});
	});

	it('picks the latest due date of several', () => {
		const result = dueReminder(
			[
				base,
				{ ...base, webId: 'web-2', stepDate: '2026-03-20' },
				{ ...base, webId: 'web-3', stepDate: '2026-04-01' }
			],
			1_000,
			'2026-03-25'
		);
		expect(result?.webId).toBe('web-2');
	});

	it('is null for no candidates', () => {
		expect(dueReminder([], null, '2026-03-25')).toBeNull();
	});
});

describe('dayOf', () => {
	it('gives the local calendar day', () => {
		expect(dayOf(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
		expect(dayOf(new Date(2026, 11, 31, 0, 1).getTime())).toBe('2026-12-31');
	});
});

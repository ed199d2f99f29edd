import { describe, expect, it } from 'vitest';
import { followUpDateOf, isFollowUpDue, orderPeople, type PersonOverview } from './follow-up';

const TODAY = '2026-03-10';

function person(id: string, overrides: Partial<PersonOverview> = {}): PersonOverview {
	return {
		id,
		pseudonym: id.toUpperCase(),
		createdAt: 1_000,
		lastConversationAt: null,
		followUpDate: null,
		...overrides
	};
}

describe('followUpDateOf', () => {
	it('takes the day set in the newest conversation', () => {
		expect(
			followUpDateOf([
				{ createdAt: 1, followUpDate: '2026-01-01' },
				{ createdAt: 3, followUpDate: '2026-05-01' },
				{ createdAt: 2, followUpDate: '2026-02-01' }
			])
		).toBe('2026-05-01');
	});

	it('lets a newer conversation without a day end an older one', () => {
		expect(
			followUpDateOf([
				{ createdAt: 1, followUpDate: '2026-01-01' },
				{ createdAt: 2, followUpDate: null }
			])
		).toBeNull();
		expect(followUpDateOf([])).toBeNull();
	});
});

describe('isFollowUpDue', () => {
	it.each([
		['2026-03-09', true],
		['2026-03-10', true],
		['2026-03-11', false],
		[null, false]
	] as const)('%s is due on %s: %s', (day, expected) => {
		expect(isFollowUpDue(day, TODAY)).toBe(expected);
	});

	it('compares across months and years as days', () => {
		expect(isFollowUpDue('2025-12-31', '2026-01-01')).toBe(true);
		expect(isFollowUpDue('2026-10-01', '2026-09-30')).toBe(false);
	});
});

describe('orderPeople', () => {
	it('puts those due first, the longest waiting on top, then the rest by last seen', () => {
		const people = [
			person('recent', { lastConversationAt: 9_000, followUpDate: '2026-04-01' }),
			person('due-today', { lastConversationAt: 5_000, followUpDate: TODAY }),
			person('new', { createdAt: 7_000 }),
			person('due-long-ago', { lastConversationAt: 2_000, followUpDate: '2026-01-15' }),
			person('older', { lastConversationAt: 3_000 })
		];
		expect(orderPeople(people, TODAY).map((p) => p.id)).toEqual([
			'due-long-ago',
			'due-today',
			'recent',
			'new',
			'older'
		]);
	});

	it('orders people due on the same day and seen at the same time by name, and keeps its input', () => {
		const people = [
			person('b', { pseudonym: 'Bram', followUpDate: '2026-03-01' }),
			person('a', { pseudonym: 'Anna', followUpDate: '2026-03-01' })
		];
		expect(orderPeople(people, TODAY).map((p) => p.pseudonym)).toEqual(['Anna', 'Bram']);
		expect(people.map((p) => p.id)).toEqual(['b', 'a']);
	});
});

import { describe, expect, it } from 'vitest';
import {
	AGREEMENT_STATUSES,
	AgreementSchema,
	isOpen,
	newAgreement,
	type Agreement
} from './agreement';
import {
	agreementsToReview,
	canEditWording,
	statusChangedAt,
	withByWhen,
	withStatus,
	withWhat,
	withWhoKind,
	withWhoName
} from './agreement-changes';

const CLIENT = '2d3c4b5a-6978-4a1b-8c2d-3e4f5a6b7c8d';
const FIRST = '10000000-0000-4000-8000-000000000001';
const SECOND = '10000000-0000-4000-8000-000000000002';
const THIRD = '10000000-0000-4000-8000-000000000003';

let counter = 0;
function agreement(conversationId = FIRST, overrides: Partial<Agreement> = {}): Agreement {
	counter++;
	return {
		...newAgreement({
			id: `a0000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
			clientId: CLIENT,
			conversationId,
			now: counter
		}),
		...overrides
	};
}

describe('a new agreement', () => {
	it('is open, for the person, with no day and no history', () => {
		const a = agreement();
		expect(a).toMatchObject({
			what: '',
			who: { kind: 'person', name: '' },
			byWhen: null,
			status: 'open',
			history: []
		});
		expect(isOpen(a)).toBe(true);
		expect(AgreementSchema.parse(a)).toEqual(a);
	});
});

describe('wording', () => {
	it('is written in the conversation that made it', () => {
		let a = agreement();
		a = withWhat(a, FIRST, 'belt het buurthuis');
		a = withWhoKind(a, FIRST, 'network');
		a = withWhoName(a, FIRST, 'dochter Sara');
		a = withByWhen(a, FIRST, '2026-03-12');
		expect(a).toMatchObject({
			what: 'belt het buurthuis',
			who: { kind: 'network', name: 'dochter Sara' },
			byWhen: '2026-03-12'
		});
		expect(withWhat(a, FIRST, 'belt het buurthuis')).toBe(a);
		expect(withWhoKind(a, FIRST, 'network')).toBe(a);
		// The name stays when the kind changes: it often still fits.
		expect(withWhoKind(a, FIRST, 'voorziening').who).toEqual({
			kind: 'voorziening',
			name: 'dochter Sara'
		});
		expect(AgreementSchema.safeParse(a).success).toBe(true);
	});

	it('is not changed by a later conversation, which sets how it went instead', () => {
		const a = agreement();
		expect(canEditWording(a, FIRST)).toBe(true);
		expect(canEditWording(a, SECOND)).toBe(false);
		expect(() => withWhat(a, SECOND, 'iets anders')).toThrow(RangeError);
		expect(() => withByWhen(a, SECOND, null)).toThrow(RangeError);
		expect(withStatus(a, 'done', SECOND, 50).status).toBe('done');
	});

	it('never holds a BSN', () => {
		expect(
			AgreementSchema.safeParse(withWhat(agreement(), FIRST, 'geeft 123456782 door')).success
		).toBe(false);
		expect(
			AgreementSchema.safeParse(withWhoName(agreement(), FIRST, 'Sara 111 222 333')).success
		).toBe(false);
	});
});

describe('status', () => {
	it('remembers each change with its conversation and time', () => {
		let a = withStatus(agreement(), 'partly', SECOND, 100);
		a = withStatus(a, 'done', THIRD, 200);
		expect(a.status).toBe('done');
		expect(a.history).toEqual([
			{ status: 'partly', at: 100, conversationId: SECOND },
			{ status: 'done', at: 200, conversationId: THIRD }
		]);
		expect(statusChangedAt(a)).toBe(200);
		expect(isOpen(a)).toBe(false);
		expect(AgreementSchema.safeParse(a).success).toBe(true);
	});

	it('changes nothing when the same status is chosen again', () => {
		const a = withStatus(agreement(), 'done', SECOND, 100);
		expect(withStatus(a, 'done', SECOND, 150)).toBe(a);
		expect(withStatus(a, 'done', THIRD, 150)).toBe(a);
	});

	it('keeps one outcome per conversation: a second choice corrects the first', () => {
		let a = withStatus(agreement(), 'done', SECOND, 100);
		a = withStatus(a, 'changed', SECOND, 110);
		expect(a.history).toEqual([{ status: 'changed', at: 110, conversationId: SECOND }]);
		// Back to how it was before this conversation: as if nothing was chosen.
		a = withStatus(a, 'open', SECOND, 120);
		expect(a.status).toBe('open');
		expect(a.history).toEqual([]);
		expect(statusChangedAt(a)).toBeNull();
	});

	it('corrects within a later conversation back to that conversation’s starting point', () => {
		let a = withStatus(agreement(), 'partly', SECOND, 100);
		a = withStatus(a, 'done', THIRD, 200);
		a = withStatus(a, 'partly', THIRD, 210);
		expect(a.history).toEqual([{ status: 'partly', at: 100, conversationId: SECOND }]);
	});

	it('counts open and partly done as still to do', () => {
		expect(AGREEMENT_STATUSES.map((status) => isOpen({ status }))).toEqual([
			true,
			false,
			true,
			false
		]);
	});
});

describe('the review a conversation opens with', () => {
	const conversations = [
		{ id: FIRST, createdAt: 1_000 },
		{ id: SECOND, createdAt: 2_000 },
		{ id: THIRD, createdAt: 3_000 }
	];

	it('has every agreement of the conversation before, and older ones still to do', () => {
		const oldDone = withStatus(agreement(FIRST), 'done', SECOND, 2_100);
		const oldOpen = agreement(FIRST);
		const oldPartly = withStatus(agreement(FIRST), 'partly', SECOND, 2_200);
		const previousDone = withStatus(agreement(SECOND), 'done', SECOND, 2_300);
		const previousOpen = agreement(SECOND);
		const own = agreement(THIRD);
		const review = agreementsToReview(
			[own, oldDone, oldOpen, oldPartly, previousDone, previousOpen],
			conversations,
			THIRD
		);
		expect(review.map((a) => a.id)).toEqual([
			previousDone.id,
			previousOpen.id,
			oldOpen.id,
			oldPartly.id
		]);
	});

	it('keeps an agreement whose status was set in this conversation', () => {
		const old = withStatus(agreement(FIRST), 'done', THIRD, 3_100);
		expect(agreementsToReview([old], conversations, THIRD)).toEqual([old]);
	});

	it('is empty for a first conversation, and for one it does not know', () => {
		const a = agreement(FIRST);
		expect(agreementsToReview([a], conversations, FIRST)).toEqual([]);
		expect(agreementsToReview([a], conversations, CLIENT)).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import {
	ClientSchema,
	checkPseudonym,
	newClient,
	withHandOverLocale,
	withPseudonym
} from './client';
import {
	ConversationSchema,
	conversationText,
	emptyConversation,
	newestConversationFirst,
	type Conversation
} from './conversation';
import {
	withFollowUpDate,
	withPromptDismissed,
	withPromptsShown,
	withText,
	withWeb,
	withWebFilledBy,
	withWishOwner
} from './conversation-changes';
import { PHASE_PROMPTS, isPromptId, visiblePrompts } from './conversation-prompts';

const CLIENT_ID = '2d3c4b5a-6978-4a1b-8c2d-3e4f5a6b7c8d';
const WEB_ID = '9a8b7c6d-5e4f-4a3b-9c1d-0e1f2a3b4c5d';

function fresh(): Conversation {
	return emptyConversation('11111111-2222-4333-8444-555555555555', CLIENT_ID, 1_000);
}

describe('a new conversation', () => {
	it('has no web, no texts, no prompts put away and no follow-up day', () => {
		const conversation = fresh();
		expect(ConversationSchema.parse(conversation)).toEqual(conversation);
		expect(conversation).toMatchObject({
			webId: null,
			notes: {},
			wish: '',
			wishOwner: null,
			firstStep: '',
			dismissedPrompts: [],
			followUpDate: null,
			webFilledBy: []
		});
	});
});

describe('texts', () => {
	it('keeps a note per phase, the wish and the first step, each as typed', () => {
		let c = fresh();
		c = withText(c, 'overzicht', 'Wandelen met de hond geeft energie ');
		c = withText(c, 'inzicht', 'Meer mensen zien');
		c = withText(c, 'uitzicht', 'Start klein');
		c = withText(c, 'wish', 'Weer naar het koor');
		c = withText(c, 'firstStep', 'Buurvrouw vragen mee te gaan');
		expect(c.notes).toEqual({
			overzicht: 'Wandelen met de hond geeft energie ',
			inzicht: 'Meer mensen zien',
			uitzicht: 'Start klein'
		});
		expect(conversationText(c, 'wish')).toBe('Weer naar het koor');
		expect(conversationText(c, 'firstStep')).toBe('Buurvrouw vragen mee te gaan');
		expect(ConversationSchema.safeParse(c).success).toBe(true);
	});

	it('removes an emptied note, and changes nothing for the same text', () => {
		const c = withText(fresh(), 'overzicht', 'Iets');
		expect(withText(c, 'overzicht', 'Iets')).toBe(c);
		expect(withText(c, 'overzicht', '').notes).toEqual({});
		expect(withText(fresh(), 'wish', '')).toEqual(fresh());
	});

	it('cuts a text at its limit', () => {
		const c = withText(fresh(), 'overzicht', 'x'.repeat(5000));
		expect(c.notes.overzicht).toHaveLength(1000);
		expect(withText(fresh(), 'firstStep', 'y'.repeat(800)).firstStep).toHaveLength(500);
	});

	it('is never stored with a BSN in it, in any field', () => {
		for (const field of ['overzicht', 'inzicht', 'uitzicht', 'wish', 'firstStep'] as const) {
			const c = withText(fresh(), field, 'Haar nummer is 123 456 782');
			const result = ConversationSchema.safeParse(c);
			expect(result.success, field).toBe(false);
		}
		// A number that fails the elfproef is just a number.
		expect(ConversationSchema.safeParse(withText(fresh(), 'wish', 'Bus 123456781')).success).toBe(
			true
		);
	});
});

describe('choices', () => {
	it('records whose wish it is, and the follow-up day', () => {
		let c = withWishOwner(fresh(), 'network');
		expect(c.wishOwner).toBe('network');
		expect(withWishOwner(c, 'network')).toBe(c);
		c = withFollowUpDate(c, '2026-04-12');
		expect(c.followUpDate).toBe('2026-04-12');
		expect(withFollowUpDate(c, '2026-04-12')).toBe(c);
		expect(withFollowUpDate(c, null).followUpDate).toBeNull();
		expect(ConversationSchema.safeParse({ ...c, followUpDate: '12-04-2026' }).success).toBe(false);
	});

	it('links one web, once', () => {
		const c = withWeb(fresh(), WEB_ID);
		expect(c.webId).toBe(WEB_ID);
		expect(withWeb(c, WEB_ID)).toBe(c);
		expect(() => withWeb(c, CLIENT_ID)).toThrow(RangeError);
	});

	it('remembers every way the web was filled in, each once, in order', () => {
		let c = withWebFilledBy(fresh(), 'together');
		c = withWebFilledBy(c, 'hand-over');
		expect(withWebFilledBy(c, 'together')).toBe(c);
		expect(c.webFilledBy).toEqual(['together', 'hand-over']);
	});
});

describe('prompts', () => {
	it('open overzicht with what gives energy', () => {
		expect(PHASE_PROMPTS.overzicht[0]).toBe('overzicht.energy');
	});

	it('are put away one at a time and stay away, per phase', () => {
		let c = withPromptDismissed(fresh(), 'overzicht.energy');
		expect(withPromptDismissed(c, 'overzicht.energy')).toBe(c);
		c = withPromptDismissed(c, 'inzicht.why');
		expect(visiblePrompts('overzicht', c.dismissedPrompts)).toEqual([
			'overzicht.filling-in',
			'overzicht.stands-out',
			'overzicht.now'
		]);
		expect(visiblePrompts('inzicht', c.dismissedPrompts)).toEqual([
			'inzicht.wish',
			'inzicht.different'
		]);
		// Showing overzicht's again leaves inzicht's choice alone.
		c = withPromptsShown(c, 'overzicht');
		expect(c.dismissedPrompts).toEqual(['inzicht.why']);
		expect(withPromptsShown(c, 'uitzicht')).toBe(c);
	});

	it('have ids that say their phase', () => {
		for (const [phase, ids] of Object.entries(PHASE_PROMPTS)) {
			for (const id of ids) {
				expect(id.startsWith(`${phase}.`)).toBe(true);
				expect(isPromptId(id)).toBe(true);
			}
		}
		expect(isPromptId('overzicht.lowest')).toBe(false);
	});
});

describe('order', () => {
	it('lists the newest conversation first', () => {
		const older = { id: 'a', createdAt: 1 };
		const newer = { id: 'b', createdAt: 2 };
		expect([older, newer].sort(newestConversationFirst)).toEqual([newer, older]);
	});
});

describe('a person', () => {
	it('is stored under a pseudonym, trimmed when made', () => {
		const client = newClient(CLIENT_ID, '  F.B. ', 5);
		expect(client).toEqual({
			id: CLIENT_ID,
			pseudonym: 'F.B.',
			createdAt: 5,
			updatedAt: 5,
			handOverLocale: null
		});
		expect(ClientSchema.parse(client)).toEqual(client);
	});

	it.each([
		['Fatima', 'ok'],
		['F.B.', 'ok'],
		['   ', 'empty'],
		['', 'empty'],
		['Fatima 123456782', 'bsn'],
		['111.222.333', 'bsn'],
		['Kamer 12', 'ok']
	] as const)('"%s" is %s', (text, expected) => {
		expect(checkPseudonym(text)).toBe(expected);
		expect(ClientSchema.safeParse(newClient(CLIENT_ID, text, 1)).success).toBe(expected === 'ok');
	});

	it('reads a person stored without a hand-over language', () => {
		const stored: Record<string, unknown> = { ...newClient(CLIENT_ID, 'Ali', 1) };
		delete stored.handOverLocale;
		expect(ClientSchema.parse(stored).handOverLocale).toBeNull();
	});

	it('changes the pseudonym and the hand-over language', () => {
		const client = newClient(CLIENT_ID, 'Ali', 1);
		expect(withPseudonym(client, 'Ali')).toBe(client);
		expect(withPseudonym(client, 'A.').pseudonym).toBe('A.');
		expect(withHandOverLocale(client, 'ar').handOverLocale).toBe('ar');
		expect(withHandOverLocale(withHandOverLocale(client, 'ar'), 'ar').handOverLocale).toBe('ar');
	});
});

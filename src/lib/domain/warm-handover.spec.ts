import { describe, expect, it } from 'vitest';
import { containsBsn } from './bsn';
import { ConversationSchema, emptyConversation } from './conversation';
import { withHandover } from './conversation-changes';
import {
	consentOf,
	handoverBlock,
	HandoverConsentSchema,
	type HandoverForm
} from './warm-handover';

const ready: HandoverForm = {
	receiver: 'Wijkteam Oost',
	receiverVoorzieningId: null,
	reason: 'Hulp bij geldzaken.',
	professionalName: 'Anna de Vries',
	parts: { web: true, words: true, agreements: true, notes: false },
	hasConsent: true
};

describe('handoverBlock: the consent gate', () => {
	it('lets a complete form with consent through', () => {
		expect(handoverBlock(ready, containsBsn)).toBeNull();
	});

	it('stops first of all without consent, however complete the rest is', () => {
		expect(handoverBlock({ ...ready, hasConsent: false }, containsBsn)).toBe('consent');
	});

	it.each([
		['receiver', { receiver: '  ' }],
		['professional', { professionalName: '' }],
		['reason', { reason: '\n' }],
		['bsn', { reason: 'BSN 111222333' }]
	] as const)('says %s when that is missing', (block, patch) => {
		expect(handoverBlock({ ...ready, ...patch }, containsBsn)).toBe(block);
	});
});

describe('consentOf', () => {
	it('keeps who, when, by whom and only the chosen parts', () => {
		const consent = consentOf({ ...ready, receiverVoorzieningId: 'SK-001' }, 1_700_000_000_000);
		expect(consent).toEqual({
			at: 1_700_000_000_000,
			professionalName: 'Anna de Vries',
			receiver: { name: 'Wijkteam Oost', voorzieningId: 'SK-001' },
			parts: ['web', 'words', 'agreements']
		});
		expect(HandoverConsentSchema.safeParse(consent).success).toBe(true);
	});

	it('is stored with the conversation and reads back through its schema; older records have none', () => {
		const conversation = emptyConversation(
			'0b9f8f6e-3c1a-4d55-9a57-6a1c5d9f2b10',
			'5a0e6a8b-2f5d-4c1e-8b7a-2e1f0c9d8b71',
			1
		);
		expect(ConversationSchema.parse(conversation).handovers).toBeUndefined();
		const withOne = withHandover(conversation, consentOf(ready, 2));
		expect(ConversationSchema.parse(withOne).handovers).toHaveLength(1);
	});

	it('refuses a stored consent without a professional name', () => {
		expect(
			HandoverConsentSchema.safeParse({ ...consentOf(ready, 2), professionalName: ' ' }).success
		).toBe(false);
	});
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ltrIsolate } from '$lib/content/isolate';
import { newAgreement, type Agreement } from '$lib/domain/agreement';
import { emptyConversation, type Conversation } from '$lib/domain/conversation';
import { ADULT_V1 } from '$lib/domain/question-set';
import { emptyFields, type Voorziening } from '$lib/domain/voorziening';
import type { HandoverConsent } from '$lib/domain/warm-handover';
import { buildHandoverModel, type HandoverInput } from './handover-model';
import { makeReportPdf } from './render-pdf';
import { loadFontsFromDisk, WEB, WEB_DAY } from './testing/report-fixtures';

const CLIENT = '5a0e6a8b-2f5d-4c1e-8b7a-2e1f0c9d8b71';
const CONVERSATION: Conversation = {
	...emptyConversation('0b9f8f6e-3c1a-4d55-9a57-6a1c5d9f2b10', CLIENT, WEB_DAY),
	webId: WEB.id,
	wish: 'Weer een dag in de week iets doen met mensen om me heen.',
	firstStep: 'Een keer koffie drinken in het buurthuis.',
	notes: { overzicht: 'Slaapt slecht sinds de verhuizing (alleen voor mij).' }
};

const BRINK: Voorziening = {
	...emptyFields(),
	id: 'SK-001',
	name: 'Buurthuis De Brink',
	organisation: 'Welzijn Oost',
	dimensions: ['meedoen'],
	phone: '020-123 45 67',
	email: 'info@debrink.example',
	street: 'Brinkstraat 4',
	postcode: '1234 AB',
	place: 'Brinkveen',
	openingHours: 'ma–vr 9–17 uur',
	createdAt: 0,
	updatedAt: 0
};

function agreement(what: string, voorzieningId?: string): Agreement {
	const a: Agreement = {
		...newAgreement({
			id: crypto.randomUUID(),
			clientId: CLIENT,
			conversationId: CONVERSATION.id,
			now: WEB_DAY
		}),
		what,
		who: { kind: 'person', name: '' }
	};
	if (voorzieningId) a.voorzieningId = voorzieningId;
	return a;
}

const CONSENT: HandoverConsent = {
	at: WEB_DAY,
	professionalName: 'Anna de Vries',
	receiver: { name: 'Wijkteam Oost' },
	parts: ['web', 'words', 'agreements']
};

function input(patch: Partial<HandoverInput> = {}): HandoverInput {
	return {
		conversation: CONVERSATION,
		pseudonym: 'Fatima',
		web: WEB,
		set: ADULT_V1,
		agreements: [agreement('gaat naar de koffieochtend', 'SK-001'), agreement('belt', 'SK-404')],
		voorzieningen: new Map([[BRINK.id, BRINK]]),
		consent: CONSENT,
		reason: 'Fatima wil graag hulp bij het vinden van een vrijwilligersplek.',
		locale: 'nl',
		...patch
	};
}

function pdfText(bytes: Uint8Array, name: string): string {
	mkdirSync('reports/pdf', { recursive: true });
	const path = `reports/pdf/${name}.pdf`;
	writeFileSync(path, bytes);
	return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('buildHandoverModel', () => {
	it('opens with the consent line, the receiver and the reason', () => {
		const model = buildHandoverModel(input());
		expect(model.lead?.map((s) => s.id)).toEqual(['consent', 'receiver', 'reason']);
		expect(model.lead?.[0]?.blocks[0]).toEqual({
			kind: 'text',
			text: 'Toestemming van Fatima gegeven op 3 maart 2026, vastgelegd door Anna de Vries',
			isStrong: true
		});
	});

	it('leaves out every part the person did not choose', () => {
		const model = buildHandoverModel(input({ consent: { ...CONSENT, parts: ['agreements'] } }));
		expect(model.chart).toBeNull();
		expect(model.table).toBeNull();
		expect(model.sections.map((s) => s.id)).toEqual(['agreements']);
		expect(JSON.stringify(model)).not.toContain('verhuizing');
		expect(JSON.stringify(model)).not.toContain('koffie drinken');
	});

	it('gives an agreement its voorziening with contact details, and says so when it is gone', () => {
		const section = buildHandoverModel(input()).sections.find((s) => s.id === 'agreements');
		expect(section?.blocks).toContainEqual({
			kind: 'list',
			items: [
				'Buurthuis De Brink (Welzijn Oost)',
				// Each value whole, left to right, also in a right-to-left PDF (bidi.ts).
				`Telefoon: ${ltrIsolate('020-123 45 67')}`,
				`E-mail: ${ltrIsolate('info@debrink.example')}`,
				`Adres: ${ltrIsolate('Brinkstraat 4, 1234 AB Brinkveen')}`,
				`Openingstijden: ${ltrIsolate('ma–vr 9–17 uur')}`
			]
		});
		expect(section?.blocks).toContainEqual({
			kind: 'text',
			text: 'Deze voorziening staat niet meer in de sociale kaart.'
		});
	});
});

describe('the handover PDF', () => {
	it('holds the web, the voorziening and the consent, and no note that was left out', async () => {
		const bytes = await makeReportPdf(buildHandoverModel(input()), {
			loadFonts: loadFontsFromDisk,
			now: new Date(WEB_DAY),
			fileId: '0'.repeat(32)
		});
		const text = pdfText(bytes, 'handover-nl');
		expect(text).toContain(
			'Toestemming van Fatima gegeven op 3 maart 2026, vastgelegd door Anna de Vries'
		);
		expect(text).toContain('Buurthuis De Brink');
		expect(text).toContain('020-123 45 67');
		expect(text).toContain('Mentaal welbevinden');
		// The table is about the person, not in their own voice as on their personal PDF.
		expect(text).toContain('De cijfers van Fatima per onderdeel');
		expect(text).not.toContain('Mijn cijfers');
		expect(text).not.toContain('verhuizing');
	});

	it('prints script-like text in the pseudonym, the receiver and the reason as it was typed', async () => {
		const script = '<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1)';
		const bytes = await makeReportPdf(
			buildHandoverModel(
				input({
					pseudonym: '<b>Fatima</b>',
					consent: { ...CONSENT, receiver: { name: 'javascript:void(0)' } },
					reason: script
				})
			),
			{ loadFonts: loadFontsFromDisk, now: new Date(WEB_DAY) }
		);
		const text = pdfText(bytes, 'handover-script-like');
		expect(text).toContain(script);
		expect(text).toContain('Warme overdracht: <b>Fatima</b>');
		expect(text).toContain('javascript:void(0)');
	});

	it('is made in Arabic, right to left, with the consent line', async () => {
		const bytes = await makeReportPdf(buildHandoverModel(input({ locale: 'ar' })), {
			loadFonts: loadFontsFromDisk,
			now: new Date(WEB_DAY)
		});
		const text = pdfText(bytes, 'handover-ar').normalize('NFKC');
		expect(text).toContain('Anna de Vries');
		// The phone number whole and in its own order inside the Arabic line (an isolate, bidi.ts).
		expect(text).toContain('020-123 45 67');
	});
});

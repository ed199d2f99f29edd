import { getLocale } from '$lib/content/locale';
import { voorzieningTitle } from '$lib/content/voorziening-contact';
import { checkText } from '$lib/domain/free-text';
import {
	consentOf,
	handoverBlock,
	HANDOVER_PARTS,
	type HandoverBlock,
	type HandoverForm,
	type HandoverPart
} from '$lib/domain/warm-handover';
import { deliverPdf } from '$lib/pdf/deliver';
import type { HandoverInput } from '$lib/pdf/handover-model';
import type { ConversationSession } from './conversation-session.svelte';
import type { KaartInConversation } from './kaart-in-conversation.svelte';

export type HandoverStatus =
	{ kind: 'idle' } | { kind: 'making' } | { kind: 'done'; fileName: string } | { kind: 'failed' };

/** Where the professional's name is kept between handovers: this device only. */
const NAME_KEY = 'spinnenweb.professional-name';

function storage(): Storage | undefined {
	return typeof localStorage === 'undefined' ? undefined : localStorage;
}

/**
 * The warm handover form: to whom, why, who records it, which parts, and the person's consent,
 * which must be ticked before anything is made. Making it stores the consent with the
 * conversation, then hands the PDF over; the PDF code loads only then.
 */
export class WarmHandover {
	readonly #session: ConversationSession;
	readonly #kaart: KaartInConversation;
	readonly #clock: () => number;
	form = $state<HandoverForm>({
		receiver: '',
		receiverVoorzieningId: null,
		reason: '',
		professionalName: '',
		parts: { web: true, words: true, agreements: true, notes: false },
		hasConsent: false
	});
	#status = $state<HandoverStatus>({ kind: 'idle' });

	constructor(
		session: ConversationSession,
		kaart: KaartInConversation,
		clock: () => number = Date.now
	) {
		this.#session = session;
		this.#kaart = kaart;
		this.#clock = clock;
		this.form.professionalName = storage()?.getItem(NAME_KEY) ?? '';
	}

	get status(): HandoverStatus {
		return this.#status;
	}

	/** Why the PDF cannot be made yet; null when it can. */
	get block(): HandoverBlock | null {
		return handoverBlock(this.form, (text) => checkText(text) === 'bsn');
	}

	/** A voorziening chosen as the receiver: its name goes in the receiver field. */
	chooseReceiver(voorzieningId: string | null): void {
		this.form.receiverVoorzieningId = voorzieningId;
		const v = voorzieningId ? this.#kaart.byId.get(voorzieningId) : undefined;
		if (v) this.form.receiver = voorzieningTitle(v);
	}

	setPart(part: HandoverPart, isIn: boolean): void {
		this.form.parts[part] = isIn;
	}

	get parts(): readonly HandoverPart[] {
		return HANDOVER_PARTS;
	}

	async make(): Promise<void> {
		const conversation = this.#session.conversation;
		const client = this.#session.client;
		const agreements = this.#session.agreements;
		if (!conversation || !client || !agreements || this.block !== null) return;
		if (this.#status.kind === 'making') return;
		this.#status = { kind: 'making' };
		const consent = consentOf(this.form, this.#clock());
		const input: HandoverInput = {
			conversation,
			pseudonym: client.pseudonym.trim(),
			web: this.#session.web?.web,
			set: this.#session.web?.questionSet,
			agreements: agreements.own,
			voorzieningen: this.#kaart.byId,
			consent,
			reason: this.form.reason,
			locale: getLocale()
		};
		try {
			storage()?.setItem(NAME_KEY, consent.professionalName);
			const [{ buildHandoverModel }, { makeReportPdf }] = await Promise.all([
				import('$lib/pdf/handover-model'),
				import('$lib/pdf/render-pdf')
			]);
			const model = buildHandoverModel(input);
			const bytes = await makeReportPdf(model);
			await this.#session.recordHandover(consent);
			if (this.#session.saveProblem) throw new Error('The consent could not be stored');
			await deliverPdf(bytes, model.fileName, 'download', model.title);
			this.#status = { kind: 'done', fileName: model.fileName };
		} catch (error) {
			console.error(error);
			this.#status = { kind: 'failed' };
		}
	}
}

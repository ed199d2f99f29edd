import type { Agreement, AgreementStatus, Who } from '$lib/domain/agreement';
import type { PromptId } from '$lib/domain/conversation-prompts';
import type { Phase } from '$lib/domain/reflection';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';
import { formatDay } from './locale';

/** The words of the professional side that code picks by id: prompts, statuses, sentences. */

const PROMPTS: Record<PromptId, (locale: Locale) => string> = {
	'overzicht.energy': (locale) => m.gesprek_prompt_overzicht_energy({}, { locale }),
	'overzicht.filling-in': (locale) => m.gesprek_prompt_overzicht_filling_in({}, { locale }),
	'overzicht.stands-out': (locale) => m.gesprek_prompt_overzicht_stands_out({}, { locale }),
	'overzicht.now': (locale) => m.gesprek_prompt_overzicht_now({}, { locale }),
	'inzicht.wish': (locale) => m.gesprek_prompt_inzicht_wish({}, { locale }),
	'inzicht.why': (locale) => m.gesprek_prompt_inzicht_why({}, { locale }),
	'inzicht.different': (locale) => m.gesprek_prompt_inzicht_different({}, { locale }),
	'uitzicht.small-step': (locale) => m.gesprek_prompt_uitzicht_small_step({}, { locale }),
	'uitzicht.who-helps': (locale) => m.gesprek_prompt_uitzicht_who_helps({}, { locale }),
	'uitzicht.look-again': (locale) => m.gesprek_prompt_uitzicht_look_again({}, { locale })
};

export function promptText(id: PromptId, locale: Locale = getLocale()): string {
	return PROMPTS[id](locale);
}

export function phaseName(phase: Phase, locale: Locale = getLocale()): string {
	switch (phase) {
		case 'overzicht':
			return m.gesprek_conversation_step_overzicht({}, { locale });
		case 'inzicht':
			return m.gesprek_conversation_step_inzicht({}, { locale });
		case 'uitzicht':
			return m.gesprek_conversation_step_uitzicht({}, { locale });
	}
}

export function statusName(status: AgreementStatus, locale: Locale = getLocale()): string {
	switch (status) {
		case 'open':
			return m.gesprek_status_open({}, { locale });
		case 'done':
			return m.gesprek_status_done({}, { locale });
		case 'partly':
			return m.gesprek_status_partly({}, { locale });
		case 'changed':
			return m.gesprek_status_changed({}, { locale });
	}
}

/** Who does it, as the subject of the sentence: a name when there is one. */
export function whoSubject(who: Who, pseudonym: string, locale: Locale = getLocale()): string {
	const name = who.name.trim();
	if (who.kind === 'person') return name || pseudonym;
	if (name) return name;
	switch (who.kind) {
		case 'professional':
			return m.gesprek_agreement_subject_professional({}, { locale });
		case 'network':
			return m.gesprek_agreement_subject_network({}, { locale });
		case 'voorziening':
			return m.gesprek_agreement_subject_voorziening({}, { locale });
	}
}

/** An agreement as it reads: "Fatima belt het buurthuis, vóór 12 maart 2026". */
export function agreementSentence(
	agreement: Pick<Agreement, 'what' | 'who' | 'byWhen'>,
	pseudonym: string,
	locale: Locale = getLocale()
): string {
	const who = whoSubject(agreement.who, pseudonym, locale);
	const what = agreement.what.trim() || m.gesprek_agreement_unwritten({}, { locale });
	return agreement.byWhen
		? m.gesprek_agreement_sentence(
				{ who, what, date: formatDay(agreement.byWhen, locale) },
				{ locale }
			)
		: m.gesprek_agreement_sentence_no_date({ who, what }, { locale });
}

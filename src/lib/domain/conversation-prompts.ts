import type { Phase } from './reflection';

/**
 * The open questions a professional may ask in each phase: our own words, shown as gentle
 * suggestions, each put away with one tap and never required. Overzicht opens with what gives
 * energy, and no prompt points at the lowest number. The texts are in the messages
 * (content/conversation-texts.ts); these ids are what a conversation stores when one is put away.
 */
export const PHASE_PROMPTS = {
	overzicht: ['overzicht.energy', 'overzicht.filling-in', 'overzicht.stands-out', 'overzicht.now'],
	inzicht: ['inzicht.wish', 'inzicht.why', 'inzicht.different'],
	uitzicht: ['uitzicht.small-step', 'uitzicht.who-helps', 'uitzicht.look-again']
} as const satisfies Record<Phase, readonly string[]>;

export type PromptId = (typeof PHASE_PROMPTS)[Phase][number];

const ALL_PROMPTS: readonly string[] = Object.values(PHASE_PROMPTS).flat();

export function isPromptId(value: string): value is PromptId {
	return ALL_PROMPTS.includes(value);
}

/** The phase's prompts still to show, in their order. */
export function visiblePrompts(phase: Phase, dismissed: readonly string[]): readonly PromptId[] {
	return PHASE_PROMPTS[phase].filter((id) => !dismissed.includes(id));
}

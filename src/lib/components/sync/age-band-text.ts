import { m } from '$lib/paraglide/messages.js';
import type { AGE_BANDS } from '$lib/sync/protocol';

/** An age band in words: "18 tot en met 29 jaar", "80 jaar of ouder". */
export function ageBandText(band: (typeof AGE_BANDS)[number]): string {
	const [from = '', to] = band.replace('+', '').split('-');
	return to === undefined ? m.sync_age_over({ from }) : m.sync_age_range({ from, to });
}

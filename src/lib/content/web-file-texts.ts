import type { WebTransferResult } from '$lib/domain/web-transfer';
import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';

type Refusal = Extract<WebTransferResult, { ok: false }>;

/**
 * What to tell the person when a web file cannot be read, in their language: what happened and
 * what to do next. A file that is too large is "not a web file" to the parser, but the person is
 * told it is too large: that is what they can check. Follow it with `webFileNothingChanged()`
 * where a screen wants to say that nothing stored was touched.
 */
export function webFileProblemText(refusal: Refusal, locale: Locale = getLocale()): string {
	switch (refusal.reason) {
		case 'not-json':
			return m.webfile_error_not_json({}, { locale });
		case 'not-a-web-file':
			return refusal.detail === 'too-large'
				? m.webfile_error_too_large({}, { locale })
				: m.webfile_error_not_a_web_file({}, { locale });
		case 'newer-version':
			return m.webfile_error_newer_version({}, { locale });
		case 'damaged':
			return m.webfile_error_damaged({}, { locale });
	}
}

export function webFileNothingChanged(locale: Locale = getLocale()): string {
	return m.webfile_error_nothing_changed({}, { locale });
}

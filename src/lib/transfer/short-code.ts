/**
 * The short code that carries the QR payload's key: shown on the tablet, typed on the phone.
 *
 * Twelve digits (≈ 40 bits): every phone offers a large number pad for them (`inputmode=numeric`),
 * whatever the person's language or keyboard, with no letters to mistake (0/O, 1/l) and nothing
 * to spell out. Shown in groups of three: "482 915 307 661".
 */
export const SHORT_CODE_DIGITS = 12;

/** A fresh code from the browser's cryptographic random source, each digit equally likely. */
export function generateShortCode(): string {
	let code = '';
	while (code.length < SHORT_CODE_DIGITS) {
		for (const byte of crypto.getRandomValues(new Uint8Array(SHORT_CODE_DIGITS))) {
			// 250 is the largest multiple of 10 below 256: higher bytes would favour 0–5.
			if (byte < 250 && code.length < SHORT_CODE_DIGITS) code += String(byte % 10);
		}
	}
	return code;
}

/** Digits as Arabic and Persian keyboards type them, read as 0–9. */
const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * The code as typed, forgivingly: spaces, dashes and dots between digits are fine, Arabic-Indic
 * digits count as digits. Null when it is not 12 digits.
 */
export function normalizeShortCode(input: string): string | null {
	const digits = input
		.replace(OTHER_DIGITS, (d) => {
			const point = d.codePointAt(0) ?? 0;
			return String(point >= 0x06f0 ? point - 0x06f0 : point - 0x0660);
		})
		.replace(/[\s.\-\u2010-\u2015]/g, '');
	return new RegExp(`^\\d{${SHORT_CODE_DIGITS}}$`).test(digits) ? digits : null;
}

/** "482915307661" → "482 915 307 661". */
export function formatShortCode(code: string): string {
	return code.replace(/(\d{3})(?=\d)/g, '$1 ');
}

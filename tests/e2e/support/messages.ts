import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every message of a locale, from all folders under messages/ (as Paraglide merges them). */
export function messagesOf(locale: string): Record<string, string> {
	const folders = [
		'.',
		...readdirSync('messages', { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e) => e.name)
	];
	const all: Record<string, string> = {};
	for (const folder of folders) {
		const json = JSON.parse(
			readFileSync(join('messages', folder, `${locale}.json`), 'utf8')
		) as Record<string, string>;
		Object.assign(all, json);
	}
	return all;
}

/** One message with its parameters filled in, as the app shows it. */
export function text(locale: string, key: string, params: Record<string, string> = {}): string {
	const message = messagesOf(locale)[key];
	if (message === undefined) throw new Error(`No message ${key} in ${locale}`);
	return message.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

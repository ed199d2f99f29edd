// Checks every translation against the Dutch source, in every folder under messages/:
// the file exists and is valid JSON, it has "$schema", exactly the Dutch keys, no empty text,
// and every {parameter} of the Dutch text (same names, no others). Aspect questions must end in
// a question mark (? or Arabic ؟).
//
//   node docs/translations/check-translations.mjs            all locales in project.inlang
//   node docs/translations/check-translations.mjs tr pl      only these
//
// The vitest parity test checks keys too; this script adds the parameters and prints every
// problem at once, so a translator can run it without the test set-up.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const base = settings.baseLocale;
const wanted = process.argv.slice(2);
const locales = (wanted.length ? wanted : settings.locales).filter((l) => l !== base);

const root = 'messages';
const folders = [
	'.',
	...readdirSync(root, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name)
];
const params = (text) => [...String(text).matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).sort();

let problems = 0;
const report = (msg) => {
	problems++;
	console.log(msg);
};

for (const folder of folders) {
	const basePath = join(root, folder, `${base}.json`);
	if (!existsSync(basePath)) continue;
	const source = JSON.parse(readFileSync(basePath, 'utf8'));
	const keys = Object.keys(source).filter((k) => k !== '$schema');
	for (const locale of locales) {
		const path = join(root, folder, `${locale}.json`);
		if (!existsSync(path)) {
			report(`${path}: missing file`);
			continue;
		}
		let t;
		try {
			t = JSON.parse(readFileSync(path, 'utf8'));
		} catch (e) {
			report(`${path}: not valid JSON (${e.message})`);
			continue;
		}
		if (t.$schema !== source.$schema) report(`${path}: "$schema" missing or different`);
		for (const k of keys) if (!(k in t)) report(`${path}: missing ${k}`);
		for (const k of Object.keys(t))
			if (k !== '$schema' && !(k in source)) report(`${path}: extra ${k}`);
		for (const k of keys) {
			if (!(k in t)) continue;
			if (typeof t[k] !== 'string' || t[k].trim() === '') {
				report(`${path}: ${k} is empty or not a plain text`);
				continue;
			}
			const want = params(source[k]).join(', ');
			const got = params(t[k]).join(', ');
			if (want !== got) report(`${path}: ${k} has {${got}}, Dutch has {${want}}`);
			if (/^aspect_.*_question$/.test(k) && !/[?\u061F]$/.test(t[k].trim()))
				report(`${path}: ${k} does not end in a question mark`);
		}
		console.log(`${path}: ${Object.keys(t).length - 1} keys (Dutch: ${keys.length})`);
	}
}
console.log(
	problems ? `${problems} problem(s)` : 'All translations match the Dutch keys and parameters.'
);
process.exit(problems ? 1 : 0);

// `npm run fonts`: makes the PDF's embedded fonts. For each script in src/lib/pdf/fonts/scripts.json
// it cuts the listed code points out of a font from an npm package (harfbuzz's hb-subset, as wasm,
// through subset-font) and writes one small TTF per script and weight, plus the font's licence.
// jsPDF embeds a font whole, so a full Noto Sans (≈ 560 KB a weight) would land in every PDF; the
// Latin subset is about a tenth of that. The TTFs are committed: the app never runs this script,
// and it needs nothing but `npm ci`.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const FONT_DIR = 'src/lib/pdf/fonts';
const require = createRequire(import.meta.url);
const { scripts } = JSON.parse(readFileSync(join(FONT_DIR, 'scripts.json'), 'utf8'));

/** @param {[string, string][]} ranges */
function charactersOf(ranges) {
	let text = '';
	for (const [from, to] of ranges) {
		for (let code = parseInt(from, 16); code <= parseInt(to, 16); code++) {
			text += String.fromCodePoint(code);
		}
	}
	return text;
}

for (const [script, spec] of Object.entries(scripts)) {
	const packageDir = dirname(require.resolve(`${spec.package}/package.json`));
	const text = charactersOf(spec.ranges);
	for (const [style, file] of Object.entries(spec.files)) {
		const source = readFileSync(join(packageDir, file));
		const subset = await subsetFont(source, text, {
			targetFormat: 'truetype',
			// jsPDF places glyphs one by one from the cmap: it uses no hinting and no OpenType layout
			// (ligatures, small caps), so those tables would only add weight to every PDF.
			noHinting: true,
			noLayoutClosure: true,
			dropTables: ['GSUB', 'GPOS', 'GDEF']
		});
		const out = join(FONT_DIR, `${spec.family}-${script}-${style}.ttf`);
		writeFileSync(out, subset);
		console.log(`${out}: ${subset.length} bytes (from ${source.length})`);
	}
	copyFileSync(join(packageDir, spec.licence), join(FONT_DIR, `${spec.family}-OFL.txt`));
}

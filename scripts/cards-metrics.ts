/**
 * Regenerates `src/lib/cards/inter-metrics.json`: Inter's advance widths (per mille of the em)
 * for every code point its @fontsource subsets cover, at the two weights the cards use.
 * The cards wrap text themselves (to put an ellipsis at a word boundary), so they need widths
 * without loading a font parser at build time. Run after upgrading @fontsource/inter:
 * `npx tsx scripts/cards-metrics.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseUnicodeRange } from '../src/lib/cards/fonts.ts';

const require = createRequire(import.meta.url);
// satori's own font parser (a dependency of satori), used only by this maintenance script.
const opentype = require('@shuding/opentype.js') as {
	parse: (b: ArrayBuffer) => {
		unitsPerEm: number;
		charToGlyphIndex: (c: string) => number;
		glyphs: { get: (i: number) => { advanceWidth: number } };
	};
};
const dir = 'node_modules/@fontsource/inter';
const subsets = JSON.parse(readFileSync(`${dir}/unicode.json`, 'utf8')) as Record<string, string>;
const version = (JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { version: string })
	.version;
const out: Record<string, Record<string, number>> = {};
for (const weight of [400, 700]) {
	const widths: Record<string, number> = {};
	for (const [subset, range] of Object.entries(subsets)) {
		const buf = readFileSync(`${dir}/files/inter-${subset}-${weight}-normal.woff`);
		const font = opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length));
		for (const [lo, hi] of parseUnicodeRange(range)) {
			for (let cp = lo; cp <= hi; cp++) {
				const gi = font.charToGlyphIndex(String.fromCodePoint(cp));
				if (gi > 0 && widths[cp] === undefined)
					widths[cp] = Math.round((font.glyphs.get(gi).advanceWidth * 1000) / font.unitsPerEm);
			}
		}
	}
	out[weight] = widths;
}
writeFileSync(
	'src/lib/cards/inter-metrics.json',
	JSON.stringify({ font: `@fontsource/inter@${version}`, widths: out }) + '\n',
);
console.log('wrote src/lib/cards/inter-metrics.json');

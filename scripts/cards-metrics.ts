/**
 * Regenerates `src/lib/cards/inter-metrics.json`: Inter's advance widths (per mille of the em)
 * for every code point its @fontsource subsets cover, at the two weights the cards use.
 * The cards wrap text themselves (to put an ellipsis at a word boundary), so they need widths
 * without loading a font parser at build time. Run after upgrading @fontsource/inter:
 * `node scripts/cards-metrics.ts` (`--help`: what it does, bench/cli.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as hb from 'harfbuzzjs';
import { parseUnicodeRange } from '../src/lib/cards/fonts.ts';
import { woffToSfnt } from '../src/lib/cards/woff.ts';
import { CARDS_METRICS_USAGE, optionsOrExit, parseCardsMetricsArgs } from './bench/cli.ts';

optionsOrExit(
	'cards-metrics',
	parseCardsMetricsArgs(process.argv.slice(2)),
	CARDS_METRICS_USAGE,
	'node scripts/cards-metrics.ts',
);

const dir = 'node_modules/@fontsource/inter';
const subsets = JSON.parse(readFileSync(`${dir}/unicode.json`, 'utf8')) as Record<string, string>;
const version = (JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { version: string })
	.version;
const out: Record<string, Record<string, number>> = {};
for (const weight of [400, 700]) {
	const widths: Record<string, number> = {};
	for (const [subset, range] of Object.entries(subsets)) {
		const face = new hb.Face(
			new hb.Blob(woffToSfnt(readFileSync(`${dir}/files/inter-${subset}-${weight}-normal.woff`))),
		);
		const font = new hb.Font(face);
		for (const [lo, hi] of parseUnicodeRange(range)) {
			for (let cp = lo; cp <= hi; cp++) {
				const gi = font.nominalGlyph(cp);
				if (gi && widths[cp] === undefined)
					widths[cp] = Math.round((font.glyphHAdvance(gi) * 1000) / face.upem);
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

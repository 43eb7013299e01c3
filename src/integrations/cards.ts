/**
 * Astro integration: link-preview cards and site icons.
 * - Cards (one per paper, per topic, and the site) start drawing in child processes (one per core) when the
 *   build starts, overlapping Astro's page rendering, and are placed into the output when it
 *   ends. Unchanged cards come from the content-hash cache in `node_modules/.cache/` and are
 *   never redrawn. `CARDS=off` skips them (icons are still written) for fast local builds.
 * - Icons and `manifest.webmanifest` are rasterised from `src/assets/icon.svg`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isOff } from '../lib/deploy-env.ts';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SITE } from '../site.config.ts';
import { placeCards, prepareCards, type PreparedCards } from '../lib/cards/build.ts';
import { buildIcons } from '../lib/cards/icons.ts';
import { ingestFinished } from '../lib/ingest-gate.ts';
import { normaliseBase } from '../lib/urls.ts';

/** Options of the cards integration. */
export interface CardsOptions {
	/** Draw cards (default: unless the `CARDS` environment variable is `off`, `0` or `false`). */
	enabled?: boolean;
	/** Drawing processes (default: one per core). */
	threads?: number;
}

/** Creates the integration. */
export default function cards(options: CardsOptions = {}): AstroIntegration {
	const enabled = options.enabled ?? !isOff(process.env.CARDS);
	let root = process.cwd();
	let base = '/';
	let prepared: PreparedCards | undefined;
	return {
		name: 'abstracta-cards',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				base = normaliseBase(config.base);
			},
			'astro:build:start': async ({ logger }) => {
				if (!enabled) {
					logger.info('cards disabled (CARDS=off)');
					return;
				}
				await ingestFinished(); // reached after the content sync, which waited already
				prepared = prepareCards(root, SITE, options.threads);
				logger.info(`${prepared.jobs.length} cards, ${prepared.drawn} to draw in the background`);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const outDir = fileURLToPath(dir);
				const svg = readFileSync(join(root, 'src/assets/icon.svg'));
				mkdirSync(outDir, { recursive: true });
				for (const f of await buildIcons(svg, SITE, base))
					writeFileSync(join(outDir, f.name), f.data);
				if (!prepared) return;
				const s = await placeCards(prepared, outDir);
				logger.info(
					`cards: ${s.cards} placed, ${s.drawn} drawn, ${s.cached} from cache (${s.drawMs} ms drawing)${s.removed ? `, ${s.removed} of an earlier build removed` : ''}`,
				);
				// Drawing overlaps page rendering; this is the wait after the pages, plus placing.
				logger.info(
					`[timing] cards (after pages): ${((performance.now() - started) / 1000).toFixed(2)} s`,
				);
			},
		},
	};
}

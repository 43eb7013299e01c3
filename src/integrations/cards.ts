/**
 * Astro integration: link-preview cards and site icons.
 * - Cards (one per paper, per topic, and the site) are listed, keyed and drawn by a coordinator
 *   process forked when the build starts (its drawers: one per core), overlapping Astro's
 *   bundling and page rendering, and are placed into the output when it ends. Unchanged cards come from the content-hash cache in `node_modules/.cache/` and are
 *   never redrawn. `CARDS=off` skips them (icons are still written) for fast local builds.
 * - Icons and `manifest.webmanifest` are rasterised from `src/assets/icon.svg`.
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SITE } from '../site.config.ts';
import { linkCards } from '../lib/cards/build.ts';
import type { CoordinatorRequest, CoordinatorResult } from '../lib/cards/coordinator.ts';
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

/**
 * Forks the cards coordinator (src/lib/cards/coordinator.ts) and resolves with its one answer;
 * rejects when it exits without one.
 */
function coordinate(request: CoordinatorRequest): Promise<CoordinatorResult> {
	return new Promise((resolve, reject) => {
		// Plain Node (its own type stripping), without the parent's loaders or flags.
		const child = fork(join(request.root, 'src/lib/cards/coordinator.ts'), [], {
			execArgv: [],
			serialization: 'advanced',
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let answer: CoordinatorResult | undefined;
		child.once('message', (m: CoordinatorResult) => (answer = m));
		child.once('error', reject);
		child.once('exit', (code, signal) =>
			answer
				? resolve(answer)
				: reject(new Error(`the cards process exited (${signal ?? `code ${code}`})`)),
		);
		child.send(request);
	});
}

/** Creates the integration. */
export default function cards(options: CardsOptions = {}): AstroIntegration {
	const enabled = options.enabled ?? !/^(off|0|false)$/i.test(process.env.CARDS ?? '');
	let root = process.cwd();
	let base = '/';
	let drawing: Promise<CoordinatorResult> | undefined;
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
				drawing = coordinate({ root, site: SITE, threads: options.threads });
				// A failure is reported when the build awaits it, not as an unhandled rejection.
				drawing.catch(() => undefined);
				logger.info('cards: listed and drawn beside the build');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const outDir = fileURLToPath(dir);
				const svg = readFileSync(join(root, 'src/assets/icon.svg'));
				mkdirSync(outDir, { recursive: true });
				for (const f of await buildIcons(svg, SITE, base))
					writeFileSync(join(outDir, f.name), f.data);
				if (!drawing) return;
				const result = await drawing;
				drawing = undefined;
				if ('error' in result) throw new Error(`cards: ${result.error}`);
				const s = linkCards(result, outDir);
				logger.info(
					`cards: ${s.cards} placed, ${s.drawn} drawn, ${s.cached} from cache (${s.drawMs} ms drawing)`,
				);
				// Drawing overlaps page rendering; this is the wait after the pages, plus placing.
				logger.info(
					`[timing] cards (after pages): ${((performance.now() - started) / 1000).toFixed(2)} s`,
				);
			},
		},
	};
}

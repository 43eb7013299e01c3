/**
 * Child process of the Pagefind integration (forked in `astro:build:start`):
 * writes the search pages (src/lib/search-site.ts), then runs Pagefind over them. In a process
 * of its own so that neither step holds up Astro, which starts bundling as soon as the hook
 * returns. Runs as plain TypeScript under Node's type stripping, hence the `.ts` imports.
 *
 * Receives `{ root, options }`; answers with one message: the index run (`pages`, `staging`,
 * `seconds`, and the search pages written and removed), `{ fallback }` when the content's side
 * files cannot make the search pages (the build then indexes the rendered pages), or `{ error }`.
 */
import { dirname, join } from 'node:path';
import {
	KEPT_FRAGMENTS_DIR,
	SEARCH_SITE_DIR,
	searchPageUrl,
	writeSearchSite,
} from '../lib/search-site.ts';
import { answerParent } from './answer-parent.ts';
import { runPagefind, type PagefindOptions, type ReuseStats } from './pagefind.ts';

/** The message the integration sends. */
export interface EarlyRequest {
	root: string;
	options: PagefindOptions;
}

/** The one answer. */
export type EarlyResult =
	| {
			pages: number;
			staging: string;
			seconds: number;
			written: number;
			removed: number;
			reuse?: ReuseStats;
	  }
	| { fallback: string }
	| { error: string };

answerParent(async (request: EarlyRequest): Promise<EarlyResult> => {
	const started = performance.now();
	const site = join(request.root, SEARCH_SITE_DIR);
	let made: ReturnType<typeof writeSearchSite>;
	try {
		made = writeSearchSite(request.root, site);
	} catch (e) {
		return { fallback: (e as Error).message };
	}
	// The fragments of unchanged papers come from the previous build (src/lib/pagefind-reuse.ts).
	const reuse = {
		cache: join(request.root, KEPT_FRAGMENTS_DIR),
		hashes: made.hashes,
		urlOf: searchPageUrl,
	};
	try {
		const r = await runPagefind(site, dirname(site), request.options, reuse);
		return {
			...r,
			seconds: (performance.now() - started) / 1000,
			written: made.written,
			removed: made.removed,
		};
	} catch (e) {
		return { error: (e as Error).message };
	}
});

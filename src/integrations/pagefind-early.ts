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

// `on`, not `once`: Node keeps the channel (and so this process) alive only while a 'message'
// listener is there. With `once` the process could end with code 0 while the index was still
// being written, whenever nothing else held the event loop: the build then failed, now and then.
// The reply disconnects the channel, which ends the process.
process.on('message', (request: EarlyRequest) => {
	const started = performance.now();
	const site = join(request.root, SEARCH_SITE_DIR);
	const reply = (result: EarlyResult): void => {
		process.send?.(result, () => process.disconnect?.());
	};
	let made: ReturnType<typeof writeSearchSite>;
	try {
		made = writeSearchSite(request.root, site);
	} catch (e) {
		reply({ fallback: (e as Error).message });
		return;
	}
	// The fragments of unchanged papers come from the previous build (src/lib/pagefind-reuse.ts).
	const reuse = {
		cache: join(request.root, KEPT_FRAGMENTS_DIR),
		hashes: made.hashes,
		urlOf: searchPageUrl,
	};
	runPagefind(site, dirname(site), request.options, reuse).then(
		(r) =>
			reply({
				...r,
				seconds: (performance.now() - started) / 1000,
				written: made.written,
				removed: made.removed,
			}),
		(e: unknown) => reply({ error: (e as Error).message }),
	);
});

/**
 * Keeps the output folder between builds and removes only what this build did not write.
 *
 * Why: Astro empties `dist/` before every build, and on the build machines deleting a file
 * costs about as much as writing two (the disk is mounted with online discard). A 10,000-paper
 * site holds some 40,000 files, so a daily rebuild spent more time deleting the previous
 * output than writing the new one. With `vite.build.emptyOutDir: false` every file is
 * overwritten in place instead, and Astro's incremental build leaves an unchanged page that is
 * already in the output untouched ("cached") rather than copying it from its cache. A file is
 * stale, and removed, when it is neither a page or endpoint output of this build (Astro lists
 * them, cached ones included) nor written during it (its inode change time is older than the
 * build's start): the page of a paper that left the corpus, an old hashed asset, a Pagefind
 * fragment of the previous index. Writing and copying over a file update its change time.
 * The cards are hard links to their cache, so an old card can share a fresh change time with a
 * new one: the cards step prunes its own folders (placeCards in src/lib/cards/build.ts).
 */
import type { AstroIntegration } from 'astro';
import { lstatSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files written this close before the recorded start still count as this build's: the kernel's
 * file clock is coarser than `Date.now()`, and no two builds of one folder run this close.
 */
const CLOCK_SLACK_MS = 50;

/** Which part of the output folder a pruning pass owns. */
export interface PruneScope {
	/** Only look inside this sub-folder (relative, e.g. `pagefind`). */
	only?: string;
	/** Leave these top-level entries alone (another pass owns them). */
	skip?: readonly string[];
	/** Absolute paths of files this build produced even if it did not write them. */
	keep?: ReadonlySet<string>;
}

/**
 * Deletes every file under `root` (limited to `scope`) whose change time is before `since`
 * (ms since the epoch) and that `scope.keep` does not list, then every folder left empty. Returns the deleted files, relative to
 * `root`, sorted.
 */
export function pruneStale(root: string, since: number, scope: PruneScope = {}): string[] {
	const removed: string[] = [];
	const walk = (dir: string, rel: string): boolean => {
		let empty = true;
		let names: string[];
		try {
			names = readdirSync(dir);
		} catch {
			return false; // no such folder: nothing to prune
		}
		for (const name of names) {
			const path = join(dir, name);
			const relPath = rel ? `${rel}/${name}` : name;
			if (!rel && scope.skip?.includes(name)) {
				empty = false;
				continue;
			}
			const stat = lstatSync(path);
			if (stat.isDirectory()) {
				if (walk(path, relPath)) rmdirSync(path);
				else empty = false;
			} else if (stat.ctimeMs < since - CLOCK_SLACK_MS && !scope.keep?.has(path)) {
				unlinkSync(path);
				removed.push(relPath);
			} else empty = false;
		}
		return empty;
	};
	const start = scope.only ? join(root, scope.only) : root;
	walk(start, scope.only ?? '');
	return removed.sort();
}

/**
 * The integration: turns off Astro's emptying of the output folder and, once every integration
 * registered before it has written its files, prunes what this build did not write. Register it
 * before Pagefind (so removed pages are not indexed) and pass `skip: ['pagefind']`; Pagefind's
 * own folder is pruned by a second instance with `only: 'pagefind'` registered after it.
 */
export default function staleOutput(scope: PruneScope = {}): AstroIntegration {
	let started = 0;
	return {
		name: `abstracta:stale-output${scope.only ? `:${scope.only}` : ''}`,
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({ vite: { build: { emptyOutDir: false } } });
			},
			'astro:build:start': () => {
				started = Date.now();
			},
			'astro:build:done': ({ dir, assets, logger }) => {
				const t = performance.now();
				const keep = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
				const removed = pruneStale(fileURLToPath(dir), started, { ...scope, keep });
				if (removed.length > 0)
					logger.info(
						`removed ${removed.length} stale file(s) of the previous build, e.g. ${removed[0]}`,
					);
				logger.info(
					`[timing] stale output${scope.only ? ` (${scope.only})` : ''}: ${((performance.now() - t) / 1000).toFixed(2)} s`,
				);
			},
		},
	};
}

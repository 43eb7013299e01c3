/**
 * Writes the search page's resource hints (src/lib/search-hints.ts) into its built HTML: the
 * chunks its scripts import, named by the client build (recorded as it writes them), Pagefind's
 * script, and the index's first files, named in Pagefind's entry file. Register it after the
 * Pagefind integration, which writes the index, and before the service worker's, which precaches
 * the page as it is then.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { PAGEFIND_ENTRY_FILE } from '../lib/pagefind-entry.ts';
import { searchPageHints, withHints } from '../lib/search-hints.ts';
import { normaliseBase, PAGEFIND_DIR, pagefindUrl, SEARCH_PAGE_FILE } from '../lib/urls.ts';
import { readPagefindEntry } from './pagefind.ts';
import { SITE } from '../site.config.ts';

/** A Vite plugin that keeps, in `into`, each chunk's static imports as the client build writes it. */
export function recordImports(into: Map<string, readonly string[]>): Plugin {
	return {
		name: 'abstracta:chunk-imports',
		applyToEnvironment: (environment) => environment.name === 'client',
		generateBundle(_, bundle) {
			for (const chunk of Object.values(bundle))
				if (chunk.type === 'chunk') into.set(chunk.fileName, chunk.imports);
		},
	};
}

/**
 * Writes the hints into the search page in `out`, whose site lives under `base`; `imports` are
 * the client chunks' static imports, as recordImports keeps them. False when there is no search
 * page (or it has no `</head>`).
 */
export function hintSearchPage(
	out: string,
	base: string,
	imports: ReadonlyMap<string, readonly string[]>,
): boolean {
	const file = join(out, SEARCH_PAGE_FILE);
	const bundle = join(out, PAGEFIND_DIR);
	if (!existsSync(file)) return false;
	const html = readFileSync(file, 'utf8');
	const entry = existsSync(join(bundle, PAGEFIND_ENTRY_FILE)) ? readPagefindEntry(bundle) : {};
	const hinted = withHints(
		html,
		searchPageHints(html, imports, entry, pagefindUrl(base), SITE.lang),
	);
	if (hinted === undefined) return false;
	writeFileSync(file, hinted);
	return true;
}

/** The Astro integration. */
export default function searchHints(): AstroIntegration {
	let base = '/';
	const imports = new Map<string, readonly string[]>();
	return {
		name: 'abstracta:search-hints',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = normaliseBase(config.base);
			},
			'astro:build:setup': ({ updateConfig }) => {
				imports.clear();
				updateConfig({ plugins: [recordImports(imports)] });
			},
			'astro:build:done': ({ dir, logger }) => {
				if (!hintSearchPage(fileURLToPath(dir), base, imports))
					logger.warn(
						`no resource hints written into ${SEARCH_PAGE_FILE}, which is missing (or has no </head>): its first search loads its files one after another`,
					);
			},
		},
	};
}

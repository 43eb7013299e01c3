// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import cards from './src/integrations/cards.ts';
import pagefind from './src/integrations/pagefind.ts';
import searchHints from './src/integrations/search-hints.ts';
import serviceWorker, { SW_FILES } from './src/integrations/service-worker.ts';
import staleOutput from './src/integrations/stale-output.ts';
import requirePapers from './src/integrations/require-papers.ts';
import { deploySettings } from './src/lib/deploy-env.ts';
import { sitemapFilter } from './src/lib/sitemap-filter.ts';
import { REDIRECTS_FILE } from './src/schemas/redirect.ts';
import { TOPICS_FILE } from './src/schemas/topic.ts';

/**
 * Absolute site URL (feeds, canonical links, cards; set SITE_URL when deploying) and the
 * sub-path the site is served under (BASE_PATH, e.g. `/reading-list/`), checked.
 */
const { site, base } = deploySettings(process.env);

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// One shared stylesheet per page kind, never inlined: it is cached across pages and the CSP
	// then needs no style hashes.
	// Eight pages in flight at once: with one, the build thread waited on each page's file write
	// and sat idle 35-40% of the page phase (CPU profile); 10,050 papers, clean, back to back:
	// pages 36.5 s with 1, 28.4 s with 4, 24.5 s with 8.
	build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
	// Scripts and assets always go to hashed files (no inlining): the only inline script is the
	// theme script whose hash is in the CSP of public/_headers.
	vite: {
		build: { assetsInlineLimit: 0 },
		// The base for src/lib/urls.ts. import.meta.env.BASE_URL is not reliable: an inherited
		// BASE_URL environment variable overrides it during the build.
		define: { __ABSTRACTA_BASE__: JSON.stringify(base) },
	},
	// Paper pages return a cacheKey (a digest of all they show): unchanged pages are copied from
	// the previous build instead of rendered again (the cache lives in node_modules/.astro/).
	experimental: { incrementalBuild: true },
	// Hand-written .md/.mdx pages (none yet: papers go through the custom loader) would get the
	// same Markdown features as the generated entries: Astro 7's default processor runs no
	// remark or rehype plugins.
	markdown: {
		processor: unified({
			remarkPlugins: [remarkGfm, remarkMath],
			rehypePlugins: [[rehypeKatex, { output: 'mathml' }]],
		}),
	},
	// Cards draw in workers while pages render; Pagefind, the search page's hints, then the
	// service worker run last, in this order, at the end of the build. The sitemap lists pages
	// only (not feeds or endpoints). The output folder is kept between builds and files this
	// build did not produce are removed before Pagefind (so removed pages are not indexed);
	// Pagefind syncs its own folder.
	integrations: [
		// First: no page is written, nor any file pruned, without the ingest's entries.
		requirePapers(),
		mdx(),
		// Noindex pages (the offline fallback, the former addresses of moved papers) stay out.
		sitemap({ filter: sitemapFilter(base, REDIRECTS_FILE, TOPICS_FILE) }),
		cards(),
		// The service worker's files are written again after this pass: not stale, not deleted.
		staleOutput({ skip: ['pagefind', ...SW_FILES] }),
		// Only paper pages carry data-pagefind-body: Pagefind need not parse listing pages.
		pagefind({ glob: 'papers/**/*.html' }),
		// Names the index's files and the scripts' chunks in the search page, before it is precached.
		searchHints(),
		serviceWorker(),
	],
});

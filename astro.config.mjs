// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

/** Absolute site URL (feeds, canonical links, cards). Set SITE_URL when deploying. */
const site = process.env.SITE_URL || 'http://localhost:4321';
/** Sub-path the site is served under, e.g. `/reading-list/`. */
const base = process.env.BASE_PATH || '/';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	// One shared stylesheet per page kind, never inlined: it is cached across pages and the CSP
	// then needs no style hashes.
	build: { format: 'directory', inlineStylesheets: 'never' },
	// Scripts and assets always go to hashed files (no inlining): the only inline script is the
	// theme script whose hash is in the CSP of public/_headers.
	vite: {
		build: { assetsInlineLimit: 0 },
		// The base for src/lib/urls.ts. import.meta.env.BASE_URL is not reliable: an inherited
		// BASE_URL environment variable overrides it during the build.
		define: { __ABSTRACTA_BASE__: JSON.stringify(base) },
	},
	// Hand-written .md/.mdx pages get the same Markdown features as the generated entries.
	markdown: {
		processor: unified({
			remarkPlugins: [remarkGfm, remarkMath],
			rehypePlugins: [[rehypeKatex, { output: 'mathml' }]],
		}),
	},
	integrations: [
		mdx(),
		// Pages only (feeds and endpoints are not pages); the 404 page is excluded by Astro.
		sitemap(),
	],
});

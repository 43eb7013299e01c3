// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import cards from './src/integrations/cards.ts';
import pagefind from './src/integrations/pagefind.ts';
import serviceWorker from './src/integrations/service-worker.ts';

/** Absolute site URL (feeds, canonical links, cards). Set SITE_URL when deploying. */
const site = process.env.SITE_URL || 'http://localhost:4321';
/** Sub-path the site is served under, e.g. `/reading-list/`. */
const base = process.env.BASE_PATH || '/';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	build: { format: 'directory' },
	// Hand-written .md/.mdx pages get the same Markdown features as the generated entries.
	markdown: {
		processor: unified({
			remarkPlugins: [remarkGfm, remarkMath],
			rehypePlugins: [[rehypeKatex, { output: 'mathml' }]],
		}),
	},
	// Cards draw in workers while pages render; Pagefind then the service worker run last, in
	// this order, at the end of the build.
	integrations: [mdx(), cards(), pagefind(), serviceWorker()],
});

/**
 * Measures search quality and cost in Chromium against a built site (the real pagefind.js,
 * worker and WASM, with the site's own ranking options):
 * - every paper's short name: rank of that paper (first ≥ 90 %, top 3 for all);
 * - every full title: rank of its paper (first for all);
 * - every arXiv id: rank of its paper;
 * - topical queries: the top 5 with a relevance judgement by title/abstract words;
 * - bytes and time of a first query on a cold page (no cache, no service worker).
 *
 * Usage: node scripts/search-quality.ts [dist] [content/papers]   (prints JSON)
 *        node scripts/search-quality.ts --first [dist]   (first queries only, every file listed)
 *        (`--help`: the options, bench/cli.ts)
 * The end-to-end test tests/e2e/search-quality.test.ts asserts the thresholds on the seed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { serveSite, type SiteServer } from '../tests/e2e/support/server.ts';
import {
	failSetup,
	optionsOrExit,
	parseSearchQualityArgs,
	SEARCH_QUALITY_USAGE,
} from './bench/cli.ts';

/** What the quality run needs of a paper. */
export interface PaperRef {
	slug: string;
	title: string;
	shortName?: string;
	arxivId?: string;
	summary: string;
}

/** Topical queries and the words that make a result relevant to each (title or abstract). */
export const TOPICAL: Record<string, RegExp> = {
	'speech recognition': /speech|asr|spoken|audio/i,
	quantization: /quantiz/i,
	'in-context learning': /in-context/i,
	'code generation': /\bcode\b|program/i,
};

/** Reads the generated entries' frontmatter. */
export function readPapers(dir: string): PaperRef[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.mdx'))
		.sort()
		.map((f) => {
			const text = readFileSync(join(dir, f), 'utf8');
			const front = text.split(/^---$/m)[1] ?? '';
			return parse(front) as PaperRef;
		});
}

/** Runs queries through Pagefind in the page; returns result slugs in rank order. */
export async function queryAll(page: Page, queries: string[]): Promise<string[][]> {
	// Passed as source text: test runners rewrite `import()` inside functions they transform.
	return page.evaluate(`(async (qs) => {
		// The module the search page already loaded and configured (same URL, same instance).
		const pf = await import(location.pathname.replace(/search\\/$/, '') + 'pagefind/pagefind.js');
		await pf.init();
		const out = [];
		for (const q of qs) {
			const r = await pf.search(q);
			const top = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
			out.push(top.map((d) => d.url.replace(/\\/$/, '').split('/').pop() ?? ''));
		}
		return out;
	})(${JSON.stringify(queries)})`);
}

/** Compressions a CDN applies to text files (HTML, JS, CSS, JSON, SVG). */
const COMPRESS = {
	gzip: (b: Buffer) => gzipSync(b, { level: 9 }).length,
	brotli: (b: Buffer) =>
		brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
};

/**
 * Bytes a CDN would send for these files: text compressed (gzip -9 or brotli 11), Pagefind's
 * binary files (gzip inside, served as they are by CDNs) as they are. The test server sends
 * everything uncompressed.
 */
export function compressedEstimate(
	dist: string,
	base: string,
	urls: string[],
	how: keyof typeof COMPRESS = 'gzip',
): number {
	let total = 0;
	for (const url of urls) {
		let file = join(dist, decodeURIComponent(url.split('?')[0]!.slice(base.length)));
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) continue;
		const body = readFileSync(file);
		total += /\.(html|js|css|json|svg)$/.test(file) ? COMPRESS[how](body) : body.length;
	}
	return total;
}

/** {@link compressedEstimate} with gzip. */
export const gzipEstimate = (dist: string, base: string, urls: string[]): number =>
	compressedEstimate(dist, base, urls, 'gzip');

/** What a requested file is, for the per-kind breakdown of a first query. */
export function kindOf(url: string): string {
	const path = url.split('?')[0]!;
	if (/\.pf_index$/.test(path)) return 'index chunks';
	if (/\.pf_fragment$/.test(path)) return 'fragments';
	if (/\.pf_filter$/.test(path)) return 'filter chunks';
	if (/\.pf_meta$/.test(path)) return 'metadata';
	if (/\.pf_sort$/.test(path)) return 'sort orders';
	if (/\.pagefind$/.test(path)) return 'wasm';
	if (/pagefind\/pagefind(-entry\.json|\.js)$/.test(path)) return 'pagefind.js + entry';
	return 'page assets';
}

/** Position (1-based) of `slug` in `ranked`, or 0 when not in the top 5. */
const rankOf = (ranked: string[], slug: string): number => ranked.indexOf(slug) + 1;

/** Cold first queries measured: a phrase, a single word, a short name. */
export const FIRST_QUERIES = ['speech recognition', 'quantization', 'SpeechT5'];

/**
 * A reader's first query on a cold search page (no HTTP cache, no service worker): bytes of
 * the page, of Pagefind's start-up, and everything until the first results are on screen,
 * raw and as a gzip-serving CDN would send them; and the time from typing to first results.
 * A `q` starting with `?` is a search URL opened as such (e.g. `?code=yes`, a listing without
 * query), timed from the page load.
 */
export async function measureFirstQuery(
	browser: Browser,
	server: SiteServer,
	dist: string,
	q: string,
) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const files: Array<{ url: string; bytes: number }> = [];
	// Only what was requested before the first results were on screen counts.
	const before = new Set<string>();
	let answered = false;
	page.on('request', (req) => {
		if (!answered) before.add(req.url());
	});
	page.on('requestfinished', (req) => {
		if (!before.has(req.url())) return;
		void req.sizes().then((s) => {
			files.push({ url: req.url().replace(server.origin, ''), bytes: s.responseBodySize });
		});
	});
	let t0 = Date.now();
	await page.goto(`${server.url}search/${q.startsWith('?') ? q : ''}`);
	await page.waitForSelector('[data-search][data-state="ready"]');
	if (!q.startsWith('?')) {
		t0 = Date.now();
		await page.fill('#search-q', q);
	}
	await page.waitForSelector('.search-result');
	const ms = Date.now() - t0;
	answered = true;
	await page.waitForTimeout(300);
	await context.close();
	const search = files.filter((f) => !f.url.startsWith('/search/'));
	const urls = search.map((f) => f.url);
	const byKind: Record<string, { files: number; gzip: number }> = {};
	for (const f of search) {
		const k = (byKind[kindOf(f.url)] ??= { files: 0, gzip: 0 });
		k.files += 1;
		k.gzip += gzipEstimate(dist, '/', [f.url]);
	}
	return {
		q,
		ms,
		pageBytes: files.filter((f) => f.url.startsWith('/search/')).reduce((n, f) => n + f.bytes, 0),
		/** Page CSS/JS, Pagefind JS, index, WASM, filters and the shown results' fragments. */
		searchBytes: search.reduce((n, f) => n + f.bytes, 0),
		searchGzipBytes: gzipEstimate(dist, '/', urls),
		/** The same with brotli for text files (Pagefind's own files stay gzip). */
		searchBrotliBytes: compressedEstimate(dist, '/', urls, 'brotli'),
		byKind,
		files: search,
	};
}

/** The full quality report. */
/** Each paper that has a query (`query` gives it) with the rank of the paper for that query. */
async function paperRanks(
	page: Page,
	papers: PaperRef[],
	query: (p: PaperRef) => string | undefined,
): Promise<Array<{ q: string; rank: number }>> {
	const asked = papers.flatMap((p) => {
		const q = query(p);
		return q ? [{ q, slug: p.slug }] : [];
	});
	const results = await queryAll(
		page,
		asked.map((a) => a.q),
	);
	return asked.map((a, i) => ({ q: a.q, rank: rankOf(results[i]!, a.slug) }));
}

/** How many queries found their paper first, and the others. */
function summarise(ranks: Array<{ q: string; rank: number }>) {
	return {
		count: ranks.length,
		first: ranks.filter((m) => m.rank === 1).length,
		misses: ranks.filter((m) => m.rank !== 1),
	};
}

export async function measureQuality(dist: string, papersDir: string) {
	const papers = readPapers(papersDir);
	const server = await serveSite(dist);
	const browser = await launchBrowser();
	try {
		const firstQueries = [];
		for (const q of FIRST_QUERIES)
			firstQueries.push(await measureFirstQuery(browser, server, dist, q));
		const firstQuery = firstQueries[0]!;
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto(`${server.url}search/`);
		await page.waitForSelector('[data-search][data-state="ready"]');
		const shortNames = await paperRanks(page, papers, (p) => p.shortName);
		const titles = await paperRanks(page, papers, (p) => p.title);
		// Readers paste arXiv ids: the index holds each paper's id (see searchPageHtml).
		const arxivIds = await paperRanks(page, papers, (p) => p.arxivId);
		const bySlug = new Map(papers.map((p) => [p.slug, p]));
		const topical = Object.entries(TOPICAL).map(([q, re]) => ({ q, re }));
		const topicalTop = await queryAll(
			page,
			topical.map((t) => t.q),
		);
		await context.close();
		return {
			papers: papers.length,
			shortNames: {
				...summarise(shortNames),
				top3: shortNames.filter((m) => m.rank >= 1 && m.rank <= 3).length,
			},
			titles: summarise(titles),
			arxivIds: summarise(arxivIds),
			topical: topical.map((t, i) => ({
				q: t.q,
				top5: topicalTop[i]!,
				relevant: topicalTop[i]!.filter((slug) => {
					const p = bySlug.get(slug);
					return p && t.re.test(`${p.title} ${p.summary}`);
				}).length,
			})),
			firstQuery,
			firstQueries: firstQueries.map(({ files: _files, ...rest }) => rest),
		};
	} finally {
		await browser.close();
		await server.close();
	}
}

/** Only the cold first queries (for large builds, where the quality run takes long). */
export async function measureFirstQueries(dist: string, queries = FIRST_QUERIES) {
	const server = await serveSite(dist);
	const browser = await launchBrowser();
	try {
		const out = [];
		for (const q of queries) out.push(await measureFirstQuery(browser, server, dist, q));
		return out;
	} finally {
		await browser.close();
		await server.close();
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { first, dist, papers } = optionsOrExit(
		'search-quality',
		parseSearchQualityArgs(process.argv.slice(2)),
		SEARCH_QUALITY_USAGE,
		'node scripts/search-quality.ts',
	);
	if (!existsSync(join(dist, 'pagefind', 'pagefind.js')))
		failSetup(
			'search-quality',
			`${dist}: no built site with a search index (no pagefind/pagefind.js)`,
			'build it first (npm run build), or name the built site: node scripts/search-quality.ts DIST',
		);
	if (!first && !existsSync(papers))
		failSetup(
			'search-quality',
			`${papers}: no such folder`,
			'name the generated entries: node scripts/search-quality.ts DIST PAPERS',
		);
	const report = first
		? await measureFirstQueries(dist, [...FIRST_QUERIES, 'language model', '?code=yes'])
		: await measureQuality(dist, papers);
	console.log(JSON.stringify(report, null, 2));
}

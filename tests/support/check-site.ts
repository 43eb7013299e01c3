/**
 * Checks a built site of any size against the entries it was built from, reading files only:
 * the benchmark runs it on 10,000 and 100,000 papers (`npm run bench -- --check`), where the
 * browser suites (which build the seed) cannot go. Every paper page with its full title and
 * abstract section, every topic page, every day's pages with its papers in its order, the feeds
 * under the RSS rules of the feed tests, every paper in the sitemap (and nothing else under
 * papers/), a page at every former address that sends the reader on, and a search index of
 * exactly the papers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { groupDays } from '../../src/lib/day-page.ts';
import { compareListing } from '../../src/lib/listing.ts';
import { readableTitle } from '../../src/lib/math-text.ts';
import { readMovedTopics } from '../../src/lib/moved-topics.ts';
import { readRedirects } from '../../src/lib/redirects.ts';
import type { Paper } from '../../src/schemas/paper.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { SITE } from '../../src/site.config.ts';
import { checkRssRules, decodeEntities, parseRss } from './feed-rules.ts';

/** What the check looked at, and every problem found (empty: the site is whole). */
export interface SiteCheck {
	papers: number;
	topics: number;
	feeds: number;
	problems: string[];
}

/** Problems beyond this many are counted, not listed. */
const LISTED = 20;

/**
 * Checks `dist` (built with `siteUrl`, no BASE_PATH and `pageSize` papers a listing page) against
 * the entries in `papersDir` (`content/papers/`).
 */
export function checkBuiltSite(
	dist: string,
	papersDir: string,
	siteUrl: string,
	pageSize = SITE.pageSize,
): SiteCheck {
	const problems: string[] = [];
	let more = 0;
	const problem = (p: string): void => {
		if (problems.length < LISTED) problems.push(p);
		else more++;
	};
	const papers = readdirSync(papersDir)
		.filter((n) => n.endsWith('.mdx'))
		.map((n) => splitFrontmatter(readFileSync(join(papersDir, n), 'utf8')).data as Paper);
	for (const paper of papers) {
		const file = join(dist, 'papers', paper.slug, 'index.html');
		if (!existsSync(file)) {
			problem(`papers/${paper.slug}/: no page`);
			continue;
		}
		const html = readFileSync(file, 'utf8');
		const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html);
		const title = h1 ? decodeEntities(h1[1]!.replace(/<[^>]*>/g, '')).trim() : undefined;
		// The title as given, its formulas read (`$\infty$` → ∞: readableTitle).
		if (title !== readableTitle(paper.title).trim())
			problem(`papers/${paper.slug}/: <h1> is ${JSON.stringify(title)}, not the title`);
		if (!/<section\b[^>]*\bid="abstract"/.test(html))
			problem(`papers/${paper.slug}/: no abstract section`);
	}

	// Every day of the archive: its pages, full but the last, list the day's papers in order (an
	// arXiv dump dates thousands to one day), and its page/1/ sends the reader to page 1.
	const listing = papers
		.map((p) => ({ id: p.slug, data: p }))
		.sort((a, b) => compareListing(a.data, b.data));
	for (const day of groupDays(listing)) {
		const at = `days/${day.date}/`;
		const sizes: number[] = [];
		const listed: string[] = [];
		const pageFile = (n: number) => join(dist, at, n > 1 ? `page/${n}` : '', 'index.html');
		for (let n = 1; existsSync(pageFile(n)); n++) {
			const html = readFileSync(pageFile(n), 'utf8');
			const links = [...html.matchAll(/paper-item__title"><a href="\/papers\/([^/"]+)\/"/g)];
			sizes.push(links.length);
			listed.push(...links.map((m) => m[1]!));
		}
		const full = sizes.slice(0, -1).every((n) => n === pageSize) && sizes.at(-1)! <= pageSize;
		if (!sizes.length) problem(`${at}: no page`);
		else if (listed.join(' ') !== day.papers.map((p) => p.id).join(' '))
			problem(
				`${at}: its pages list ${listed.length} papers, not the day's ${day.papers.length} in order`,
			);
		else if (!full) problem(`${at}: pages of ${sizes.join(', ')} papers (page size ${pageSize})`);
		const alias = join(dist, at, 'page/1/index.html');
		if (!existsSync(alias) || !readFileSync(alias, 'utf8').includes(`content="0; url=/${at}"`))
			problem(`${at}page/1/: does not send the reader to ${at}`);
	}

	const topics = JSON.parse(readFileSync(join(papersDir, '_topics.json'), 'utf8')) as Topic[];
	const feeds: Array<[string, string]> = [['rss.xml', `${siteUrl}/rss.xml`]];
	for (const t of topics) {
		if (!existsSync(join(dist, 'topics', t.slug, 'index.html')))
			problem(`topics/${t.slug}/: no page`);
		feeds.push([`topics/${t.slug}/rss.xml`, `${siteUrl}/topics/${t.slug}/rss.xml`]);
	}
	const slugs = new Set(papers.map((p) => p.slug));
	for (const [file, url] of feeds) {
		if (!existsSync(join(dist, file))) {
			problem(`${file}: missing`);
			continue;
		}
		const xml = readFileSync(join(dist, file), 'utf8');
		const rules = checkRssRules(xml, url);
		for (const p of rules) problem(`${file}: ${p}`);
		if (rules.length) continue;
		const channel = (parseRss(xml).rss as { channel?: { item?: unknown } } | undefined)?.channel;
		const items = channel?.item === undefined ? [] : [channel.item].flat();
		for (const item of items as Array<{ link?: string }>) {
			const slug = /\/papers\/([^/]+)\/$/.exec(String(item.link ?? ''))?.[1];
			if (!slug || !slugs.has(slug)) problem(`${file}: item links to ${item.link}`);
		}
	}

	const sitemap = readdirSync(dist)
		.filter((n) => /^sitemap-\d+\.xml$/.test(n))
		.map((n) => readFileSync(join(dist, n), 'utf8'))
		.join('\n');
	const listed = new Set(
		[...sitemap.matchAll(/<loc>[^<]*\/papers\/([^/<]+)\/<\/loc>/g)].map((m) => m[1]!),
	);
	for (const slug of slugs) if (!listed.has(slug)) problem(`sitemap: papers/${slug}/ missing`);
	for (const slug of listed) if (!slugs.has(slug)) problem(`sitemap: papers/${slug}/ is no paper`);

	// Former addresses of papers that moved: a page that sends the reader to the paper.
	for (const { from, to } of readRedirects(join(papersDir, '_redirects.json'))) {
		const file = join(dist, 'papers', from, 'index.html');
		if (!slugs.has(to)) problem(`_redirects.json: ${from} → ${to}, which is no paper`);
		if (!existsSync(file)) problem(`papers/${from}/: no page for the former address`);
		else if (!readFileSync(file, 'utf8').includes(`content="0; url=/papers/${to}/"`))
			problem(`papers/${from}/: does not send the reader to papers/${to}/`);
	}

	// Former addresses of renamed topics: the page sends the reader on, the feed goes on.
	for (const { from, to } of readMovedTopics(join(papersDir, '_topics.json'))) {
		const file = join(dist, 'topics', from, 'index.html');
		if (!existsSync(file)) problem(`topics/${from}/: no page for the former address`);
		else if (!readFileSync(file, 'utf8').includes(`content="0; url=/topics/${to}/"`))
			problem(`topics/${from}/: does not send the reader to topics/${to}/`);
		const feed = join(dist, 'topics', from, 'rss.xml');
		if (
			!existsSync(feed) ||
			readFileSync(feed, 'utf8') !== readFileSync(join(dist, 'topics', to, 'rss.xml'), 'utf8')
		)
			problem(`topics/${from}/rss.xml: not the feed of topics/${to}/`);
	}

	const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
		languages: Record<string, { page_count: number }>;
	};
	const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
	if (indexed !== papers.length)
		problem(`search index: ${indexed} pages for ${papers.length} papers`);

	if (more) problems.push(`… and ${more} more`);
	return { papers: papers.length, topics: topics.length, feeds: feeds.length, problems };
}

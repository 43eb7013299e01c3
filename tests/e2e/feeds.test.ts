/**
 * The built feeds (dist/ at the root, dist-base/ under BASE_PATH) read as files: validator
 * rules, a real feed parser, items against the built pages and the generated entries, OPML,
 * JSON Feed, the feeds page and autodiscovery; then the XSL view and the copy buttons in Chromium.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { feedAbstractHtml, feedSlice } from '../../src/lib/feed.ts';
import { compareListing } from '../../src/lib/listing.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { readableTitle } from '../../src/lib/math-text.ts';
import type { Paper } from '../../src/schemas/paper.ts';
import type { Topic } from '../../src/schemas/topic.ts';
import { SITE } from '../../src/site.config.ts';
import { checkRssRules, htmlText, parseRss, wellFormed } from '../support/feed-rules.ts';
import { launchBrowser } from './support/browser.ts';
import { BASE_PATH, DIST, DIST_BASE } from './support/paths.ts';
import { serveSite, type SiteServer } from './support/server.ts';
import type { Browser } from 'playwright-core';

const SITE_URL = 'https://abstracta.example';
const PAPERS_DIR = 'content/papers';

/** The generated entries the builds were made from, in listing order. */
const papers: Paper[] = readdirSync(PAPERS_DIR)
	.filter((n) => n.endsWith('.mdx'))
	.map((n) => splitFrontmatter(readFileSync(join(PAPERS_DIR, n), 'utf8')).data as Paper)
	.sort(compareListing);
const topics = JSON.parse(readFileSync(join(PAPERS_DIR, '_topics.json'), 'utf8')) as Topic[];
const topicName = new Map(topics.map((t) => [t.slug, t.name]));

type Item = Record<string, unknown>;
const itemsOf = (xml: string): Item[] => {
	const channel = (parseRss(xml).rss as Record<string, Item>).channel!;
	const items = channel.item;
	return items === undefined ? [] : Array.isArray(items) ? (items as Item[]) : [items as Item];
};
const text = (v: unknown): string =>
	typeof v === 'object' && v !== null ? String((v as Item)['#text']) : String(v ?? '');

/** The inner HTML of the element with id="abstract" (nesting-aware for its own tag). */
function abstractHtml(page: string): string {
	const open = /<([a-z]+)\b[^>]*\sid="abstract"[^>]*>/.exec(page);
	if (!open) throw new Error('no #abstract on the page');
	const tag = open[1]!;
	const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
	re.lastIndex = open.index + open[0].length;
	let depth = 1;
	for (let m = re.exec(page); m; m = re.exec(page)) {
		depth += m[1] ? -1 : 1;
		// The section's own heading ("Abstract") is page chrome, not abstract text.
		if (depth === 0)
			return page
				.slice(open.index + open[0].length, m.index)
				.replace(/^\s*<h2\b[^>]*>.*?<\/h2>/s, '');
	}
	throw new Error('unclosed #abstract');
}

const pubDate = (date: string): string => new Date(`${date}T00:00:00Z`).toUTCString();

for (const { dir, base } of [
	{ dir: DIST, base: '/' },
	{ dir: DIST_BASE, base: BASE_PATH },
]) {
	const root = SITE_URL + base;
	/** The built file an absolute URL of this site is served from. */
	const fileOf = (url: string): string => {
		expect(url.startsWith(root), `${url} is under ${root}`).toBe(true);
		const rest = url.slice(root.length);
		return join(dir, rest.endsWith('/') || rest === '' ? `${rest}index.html` : rest);
	};
	const read = (rel: string): string => readFileSync(join(dir, rel), 'utf8');

	/** Checks one RSS feed against the entries it should list; returns its parsed items. */
	async function checkFeed(rel: string, expected: Paper[]): Promise<Item[]> {
		const xml = read(rel);
		expect(checkRssRules(xml, root + rel)).toEqual([]);
		expect(xml).toContain(`<?xml-stylesheet href="${base}rss.xsl" type="text/xsl"?>`);
		const parsed = await new Parser().parseString(xml);
		const want = feedSlice(expected, SITE.feedSize, (p) => p.date);
		expect(parsed.items.map((i) => i.link)).toEqual(want.map((p) => `${root}papers/${p.slug}/`));
		const items = itemsOf(xml);
		want.forEach((paper, i) => {
			const item = items[i]!;
			expect(item.title).toBe(readableTitle(paper.title));
			expect(text(item.guid)).toBe(item.link);
			expect(item.pubDate).toBe(pubDate(paper.date));
			const categories = [item.category ?? []].flat().map(text);
			expect(categories).toEqual(paper.topics.map((t) => topicName.get(t) ?? t));
			if (paper.authors.length > 0) expect(item['dc:creator']).toBe(paper.authors.join(', '));
			// The item carries the full abstract of the paper's built page, then its code links;
			// its formulas as text (feedAbstractHtml), which every reader shows.
			const content = text(item['content:encoded']);
			const page = readFileSync(fileOf(text(item.link)), 'utf8');
			expect(content).not.toMatch(/<annotation|<math/);
			const shown = feedAbstractHtml(abstractHtml(page));
			expect(htmlText(content).startsWith(htmlText(shown))).toBe(true);
			for (const url of paper.codeUrls) expect(content).toContain(`href="${url}"`);
		});
		return items;
	}

	describe(`feeds in ${dir} (base ${base})`, () => {
		test('the site feed lists the newest papers in listing order with full abstracts', async () => {
			const items = await checkFeed('rss.xml', papers);
			// The seed's one day lists 75 papers: all of them, not the first 50; a feed never
			// stops inside a day.
			expect(items).toHaveLength(feedSlice(papers, SITE.feedSize, (p) => p.date).length);
			expect(items.length).toBeGreaterThanOrEqual(Math.min(SITE.feedSize, papers.length));
			expect(papers[items.length]?.date).not.toBe(papers[items.length - 1]!.date);
			const channel = (parseRss(read('rss.xml')).rss as Record<string, Item>).channel!;
			expect(channel.link).toBe(root);
			expect(channel.lastBuildDate).toBe(pubDate(papers[0]!.date));
			// The channel image is a built file of exactly the size it declares (at most 144 px).
			const image = channel.image as Item;
			const png = await sharp(fileOf(text(image.url))).metadata();
			expect([png.format, png.width, png.height]).toEqual([
				'png',
				Number(text(image.width)),
				Number(text(image.height)),
			]);
			expect(png.width).toBeLessThanOrEqual(144);
		});

		test('every topic has a valid feed of its own papers', async () => {
			const built = existsSync(join(dir, 'topics'))
				? readdirSync(join(dir, 'topics')).filter((t) =>
						existsSync(join(dir, 'topics', t, 'rss.xml')),
					)
				: [];
			expect(built.sort()).toEqual(topics.map((t) => t.slug).sort());
			for (const topic of topics) {
				const own = papers.filter((p) => p.topics.includes(topic.slug));
				const items = await checkFeed(`topics/${topic.slug}/rss.xml`, own);
				for (const item of items) expect([item.category].flat().map(text)).toContain(topic.name);
			}
		});

		test('the JSON Feed 1.1 mirrors the site feed', async () => {
			const json = JSON.parse(read('feed.json')) as {
				version: string;
				icon: string;
				feed_url: string;
				home_page_url: string;
				items: Array<Record<string, unknown>>;
			};
			expect(json.version).toBe('https://jsonfeed.org/version/1.1');
			expect(json.feed_url).toBe(`${root}feed.json`);
			expect(json.home_page_url).toBe(root);
			const icon = await sharp(fileOf(json.icon)).metadata();
			expect([icon.width, icon.height]).toEqual([512, 512]);
			const rss = itemsOf(read('rss.xml'));
			expect(json.items.map((i) => i.id)).toEqual(rss.map((i) => i.link));
			json.items.forEach((item, i) => {
				const paper = papers[i]!;
				expect(item.url).toBe(item.id);
				expect(item.title).toBe(readableTitle(paper.title));
				expect(item.content_text).toBe(paper.summary);
				expect(item.content_html).toBe(text(rss[i]!['content:encoded']));
				expect(item.date_published).toBe(`${paper.date}T00:00:00Z`);
			});
		});

		test('the OPML lists every feed, each one built', () => {
			const opml = read('feeds.opml');
			expect(wellFormed(opml)).toBe(true);
			const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'outline' }).parse(
				opml,
			) as { opml: { body: { outline: Array<Record<string, string>> } } };
			const urls = doc.opml.body.outline.map((o) => o['@_xmlUrl']!);
			// The site feed first, then the topics in the site's topic order.
			expect(urls[0]).toBe(`${root}rss.xml`);
			expect(urls.slice(1).sort()).toEqual(
				topics.map((t) => `${root}topics/${t.slug}/rss.xml`).sort(),
			);
			for (const url of urls) expect(existsSync(fileOf(url)), url).toBe(true);
		});

		test('the feeds page offers every feed with a copy button, and pages autodiscover', () => {
			const page = read('feeds/index.html');
			const feeds = [`${root}rss.xml`, `${root}feed.json`, `${root}feeds.opml`];
			for (const t of topics) feeds.push(`${root}topics/${t.slug}/rss.xml`);
			const copies = [...page.matchAll(/<button[^>]*data-copy-text="([^"]+)"/g)].map((m) => m[1]);
			expect(copies.sort()).toEqual(feeds.sort());
			const htmlFiles = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
				f.endsWith('.html'),
			);
			expect(htmlFiles.length).toBeGreaterThan(papers.length);
			for (const f of htmlFiles) {
				expect(read(f), f).toMatch(
					new RegExp(
						`<link rel="alternate" type="application/rss\\+xml"[^>]*href="${base}rss\\.xml"`,
					),
				);
				expect(read(f), f).toMatch(
					new RegExp(
						`<link rel="alternate" type="application/feed\\+json"[^>]*href="${base}feed\\.json"`,
					),
				);
			}
		});

		test('the stylesheet is a well-formed XSLT at the base path', () => {
			expect(wellFormed(read('rss.xsl'))).toBe(true);
			expect(read('rss.xsl')).toContain('xmlns:xsl="http://www.w3.org/1999/XSL/Transform"');
		});
	});
}

describe('feeds in Chromium', () => {
	let server: SiteServer;
	let browser: Browser;
	beforeAll(async () => {
		server = await serveSite(DIST_BASE, BASE_PATH);
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	test('a feed opened in the browser is a readable page with subscribe instructions', async () => {
		const page = await browser.newPage({ viewport: { width: 1000, height: 1100 } });
		await page.goto(`${server.url}rss.xml`);
		await expect.poll(() => page.locator('h1').textContent()).toBe(SITE.title);
		const shown = feedSlice(papers, SITE.feedSize, (p) => p.date).length;
		expect(await page.locator('main li').count()).toBe(shown);
		expect(await page.locator('.address').textContent()).toBe(`${SITE_URL}${BASE_PATH}rss.xml`);
		// Its icon is the channel's, under the base: no request for the host's /favicon.ico.
		const image = /<image><url>([^<]+)<\/url>/.exec(
			readFileSync(join(DIST_BASE, 'rss.xml'), 'utf8'),
		)![1]!;
		expect(image.startsWith(`${SITE_URL}${BASE_PATH}`)).toBe(true);
		expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe(image);
		// Summaries show as the plain text they are: the XSL decodes &amp; &lt; &gt; once.
		const summaries = await page.locator('.summary').allTextContents();
		expect(summaries).toEqual(papers.slice(0, shown).map((p) => p.summary));
		// Each item is a section of the feed's h1: no level skipped (axe: heading-order).
		const levels = await page
			.locator('h1, h2, h3, h4, h5, h6')
			.evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
		expect(levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1)).toEqual([]);
		const first = page.locator('main li h2 a').first();
		expect(await first.getAttribute('href')).toBe(
			`${SITE_URL}${BASE_PATH}papers/${papers[0]!.slug}/`,
		);
		mkdirSync('screenshots', { recursive: true });
		await page.screenshot({ path: 'screenshots/feeds-rss.png' });
		await page.close();
	});

	test('a feed page takes the theme the reader picked on the site, over the system one', async () => {
		const background = async (system: 'light' | 'dark', picked: 'light' | 'dark') => {
			const context = await browser.newContext({ colorScheme: system });
			const page = await context.newPage();
			await page.goto(server.url);
			await page.evaluate((t) => localStorage.setItem('theme', t), picked);
			await page.goto(`${server.url}rss.xml`);
			await expect.poll(() => page.locator('h1').count()).toBe(1);
			const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
			await context.close();
			return bg;
		};
		// The site's own page colours (global.css --bg), light and dark.
		expect(await background('light', 'dark')).toBe('rgb(21, 23, 27)');
		expect(await background('dark', 'light')).toBe('rgb(250, 249, 246)');
		expect(await background('dark', 'dark')).toBe('rgb(21, 23, 27)');
	});

	test('a summary with thousands of escaped characters still shows (the decoding does not recurse per entity)', async () => {
		const page = await browser.newPage();
		// A feed of one item whose description holds 3,000 escaped `<b>&`: the decoding recursed
		// once per entity and Chromium's XSLT gave up, leaving the whole page blank.
		const text = '<b>& '.repeat(3000);
		const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
		const xml = `<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="${BASE_PATH}rss.xsl" type="text/xsl"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><link>${server.url}</link><description>D</description><language>en</language><atom:link href="${server.url}long.xml" rel="self" type="application/rss+xml"/><item><title>Long</title><link>${server.url}</link><description>${escaped.replace(/&/g, '&amp;')}</description></item></channel></rss>`;
		await page.route(`${server.url}long.xml`, (route) =>
			route.fulfill({ contentType: 'application/xml', body: xml }),
		);
		await page.goto(`${server.url}long.xml`);
		await expect.poll(() => page.locator('.summary').count()).toBe(1);
		expect(await page.locator('.summary').textContent()).toBe(text);
		await page.close();
	});

	test('an entity that straddles the middle of a long summary is decoded whole ("p < 0.05")', async () => {
		const page = await browser.newPage();
		// One `<` after 214–229 letters and before 220 more: at 220–225 its `&lt;` was cut by the
		// halving, and the page showed "p &lt; 0.05".
		const texts = Array.from(
			{ length: 16 },
			(_, k) => `${'x'.repeat(214 + k)} (p < 0.05) ${'y'.repeat(220)}`,
		);
		const items = texts
			.map(
				(t) =>
					`<item><title>T</title><link>${server.url}</link><description>${t.replace(/</g, '&lt;').replace(/&/g, '&amp;')}</description></item>`,
			)
			.join('');
		const xml = `<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="${BASE_PATH}rss.xsl" type="text/xsl"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><link>${server.url}</link><description>D</description><language>en</language><atom:link href="${server.url}cut.xml" rel="self" type="application/rss+xml"/>${items}</channel></rss>`;
		await page.route(`${server.url}cut.xml`, (route) =>
			route.fulfill({ contentType: 'application/xml', body: xml }),
		);
		await page.goto(`${server.url}cut.xml`);
		await expect.poll(() => page.locator('.summary').count()).toBe(texts.length);
		expect(await page.locator('.summary').allTextContents()).toEqual(texts);
		await page.close();
	});

	test('the copy buttons put the feed address on the clipboard', async () => {
		const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
			origin: server.origin,
		});
		const page = await context.newPage();
		await page.goto(`${server.url}feeds/`);
		const button = page.locator('.feeds-copy button[data-copy-text]').first();
		await expect.poll(() => button.isVisible()).toBe(true);
		// Each button names its feed: 35 buttons all called "Copy" told a screen reader nothing.
		const names = await page
			.locator('.feeds-copy button[data-copy-text]')
			.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
		expect(names.every((n) => n?.startsWith('Copy the address of '))).toBe(true);
		expect(new Set(names).size).toBe(names.length);
		await button.click();
		const status = page.locator('.feeds-copy [data-copy-status]').first();
		await expect.poll(() => status.textContent()).toBe('Copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
			`${SITE_URL}${BASE_PATH}rss.xml`,
		);
		await page.screenshot({ path: 'screenshots/feeds-page.png', fullPage: true });
		await context.close();
	});
});

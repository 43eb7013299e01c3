import { readFileSync } from 'node:fs';
import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { escapeXml } from '../../src/lib/escape.ts';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import {
	absolutizeHtml,
	buildFeedItem,
	buildJsonFeed,
	buildOpml,
	buildRssOptions,
	feedAbstractHtml,
	JSON_FEED_VERSION,
	type FeedChannel,
	type FeedItem,
	type FeedPaper,
	feedSlice,
	FEED_DAY_MAX,
} from '../../src/lib/feed.ts';
import { compareListing } from '../../src/lib/listing.ts';
import { renderAbstractHtml } from '../../src/lib/render-abstract.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import type { Paper } from '../../src/schemas/paper.ts';
import {
	checkRssRules,
	decodeEntities,
	htmlText,
	parseRss,
	wellFormed,
} from '../support/feed-rules.ts';

const SITE = 'https://abstracta.example/reading-list/';
const FEED_URL = `${SITE}topics/nlp/rss.xml`;
const CHANNEL: FeedChannel = {
	title: 'Abstracta — Language & <Speech>',
	description: 'Papers on "language" & speech',
	homeUrl: `${SITE}topics/nlp/`,
	feedUrl: FEED_URL,
	language: 'en',
	imageUrl: `${SITE}feed-icon.png`,
	iconUrl: `${SITE}icon-512.png`,
	stylesheet: '/reading-list/rss.xsl',
};
/** Topic names of the fixtures; a name with markup characters on purpose. */
const TOPICS = new Map([['nlp', 'Language & <Speech>']]);
const topicName = (slug: string): string | undefined => TOPICS.get(slug);
const linkOf = (slug: string): string => `${SITE}papers/${slug}/`;

function paper(overrides: Partial<FeedPaper> = {}): FeedPaper {
	return {
		title: 'A paper',
		date: '2025-03-18',
		authors: ['Ada Lovelace', 'Alan Turing'],
		topics: ['nlp', 'unknown-topic'],
		codeUrls: ['https://github.com/example/repo.git'],
		summary: 'Plain summary.',
		arxivId: '2504.12351',
		...overrides,
	};
}

const rssOf = (items: FeedItem[], channel = CHANNEL): Promise<string> =>
	getRssString(buildRssOptions(channel, items));

type Channel = Record<string, unknown>;
const channelOf = (xml: string): Channel => (parseRss(xml).rss as Record<string, Channel>).channel!;

/** The hostile fixture through the real ingest and renderer, in listing order. */
function hostileItems(): Array<{ paper: Paper; html: string; item: FeedItem }> {
	const bytes = readFileSync('tests/fixtures/hostile/hostile.jsonl');
	const result = ingest([{ name: 'hostile.jsonl', bytes }]);
	expect(result.errors).toEqual([]);
	return [...result.papers]
		.sort(compareListing)
		.map((p) => ({ ...p, topics: ['nlp'] }))
		.map((p) => {
			const entry = result.entries.get(`${p.slug}.mdx`)!;
			const html = renderAbstractHtml(splitFrontmatter(entry).body);
			return { paper: p, html, item: buildFeedItem(p, html, { link: linkOf(p.slug), topicName }) };
		});
}

describe('feedSlice', () => {
	const day = (date: string, n: number) => Array.from({ length: n }, (_, i) => ({ date, i }));
	const dateOf = (p: { date: string }) => p.date;
	test('takes the newest papers, then the rest of the last one’s day', () => {
		const papers = [...day('2026-01-03', 58), ...day('2026-01-02', 30)];
		expect(feedSlice(papers, 50, dateOf)).toHaveLength(58);
		expect(
			feedSlice([...day('2026-01-03', 20), ...day('2026-01-02', 40)], 50, dateOf),
		).toHaveLength(60);
		expect(feedSlice([...day('2026-01-03', 50), ...day('2026-01-02', 9)], 50, dateOf)).toHaveLength(
			50,
		);
		expect(feedSlice(day('2026-01-03', 7), 50, dateOf)).toHaveLength(7);
		expect(feedSlice([], 50, dateOf)).toEqual([]);
	});
	test('stops at FEED_DAY_MAX: a dump dates thousands of records to one day', () => {
		expect(feedSlice(day('2008-11-26', 10_000), 50, dateOf)).toHaveLength(FEED_DAY_MAX);
		expect(feedSlice(day('2008-11-26', 10_000), 800, dateOf)).toHaveLength(800);
	});
});

describe('absolutizeHtml', () => {
	test('resolves relative href and src against the page URL', () => {
		const page = `${SITE}papers/x/`;
		const html =
			'<a href="../y/">y</a><img src=\'/icon.png\'><a href="#math">m</a><a href="z?a=1&amp;b=2">z</a>';
		expect(absolutizeHtml(html, page)).toBe(
			`<a href="${SITE}papers/y/">y</a><img src="https://abstracta.example/icon.png">` +
				`<a href="${SITE}papers/x/#math">m</a><a href="${SITE}papers/x/z?a=1&amp;b=2">z</a>`,
		);
	});

	test('leaves absolute URLs and text that looks like an attribute alone', () => {
		const html = '<p>set href="x" in text</p><a href="https://github.com/a/b?x=1&amp;y=2">r</a>';
		expect(absolutizeHtml(html, SITE)).toBe(html);
	});
});

describe('buildFeedItem', () => {
	test('dates an item at midnight UTC of its listing date, never the clock', () => {
		const item = buildFeedItem(paper({ date: '2024-02-29' }), '<p>x</p>', {
			link: linkOf('x'),
			topicName,
		});
		expect(item.published.toISOString()).toBe('2024-02-29T00:00:00.000Z');
	});

	test('names one category per topic, falling back to the slug', () => {
		const item = buildFeedItem(paper(), '<p>x</p>', { link: linkOf('x'), topicName });
		expect(item.categories).toEqual(['Language & <Speech>', 'unknown-topic']);
	});

	test('appends code and arXiv links after the abstract', () => {
		const item = buildFeedItem(paper(), '<p>Abstract.</p>', { link: linkOf('x'), topicName });
		expect(item.contentHtml).toBe(
			'<p>Abstract.</p><p>Code: <a href="https://github.com/example/repo.git">github.com/example/repo</a></p>' +
				'<p><a href="https://arxiv.org/abs/2504.12351">arXiv:2504.12351</a> · <a href="https://arxiv.org/pdf/2504.12351">PDF</a></p>',
		);
	});

	test('says what each link holds: a dataset or demo is not code', () => {
		const item = buildFeedItem(
			paper({
				codeUrls: [
					'https://github.com/a/b',
					'https://huggingface.co/datasets/o/d',
					'https://huggingface.co/spaces/o/s',
				],
				arxivId: undefined,
			}),
			'<p>A.</p>',
			{ link: linkOf('x'), topicName },
		);
		expect(item.contentHtml).toBe(
			'<p>A.</p><p>Code: <a href="https://github.com/a/b">github.com/a/b</a> · ' +
				'Data: <a href="https://huggingface.co/datasets/o/d">huggingface.co/datasets/o/d</a> · ' +
				'Demo: <a href="https://huggingface.co/spaces/o/s">huggingface.co/spaces/o/s</a></p>',
		);
	});

	test('adds no links when there is no code and no arXiv id', () => {
		const item = buildFeedItem(paper({ codeUrls: [], arxivId: undefined }), '<p>A.</p>', {
			link: linkOf('x'),
			topicName,
		});
		expect(item.contentHtml).toBe('<p>A.</p>');
	});
});

describe('a paper that moved', () => {
	const moved = buildFeedItem(paper(), '<p>A.</p>', {
		link: linkOf('2109.00859'),
		topicName,
		formerLink: linkOf('codet5'),
	});
	const stayed = buildFeedItem(paper(), '<p>B.</p>', { link: linkOf('b'), topicName });

	test('keeps its former address as guid and JSON Feed id, and links the new page', async () => {
		const xml = await rssOf([moved, stayed]);
		const items = channelOf(xml).item as Array<Record<string, unknown>>;
		expect(items.map((i) => [i.link, i.guid])).toEqual([
			[linkOf('2109.00859'), { '#text': linkOf('codet5'), '@_isPermaLink': 'true' }],
			[linkOf('b'), { '#text': linkOf('b'), '@_isPermaLink': 'true' }],
		]);
		expect(xml.match(/<guid /g)).toHaveLength(2);
		expect(checkRssRules(xml, FEED_URL)).toEqual([]);
		const json = buildJsonFeed(CHANNEL, [moved, stayed]);
		expect(json.items.map((i) => [i.id, i.url])).toEqual([
			[linkOf('codet5'), linkOf('2109.00859')],
			[linkOf('b'), linkOf('b')],
		]);
	});
});

describe('RSS channel', () => {
	const items = [
		buildFeedItem(paper({ date: '2025-01-02' }), '<p>a</p>', { link: linkOf('a'), topicName }),
		buildFeedItem(paper({ date: '2025-03-18', authors: [] }), '<p>b</p>', {
			link: linkOf('b'),
			topicName,
		}),
	];

	test('takes lastBuildDate from the newest item and is byte-identical on rebuild', async () => {
		const xml = await rssOf(items);
		expect(channelOf(xml).lastBuildDate).toBe('Tue, 18 Mar 2025 00:00:00 GMT');
		expect(await rssOf(items)).toBe(xml);
	});

	test('passes the validator rules: self link, image, dates, guids, absolute URLs', async () => {
		expect(checkRssRules(await rssOf(items), FEED_URL)).toEqual([]);
	});

	test('the rules catch a self link that is not where the feed is served', async () => {
		expect(checkRssRules(await rssOf(items), `${SITE}rss.xml`)).toEqual([
			`channel: self link "${FEED_URL}" is not ${SITE}rss.xml`,
		]);
	});

	test('the rules catch relative URLs in content and duplicate guids', async () => {
		const bad = { ...items[0]!, contentHtml: '<a href="/papers/x/">x</a>' };
		expect(checkRssRules(await rssOf([bad, bad]), FEED_URL)).toEqual([
			'item 1 content:encoded: relative URL reference "/papers/x/" in HTML content',
			`item 2: duplicate guid ${linkOf('a')}`,
			'item 2 content:encoded: relative URL reference "/papers/x/" in HTML content',
		]);
	});

	test('references the stylesheet and writes authors as dc:creator, not <author>', async () => {
		const xml = await rssOf(items);
		expect(xml).toContain('<?xml-stylesheet href="/reading-list/rss.xsl" type="text/xsl"?>');
		expect(xml).toContain('<dc:creator>Ada Lovelace, Alan Turing</dc:creator>');
		expect(xml.match(/<dc:creator>/g)).toHaveLength(1);
		expect(xml).not.toContain('<author>');
	});

	test('declares a channel image RSS allows, and the rules catch one too wide', async () => {
		const xml = await rssOf(items);
		expect(channelOf(xml).image).toMatchObject({ width: '144', height: '144' });
		expect(checkRssRules(xml.replace('<width>144<', '<width>180<'), FEED_URL)).toEqual([
			'image: width 180 is not 1–144',
		]);
	});

	test('an empty feed is still valid and has no lastBuildDate', async () => {
		const xml = await rssOf([]);
		expect(checkRssRules(xml, FEED_URL)).toEqual([]);
		expect(xml).not.toContain('lastBuildDate');
	});
});

describe('hostile titles and abstracts in every feed format', () => {
	const hostile = hostileItems();
	const items = hostile.map((h) => h.item);

	test('the fixture exercises markup, entities, math, code links and a huge abstract', () => {
		expect(hostile).toHaveLength(5);
		expect(hostile.some((h) => h.paper.title.includes('<b>tags</b> & entities &amp;'))).toBe(true);
		expect(hostile.some((h) => h.paper.codeUrls.length > 0)).toBe(true);
		expect(hostile.some((h) => h.html.includes('<math'))).toBe(true);
		expect(Math.max(...hostile.map((h) => h.paper.summary.length))).toBeGreaterThan(30_000);
	});

	test('RSS: valid, and every title, summary and abstract survives exactly once', async () => {
		const xml = await rssOf(items);
		expect(checkRssRules(xml, FEED_URL)).toEqual([]);
		expect(xml).not.toMatch(/<script/i);
		const parsed = channelOf(xml).item as Array<Record<string, unknown>>;
		expect(parsed).toHaveLength(hostile.length);
		hostile.forEach(({ paper: p, html }, i) => {
			const item = parsed[i]!;
			expect(item.title).toBe(p.title);
			expect(xml.split(`<title>${escapeXml(p.title)}</title>`)).toHaveLength(2);
			// description is HTML: escaped once more so readers show `<b>` as text.
			expect(decodeEntities(item.description as string)).toBe(p.summary);
			const content = item['content:encoded'] as string;
			// Formulas reach readers as text (feedAbstractHtml, tested below on its own).
			const shown = feedAbstractHtml(html);
			expect(content).not.toContain('<annotation');
			expect(content).not.toContain('<math');
			expect(htmlText(content).startsWith(htmlText(shown))).toBe(true);
			expect(content.split(shown)).toHaveLength(2);
			expect(item.category).toBe('Language & <Speech>');
			expect(item['dc:creator']).toBe('Balázs Szegedy, Ana María López');
		});
	});

	test('names with apostrophes reach dc:creator and the image title once escaped', async () => {
		// @astrojs/rss parses customData again and knows XML's named entities only: a `&#39;`
		// came out as `&amp;#39;`, and readers showed "O&#39;Brien".
		const item = { ...items[0]!, authors: ["Conan O'Brien", "Dall'Aglio & <Co>"] };
		const channel = { ...CHANNEL, title: 'Ada\'s "Papers" & <more>' };
		const xml = await rssOf([item], channel);
		expect(xml).not.toContain('&amp;#');
		const parsed = channelOf(xml);
		expect((parsed.item as Record<string, unknown>)['dc:creator']).toBe(
			"Conan O'Brien, Dall'Aglio & <Co>",
		);
		expect((parsed.image as Record<string, unknown>).title).toBe(channel.title);
		const feed = await new Parser().parseString(xml);
		expect(feed.items[0]!.creator).toBe("Conan O'Brien, Dall'Aglio & <Co>");
	});

	test('RSS: a real feed parser (rss-parser) reads the same text', async () => {
		const feed = await new Parser().parseString(await rssOf(items));
		expect(feed.title).toBe(CHANNEL.title);
		expect(feed.items.map((i) => i.title)).toEqual(hostile.map((h) => h.paper.title));
		expect(feed.items.map((i) => i.guid)).toEqual(hostile.map((h) => linkOf(h.paper.slug)));
		expect(feed.items.map((i) => i.isoDate)).toEqual(
			hostile.map((h) => `${h.paper.date}T00:00:00.000Z`),
		);
		for (const [i, item] of feed.items.entries()) {
			expect(item.categories).toEqual(['Language & <Speech>']);
			expect(htmlText(item['content:encoded'] as string)).toContain(
				htmlText(feedAbstractHtml(hostile[i]!.html)),
			);
		}
	});

	test('JSON Feed 1.1: text fields are the exact strings, HTML is the rendered abstract', () => {
		const json = JSON.parse(JSON.stringify(buildJsonFeed(CHANNEL, items))) as ReturnType<
			typeof buildJsonFeed
		>;
		expect(json.version).toBe(JSON_FEED_VERSION);
		expect(json.feed_url).toBe(FEED_URL);
		expect(json.items.map((i) => i.title)).toEqual(hostile.map((h) => h.paper.title));
		hostile.forEach(({ paper: p, html }, i) => {
			const item = json.items[i]!;
			expect(item.id).toBe(linkOf(p.slug));
			expect(item.content_text).toBe(p.summary);
			expect(item.content_html.split(feedAbstractHtml(html))).toHaveLength(2);
			expect(item.date_published).toBe(`${p.date}T00:00:00Z`);
			expect(item.authors).toEqual([{ name: 'Balázs Szegedy' }, { name: 'Ana María López' }]);
			expect(item.tags).toEqual(['Language & <Speech>']);
		});
	});

	test('OPML: titles with markup characters stay well-formed and exact', () => {
		const titles = hostile.map((h) => h.paper.title);
		const opml = buildOpml(
			'Feeds & <more>',
			titles.map((t, i) => ({ title: t, xmlUrl: `${SITE}${i}.xml`, htmlUrl: SITE })),
		);
		expect(wellFormed(opml)).toBe(true);
		const doc = new XMLParser({ ignoreAttributes: false, parseAttributeValue: false }).parse(
			opml,
		) as { opml: { head: { title: string }; body: { outline: Array<Record<string, string>> } } };
		expect(doc.opml.head.title).toBe('Feeds & <more>');
		expect(doc.opml.body.outline.map((o) => o['@_text'])).toEqual(titles);
		expect(doc.opml.body.outline.map((o) => o['@_type'])).toEqual(titles.map(() => 'rss'));
	});
});

describe('formulas in feeds', () => {
	test('are Unicode text, as in the description: no MathML that readers drop or run together', () => {
		const html = renderAbstractHtml(
			'McNemar $p < 10^{-6}$, cost $O(\\ell^2)$ for $P_W$, and $\\mathbb{R}$ & more.',
		);
		expect(html).toContain('<math');
		const feed = feedAbstractHtml(html);
		expect(feed).not.toMatch(/<math|<annotation|katex/);
		expect(htmlText(feed)).toBe('McNemar p < 10⁻⁶, cost O(ℓ²) for P_W, and ℝ & more.');
		// Text stays escaped HTML.
		expect(feed).toContain('p &#x3C; 10⁻⁶');
	});
	test('a wide formula loses the page’s focus stop and scrolling group', () => {
		const html = renderAbstractHtml(
			'We show $\\mathcal{L}(\\theta) = \\mathbb{E}_{x \\sim p}[\\log q_\\theta(x)] + \\lambda \\|\\theta\\|_2^2 + \\gamma \\sum_{i=1}^{n} w_i$ holds.',
		);
		const feed = feedAbstractHtml(html);
		expect(feed).not.toMatch(/tabindex|role="group"|<math/);
	});
});

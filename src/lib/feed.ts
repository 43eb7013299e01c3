/**
 * Pure helpers for the feeds: one feed item per paper, the @astrojs/rss options of a channel,
 * a JSON Feed 1.1 object and an OPML list. Nothing here reads collections or the environment:
 * endpoints pass absolute URLs in, so the same code is unit-tested with fixture data and with
 * any SITE_URL / BASE_PATH.
 */
import type { RSSOptions } from '@astrojs/rss';
import type { Paper } from '../schemas/paper.ts';
import { escapeHtmlText, escapeXml } from './escape.ts';
import { LINK_NAMES, linkKind } from './format.ts';
import { arxivAbsUrl, arxivPdfUrl } from './urls.ts';
import { readableTitle } from './math-text.ts';

/** The fields of a paper a feed uses. */
export type FeedPaper = Pick<
	Paper,
	'title' | 'date' | 'authors' | 'topics' | 'codeUrls' | 'summary' | 'arxivId'
>;

/** One paper as every feed format shows it. */
export interface FeedItem {
	title: string;
	/** Absolute permalink of the paper page. */
	link: string;
	/**
	 * The item's permanent id (RSS guid, JSON Feed id): its link, or the paper's former address
	 * when it moved, so a feed reader that saw it there does not show it again as new.
	 */
	id: string;
	/** Midnight UTC of the listing date: deterministic, never the build clock. */
	published: Date;
	/** Plain-text abstract (formulas as Unicode: see readableText in scripts/ingest/normalize.ts). */
	summary: string;
	/** Full abstract as HTML with every URL absolute, then code and arXiv links. */
	contentHtml: string;
	/** Topic names, one per topic of the paper. */
	categories: string[];
	authors: string[];
}

/** A feed's channel: everything but its items. All URLs absolute except `stylesheet`. */
export interface FeedChannel {
	title: string;
	description: string;
	/** The HTML page the feed mirrors. */
	homeUrl: string;
	/** Where this feed is served (atom:link rel=self, JSON Feed feed_url). */
	feedUrl: string;
	language: string;
	/** RSS channel image: a square PNG of RSS_IMAGE_SIZE px (RSS allows at most 144 wide). */
	imageUrl: string;
	/** JSON Feed icon: a large square PNG (the spec suggests 512 px). */
	iconUrl: string;
	/** Site-relative URL of the XSL stylesheet (same origin, so browsers apply it). */
	stylesheet?: string;
}

/** Namespaces the RSS feeds declare besides `content` (which @astrojs/rss adds itself). */
export const RSS_NAMESPACES = {
	atom: 'http://www.w3.org/2005/Atom',
	dc: 'http://purl.org/dc/elements/1.1/',
};

/**
 * Width and height of the RSS channel image. Declared, because without them readers assume RSS's
 * default 88 × 31 and squash the square icon.
 */
export const RSS_IMAGE_SIZE = 144;

/** JSON Feed version URL. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** Midnight UTC of an ISO calendar date. */
export function listingDate(date: string): Date {
	return new Date(`${date}T00:00:00.000Z`);
}

/** A start tag of serialised HTML (text never holds a raw `<`, so this finds only real tags). */
const START_TAG =
	/<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/g;
const URL_ATTRIBUTE = /(\s(?:href|src|poster|cite|action)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Makes every `href`/`src` (and the rarer URL attributes) in an HTML fragment absolute against
 * `pageUrl`, as the fragment would resolve on its own page. Feed readers show content out of
 * context, and the W3C validator rejects relative references in content. Only attributes
 * inside tags change; text that merely looks like `href="x"` stays as written.
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
	return html.replace(START_TAG, (tag) =>
		tag.replace(URL_ATTRIBUTE, (_m, lead: string, dq?: string, sq?: string) => {
			const raw = dq ?? sq ?? '';
			const value = raw.replace(/&amp;/g, '&').trim();
			if (HAS_SCHEME.test(value)) return `${lead}"${raw.replace(/"/g, '&quot;')}"`;
			return `${lead}"${escapeXml(new URL(value, pageUrl).href)}"`;
		}),
	);
}

/**
 * A formula as the page renders it: KaTeX's span, its MathML and TeX, and its text in the hidden
 * span rehypeMathText adds (captured, already escaped).
 */
const RENDERED_FORMULA =
	/<span class="katex(?: katex--wide)?"[^>]*><math[^>]*>(?:(?!<\/math>)[\s\S])*<\/math><span hidden[^>]*>([^<]*)<\/span><\/span>/g;

/**
 * The abstract's HTML as feeds carry it: each formula as its text (`10⁻⁶`, `O(ℓ²)`, `P_W`), the
 * text the page gives the search index (rehypeMathText). Feed readers show MathML poorly or not at
 * all: one that drops its tags ran scripts into the line ("p ‹ 10−6" read ten minus six; before,
 * with the TeX kept, each formula twice, "PWP_W"), and those that render it lose the bold the
 * site's stylesheet sets. The page's scrolling-formula attributes (a focus stop that scrolls
 * nothing in a reader) go too.
 */
export function feedAbstractHtml(html: string): string {
	return html.replace(RENDERED_FORMULA, (_, text: string) => text);
}

/** Display text of a code URL: host and path without the scheme or `.git`. */
function codeLabel(url: string): string {
	return url.replace(/^https?:\/\/(www\.)?/, '').replace(/(\.git)?\/?$/, '');
}

/**
 * The HTML after the abstract: code repositories and the datasets, demos and models linked with
 * them, each under what it is (`Code: … · Data: …`), then the arXiv page and PDF.
 */
function linksHtml(paper: FeedPaper): string {
	const parts: string[] = [];
	const byKind = Map.groupBy(paper.codeUrls, linkKind);
	if (byKind.size > 0) {
		const groups = [...byKind].map(
			([kind, urls]) =>
				`${LINK_NAMES[kind]}: ${urls.map((u) => `<a href="${escapeXml(u)}">${escapeHtmlText(codeLabel(u))}</a>`).join(', ')}`,
		);
		parts.push(`<p>${groups.join(' · ')}</p>`);
	}
	if (paper.arxivId) {
		const abs = escapeXml(arxivAbsUrl(paper.arxivId));
		const pdf = escapeXml(arxivPdfUrl(paper.arxivId));
		const id = escapeHtmlText(paper.arxivId);
		parts.push(`<p><a href="${abs}">arXiv:${id}</a> · <a href="${pdf}">PDF</a></p>`);
	}
	return parts.join('');
}

/**
 * One feed item from a paper and its rendered abstract HTML (`entry.rendered.html`), its
 * formulas written as text for feed readers (feedAbstractHtml).
 */
export function buildFeedItem(
	paper: FeedPaper,
	abstractHtml: string,
	options: {
		link: string;
		topicName: (slug: string) => string | undefined;
		/** The absolute former address of a paper that moved (see FeedItem.id). */
		formerLink?: string;
	},
): FeedItem {
	return {
		title: readableTitle(paper.title),
		link: options.link,
		id: options.formerLink ?? options.link,
		published: listingDate(paper.date),
		summary: paper.summary,
		contentHtml: absolutizeHtml(feedAbstractHtml(abstractHtml), options.link) + linksHtml(paper),
		categories: paper.topics.map((t) => options.topicName(t) ?? t),
		authors: paper.authors,
	};
}

/** Most items a feed carries to finish a day: an arXiv dump may date thousands to one day. */
export const FEED_DAY_MAX = 500;

/**
 * The papers a feed carries, from a list in listing order: the newest `size`, then the rest of
 * the last one's day, up to FEED_DAY_MAX in all. A feed that stopped inside a day lost that day's
 * other papers for good to a reader polling daily: a trending day lists 50 to 170 papers, the
 * feed had 50 (the seed's page has 75).
 */
export function feedSlice<T>(papers: readonly T[], size: number, dateOf: (p: T) => string): T[] {
	let end = Math.min(size, papers.length);
	if (end === 0) return [];
	const last = dateOf(papers[end - 1]!);
	while (end < papers.length && end < FEED_DAY_MAX && dateOf(papers[end]!) === last) end++;
	return papers.slice(0, end);
}

/** The newest item's date: the feed's lastBuildDate, so rebuilding changes nothing. */
export function newestDate(items: FeedItem[]): Date | undefined {
	return items.reduce<Date | undefined>(
		(max, i) => (!max || i.published > max ? i.published : max),
		undefined,
	);
}

/** An item's extra elements for @astrojs/rss, when it has any. */
function customData(item: FeedItem): { customData?: string } {
	const extra = [
		// @astrojs/rss makes the guid from the link; customData replaces it when they differ.
		item.id !== item.link ? `<guid isPermaLink="true">${escapeXml(item.id)}</guid>` : '',
		// RSS <author> must be an e-mail address; names go in dc:creator (as arXiv's feeds do).
		item.authors.length > 0 ? `<dc:creator>${escapeXml(item.authors.join(', '))}</dc:creator>` : '',
	].join('');
	return extra ? { customData: extra } : {};
}

/** The options for @astrojs/rss: RSS 2.0 with self link, image, dc:creator and full content. */
export function buildRssOptions(channel: FeedChannel, items: FeedItem[]): RSSOptions {
	const last = newestDate(items);
	const title = escapeXml(channel.title);
	const home = escapeXml(channel.homeUrl);
	return {
		title: channel.title,
		description: channel.description,
		site: channel.homeUrl,
		xmlns: RSS_NAMESPACES,
		...(channel.stylesheet ? { stylesheet: channel.stylesheet } : {}),
		customData: [
			`<language>${escapeXml(channel.language)}</language>`,
			`<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
			last ? `<lastBuildDate>${last.toUTCString()}</lastBuildDate>` : '',
			`<image><url>${escapeXml(channel.imageUrl)}</url><title>${title}</title><link>${home}</link><width>${RSS_IMAGE_SIZE}</width><height>${RSS_IMAGE_SIZE}</height></image>`,
		].join(''),
		items: items.map((item) => ({
			title: item.title,
			link: item.link,
			pubDate: item.published,
			description: escapeHtmlText(item.summary),
			content: item.contentHtml,
			categories: item.categories,
			...customData(item),
		})),
	};
}

/** A JSON Feed 1.1 item. */
export interface JsonFeedItem {
	id: string;
	url: string;
	title: string;
	content_html: string;
	content_text: string;
	date_published: string;
	authors?: Array<{ name: string }>;
	tags?: string[];
}

/** A JSON Feed 1.1 document. */
export interface JsonFeed {
	version: string;
	title: string;
	home_page_url: string;
	feed_url: string;
	description: string;
	icon: string;
	language: string;
	items: JsonFeedItem[];
}

/** RFC 3339 in UTC without milliseconds: `2025-03-18T00:00:00Z`. */
export function rfc3339(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The JSON Feed 1.1 object of a channel (serialise with `JSON.stringify`). */
export function buildJsonFeed(channel: FeedChannel, items: FeedItem[]): JsonFeed {
	return {
		version: JSON_FEED_VERSION,
		title: channel.title,
		home_page_url: channel.homeUrl,
		feed_url: channel.feedUrl,
		description: channel.description,
		icon: channel.iconUrl,
		language: channel.language,
		items: items.map((item) => ({
			id: item.id,
			url: item.link,
			title: item.title,
			content_html: item.contentHtml,
			content_text: item.summary,
			date_published: rfc3339(item.published),
			...(item.authors.length > 0 ? { authors: item.authors.map((name) => ({ name })) } : {}),
			...(item.categories.length > 0 ? { tags: item.categories } : {}),
		})),
	};
}

/** One feed in the OPML list and on the feeds page. */
export interface FeedLink {
	title: string;
	/** Absolute feed URL. */
	xmlUrl: string;
	/** Absolute URL of the page the feed mirrors. */
	htmlUrl: string;
	description?: string;
}

/** OPML 2.0 subscription list of feeds (importable by every feed reader). */
export function buildOpml(title: string, feeds: FeedLink[]): string {
	const outlines = feeds.map(
		(f) =>
			`\t\t<outline type="rss" text="${escapeXml(f.title)}" title="${escapeXml(f.title)}" xmlUrl="${escapeXml(f.xmlUrl)}" htmlUrl="${escapeXml(f.htmlUrl)}"${f.description ? ` description="${escapeXml(f.description)}"` : ''}/>`,
	);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<opml version="2.0">',
		`\t<head><title>${escapeXml(title)}</title></head>`,
		'\t<body>',
		...outlines,
		'\t</body>',
		'</opml>',
		'',
	].join('\n');
}

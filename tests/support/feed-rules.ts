/**
 * The rules of the W3C Feed Validation Service (and the RSS Best Practices Profile) that our
 * RSS feeds could break, checked offline: returns one message per violation, [] when clean.
 * Covers: well-formed XML with declared prefixes; required channel elements; atom:link
 * rel="self" matching where the feed is served; RFC-822 dates; unique permalink guids;
 * absolute URLs everywhere, including href/src inside description and content:encoded;
 * no script or event handlers in HTML content; <author> only as an e-mail address; an image
 * whose title and link match the channel's and whose size is within RSS's limits.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const RFC822 =
	/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UT|[+-]\d{4})$/;
const ABSOLUTE = /^https?:\/\/[^\s/]+\//;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+( \(.+\))?$/;
const URL_ATTR = /\s(href|src|cite|poster|action|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
/** Elements and event-handler attributes the validator reports as a security risk. */
const DANGEROUS = /<\s*(script|iframe|object|embed|meta|link|style|form)\b|<[^>]*\son[a-z]+\s*=/i;

type Node = Record<string, unknown>;
const text = (v: unknown): string =>
	typeof v === 'object' && v !== null ? String((v as Node)['#text'] ?? '') : String(v ?? '');
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * `true` when `xml` is well-formed, else the first error with its line. The one use of
 * fast-xml-parser's XMLValidator (deprecated in favour of a separate package we do not install).
 */
export function wellFormed(xml: string): true | string {
	const valid = XMLValidator.validate(xml);
	return valid === true ? true : `${valid.err.msg} (line ${valid.err.line})`;
}

/** Parses RSS keeping every value a string (no number coercion) and attributes as `@_x`. */
export function parseRss(xml: string): Node {
	return new XMLParser({
		ignoreAttributes: false,
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
	}).parse(xml) as Node;
}

/** href/src values of an HTML fragment. */
export function htmlUrls(html: string): string[] {
	return [...html.matchAll(URL_ATTR)].map((m) => m[2] ?? m[3] ?? m[4] ?? '');
}

function checkHtml(where: string, html: string, problems: string[]): void {
	for (const url of htmlUrls(html))
		if (!/^(https?:|mailto:)/.test(url))
			problems.push(`${where}: relative URL reference "${url}" in HTML content`);
	if (DANGEROUS.test(html)) problems.push(`${where}: potentially dangerous HTML content`);
}

/** Checks an RSS 2.0 document served at `servedUrl`. */
export function checkRssRules(xml: string, servedUrl: string): string[] {
	const problems: string[] = [];
	const valid = wellFormed(xml);
	if (valid !== true) return [`not well-formed XML: ${valid}`];
	const doc = parseRss(xml);
	const rss = doc.rss as Node | undefined;
	if (!rss || rss['@_version'] !== '2.0') return ['root element must be <rss version="2.0">'];
	const declared = new Set(
		Object.keys(rss)
			.filter((k) => k.startsWith('@_xmlns:'))
			.map((k) => k.slice('@_xmlns:'.length)),
	);
	for (const m of xml.matchAll(/<\/?([a-zA-Z]+):[a-zA-Z]/g))
		if (m[1] !== 'xml' && m[1] !== 'xmlns' && !declared.has(m[1]!))
			problems.push(`undeclared namespace prefix "${m[1]}"`);

	const channel = rss.channel as Node | undefined;
	if (!channel) return [...problems, 'missing <channel>'];
	for (const field of ['title', 'link', 'description'])
		if (!text(channel[field]).trim()) problems.push(`channel: missing <${field}>`);
	if (!ABSOLUTE.test(text(channel.link))) problems.push('channel: <link> is not an absolute URL');
	if (
		channel.language !== undefined &&
		!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(text(channel.language))
	)
		problems.push('channel: invalid <language>');

	const self = list(channel['atom:link']).find((l) => (l as Node)['@_rel'] === 'self') as
		Node | undefined;
	if (!self) problems.push('channel: missing atom:link rel="self"');
	else {
		if (self['@_href'] !== servedUrl)
			problems.push(`channel: self link "${String(self['@_href'])}" is not ${servedUrl}`);
		if (self['@_type'] !== 'application/rss+xml')
			problems.push('channel: self link type should be application/rss+xml');
	}
	for (const field of ['lastBuildDate', 'pubDate'])
		if (channel[field] !== undefined && !RFC822.test(text(channel[field])))
			problems.push(`channel: <${field}> "${text(channel[field])}" is not RFC-822`);

	const image = channel.image as Node | undefined;
	if (image) {
		if (!ABSOLUTE.test(text(image.url))) problems.push('image: <url> is not absolute');
		if (text(image.title) !== text(channel.title))
			problems.push('image: title differs from channel');
		if (text(image.link) !== text(channel.link)) problems.push('image: link differs from channel');
		// RSS 2.0: width at most 144, height at most 400; left out, readers assume 88 × 31.
		const width = Number(text(image.width) || 88);
		const height = Number(text(image.height) || 31);
		if (!(width > 0 && width <= 144)) problems.push(`image: width ${width} is not 1–144`);
		if (!(height > 0 && height <= 400)) problems.push(`image: height ${height} is not 1–400`);
	}

	const guids = new Set<string>();
	list(channel.item).forEach((raw, i) => {
		const item = raw as Node;
		const where = `item ${i + 1}`;
		if (!text(item.title) && !text(item.description))
			problems.push(`${where}: needs a title or a description`);
		if (!ABSOLUTE.test(text(item.link))) problems.push(`${where}: <link> is not absolute`);
		const guid = text(item.guid);
		if (!guid) problems.push(`${where}: missing <guid>`);
		else if (guids.has(guid)) problems.push(`${where}: duplicate guid ${guid}`);
		guids.add(guid);
		const isPermaLink = (item.guid as Node | undefined)?.['@_isPermaLink'];
		if (isPermaLink !== 'false' && !ABSOLUTE.test(guid))
			problems.push(`${where}: permalink guid "${guid}" is not an absolute URL`);
		if (!RFC822.test(text(item.pubDate)) || Number.isNaN(Date.parse(text(item.pubDate))))
			problems.push(`${where}: <pubDate> "${text(item.pubDate)}" is not RFC-822`);
		if (item.author !== undefined && !EMAIL.test(text(item.author)))
			problems.push(`${where}: <author> must be an e-mail address`);
		for (const c of list(item.category))
			if (!text(c).trim()) problems.push(`${where}: empty <category>`);
		checkHtml(`${where} description`, text(item.description), problems);
		checkHtml(`${where} content:encoded`, text(item['content:encoded']), problems);
	});
	return problems;
}

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/** Decodes the HTML character references a serialiser writes. */
export function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
		if (ref[0] === '#')
			return String.fromCodePoint(
				ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)),
			);
		return NAMED[ref] ?? m;
	});
}

/** The visible text of an HTML fragment, whitespace collapsed (for comparing feeds and pages). */
export function htmlText(html: string): string {
	return decodeEntities(html.replace(/<[^>]*>/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
}

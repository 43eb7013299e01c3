/**
 * The part of a paper page that Pagefind indexes, as a small stand-alone HTML page, pure.
 *
 * Why: Pagefind reads only what is inside `data-pagefind-body` (and not under
 * `data-pagefind-ignore`), so a page holding just that region gives it the same index as the
 * finished paper page. The papers are known once the content loaders have run, long before Astro
 * has rendered a page: indexing these small pages can start then and run beside the page
 * rendering instead of after it (see src/integrations/pagefind.ts). The markup mirrors the
 * indexed region of `PaperArticle.astro` and `SearchMeta.astro`; the end-to-end suite indexes
 * the real pages of a build and requires the same index, byte for byte.
 */
import type { Paper } from '../schemas/paper.ts';
import { splitDois } from './doi.ts';
import { escapeXml } from './escape.ts';
import { foldLatin, hasUnsplitLatin } from './fold-latin.ts';
import { authorLines } from './format.ts';
import { paperSearchMeta, type SearchMetaFields } from './search-meta.ts';
import { readableTitle } from './math-text.ts';
import { SITE } from '../site.config.ts';

/** What the index reads of a paper besides its abstract HTML. */
export type SearchFields = Pick<
	Paper,
	| 'title'
	| 'shortName'
	| 'authors'
	| 'moreAuthors'
	| 'date'
	| 'rank'
	| 'topics'
	| 'codeUrls'
	| 'keywords'
	| 'arxivId'
	| 'doi'
>;

/**
 * Version of `searchFields` and `searchPageHtml`: part of every entry's digest in the papers
 * loader, so that a change here reaches the search records kept by earlier builds (they are
 * otherwise reused while the entry is unchanged). 2: the arXiv id; 3: the DOIs; 4: "et al.";
 * 5: ids on the keywords and the ids, which end the abstract's excerpts; 6: the title's TeX
 * read (readableTitle: `Schr\"odinger` → Schrödinger); 7: the first authors as metadata, shown
 * in the results; 8: the authors' names in plain letters after the ids (foldedNames).
 */
export const SEARCH_PAGE_VERSION = 8;

/** Picks the indexed fields of a paper (exactly those, so the record changes only with them). */
export function searchFields(p: SearchFields): SearchFields {
	return {
		title: p.title,
		...(p.shortName ? { shortName: p.shortName } : {}),
		authors: p.authors,
		...(p.moreAuthors ? { moreAuthors: p.moreAuthors } : {}),
		date: p.date,
		rank: p.rank,
		topics: p.topics,
		codeUrls: p.codeUrls,
		keywords: p.keywords,
		...(p.arxivId ? { arxivId: p.arxivId } : {}),
		...(p.doi ? { doi: p.doi } : {}),
	};
}

/**
 * The authors' names as readers type them in plain letters (`Klopotek` for Kłopotek, `Niessner`
 * for Nießner, `Dorde` for Đorđe): each word of a name with a letter that Pagefind does not fold
 * itself, folded (foldLatin), once, in author order. Pagefind finds Balázs as `Balazs`, since é
 * and á come apart into a letter and an accent, but ł, ø, ß and đ are letters of their own to it.
 */
export function foldedNames(authors: readonly string[]): string[] {
	// Initials aside (`Ł.`): a letter alone finds nothing.
	const words = authors
		.flatMap((a) => a.split(/\s+/))
		.filter((w) => hasUnsplitLatin(w) && /\p{L}{2}/u.test(w));
	return [...new Set(words.map(foldLatin))];
}

/**
 * What a paper is found by besides its text: its arXiv id and its DOIs (readers paste them into
 * the search box), then its authors' names in plain letters (foldedNames), space-separated, for a
 * hidden paragraph at the end of the indexed body (last, so that excerpts of other matches rarely
 * reach it). Empty when it has none. The search page reads the ids back from it, to tell the
 * paper that carries a pasted id from papers Pagefind matched on parts of it.
 */
export function searchIds(p: Pick<Paper, 'arxivId' | 'doi' | 'authors'>): string {
	return [...(p.arxivId ? [p.arxivId] : []), ...splitDois(p.doi), ...foldedNames(p.authors)].join(
		' ',
	);
}

/** The authors as the paper page gives them to the index: every name (see authorLines). */
function authorsHtml(authors: readonly string[], more: boolean | undefined): string {
	if (authors.length === 0) return '';
	const { shown, rest } = authorLines(authors, more);
	return `<p>${escapeXml(shown)}</p>${rest ? `<p>${escapeXml(rest.text)}</p>` : ''}`;
}

/**
 * A paper's hidden Pagefind metadata, filters and sorts (paperSearchMeta) as `<span>`s, for the
 * paper page (SearchMeta.astro) and its search page alike. Values live in attributes
 * (`key[data-value]`), never as text: text inside the indexed body would show up in excerpts,
 * and the `key:value` form would split values that contain commas.
 */
export function searchMetaSpans(
	f: SearchMetaFields,
	topicName: (slug: string) => string | undefined,
): string {
	const { meta, filters, sorts } = paperSearchMeta(f, topicName);
	const spans: string[] = [];
	const span = (attr: string, key: string, value: string): number =>
		spans.push(
			`<span ${attr}="${escapeXml(key)}[data-value]" data-value="${escapeXml(value)}"></span>`,
		);
	if (meta.shortName) span('data-pagefind-meta', 'shortName', meta.shortName);
	span('data-pagefind-meta', 'date', meta.date!);
	if (meta.topics) span('data-pagefind-meta', 'topics', meta.topics);
	if (meta.authors) span('data-pagefind-meta', 'authors', meta.authors);
	for (const [key, values] of Object.entries(filters))
		for (const value of values) span('data-pagefind-filter', key, value);
	for (const [key, value] of Object.entries(sorts)) span('data-pagefind-sort', key, value);
	return spans.join('');
}

/**
 * The indexable page of one paper: short name and title (weight 10), authors, the hidden search
 * metadata, the abstract HTML, the keywords and, hidden, the paper's ids (see searchIds).
 * `topicName` maps a topic slug to its display name, as on the page.
 */
export function searchPageHtml(
	f: SearchFields,
	abstractHtml: string,
	topicName: (slug: string) => string | undefined,
): string {
	const ids = searchIds(f);
	const parts = [
		`<!DOCTYPE html><html lang="${escapeXml(SITE.lang)}"><head><meta charset="utf-8"></head><body>`,
		'<div data-pagefind-body><header>',
		f.shortName ? `<p data-pagefind-weight="10">${escapeXml(f.shortName)}</p>` : '',
		`<h1 id="paper-title" data-pagefind-weight="10">${escapeXml(readableTitle(f.title))}</h1>`,
		authorsHtml(f.authors, f.moreAuthors),
		`<div hidden>${searchMetaSpans(f, topicName)}</div>`,
		'</header>',
		`<section id="abstract"><div>${abstractHtml}</div></section>`,
		f.keywords.length
			? `<section id="keywords"><ul>${f.keywords.map((k) => `<li>${escapeXml(k)}</li>`).join('')}</ul></section>`
			: '',
		ids ? `<p id="paper-ids" hidden>${escapeXml(ids)}</p>` : '',
		'</div></body></html>\n',
	];
	return parts.join('');
}

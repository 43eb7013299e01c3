/**
 * What a paper page tells Pagefind besides its text: filters, sorts and metadata.
 * Pure, so the markup contract (see SearchMeta.astro) is unit-tested without a build.
 */
import type { Paper } from '../schemas/paper.ts';
import { hasCode, searchAuthors } from './format.ts';

/** What a paper page's search metadata is made from. */
export type SearchMetaFields = Pick<
	Paper,
	'shortName' | 'date' | 'rank' | 'topics' | 'codeUrls' | 'authors' | 'moreAuthors'
>;

/** Pagefind metadata, filters and sort keys of one paper page. */
export interface PaperSearchMeta {
	/** `data-pagefind-meta` key → value (shown in results). */
	meta: Record<string, string>;
	/** `data-pagefind-filter` key → values (one element per value). */
	filters: Record<string, string[]>;
	/** `data-pagefind-sort` key → value; every paper has every key, or Pagefind drops it. */
	sorts: Record<string, string>;
}

/** Width of the zero-padded rank sort key: numeric and lexical order then agree. */
export const RANK_WIDTH = 6;

/** Width of the reversed rank in the date sort key: room for any rank on one page or file. */
const REVERSED_RANK_WIDTH = 9;

/**
 * Search metadata of a paper. `topicName` maps a topic slug to its display name; unknown slugs
 * fall back to the slug so a missing topics file never hides a paper from a filter.
 */
export function paperSearchMeta(
	paper: SearchMetaFields,
	topicName: (slug: string) => string | undefined = () => undefined,
): PaperSearchMeta {
	const topics = paper.topics.map((slug) => topicName(slug) ?? slug);
	const meta: Record<string, string> = { date: paper.date };
	if (paper.shortName) meta.shortName = paper.shortName;
	if (topics.length) meta.topics = topics.join(', ');
	// The first names only (searchAuthors): metadata is in every result's fragment, and the
	// page's text, which every fragment holds too, already has them all.
	const authors = searchAuthors(paper.authors, paper.moreAuthors);
	if (authors) meta.authors = authors;
	return {
		meta,
		filters: {
			topic: topics,
			month: [paper.date.slice(0, 7)],
			// Only `yes`: the page offers "has code", and a `no` value would list every other
			// paper in the filter chunk that every query downloads.
			code: hasCode(paper.codeUrls) ? ['yes'] : [],
		},
		sorts: {
			// The listing date, then the rank on that listing reversed, so that newest first
			// (descending) lists each day's papers from rank 1. Not a number (`20250318` was):
			// Pagefind compares numeric keys as 32-bit floats, which cannot tell 20250318 from
			// 20250319, and mixed up neighbouring days (2,309 of 10,050 papers out of order).
			date: `${paper.date}~${String(10 ** REVERSED_RANK_WIDTH - 1 - paper.rank).padStart(REVERSED_RANK_WIDTH, '0')}`,
			rank: String(paper.rank).padStart(RANK_WIDTH, '0'),
		},
	};
}

/** One topic choice of the search page's filter, with the number of papers it matches. */
export interface TopicFacet {
	/** The `topic` filter value (the topic's display name). */
	name: string;
	count: number;
}

/** The search page's filter choices, counted over the whole site. */
export interface SearchFacets {
	/** Most papers first, then by name. */
	topics: TopicFacet[];
	/** Papers with a code link (the `code: yes` filter). */
	withCode: number;
}

/**
 * Filter choices and counts of the search page, made from the same `paperSearchMeta` as the
 * paper pages, so they equal what Pagefind's `filters()` reports for the index. Rendered into
 * the page instead of asked of Pagefind: `filters()` downloads every filter chunk (≈ 72 KB
 * gzip at 10,000 papers) before a reader has typed anything.
 */
export function searchFacets(
	papers: ReadonlyArray<SearchMetaFields>,
	topicName: (slug: string) => string | undefined = () => undefined,
): SearchFacets {
	const counts = new Map<string, number>();
	let withCode = 0;
	for (const paper of papers) {
		const { filters } = paperSearchMeta(paper, topicName);
		// A value listed twice on one page still counts the page once, as in Pagefind.
		for (const name of new Set(filters.topic)) counts.set(name, (counts.get(name) ?? 0) + 1);
		if (filters.code?.includes('yes')) withCode += 1;
	}
	const topics = [...counts]
		.map(([name, count]) => ({ name, count }))
		.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	return { topics, withCode };
}

/**
 * What a paper page tells Pagefind besides its text: filters, sorts and metadata.
 * Pure, so the markup contract (see SearchMeta.astro) is unit-tested without a build.
 */
import type { Paper } from '../schemas/paper.ts';

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

/**
 * Search metadata of a paper. `topicName` maps a topic slug to its display name; unknown slugs
 * fall back to the slug so a missing topics file never hides a paper from a filter.
 */
export function paperSearchMeta(
	paper: Pick<Paper, 'shortName' | 'date' | 'rank' | 'topics' | 'codeUrls'>,
	topicName: (slug: string) => string | undefined = () => undefined,
): PaperSearchMeta {
	const topics = paper.topics.map((slug) => topicName(slug) ?? slug);
	const meta: Record<string, string> = { date: paper.date };
	if (paper.shortName) meta.shortName = paper.shortName;
	if (topics.length) meta.topics = topics.join(', ');
	return {
		meta,
		filters: {
			topic: topics,
			month: [paper.date.slice(0, 7)],
			// Only `yes`: the page offers "has code", and a `no` value would list every other
			// paper in the filter chunk that every query downloads.
			code: paper.codeUrls.length ? ['yes'] : [],
		},
		sorts: {
			date: paper.date.replaceAll('-', ''),
			rank: String(paper.rank).padStart(RANK_WIDTH, '0'),
		},
	};
}

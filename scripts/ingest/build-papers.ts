/**
 * From parsed records to papers: merge duplicates, normalise, assign slugs. Pure.
 * Topics, keywords and related papers are filled in afterwards by the classify stage.
 */
import type { Paper } from '../../src/schemas/paper.ts';
import type { Inline } from './inline.ts';
import type { RawRecord } from './types.ts';
import { compareListing } from '../../src/lib/listing.ts';
import { firstOf, mergeDuplicates } from './dedupe.ts';
import { latexToPlain } from './latex.ts';
import {
	extractShortName,
	normalizeAbstract,
	normalizeTitle,
	normalizeWhitespace,
	splitAuthors,
	splitCategories,
} from './normalize.ts';
import { assignSlugs } from './slug.ts';

/** A paper with its abstract's inline tree, ready for classification and rendering. */
export interface BuiltPaper {
	paper: Paper;
	inline: Inline[];
}

const optional = (s: string | undefined): string | undefined =>
	s ? latexToPlain(normalizeWhitespace(s)) || undefined : undefined;

/** Turns records (in source order) into papers, sorted by listing: newest date first, then rank. */
export function buildPapers(records: RawRecord[]): { papers: BuiltPaper[]; duplicates: number } {
	const { merged, duplicates } = mergeDuplicates(records);
	const drafts = merged.map((m) => {
		const title = normalizeTitle(m.primary.title);
		const abstract = normalizeAbstract(m.primary.abstract);
		const arxivId = firstOf(m, 'arxivId')?.trim();
		return {
			m,
			title,
			abstract,
			arxivId,
			shortName: extractShortName(title),
			order: `${m.primary.date}\u0000${m.primary.source.file}\u0000${String(m.primary.source.line).padStart(9, '0')}`,
		};
	});
	const slugs = assignSlugs(
		drafts.map((d) => ({ ...d, identity: `${d.title}\n${d.abstract.text}` })),
	);
	const papers = drafts.map((d, i): BuiltPaper => {
		const { m } = d;
		const paper: Paper = {
			title: d.title,
			shortName: d.shortName,
			slug: slugs[i]!,
			date: m.primary.date,
			rank: m.primary.rank,
			sources: m.records.map((r) => r.source),
			codeUrls: d.abstract.codeUrls,
			arxivId: d.arxivId,
			authors: splitAuthors(firstOf(m, 'authors')),
			categories: splitCategories(firstOf(m, 'categories')),
			doi: optional(firstOf(m, 'doi')),
			journalRef: optional(firstOf(m, 'journalRef')),
			comments: optional(firstOf(m, 'comments')),
			topics: [],
			topicReasons: {},
			keywords: [],
			related: [],
			hasMath: d.abstract.hasMath,
			summary: d.abstract.text,
		};
		return { paper, inline: d.abstract.inline };
	});
	papers.sort((a, b) => compareListing(a.paper, b.paper));
	return { papers, duplicates };
}

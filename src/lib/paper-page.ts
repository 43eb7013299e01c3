/**
 * Small pure helpers for the paper page: neighbours in the listing, related papers, and the
 * cache key of Astro's incremental build.
 */
import { createHash } from 'node:crypto';
import type { PaperPageFields } from '../schemas/paper.ts';
import { readableTitle } from './math-text.ts';

/** A stored paper entry completed with the fields only its page shows (kept beside the store). */
export function withPageFields<E extends { data: object }>(
	entry: E,
	fields: PaperPageFields,
): E & { data: E['data'] & PaperPageFields } {
	return { ...entry, data: { ...entry.data, ...fields } };
}

/**
 * Whether a trending page lists the paper (a `.txt` source): only then is its rank a place on a
 * page the reader can picture. An arXiv record's rank is its order among the dump's records of
 * that date, which "#21 on the day" made read like a trending rank.
 */
export function listedOnTrendingPage(sources: ReadonlyArray<{ file: string }>): boolean {
	return sources.some(isTrendingPage);
}

/**
 * The word before a paper's own date wherever it shows (its page's head, its link-preview card):
 * `Listed` on the day of a trending page, `Updated` on an arXiv record's last update, which is
 * not when the paper came out (0704.0001, submitted in April 2007, updated in November 2008).
 */
export function dateLabel(sources: ReadonlyArray<{ file: string }>): 'Listed' | 'Updated' {
	return listedOnTrendingPage(sources) ? 'Listed' : 'Updated';
}

/** Whether a source is a trending page (`.txt`), not an arXiv record. */
export const isTrendingPage = (source: { file: string }): boolean => source.file.endsWith('.txt');

/**
 * The day for `article:published_time`: when arXiv received the paper, if known, else the day a
 * trending page listed it. Never an arXiv record's `update_date`, which is when the record last
 * changed (a paper of 2024 updated in 2026 was announced as published in 2026).
 */
export function publishedTime(p: {
	submitted?: string;
	date: string;
	sources: ReadonlyArray<{ file: string }>;
}): string | undefined {
	return p.submitted ?? (listedOnTrendingPage(p.sources) ? p.date : undefined);
}

/** The items before and after `index` in a list (undefined at the ends). */
export function neighbours<T>(list: readonly T[], index: number): { prev?: T; next?: T } {
	return { prev: index > 0 ? list[index - 1] : undefined, next: list[index + 1] };
}

/** Resolves slugs to items, dropping slugs that are not (or no longer) on the site. */
export function resolveSlugs<T extends { id: string }, R extends { slug: string }>(
	refs: readonly R[],
	all: ReadonlyMap<string, T>,
): Array<R & { entry: T }> {
	return refs.flatMap((r) => {
		const entry = all.get(r.slug);
		return entry ? [{ ...r, entry }] : [];
	});
}

/**
 * The names of only the topics a paper page shows (its topics and the topics it explains), so
 * its cache key does not change when an unrelated topic appears or is renamed.
 */
export function pageTopicNames(
	data: { topics: readonly string[]; topicReasons: Readonly<Record<string, unknown>> },
	names: Readonly<Record<string, string>>,
): Record<string, string> {
	const picked: Record<string, string> = {};
	for (const slug of [...data.topics, ...Object.keys(data.topicReasons)].sort())
		if (names[slug] !== undefined) picked[slug] = names[slug];
	return picked;
}

/** What a paper page shows of another paper (a link with its names). */
interface Linked {
	id: string;
	data: { title: string; shortName?: string; date?: string };
}

/**
 * Cache key of a paper page for Astro's incremental build: a digest of everything the page
 * shows (its entry, rendered abstract, neighbours, related papers, topic names, citation key and
 * the page of its day its date links), so an unchanged page is copied from the previous build and any change re-renders it.
 */
export function paperPageCacheKey(parts: {
	entry: Linked & { data: object };
	text: { html: string; summary: string };
	prev?: Linked;
	next?: Linked;
	related: ReadonlyArray<{ terms: readonly string[]; entry: Linked }>;
	topicNames: Readonly<Record<string, string>>;
	citeKey: string;
	dayPage: number;
}): string {
	const link = (l?: Linked) =>
		l && [l.id, readableTitle(l.data.title), l.data.shortName, l.data.date];
	return createHash('sha256')
		.update(
			JSON.stringify([
				parts.entry.id,
				parts.entry.data,
				parts.text.html,
				parts.text.summary,
				link(parts.prev),
				link(parts.next),
				parts.related.map((r) => [link(r.entry), r.terms]),
				parts.topicNames,
				parts.citeKey,
				parts.dayPage,
			]),
		)
		.digest('base64url');
}

/**
 * Static paths of the former addresses of papers that moved (`_redirects.json`): each page
 * sends the reader on to the paper. A former address of a paper that is not on the site is an
 * error: the ingest writes both together, so the files were edited or mixed up.
 */
export function movedPaperPaths(
	redirects: ReadonlyArray<{ from: string; to: string }>,
	papers: ReadonlyMap<string, { data: { title: string } }>,
): Array<{
	params: { slug: string };
	props: { moved: { to: string; title: string } };
	cacheKey: string;
}> {
	return redirects.map(({ from, to }) => {
		const paper = papers.get(to);
		if (!paper)
			throw new Error(
				`content/papers/_redirects.json: ${from} redirects to ${to}, which is not a paper: run the ingest again`,
			);
		if (papers.has(from))
			throw new Error(
				`content/papers/_redirects.json: ${from} redirects to ${to}, but ${from} is a paper: run the ingest again`,
			);
		const moved = { to, title: readableTitle(paper.data.title) };
		const cacheKey = createHash('sha256')
			.update(JSON.stringify(['moved', from, moved]))
			.digest('base64url');
		return { params: { slug: from }, props: { moved }, cacheKey };
	});
}

/**
 * JSON-LD for paper pages. The JSON is placed inside a `<script>` element, so it is escaped
 * such that no input can close the element or open a comment: `<`, `>`, `&` and the JavaScript
 * line terminators U+2028/U+2029 become `\uXXXX` escapes (still the same JSON value).
 */
import type { Paper } from '../schemas/paper.ts';
import { splitDois } from './doi.ts';
import { isGroupAuthor } from './group-author.ts';
import { journalYear, knownPublicationYear } from './journal-ref.ts';
import { truncateText } from './teaser.ts';
import { arxivAbsUrl, doiUrl } from './urls.ts';

/** Serialises a value as JSON safe to embed verbatim in an HTML `<script>` element. */
export function safeJson(value: unknown): string {
	return JSON.stringify(value).replace(
		/[<>&\u2028\u2029]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

/** A schema.org ScholarlyArticle for a paper. `url`/`image` are absolute. */
export function scholarlyArticle(
	p: Pick<
		Paper,
		| 'title'
		| 'shortName'
		| 'authors'
		| 'date'
		| 'summary'
		| 'keywords'
		| 'arxivId'
		| 'doi'
		| 'codeUrls'
		| 'journalRef'
		| 'submitted'
		| 'revised'
	>,
	url: string,
	image?: string,
): Record<string, unknown> {
	const published = journalYear(p.journalRef) ?? p.submitted ?? knownPublicationYear(p);
	const sameAs = [...(p.arxivId ? [arxivAbsUrl(p.arxivId)] : []), ...splitDois(p.doi).map(doiUrl)];
	return {
		'@context': 'https://schema.org',
		'@type': 'ScholarlyArticle',
		// Google's limit is 110 characters: cut at a word, as the description is.
		headline: truncateText(p.title, 110),
		name: p.title,
		...(p.shortName ? { alternateName: p.shortName } : {}),
		abstract: p.summary,
		// A group (`Tongyi DeepResearch Team`) is an Organization, as BibTeX reads it (isGroupAuthor).
		...(p.authors.length
			? {
					author: p.authors.map((name) => ({
						'@type': isGroupAuthor(name) ? 'Organization' : 'Person',
						name,
					})),
				}
			: {}),
		// The year of the journal, else the day arXiv received it, else the year of its id;
		// unknown for a paper from a trending page alone (its listing date is not its
		// publication date).
		...(published ? { datePublished: published } : {}),
		// The latest arXiv version, unless it came before the journal's year (0704.0091: revised
		// 2008-08-18, published 2009): a modification before publication reads as a contradiction.
		...(p.revised && !(published && p.revised.slice(0, published.length) < published)
			? { dateModified: p.revised }
			: {}),
		...(p.keywords.length ? { keywords: p.keywords.join(', ') } : {}),
		...(p.arxivId ? { identifier: `arXiv:${p.arxivId}` } : {}),
		...(sameAs.length ? { sameAs } : {}),
		...(p.codeUrls.length ? { isBasedOn: p.codeUrls } : {}),
		url,
		mainEntityOfPage: url,
		...(image ? { image } : {}),
	};
}

/**
 * Highwire Press `citation_*` meta tags, the format Google Scholar and Zotero's connector read.
 */
import type { Paper } from '../schemas/paper.ts';
import { splitDois } from './doi.ts';
import { arxivAbsUrl, arxivPdfUrl } from './urls.ts';

/** One `<meta name content>` pair. */
export interface MetaTag {
	name: string;
	content: string;
}

/** The citation tags of a paper; `url` is its absolute page URL. Only fields that exist. */
export function highwireTags(
	p: Pick<
		Paper,
		'title' | 'authors' | 'date' | 'arxivId' | 'doi' | 'summary' | 'keywords' | 'journalRef'
	>,
	url: string,
): MetaTag[] {
	const tags: MetaTag[] = [{ name: 'citation_title', content: p.title }];
	for (const a of p.authors) tags.push({ name: 'citation_author', content: a });
	tags.push({ name: 'citation_publication_date', content: p.date.replaceAll('-', '/') });
	if (p.arxivId) {
		tags.push({ name: 'citation_arxiv_id', content: p.arxivId });
		tags.push({ name: 'citation_pdf_url', content: arxivPdfUrl(p.arxivId) });
		tags.push({ name: 'citation_abstract_html_url', content: arxivAbsUrl(p.arxivId) });
	} else {
		tags.push({ name: 'citation_abstract_html_url', content: url });
	}
	// One DOI: readers of these tags take a single value (the first is the article's own).
	const doi = splitDois(p.doi)[0];
	if (doi) tags.push({ name: 'citation_doi', content: doi });
	if (p.journalRef) tags.push({ name: 'citation_journal_title', content: p.journalRef });
	if (p.keywords.length) tags.push({ name: 'citation_keywords', content: p.keywords.join('; ') });
	tags.push({ name: 'citation_abstract', content: p.summary });
	return tags;
}

/**
 * Highwire Press `citation_*` meta tags, the format Google Scholar and Zotero's connector read.
 */
import type { Paper } from '../schemas/paper.ts';
import { splitDois } from './doi.ts';
import { journalName, parseJournalRef, publicationYear } from './journal-ref.ts';
import { arxivAbsUrl, arxivPdfUrl } from './urls.ts';

/** One `<meta name content>` pair. */
export interface MetaTag {
	name: string;
	content: string;
}

/**
 * The citation tags of a paper; `url` is its absolute page URL. Only fields that exist, and none
 * for a paper without authors (known from a trending page alone): Google Scholar requires an
 * author, and a reference manager would save the listing date as the publication date.
 */
export function highwireTags(
	p: Pick<
		Paper,
		'title' | 'authors' | 'date' | 'arxivId' | 'doi' | 'summary' | 'keywords' | 'journalRef'
	>,
	url: string,
): MetaTag[] {
	if (p.authors.length === 0) return [];
	const tags: MetaTag[] = [{ name: 'citation_title', content: p.title }];
	for (const a of p.authors) tags.push({ name: 'citation_author', content: a });
	// The reference read whole, when it can be: its year here, its volume and pages below.
	const cite = parseJournalRef(p.journalRef);
	// The year of the journal or of the arXiv id; the listing (update) date is not the publication's.
	tags.push({
		name: 'citation_publication_date',
		content: publicationYear(p, cite) ?? p.date.replaceAll('-', '/'),
	});
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
	// The journal's name only (not `Phys.Rev.D76:013009,2007`), when the reference tells it, and
	// its volume, issue and pages when the reference is read whole, as the BibTeX entry has them:
	// without them a reference manager saved the journal's name alone.
	const journal = journalName(p.journalRef);
	if (journal) tags.push({ name: 'citation_journal_title', content: journal });
	if (cite) {
		tags.push({ name: 'citation_volume', content: cite.volume });
		if (cite.number) tags.push({ name: 'citation_issue', content: cite.number });
		const [first, last] = cite.pages.split('--');
		tags.push({ name: 'citation_firstpage', content: first! });
		if (last) tags.push({ name: 'citation_lastpage', content: last });
	}
	if (p.keywords.length) tags.push({ name: 'citation_keywords', content: p.keywords.join('; ') });
	tags.push({ name: 'citation_abstract', content: p.summary });
	return tags;
}

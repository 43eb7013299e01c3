import { expect, test } from 'vitest';
import { foldedNames, searchFields, searchIds, searchPageHtml } from '../../src/lib/search-page.ts';

const paper = {
	title: 'Attention <Is> "All" You & Need',
	shortName: 'A&B<1>',
	authors: Array.from({ length: 32 }, (_, i) => `Author ${i + 1}`),
	date: '2025-03-18',
	rank: 7,
	topics: ['language-models', 'unknown-topic'],
	codeUrls: ['https://github.com/x/y'],
	keywords: ['self-attention', 'a<b'],
};
const names = (slug: string): string | undefined =>
	({ 'language-models': 'Language models' })[slug];

test('searchFields keeps exactly the indexed fields', () => {
	const extra = { ...paper, summary: 'x', related: [], sources: [] };
	expect(Object.keys(searchFields(extra)).sort()).toEqual([
		'authors',
		'codeUrls',
		'date',
		'keywords',
		'rank',
		'shortName',
		'title',
		'topics',
	]);
	expect('shortName' in searchFields({ ...paper, shortName: undefined })).toBe(false);
	expect(searchFields({ ...paper, arxivId: '2505.18092' }).arxivId).toBe('2505.18092');
	expect(searchFields({ ...paper, doi: '10.1/a 10.1/b' }).doi).toBe('10.1/a 10.1/b');
});

test('a paper is findable by its arXiv id and DOIs: hidden, after everything else in the body', () => {
	const html = searchPageHtml(
		{ ...paper, arxivId: 'hep-th/9901001', doi: '10.1364/A.1 10.1364/A<2' },
		'<p>x</p>',
		names,
	);
	expect(html).toContain(
		'<li>a&lt;b</li></ul></section><p id="paper-ids" hidden>hep-th/9901001 10.1364/A.1 10.1364/A&lt;2</p></div>',
	);
	expect(searchPageHtml({ ...paper, doi: '10.1/x' }, '', names)).toContain(
		'<p id="paper-ids" hidden>10.1/x</p>',
	);
	expect(searchPageHtml(paper, '<p>x</p>', names)).not.toContain('paper-ids');
});

test('names with letters Pagefind does not fold are findable in plain letters, after the ids', () => {
	const authors = ['Mieczysław A. Kłopotek', 'Anders Søgaard', 'Matthias Nießner', 'Đorđe Klisura'];
	expect(foldedNames(authors)).toEqual(['Mieczyslaw', 'Klopotek', 'Sogaard', 'Niessner', 'Dorde']);
	// Accents Pagefind folds itself (Balázs is found as Balazs), initials and repeats add nothing.
	expect(foldedNames(['C. Balázs', 'Ł. Łukasz', 'Ł. Łukasz'])).toEqual(['Lukasz']);
	expect(searchIds({ arxivId: '2504.12360', doi: '10.1/x', authors })).toBe(
		'2504.12360 10.1/x Mieczyslaw Klopotek Sogaard Niessner Dorde',
	);
	// A paper without ids gets the paragraph for its names alone.
	expect(searchPageHtml({ ...paper, authors: ['Anders Søgaard'] }, '', names)).toContain(
		'<p id="paper-ids" hidden>Sogaard</p></div>',
	);
});

test('the page holds the indexed region: weighted names, authors, metadata, abstract, keywords', () => {
	const html = searchPageHtml(paper, '<p>Abstract <em>text</em></p>', names);
	expect(html).toContain('<html lang="en">');
	expect(html).toContain('<div data-pagefind-body>');
	expect(html).toContain('<p data-pagefind-weight="10">A&amp;B&lt;1&gt;</p>');
	expect(html).toContain(
		'<h1 id="paper-title" data-pagefind-weight="10">Attention &lt;Is&gt; &quot;All&quot; You &amp; Need</h1>',
	);
	// As on the page: every author, the first 30, then the rest (folded away there).
	expect(html).toContain('Author 29, Author 30,</p><p>Author 31, Author 32</p>');
	expect(html).toContain(
		'data-pagefind-meta="shortName[data-value]" data-value="A&amp;B&lt;1&gt;"',
	);
	// Topic filters use display names; an unknown slug stands for itself.
	expect(html).toContain('data-pagefind-filter="topic[data-value]" data-value="Language models"');
	expect(html).toContain('data-pagefind-filter="topic[data-value]" data-value="unknown-topic"');
	// The first authors as metadata, after the topics (the order of SearchMeta.astro).
	expect(html).toContain(
		'data-pagefind-meta="topics[data-value]" data-value="Language models, unknown-topic"></span><span data-pagefind-meta="authors[data-value]" data-value="Author 1, Author 2, Author 3 and 29 more">',
	);
	expect(html).toContain('data-pagefind-filter="code[data-value]" data-value="yes"');
	expect(html).toContain('data-pagefind-sort="rank[data-value]" data-value="000007"');
	expect(html).toContain(
		'<section id="abstract"><div><p>Abstract <em>text</em></p></div></section>',
	);
	expect(html).toContain('<li>a&lt;b</li>');
	// Metadata before filters before sorts (the order of SearchMeta.astro).
	expect(html.indexOf('data-pagefind-meta')).toBeLessThan(html.indexOf('data-pagefind-filter'));
	expect(html.indexOf('data-pagefind-filter')).toBeLessThan(html.indexOf('data-pagefind-sort'));
});

test('no short name, authors or keywords: those elements are left out', () => {
	const html = searchPageHtml(
		{ ...paper, shortName: undefined, authors: [], keywords: [], codeUrls: [] },
		'',
		names,
	);
	expect(html).not.toContain('data-pagefind-weight="10"><');
	expect(html.match(/data-pagefind-weight/g)).toHaveLength(1);
	expect(html).not.toContain('<ul>');
	expect(html).not.toContain('code[data-value]');
	expect(html).not.toContain('authors[data-value]');
});

test('author names are attribute text, escaped', () => {
	const html = searchPageHtml({ ...paper, authors: ['A "Q" <b>&'] }, '', names);
	expect(html).toContain(
		'data-pagefind-meta="authors[data-value]" data-value="A &quot;Q&quot; &lt;b&gt;&amp;"',
	);
});

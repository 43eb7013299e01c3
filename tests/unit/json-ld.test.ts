import { describe, expect, test } from 'vitest';
import { safeJson, scholarlyArticle } from '../../src/lib/json-ld.ts';

const paper = {
	title: 'T',
	authors: ['A. Author'],
	date: '2025-03-18',
	summary: 'S',
	keywords: ['k1', 'k2'],
	codeUrls: [],
};

describe('safeJson', () => {
	test('cannot close the script element or open a comment, and stays the same JSON value', () => {
		const value = { t: '</script><script>alert(1)</script><!-- & \u2028\u2029 -->' };
		const json = safeJson(value);
		expect(json).not.toMatch(/[<>&\u2028\u2029]/);
		expect(json.toLowerCase()).not.toContain('</script');
		expect(JSON.parse(json)).toEqual(value);
	});
});

describe('scholarlyArticle', () => {
	test('types a group author as an Organization, a person as a Person (2510.24701)', () => {
		const ld = scholarlyArticle(
			{ ...paper, authors: ['Tongyi DeepResearch Team', 'Baixuan Li', 'The ATLAS Collaboration'] },
			'u',
		);
		expect(ld.author).toEqual([
			{ '@type': 'Organization', name: 'Tongyi DeepResearch Team' },
			{ '@type': 'Person', name: 'Baixuan Li' },
			{ '@type': 'Organization', name: 'The ATLAS Collaboration' },
		]);
	});
	test('describes the paper with only the fields that exist', () => {
		const ld = scholarlyArticle(paper, 'https://x.example/papers/t/');
		expect(ld).toMatchObject({
			'@type': 'ScholarlyArticle',
			headline: 'T',
			abstract: 'S',
			author: [{ '@type': 'Person', name: 'A. Author' }],
			keywords: 'k1, k2',
			url: 'https://x.example/papers/t/',
		});
		expect(ld).not.toHaveProperty('sameAs');
		expect(ld).not.toHaveProperty('image');
		// Known from a trending page alone: its listing date is not when it was published.
		expect(ld).not.toHaveProperty('datePublished');
		expect(scholarlyArticle({ ...paper, arxivId: '2109.00859' }, 'u').datePublished).toBe('2021');
		expect(
			scholarlyArticle(
				{ ...paper, arxivId: '0704.0058', journalRef: 'Int. J. Astrobiology 2 (2003) 141' },
				'u',
			).datePublished,
		).toBe('2003');
		// The day arXiv received it, when the record gives its versions; the latest as modified.
		const dated = scholarlyArticle(
			{ ...paper, arxivId: '0704.0001', submitted: '2007-04-02', revised: '2007-07-24' },
			'u',
		);
		expect([dated.datePublished, dated.dateModified]).toEqual(['2007-04-02', '2007-07-24']);
		// Never modified before it was published: a journal year after the last arXiv version.
		const journal = { ...paper, arxivId: '0704.0091', submitted: '2007-04-01' };
		const later = scholarlyArticle(
			{ ...journal, journalRef: 'Phys. Rev. D 79 (2009) 1', revised: '2008-08-18' },
			'u',
		);
		expect([later.datePublished, later.dateModified]).toEqual(['2009', undefined]);
		const sameYear = scholarlyArticle(
			{ ...journal, journalRef: 'Phys. Rev. D 79 (2009) 1', revised: '2009-03-02' },
			'u',
		);
		expect([sameYear.datePublished, sameYear.dateModified]).toEqual(['2009', '2009-03-02']);
	});

	test('links arXiv and DOI and keeps the headline within 110 characters', () => {
		const ld = scholarlyArticle(
			{ ...paper, title: 'x'.repeat(200), arxivId: '2501.00001', doi: '10.1/2' },
			'u',
			'i',
		);
		expect(ld.sameAs).toEqual(['https://arxiv.org/abs/2501.00001', 'https://doi.org/10.1/2']);
		expect((ld.headline as string).length).toBe(110);
		expect(ld.image).toBe('i');
		// Cut at a word (0704.0183's headline ended "…MD Sim…").
		const title = `${'Tight Binding '.repeat(7)}MD Simulations of Things`;
		expect(scholarlyArticle({ ...paper, title }, 'u').headline).toBe(
			`${'Tight Binding '.repeat(7)}MD…`,
		);
	});
});

import { describe, expect, test } from 'vitest';
import { toBibtex } from '../../src/lib/bibtex.ts';
import { splitDois } from '../../src/lib/doi.ts';
import { highwireTags } from '../../src/lib/highwire.ts';
import { scholarlyArticle } from '../../src/lib/json-ld.ts';
import { doiUrl } from '../../src/lib/urls.ts';

// arXiv's doi field of 0704.0033: the article and its erratum.
const TWO = '10.1364/JOSAA.23.002578 10.1364/JOSAA.32.002407';
const paper = {
	title: 'Convergence of the discrete dipole approximation',
	slug: '0704.0033',
	date: '2022-03-31',
	authors: ['Maxim A. Yurkin'],
	arxivId: '0704.0033',
	categories: ['physics.optics'],
	summary: 'S',
	keywords: [],
	codeUrls: [],
	doi: TWO,
};

describe('splitDois', () => {
	test('splits a field holding several DOIs and keeps a single one whole', () => {
		expect(splitDois(TWO)).toEqual(['10.1364/JOSAA.23.002578', '10.1364/JOSAA.32.002407']);
		expect(splitDois(' 10.1103/PhysRevD.76.013009\n')).toEqual(['10.1103/PhysRevD.76.013009']);
		expect(splitDois('10.1/a 10.1/a')).toEqual(['10.1/a']);
		expect(splitDois(undefined)).toEqual([]);
		expect(splitDois('')).toEqual([]);
	});
});

describe('doiUrl', () => {
	test('resolves one DOI, with the characters that would end or alter the path encoded', () => {
		expect(doiUrl('10.1103/PhysRevD.76.013009')).toBe('https://doi.org/10.1103/PhysRevD.76.013009');
		expect(doiUrl('10.1051/0004-6361:20066820')).toBe('https://doi.org/10.1051/0004-6361:20066820');
		expect(doiUrl('10.1000/a#b?c%d')).toBe('https://doi.org/10.1000/a%23b%3Fc%25d');
		expect(new URL(doiUrl('10.1000/a#b')).hash).toBe('');
	});
});

describe('a paper with two DOIs', () => {
	test('is cited with the first DOI and linked to each', () => {
		expect(toBibtex(paper, 'u')).toContain('doi = {10.1364/JOSAA.23.002578},');
		expect(highwireTags(paper, 'u').filter((t) => t.name === 'citation_doi')).toEqual([
			{ name: 'citation_doi', content: '10.1364/JOSAA.23.002578' },
		]);
		expect(scholarlyArticle(paper, 'u').sameAs).toEqual([
			'https://arxiv.org/abs/0704.0033',
			'https://doi.org/10.1364/JOSAA.23.002578',
			'https://doi.org/10.1364/JOSAA.32.002407',
		]);
	});
});

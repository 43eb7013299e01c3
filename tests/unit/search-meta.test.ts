import { describe, expect, test } from 'vitest';
import { paperSearchMeta, searchFacets } from '../../src/lib/search-meta.ts';

const paper = {
	shortName: 'SpeechT5',
	date: '2025-03-18',
	rank: 7,
	topics: ['speech', 'multimodal'],
	codeUrls: ['https://example.org/code'],
	authors: [] as string[],
};

describe('paper search metadata', () => {
	test('filters by topic name, month and code; sorts by date and padded rank', () => {
		const names: Record<string, string> = { speech: 'Speech & Audio', multimodal: 'Multimodal' };
		const m = paperSearchMeta(paper, (s) => names[s]);
		expect(m.meta).toEqual({
			date: '2025-03-18',
			shortName: 'SpeechT5',
			topics: 'Speech & Audio, Multimodal',
		});
		expect(m.filters).toEqual({
			topic: ['Speech & Audio', 'Multimodal'],
			month: ['2025-03'],
			code: ['yes'],
		});
		expect(m.sorts).toEqual({ date: '2025-03-18~999999992', rank: '000007' });
	});

	test('date keys order by day, then by rank within a day reversed (newest first = rank 1 first)', () => {
		const key = (date: string, rank: number) =>
			paperSearchMeta({ ...paper, date, rank }).sorts.date;
		const keys = [
			key('2025-03-19', 1),
			key('2025-03-18', 2),
			key('2025-03-18', 1),
			key('2025-03-20', 75),
		];
		expect([...keys].sort().reverse()).toEqual([
			key('2025-03-20', 75),
			key('2025-03-19', 1),
			key('2025-03-18', 1),
			key('2025-03-18', 2),
		]);
		// Not a number: Pagefind would compare it as a 32-bit float.
		expect(key('2025-03-18', 1)).not.toMatch(/^[\d.eE+-]+$/);
	});

	test('falls back to slugs for unknown topics and has no code value without code', () => {
		const m = paperSearchMeta({ ...paper, shortName: undefined, codeUrls: [] });
		expect(m.filters.topic).toEqual(['speech', 'multimodal']);
		// Only papers with code carry the filter: a `no` list would grow every query's download.
		expect(m.filters.code).toEqual([]);
		expect(m.meta.shortName).toBeUndefined();
	});

	test('names the first three authors and counts the rest, or ends with et al.', () => {
		const authors = ['A. One', 'B. Two', 'C. Three', 'D. Four', 'E. Five'];
		expect(paperSearchMeta({ ...paper, authors }).meta.authors).toBe(
			'A. One, B. Two, C. Three and 2 more',
		);
		expect(paperSearchMeta({ ...paper, authors: authors.slice(0, 3) }).meta.authors).toBe(
			'A. One, B. Two, C. Three',
		);
		expect(paperSearchMeta({ ...paper, authors, moreAuthors: true }).meta.authors).toBe(
			'A. One, B. Two, C. Three et al.',
		);
		// No authors (trending pages): no key, so no empty line in the results.
		expect('authors' in paperSearchMeta(paper).meta).toBe(false);
		// Metadata only: never a filter or a sort (every query would download it).
		const m = paperSearchMeta({ ...paper, authors });
		expect(Object.keys(m.filters)).not.toContain('authors');
		expect(Object.keys(m.sorts)).not.toContain('authors');
	});

	test('rank keys sort lexically in numeric order', () => {
		const keys = [12, 3, 100].map((rank) => paperSearchMeta({ ...paper, rank }).sorts.rank);
		expect([...keys].sort()).toEqual(['000003', '000012', '000100']);
	});

	test('every paper has every sort key, so none is dropped from sorted results', () => {
		const m = paperSearchMeta({ ...paper, topics: [] });
		expect(Object.keys(m.sorts).sort()).toEqual(['date', 'rank']);
		expect(m.meta.topics).toBeUndefined();
	});
});

describe('search page facets', () => {
	const names: Record<string, string> = { speech: 'Speech', vision: 'Vision' };
	const name = (slug: string) => names[slug];

	test('counts each topic and the papers with code, largest topic first, ties by name', () => {
		const facets = searchFacets(
			[
				paper,
				{ ...paper, topics: ['vision'], codeUrls: [] },
				{ ...paper, topics: ['vision', 'speech'] },
				{ ...paper, topics: ['unknown-slug'], codeUrls: [] },
			],
			name,
		);
		expect(facets).toEqual({
			topics: [
				{ name: 'Speech', count: 2 },
				{ name: 'Vision', count: 2 },
				{ name: 'multimodal', count: 1 },
				{ name: 'unknown-slug', count: 1 },
			],
			withCode: 2,
		});
	});

	test('a topic named twice on one paper counts that paper once', () => {
		const facets = searchFacets([{ ...paper, topics: ['speech', 'speech'] }], name);
		expect(facets.topics).toEqual([{ name: 'Speech', count: 1 }]);
	});

	test('no papers: no choices', () => {
		expect(searchFacets([])).toEqual({ topics: [], withCode: 0 });
	});
});

import { describe, expect, test } from 'vitest';
import { paperSearchMeta } from '../../src/lib/search-meta.ts';

const paper = {
	shortName: 'SpeechT5',
	date: '2025-03-18',
	rank: 7,
	topics: ['speech', 'multimodal'],
	codeUrls: ['https://example.org/code'],
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
		expect(m.sorts).toEqual({ date: '20250318', rank: '000007' });
	});

	test('falls back to slugs for unknown topics and has no code value without code', () => {
		const m = paperSearchMeta({ ...paper, shortName: undefined, codeUrls: [] });
		expect(m.filters.topic).toEqual(['speech', 'multimodal']);
		// Only papers with code carry the filter: a `no` list would grow every query's download.
		expect(m.filters.code).toEqual([]);
		expect(m.meta.shortName).toBeUndefined();
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

import { describe, expect, test } from 'vitest';
import { pageRangeWords, paginate } from '../../src/lib/listing.ts';

/** `total` numbered items cut into pages of `size`, as the listings cut their papers. */
const pagesOf = (total: number, size = 50) =>
	paginate(
		Array.from({ length: total }, (_, i) => i + 1),
		size,
	);

describe('paginate', () => {
	test('cuts a list into pages that know their place in it', () => {
		const [one, two, ...rest] = pagesOf(75);
		expect(rest).toEqual([]);
		expect({ ...one, items: one!.items.length }).toEqual({
			items: 50,
			page: 1,
			pages: 2,
			first: 1,
			total: 75,
		});
		expect(two).toEqual({
			items: Array.from({ length: 25 }, (_, i) => 51 + i),
			page: 2,
			pages: 2,
			first: 51,
			total: 75,
		});
	});

	test('gives an empty list one empty page', () => {
		expect(pagesOf(0)).toEqual([{ items: [], page: 1, pages: 1, first: 1, total: 0 }]);
	});
});

describe('pageRangeWords', () => {
	test('names the papers of the first page of a day of 75', () => {
		expect(pageRangeWords(pagesOf(75)[0]!)).toBe('Papers 1–50 of 75');
	});

	test('names the papers of the last, shorter page, not the page (its heading says that)', () => {
		expect(pageRangeWords(pagesOf(75)[1]!)).toBe('Papers 51–75 of 75');
	});

	test('names a last page of one paper by its place alone', () => {
		expect(pageRangeWords(pagesOf(51)[1]!)).toBe('Paper 51 of 51');
	});

	test('writes large counts with thousands separators', () => {
		expect(pageRangeWords(pagesOf(12_345)[20]!)).toBe('Papers 1,001–1,050 of 12,345');
	});
});

import { describe, expect, test } from 'vitest';
import { pageRangeWords } from '../../src/lib/listing.ts';

/** Page `page` of a list of `total` items, `size` a page (as `paginate` cuts it). */
const slice = (page: number, total: number, size = 50) => {
	const first = (page - 1) * size + 1;
	return {
		items: { length: Math.min(size, total - first + 1) },
		page,
		pages: Math.ceil(total / size),
		first,
		total,
	};
};

describe('pageRangeWords', () => {
	test('names the papers of the first page of a day of 75', () => {
		expect(pageRangeWords(slice(1, 75))).toBe('Papers 1–50 of 75, page 1 of 2');
	});

	test('names the papers of the last, shorter page', () => {
		expect(pageRangeWords(slice(2, 75))).toBe('Papers 51–75 of 75, page 2 of 2');
	});

	test('names a last page of one paper by its place alone', () => {
		expect(pageRangeWords(slice(2, 51))).toBe('Paper 51 of 51, page 2 of 2');
	});

	test('writes large counts with thousands separators', () => {
		expect(pageRangeWords(slice(21, 12_345))).toBe('Papers 1,001–1,050 of 12,345, page 21 of 247');
	});
});

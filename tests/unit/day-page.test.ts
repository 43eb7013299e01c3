import { describe, expect, test } from 'vitest';
import { dayWording } from '../../src/lib/day-page.ts';

const from = (...files: string[]) => files.map((file) => ({ data: { sources: [{ file }] } }));

describe('dayWording', () => {
	test('a trending page’s day is a listing', () => {
		expect(dayWording('2025-03-18', from('2025-03-18-trending.txt'))).toEqual({
			title: 'Papers listed 18 March 2025',
			description: '1 paper listed on 18 March 2025.',
			lede: '1 paper on this listing, in listing order.',
		});
	});
	test('an arXiv record’s date is the day it was updated, never a listing', () => {
		const words = dayWording('2008-11-26', from('arxiv.jsonl', 'arxiv.jsonl'));
		expect(words.title).toBe('Papers updated on arXiv 26 November 2008');
		expect(words.lede).toBe('2 papers whose arXiv record was last updated this day.');
		expect(Object.values(words).join(' ')).not.toMatch(/listing/);
	});
	test('a day of both says both, with counts', () => {
		const words = dayWording('2025-03-18', from('t.txt', 'a.jsonl', 'b.jsonl'));
		expect(words.title).toBe('Papers of 18 March 2025');
		expect(words.lede).toBe('3 papers listed (1) or updated on arXiv (2) this day.');
	});
});

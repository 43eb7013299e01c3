import { describe, expect, test } from 'vitest';
import { dayCountWords, dayWording, groupDays, ownDayPages } from '../../src/lib/day-page.ts';

const from = (...files: string[]) => ({
	date: '2025-03-18',
	papers: files,
	listed: files.filter((f) => f.endsWith('.txt')).length,
});

describe('dayWording', () => {
	test('a trending page’s day is a listing', () => {
		expect(dayWording(from('2025-03-18-trending.txt'))).toEqual({
			title: 'Papers listed 18 March 2025',
			description: '1 paper listed on 18 March 2025.',
			lede: '1 paper on this listing, in listing order.',
		});
	});
	test('an arXiv record’s date is the day it was updated, never a listing', () => {
		const words = dayWording({ ...from('arxiv.jsonl', 'arxiv.jsonl'), date: '2008-11-26' });
		expect(words.title).toBe('Papers updated on arXiv 26 November 2008');
		expect(words.lede).toBe('2 papers whose arXiv record was last updated this day.');
		expect(Object.values(words).join(' ')).not.toMatch(/listing/);
	});
	test('a day of both says both, with counts', () => {
		const words = dayWording(from('t.txt', 'a.jsonl', 'b.jsonl'));
		expect(words.title).toBe('Papers of 18 March 2025');
		expect(words.lede).toBe('3 papers listed (1) or updated on arXiv (2) this day.');
	});
});

/** A paper as groupDays reads it: its own day and place, and its sources. */
const paper = (
	id: string,
	date: string,
	rank: number,
	sources: Array<{ file: string; date?: string; rank?: number }>,
) => ({ id, data: { date, rank, sources } });
const days = (papers: Array<ReturnType<typeof paper>>) =>
	groupDays(papers).map((d) => ({ ...d, papers: d.papers.map((p) => p.id) }));

describe('groupDays', () => {
	const page18 = '2025-03-18-trending.txt';
	const page19 = '2025-03-19-trending.txt';
	// In listing order (newest date first, then rank), as getPapers gives them.
	const listed = [
		// New on the 19th, third on its page, after two papers of the 18th.
		paper('gamma', '2025-03-19', 3, [{ file: page19, date: '2025-03-19', rank: 3 }]),
		paper('alpha', '2025-03-18', 1, [
			{ file: page18, date: '2025-03-18', rank: 1 },
			{ file: page19, date: '2025-03-19', rank: 2 },
		]),
		paper('beta', '2025-03-18', 2, [
			{ file: page18, date: '2025-03-18', rank: 2 },
			{ file: page19, date: '2025-03-19', rank: 1 },
		]),
	];

	test('a day shows every paper its page lists, in its order, also those listed the day before', () => {
		expect(days(listed)).toEqual([
			{ date: '2025-03-19', papers: ['beta', 'alpha', 'gamma'], listed: 3, first: 1 },
			{ date: '2025-03-18', papers: ['alpha', 'beta'], listed: 2, first: 2 },
		]);
	});

	test('a day of listings and arXiv updates counts each kind by the source that puts the paper there', () => {
		const mixed = [
			listed[0]!,
			// Updated on the 19th, known from arXiv alone: after the page's papers.
			paper('epsilon', '2025-03-19', 4, [{ file: 'arxiv.jsonl', date: '2025-03-19', rank: 4 }]),
			listed[1]!,
			listed[2]!,
			// Listed on the 18th; its arXiv record was updated on the 19th (after the listing).
			paper('delta', '2025-03-18', 3, [
				{ file: page18, date: '2025-03-18', rank: 3 },
				{ file: 'arxiv.jsonl', date: '2025-03-19', rank: 5 },
			]),
		];
		const [d19, d18] = days(mixed);
		expect(d19).toEqual({
			date: '2025-03-19',
			papers: ['beta', 'alpha', 'gamma', 'epsilon', 'delta'],
			listed: 3,
			first: 2,
		});
		expect(dayWording(groupDays(mixed)[0]!).lede).toBe(
			'5 papers listed (3) or updated on arXiv (2) this day.',
		);
		expect(d18!.papers).toEqual(['alpha', 'beta', 'delta']);
	});

	test('a source without a place (a second listing the same day, an older arXiv record) adds no day', () => {
		expect(
			days([
				paper('alpha', '2025-03-18', 1, [
					{ file: page18, date: '2025-03-18', rank: 1 },
					{ file: '2025-03-18-b.txt', date: '2025-03-18' },
					{ file: 'old.jsonl', date: '2007-05-01' },
				]),
			]),
		).toEqual([{ date: '2025-03-18', papers: ['alpha'], listed: 1, first: 1 }]);
	});

	test('entries written before sources had dates are on their own day', () => {
		expect(
			days([
				paper('a', '2025-03-19', 1, [{ file: page19 }]),
				paper('b', '2008-11-26', 1, [{ file: 'arxiv.jsonl' }]),
			]),
		).toEqual([
			{ date: '2025-03-19', papers: ['a'], listed: 1, first: 1 },
			{ date: '2008-11-26', papers: ['b'], listed: 0, first: 1 },
		]);
	});
});

describe('ownDayPages', () => {
	const page = '2025-03-18-trending.txt';
	const copy = '2025-03-18-trending (1).txt';
	const listedOn = (id: string, date: string, rank: number, file = page) =>
		paper(id, date, rank, [{ file, date, rank }]);

	test('a paper is on the page of its day that its place there falls on', () => {
		const day = Array.from({ length: 5 }, (_, i) => listedOn(`p${i + 1}`, '2025-03-18', i + 1));
		expect(Object.fromEntries(ownDayPages(groupDays(day), 2))).toEqual({
			p1: 1,
			p2: 1,
			p3: 2,
			p4: 2,
			p5: 3,
		});
	});

	test('by its place among the papers of the day, not by its rank, which may skip places', () => {
		// The day saved twice, the copy with one paper more: the papers of the copy rank after the
		// first file's 3 places, and the 2 it shares with the first file are merged away.
		const day = [
			listedOn('a', '2025-03-18', 1),
			listedOn('b', '2025-03-18', 2),
			listedOn('c', '2025-03-18', 3),
			listedOn('d', '2025-03-18', 7, copy),
		];
		expect(ownDayPages(groupDays(day), 2).get('d')).toBe(2);
		expect(Math.ceil(7 / 2)).toBe(4); // the page its rank would give: there is no page 4
	});

	test('only its own day counts: a later day that lists it again is another page', () => {
		const repeated = paper('alpha', '2025-03-18', 1, [
			{ file: page, date: '2025-03-18', rank: 1 },
			{ file: '2025-03-19-trending.txt', date: '2025-03-19', rank: 3 },
		]);
		const others = [1, 2].map((n) => listedOn(`n${n}`, '2025-03-19', n, '2025-03-19-trending.txt'));
		const pages = ownDayPages(groupDays([...others, repeated]), 2);
		expect(pages.get('alpha')).toBe(1);
		expect(pages.get('n2')).toBe(1);
	});
});

describe('dayCountWords', () => {
	test('says how many of a day’s papers are new when its page repeats earlier ones', () => {
		expect(dayCountWords({ papers: 73, first: 73 })).toBe('73 papers');
		expect(dayCountWords({ papers: 73, first: 4 })).toBe('4 new of 73 papers');
		expect(dayCountWords({ papers: 1, first: 1 })).toBe('1 paper');
	});
});

import { formatDate } from '../../src/lib/format.ts';
import { describe, expect, test } from 'vitest';
import {
	cardTree,
	fitText,
	joinFitting,
	TEXT_WIDTH,
	type CardNode,
} from '../../src/lib/cards/layout.ts';
import { measureInter } from '../../src/lib/cards/text.ts';

/** All strings in a tree, in order. */
function texts(node: CardNode | string): string[] {
	if (typeof node === 'string') return [node];
	const c = node.props.children;
	if (c === undefined) return [];
	return typeof c === 'string' ? [c] : c.flatMap(texts);
}

const paper = {
	kind: 'paper' as const,
	site: 'Abstracta',
	title: 'AxFormer: Accuracy-driven Approximation of Transformers',
	shortName: 'AxFormer',
	topics: ['Efficient inference', 'Language models'],
	date: '2025-03-18',
};

describe('cardTree', () => {
	test('a paper card shows short name, title, date, topics and site name', () => {
		const all = texts(cardTree(paper, 'data:,', "'Inter latin'")).join(' ');
		expect(all).toContain('AxFormer');
		expect(all).toContain(paper.title);
		// Topics that do not fit beside the site name are dropped whole, never cut.
		expect(all).toContain('18 March 2025  ·  Efficient inference');
		expect(all).not.toContain('…');
		expect(all).toContain('Abstracta');
	});

	test('a topic card shows the name, description and paper count', () => {
		const tree = cardTree(
			{
				kind: 'topic',
				site: 'Abstracta',
				name: 'Retrieval',
				description: 'Finding things.',
				count: 1,
			},
			'data:,',
			"'Inter latin'",
		);
		const all = texts(tree);
		expect(all).toEqual(
			expect.arrayContaining(['Topic', 'Retrieval', 'Finding things.', '1 paper']),
		);
	});

	test('the root is exactly 1200×630 with the font list it was given', () => {
		const tree = cardTree(paper, 'data:,', "'Inter latin', 'Noto Sans SC [90]'");
		expect(tree.props.style).toMatchObject({
			width: 1200,
			height: 630,
			fontFamily: "'Inter latin', 'Noto Sans SC [90]'",
		});
	});
});

describe('fitText', () => {
	test('keeps the largest size for a short title and shrinks for a long one', () => {
		expect(fitText('Short', [68, 48], 300, 1.2).size).toBe(68);
		const long = fitText('a fairly long title '.repeat(10), [68, 60, 48], 300, 1.2);
		expect(long.size).toBeLessThan(68);
	});

	test('cuts a 200-character title with an ellipsis only at the smallest size, within its box', () => {
		const t = fitText('Wordy title with many words '.repeat(12), [68, 48], 240, 1.2);
		expect(t.size).toBe(48);
		expect(t.truncated).toBe(true);
		expect(t.lines.length).toBe(Math.floor(240 / Math.round(48 * 1.2)));
		expect(t.lines.at(-1)).toMatch(/\S…$/);
		for (const l of t.lines) expect(measureInter(48, 700)(l)).toBeLessThanOrEqual(TEXT_WIDTH);
	});
});

describe('joinFitting', () => {
	test('drops whole trailing topics instead of cutting one', () => {
		const m = (s: string): number => s.length;
		expect(joinFitting(['18 March 2025', 'Topic one', 'Topic two'], 30, m)).toBe(
			'18 March 2025  ·  Topic one',
		);
	});
});

test('formatDate writes an ISO date in words without locale data', () => {
	expect(formatDate('2025-01-04')).toBe('4 January 2025');
});

test('a short name equal to the whole title is not repeated above it', () => {
	const tree = cardTree(
		{ ...paper, title: 'BitNet', shortName: 'BitNet' },
		'data:,',
		"'Inter latin'",
	);
	expect(texts(tree).filter((t) => t === 'BitNet')).toHaveLength(1);
});

test('a short name written in TeX is shown as text', () => {
	const tree = cardTree(
		{ ...paper, title: '$\\texttt{BluePrint}$: A Dataset', shortName: '$\\texttt{BluePrint}$' },
		'data:,',
		"'Inter latin'",
	);
	expect(texts(tree)).toContain('BluePrint');
	expect(texts(tree).join(' ')).not.toContain('texttt');
});

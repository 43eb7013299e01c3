import { formatDate } from '../../src/lib/format.ts';
import { describe, expect, test } from 'vitest';
import {
	cardScene,
	fitText,
	ICON_PX,
	joinFitting,
	TEXT_WIDTH,
	type CardData,
	type Scene,
} from '../../src/lib/cards/layout.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../../src/lib/cards/size.ts';
import { measureInter } from '../../src/lib/cards/text.ts';

/** Every line of text a scene draws, top to bottom. */
const texts = (scene: Scene): string[] => scene.texts.map((t) => t.text);

const paper = {
	kind: 'paper' as const,
	site: 'Abstracta',
	title: 'AxFormer: Accuracy-driven Approximation of Transformers',
	shortName: 'AxFormer',
	topics: ['Efficient inference', 'Language models'],
	date: '2025-03-18',
	dateLabel: 'Listed' as const,
};

describe('cardScene', () => {
	test('a paper card shows short name, title, date, topics and site name', () => {
		const all = texts(cardScene(paper)).join(' ');
		expect(all).toContain('AxFormer');
		expect(all).toContain(paper.title);
		// Topics that do not fit beside the site name are dropped whole, never cut.
		expect(all).toContain('Listed 18 March 2025  ·  Efficient inference');
		expect(all).not.toContain('…');
		expect(all).toContain('Abstracta');
	});

	test('a paper card says what its date is, as the paper page does (0704.0001)', () => {
		// An arXiv record's date is its last update: bare, `26 November 2008` read as the day a
		// paper of April 2007 came out.
		const updated = texts(
			cardScene({
				...paper,
				title: 'Calculation of prompt diphoton production cross sections',
				shortName: undefined,
				topics: [],
				date: '2008-11-26',
				dateLabel: 'Updated',
			}),
		);
		expect(updated).toContain('Updated 26 November 2008');
		expect(updated).not.toContain('26 November 2008');
	});

	test('a topic card shows the name, description and paper count', () => {
		const all = texts(
			cardScene({
				kind: 'topic',
				site: 'Abstracta',
				name: 'Retrieval',
				description: 'Finding things.',
				count: 1,
			}),
		);
		expect(all).toEqual(
			expect.arrayContaining(['Topic', 'Retrieval', 'Finding things.', '1 paper']),
		);
	});

	const kinds: CardData[] = [
		paper,
		{ ...paper, title: 'A long title that wraps '.repeat(12) },
		{
			kind: 'topic',
			site: 'Abstracta',
			name: 'Retrieval',
			description: 'Finding. '.repeat(40),
			count: 3,
		},
		{ kind: 'site', site: 'Abstracta', description: 'Research papers, readable. '.repeat(9) },
	];
	test.each(kinds)('everything is drawn inside the card, text within the column (%#)', (card) => {
		const scene = cardScene(card);
		for (const t of scene.texts) {
			expect(Number.isInteger(t.baseline)).toBe(true);
			// The line's ascent and descent fit on the card, and it stays left of the right margin.
			expect(t.baseline - t.size).toBeGreaterThanOrEqual(0);
			expect(t.baseline + 0.25 * t.size).toBeLessThanOrEqual(CARD_HEIGHT);
			expect(t.x + measureInter(t.size, t.weight)(t.text)).toBeLessThanOrEqual(CARD_WIDTH - 60);
		}
		for (const r of scene.rects) {
			expect(r.x + r.width).toBeLessThanOrEqual(CARD_WIDTH);
			expect(r.y + r.height).toBeLessThanOrEqual(CARD_HEIGHT);
		}
		expect(scene.icon.x + ICON_PX).toBeLessThan(CARD_WIDTH);
		expect(scene.icon.y + ICON_PX).toBeLessThan(CARD_HEIGHT);
		// Lines never overlap: each baseline is below the previous one by at least its size.
		const ys = scene.texts.filter((t) => t.x < 200).map((t) => t.baseline);
		for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(28);
	});

	test("the date and topics take the footer's width up to the icon, never under it", () => {
		// AxFormer's card: its topic fits beside a short site name though the date has its label.
		const axformer = { ...paper, topics: ['Pre-training and self-supervision'] };
		expect(texts(cardScene(axformer))).toContain(
			'Listed 18 March 2025  ·  Pre-training and self-supervision',
		);
		// A site name cut at 300 pixels: the topic goes rather than run under the icon (the line
		// with it is 700 pixels wide, the icon 686 pixels from the left edge of the text).
		const long = cardScene({
			...paper,
			topics: ['Safety, alignment and ethics'],
			site: 'Abstracta: Papers of the Week, Read',
		});
		const left = long.texts.find((t) => t.text.startsWith('Listed'))!;
		expect(left.text).toBe('Listed 18 March 2025');
		expect(left.x + measureInter(28, 400)(left.text)).toBeLessThan(long.icon.x);
	});

	test('the icon sits just left of the site name, both right-aligned in the footer', () => {
		const scene = cardScene(paper);
		const site = scene.texts.at(-1)!;
		expect(site.text).toBe('Abstracta');
		expect(site.x + measureInter(28, 700)('Abstracta')).toBeCloseTo(14 + 80 + TEXT_WIDTH, 0);
		expect(scene.icon.x + ICON_PX + 14).toBe(site.x);
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
	const scene = cardScene({ ...paper, title: 'BitNet', shortName: 'BitNet' });
	expect(texts(scene).filter((t) => t === 'BitNet')).toHaveLength(1);
});

test('a short name written in TeX is shown as text', () => {
	const scene = cardScene({
		...paper,
		title: '$\\texttt{BluePrint}$: A Dataset',
		shortName: '$\\texttt{BluePrint}$',
	});
	expect(texts(scene)).toContain('BluePrint');
	expect(texts(scene).join(' ')).not.toContain('texttt');
});

test('right-to-left words are handed to the renderer in visual order', () => {
	const scene = cardScene({ ...paper, title: 'Parsing עברית text', shortName: undefined });
	expect(texts(scene)[0]).toBe('Parsing תירבע text');
});

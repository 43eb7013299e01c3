import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { SYMBOLS } from '../../src/lib/math-text.ts';
import { describe, expect, test } from 'vitest';
import {
	mathToText,
	measureInter,
	SUB,
	SUP,
	titleToText,
	tokenize,
	visualOrder,
	wrapText,
} from '../../src/lib/cards/text.ts';
import { woffToSfnt } from '../../src/lib/cards/woff.ts';

/** Every character one unit wide: widths are then character counts. */
const chars = (s: string): number => [...s].length;

describe('wrapText', () => {
	test('keeps a short text on one line untouched', () => {
		expect(wrapText('Short title', 20, 3, chars)).toEqual({
			lines: ['Short title'],
			truncated: false,
		});
	});

	test('wraps at spaces without breaking words', () => {
		const { lines, truncated } = wrapText('alpha beta gamma delta epsilon', 11, 5, chars);
		expect(truncated).toBe(false);
		expect(lines).toEqual(['alpha beta', 'gamma delta', 'epsilon']);
		for (const l of lines) expect(chars(l)).toBeLessThanOrEqual(11);
	});

	test('ends an overflowing last line with an ellipsis at a word boundary', () => {
		const { lines, truncated } = wrapText('one two three four five six seven eight', 9, 2, chars);
		expect(truncated).toBe(true);
		expect(lines).toHaveLength(2);
		expect(lines[1]!.endsWith('…')).toBe(true);
		const words = 'one two three four five six seven eight'.split(' ');
		// Every word before the ellipsis is whole.
		for (const w of lines.join(' ').replace('…', '').split(' ')) expect(words).toContain(w);
		expect(chars(lines[1]!)).toBeLessThanOrEqual(9);
	});

	test('does not leave punctuation before the ellipsis', () => {
		const { lines } = wrapText('Transformers, attention, and more words here', 16, 1, chars);
		expect(lines[0]).toBe('Transformers…');
	});

	test('cuts a single word wider than the line only with an ellipsis', () => {
		const { lines, truncated } = wrapText('Supercalifragilistic', 8, 1, chars);
		expect(truncated).toBe(true);
		expect(lines).toEqual(['Superca…']);
	});

	test('splits an overlong word across lines when lines remain', () => {
		const { lines, truncated } = wrapText('abcdefghijkl mn', 5, 4, chars);
		expect(truncated).toBe(false);
		expect(lines).toEqual(['abcde', 'fghij', 'kl mn']);
	});

	test('breaks Chinese text between characters', () => {
		const { lines } = wrapText('中文标题测试内容', 3, 3, chars);
		expect(lines).toEqual(['中文标', '题测试', '内容']);
	});

	test('a 200-character title fits in its lines at real Inter widths', () => {
		const title = 'word '.repeat(40).trim() + ' final';
		const measure = measureInter(48, 700);
		const { lines, truncated } = wrapText(title, 1000, 3, measure);
		expect(truncated).toBe(true);
		expect(lines).toHaveLength(3);
		for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(1000);
		expect(lines[2]).toMatch(/ word…$/);
	});
});

describe('tokenize', () => {
	test('keeps the space between a Chinese character and a following word', () => {
		expect(tokenize('测试 abc').join('')).toBe('测试 abc');
	});
});

describe('measureInter', () => {
	test('bold text is wider than regular, and width scales with size', () => {
		const w400 = measureInter(40, 400)('Attention');
		const w700 = measureInter(40, 700)('Attention');
		expect(w700).toBeGreaterThan(w400);
		expect(measureInter(80, 400)('Attention')).toBeCloseTo(2 * w400, 5);
	});
});

describe('titleToText', () => {
	test('turns TeX math into readable Unicode', () => {
		expect(titleToText('Towards $\\infty$-LLMs')).toBe('Towards ∞-LLMs');
		// The bundled fonts have no subscript digits: `_1` stays as written rather than a box.
		expect(titleToText('BLM$_1$: A Boundless Model')).toBe('BLM_1: A Boundless Model');
		expect(titleToText('$\\texttt{BluePrint}$: data')).toBe('BluePrint: data');
		expect(titleToText('Cost $O(L^2)$ with $x_{i}^{2}$')).toBe('Cost O(L²) with xᵢ²');
	});

	test('writes super- and subscripts the fonts lack as TeX does, when typed as such too', () => {
		// A short name is stored already read (`BLM₁`, 2510.24161): it showed a box on its card.
		expect(titleToText('BLM₁')).toBe('BLM_1');
		expect(titleToText('H₂O at 10⁵ K, x² and xᵢ')).toBe('H_2O at 10^5 K, x² and xᵢ');
	});

	test('keeps text it cannot convert instead of dropping it', () => {
		expect(mathToText('a^{xyz}')).toBe('a^xyz');
		expect(titleToText('87\\% of $5')).toBe('87% of $5');
		expect(mathToText('\\constructor + \\toString')).toBe('constructor + toString');
	});
});

describe('visualOrder', () => {
	test('reverses a right-to-left run inside left-to-right text', () => {
		expect(visualOrder('Title עברית RTL')).toBe('Title תירבע RTL');
		expect(visualOrder('plain text')).toBe('plain text');
	});
});

test('every character the TeX conversion can produce has a glyph in the bundled fonts', () => {
	const have = new Set<number>();
	const fonts = join(process.cwd(), 'node_modules/@fontsource');
	for (const pkg of readdirSync(fonts))
		for (const f of readdirSync(join(fonts, pkg, 'files')))
			if (f.endsWith('.woff') && (f.includes('-700-') || pkg === 'noto-emoji'))
				for (const u of new hb.Face(
					new hb.Blob(woffToSfnt(readFileSync(join(fonts, pkg, 'files', f)))),
				).collectUnicodes())
					have.add(u);
	// Every symbol command, and the constructs that write characters of their own, as cards read them.
	const tex = [
		...Object.keys(SYMBOLS).map((name) => `\\${name}`),
		'\\sqrt[3]{x} \\sqrt[4]{x} \\sqrt{x} 30^\\circ \\|v\\| \\not= \\not\\in \\not< \\not>',
		...'CHNPQRZ'.split('').map((c) => `\\mathbb{${c}}`),
	];
	const produced = [...tex.map(mathToText), ...Object.values(SUP), ...Object.values(SUB)]
		.join('')
		.replace(/[a-z ]/g, '');
	const missing = [...produced].filter((c) => !have.has(c.codePointAt(0)!));
	expect(missing).toEqual([]);
});

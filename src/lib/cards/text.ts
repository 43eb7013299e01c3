/**
 * Text shaping for cards, pure: TeX in titles turned into readable Unicode, right-to-left runs put
 * in visual order (the renderer lays every line out left to right), and greedy line wrapping that ends an
 * overflowing last line with an ellipsis at a word boundary.
 */
import metrics from './inter-metrics.json' with { type: 'json' };
import { readableTitle, texToUnicode } from '../math-text.ts';
import { UNICODE_SCRIPTS } from '../unicode-scripts.ts';

/**
 * Super- and subscripts with a glyph in the bundled fonts: Inter's subsets lack ⁵–⁹, ⁿ and every
 * subscript digit (and no fallback font has them), so those stay `^5`, `_1` rather than boxes.
 */
export const SUP: Record<string, string> = {
	'1': '¹',
	'2': '²',
	'3': '³',
	'4': '⁴',
};
export const SUB: Record<string, string> = {
	i: 'ᵢ',
	j: 'ⱼ',
};

/**
 * What the cards write for the characters of TeX's conversion that no bundled font draws: the
 * nearest character they have, or a word (`⌈x⌉` → `ceil(x)`).
 */
export const CARD_FALLBACK: Record<string, string> = {
	'⌈': 'ceil(',
	'⌉': ')',
	'⌊': 'floor(',
	'⌋': ')',
	'⟨': '‹',
	'⟩': '›',
	'∓': '-+',
	'∉': ' not in ',
	'∃': ' exists ',
	'⊆': '⊂',
	'⊇': '⊃',
	'∖': '−',
	'≃': '≈',
	'≲': '≤',
	'≳': '≥',
	'↦': '→',
	'⋆': '*',
	'∗': '*',
	ℏ: 'ħ',
	'∛': '³√',
	'∜': '⁴√',
	ℂ: 'C',
	ℍ: 'H',
	ℕ: 'N',
	ℙ: 'P',
	ℚ: 'Q',
	ℝ: 'R',
	ℤ: 'Z',
	'⋮': '…',
	'⋱': '…',
	'∋': ' contains ',
	// Super- and subscripts the fonts lack, typed as such (a short name stored as `BLM₁`).
	...scriptsWritten('^', UNICODE_SCRIPTS.sup, SUP),
	...scriptsWritten('_', UNICODE_SCRIPTS.sub, SUB),
};

/** `₁` → `_1`, for every script character of `all` that `drawn` does not have. */
function scriptsWritten(
	mark: string,
	all: Record<string, string>,
	drawn: Record<string, string>,
): Record<string, string> {
	const have = new Set(Object.values(drawn));
	return Object.fromEntries(
		Object.entries(all)
			.filter(([, c]) => !have.has(c))
			.map(([plain, c]) => [c, `${mark}${plain}`]),
	);
}

/** The cards' super- and subscripts, and what to write for characters their fonts lack. */
const CARD_SCRIPTS = { sup: SUP, sub: SUB, fallback: CARD_FALLBACK };

/** Turns the TeX of one `$…$` segment into the card's plain Unicode (`O(n^2)` → `O(n²)`). */
export const mathToText = (tex: string): string => texToUnicode(tex, CARD_SCRIPTS);

/**
 * Plain card text of a title or short name (see readableTitle), in what the card's fonts can
 * draw: the fallbacks apply to characters typed as such too (`BLM₁`, stored already read).
 */
export const titleToText = (title: string): string =>
	[...readableTitle(title, CARD_SCRIPTS).trim()]
		.map((c) => (Object.hasOwn(CARD_FALLBACK, c) ? CARD_FALLBACK[c]! : c))
		.join('');

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const RTL_RUN =
	/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+(?:[ \u00A0]+[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+)*/gu;

/**
 * Reverses each run of right-to-left words into visual order, a minimal stand-in for the Unicode
 * bidi algorithm: enough for a Hebrew or Arabic phrase inside a Latin title.
 */
export function visualOrder(line: string): string {
	if (!RTL.test(line)) return line;
	return line.replace(RTL_RUN, (run) => [...run].reverse().join(''));
}

/** Measures the width of a string in pixels. */
export type Measure = (text: string) => number;
/** Gives the measure of text at a size and weight (the renderer's uses the card's own fonts). */
export type MeasureFor = (size: number, weight: 400 | 700) => Measure;

const WIDTHS = metrics.widths as Record<string, Record<string, number>>;

/** True for characters that may start or end a line anywhere (CJK ideographs, kana, hangul). */
const isBreakAnywhere = (ch: string): boolean =>
	/[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u.test(ch);

/**
 * Width of `text` in Inter at `size` px and `weight`, from the bundled advance widths; code points
 * Inter lacks are assumed full-width (CJK) or 0.6 em, a slight overestimate that errs on wrapping.
 */
export function measureInter(size: number, weight: 400 | 700): Measure {
	const table = WIDTHS[String(weight)]!;
	return (text) => {
		let w = 0;
		for (const ch of text) {
			const known = table[ch.codePointAt(0)!];
			w +=
				known ?? (isBreakAnywhere(ch) ? 1000 : /\p{Extended_Pictographic}/u.test(ch) ? 1150 : 600);
		}
		return (w * size) / 1000;
	};
}

/** Splits text into breakable tokens: words with their following space, single CJK characters. */
export function tokenize(text: string): string[] {
	const tokens: string[] = [];
	let cur = '';
	for (const ch of text) {
		if (isBreakAnywhere(ch)) {
			if (cur) tokens.push(cur);
			tokens.push(ch);
			cur = '';
		} else if (ch === ' ') {
			if (cur) tokens.push(cur + ' ');
			else if (tokens.length) tokens[tokens.length - 1] += ' ';
			cur = '';
		} else cur += ch;
	}
	if (cur) tokens.push(cur);
	return tokens;
}

/** Breaks one token wider than a line into pieces that fit (a formula or URL with no spaces). */
function splitLong(token: string, maxWidth: number, measure: Measure): string[] {
	const pieces: string[] = [];
	let cur = '';
	for (const ch of token) {
		if (cur && measure(cur + ch) > maxWidth) {
			pieces.push(cur);
			cur = '';
		}
		cur += ch;
	}
	if (cur) pieces.push(cur);
	return pieces;
}

/** Result of wrapping: the lines, and whether text was cut (then the last line ends in `…`). */
export interface Wrapped {
	lines: string[];
	truncated: boolean;
}

/**
 * Greedy wrap of `text` into at most `maxLines` lines of `maxWidth`. When it does not fit, the
 * last line keeps whole words only and ends with `…`; a word is cut only when it alone is wider
 * than the line, and then it too ends with `…`.
 */
export function wrapText(
	text: string,
	maxWidth: number,
	maxLines: number,
	measure: Measure,
): Wrapped {
	const lines: string[] = [];
	let cur = '';
	const tokens = tokenize(text.replace(/\s+/g, ' ').trim());
	let i = 0;
	for (; i < tokens.length; i++) {
		const tok = tokens[i]!;
		if (measure((cur + tok).trimEnd()) <= maxWidth) {
			cur += tok;
			continue;
		}
		if (cur) {
			lines.push(cur.trimEnd());
			cur = '';
			if (lines.length === maxLines) break;
		}
		if (measure(tok.trimEnd()) <= maxWidth) {
			cur = tok;
			continue;
		}
		const pieces = splitLong(tok.trimEnd(), maxWidth, measure);
		while (pieces.length > 1 && lines.length < maxLines) lines.push(pieces.shift()!);
		if (lines.length === maxLines) break;
		cur = pieces[0]! + (tok.endsWith(' ') ? ' ' : '');
	}
	if (i === tokens.length) {
		if (cur.trim()) lines.push(cur.trimEnd());
		return { lines, truncated: false };
	}
	return { lines: ellipsize(lines, maxWidth, measure), truncated: true };
}

/** Makes the last line end in `…` within `maxWidth`, dropping whole words first. */
function ellipsize(lines: string[], maxWidth: number, measure: Measure): string[] {
	const out = lines.slice();
	let last = out.pop() ?? '';
	const fits = (s: string): boolean => measure(s + '…') <= maxWidth;
	while (!fits(last)) {
		const cut = last.replace(/\s*\S+$/u, '');
		if (cut === last || cut === '') break;
		last = cut;
	}
	// Only a single word too wide for the line is left: cut it by characters (with the ellipsis).
	while (!fits(last) && last.length > 1) last = [...last].slice(0, -1).join('');
	out.push(last.replace(/[\s,;:.·–—-]+$/u, '') + '…');
	return out;
}

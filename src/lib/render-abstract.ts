/**
 * Compiles the MDX body of a generated entry to HTML: the same micromark/remark parser as
 * @mdx-js/mdx (remark-mdx), GFM, math rendered by KaTeX as MathML. No JavaScript is evaluated:
 * the only JSX allowed is the small set the ingest writes (`em`, `strong`, `code`, `a href`),
 * and any other MDX construct fails loudly, so nothing from the input can execute.
 */
import rehypeKatex, { type Options as KatexOptions } from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { fastAbstractHtml } from './render-abstract-fast.ts';
import { showsOwnUrl, URL_BREAK, URL_LINK_CLASS } from './linked-text.ts';
import { texToUnicode } from './math-text.ts';
import type { Element, ElementContent, Root } from 'hast';
import type { State } from 'mdast-util-to-hast';

/** Bumped whenever the HTML this module produces changes: part of every cache key. */
export const RENDERER_VERSION = 'abstract-html-18';

const ALLOWED = new Set(['em', 'strong', 'code', 'a']);

interface JsxNode {
	type: string;
	name: string | null;
	attributes: Array<{ type: string; name?: string; value?: unknown }>;
	children: unknown[];
}

function jsxElement(state: State, node: JsxNode): Element {
	if (!node.name || !ALLOWED.has(node.name))
		throw new Error(`unexpected element <${node.name ?? ''}> in a generated entry`);
	const properties: Record<string, string> = {};
	for (const attr of node.attributes) {
		if (
			attr.type !== 'mdxJsxAttribute' ||
			node.name !== 'a' ||
			attr.name !== 'href' ||
			typeof attr.value !== 'string' ||
			!/^https?:\/\//.test(attr.value)
		) {
			throw new Error(`unexpected attribute on <${node.name}> in a generated entry`);
		}
		properties.href = attr.value;
	}
	return {
		type: 'element',
		tagName: node.name,
		properties,
		children: unnest(state.all(node as never) as ElementContent[], node.name === 'a'),
	};
}

/**
 * GFM's autolink literal turns the URL text inside the ingest's `<a href>` into a second link;
 * links cannot nest in HTML, so inner links are replaced by their text.
 */
function unnest(children: ElementContent[], inLink: boolean): ElementContent[] {
	if (!inLink) return children;
	return children.flatMap((c): ElementContent[] => {
		if (c.type !== 'element') return [c];
		if (c.tagName === 'a') return unnest(c.children, true);
		return [{ ...c, children: unnest(c.children, true) }];
	});
}

const reject = (_state: State, node: { type: string }): never => {
	throw new Error(`unexpected MDX ${node.type} in a generated entry`);
};

/**
 * The astronomy journals' units (AASTeX), common in astro-ph abstracts (`$10^{15}\msun$`); the
 * ingest reads the same commands in prose (TEXT_MACROS in src/lib/latex-prose.ts).
 */
const KATEX_MACROS: Record<string, string> = {
	'\\msun': 'M_\\odot',
	'\\lsun': 'L_\\odot',
	'\\rsun': 'R_\\odot',
	'\\kms': '\\mathrm{km\\,s^{-1}}',
	'\\degr': '^\\circ',
	'\\arcmin': '^{\\prime}',
	'\\arcsec': '^{\\prime\\prime}',
	// MNRAS's ≲ and ≳ (`$\la$`, `$\ga$`).
	'\\la': '\\lesssim',
	'\\ga': '\\gtrsim',
	// LaTeX's text box, which KaTeX lacks (`$\mbox{if } x$` showed "\mbox").
	'\\mbox': '\\text',
};

/**
 * MathML only: ~300 B per formula, no KaTeX fonts or HTML layout needed to read it. A command
 * KaTeX does not know (an author's own macro, `\XQM`) is shown as typed in the text colour: KaTeX
 * would draw it red, as if the page were broken.
 */
const KATEX: KatexOptions = {
	output: 'mathml',
	strict: 'ignore',
	// A copy per formula: KaTeX writes `\gdef` definitions into this object, which would carry
	// one abstract's macros into the next (and make pages depend on the order they render in).
	get macros() {
		return { ...KATEX_MACROS };
	},
	errorColor: 'currentcolor',
};

interface ParentNode {
	type: string;
	name?: string | null;
	children?: ParentNode[];
}

/**
 * Every link in an abstract is one the ingest wrote (`<a href>`, after repairing the URL); the
 * Markdown link syntaxes are escaped. GFM's autolink literal still runs on text after parsing,
 * escapes resolved, and links what it takes for a URL: half of a URL broken by a space
 * (`https://github. com/x/y` linked `https://github`), `www.` names, e-mail addresses, and the
 * URL text inside the ingest's own links (a link in a link, invalid HTML). Its links are
 * unwrapped to their text.
 */
export function remarkDropAutolinks() {
	const visit = (node: ParentNode): void => {
		if (!node.children) return;
		node.children = node.children.flatMap((child) =>
			child.type === 'link' ? (child.children ?? []) : [child],
		);
		for (const child of node.children) visit(child);
	};
	return (tree: ParentNode): void => visit(tree);
}

/** `tex` with every `%` that no backslash escapes written `\%`. */
export function escapeTexPercent(tex: string): string {
	return tex.replace(/(?<!\\)((?:\\\\)*)%/g, '$1\\%');
}

/**
 * MathJax's `\unicode{x2013}` (also decimal, `\unicode{8211}`) as the character itself: KaTeX
 * has no such command and showed "\unicode" and the code (2601.10245).
 */
export function texUnicode(tex: string): string {
	if (!tex.includes('\\unicode')) return tex;
	return tex.replace(
		/\\unicode\s*\{\s*(?:x([0-9a-f]{1,6})|(\d{1,7}))\s*\}/gi,
		(m, hex?: string, dec?: string) => {
			const code = hex ? Number.parseInt(hex, 16) : Number(dec);
			return code > 0x1f && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
				? String.fromCodePoint(code)
				: m;
		},
	);
}

/**
 * In TeX `%` starts a comment to the end of the line. Abstracts use it as a percent sign inside
 * formulas (`$\textbf{92.52%}$`); read as a comment it swallows the closing brace and KaTeX
 * shows the whole formula as a red parse error. A formula in an abstract never holds a comment,
 * so every unescaped `%` in the math elements KaTeX typesets is made a percent sign. MathJax's
 * `\unicode{…}` is read there too (texUnicode).
 */
export function rehypeLiteralPercent() {
	const visit = (node: Root | ElementContent, inMath: boolean): void => {
		if (node.type === 'text' && inMath) node.value = texUnicode(escapeTexPercent(node.value));
		if (node.type !== 'root' && node.type !== 'element') return;
		const math =
			inMath ||
			(node.type === 'element' &&
				Array.isArray(node.properties.className) &&
				node.properties.className.includes('language-math'));
		for (const child of node.children) visit(child as ElementContent, math);
	};
	return (tree: Root): void => visit(tree, false);
}

/** Unicode's mathematical letters: the capital A and small a of each alphabet, and its exceptions. */
const MATH_ALPHABETS: Record<
	string,
	{ upper: number; lower: number; holes: Record<string, string> }
> = {
	'double-struck': {
		upper: 0x1d538,
		lower: 0x1d552,
		holes: { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
	},
	script: {
		upper: 0x1d49c,
		lower: 0x1d4b6,
		holes: {
			B: 'ℬ',
			E: 'ℰ',
			F: 'ℱ',
			H: 'ℋ',
			I: 'ℐ',
			L: 'ℒ',
			M: 'ℳ',
			R: 'ℛ',
			e: 'ℯ',
			g: 'ℊ',
			o: 'ℴ',
		},
	},
	'bold-script': { upper: 0x1d4d0, lower: 0x1d4ea, holes: {} },
	fraktur: {
		upper: 0x1d504,
		lower: 0x1d51e,
		holes: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
	},
	'bold-fraktur': { upper: 0x1d56c, lower: 0x1d586, holes: {} },
};
/** Double-struck digits (𝟘…𝟡). */
const DOUBLE_STRUCK_ZERO = 0x1d7d8;

/** A Latin letter or digit in a mathematical alphabet (`R` → ℝ in double-struck); others as they are. */
export function mathLetter(c: string, variant: string): string {
	const alphabet = MATH_ALPHABETS[variant];
	if (!alphabet) return c;
	if (alphabet.holes[c]) return alphabet.holes[c]!;
	const code = c.charCodeAt(0);
	if (c.length !== 1) return c;
	if (code >= 0x41 && code <= 0x5a) return String.fromCodePoint(alphabet.upper + code - 0x41);
	if (code >= 0x61 && code <= 0x7a) return String.fromCodePoint(alphabet.lower + code - 0x61);
	if (variant === 'double-struck' && code >= 0x30 && code <= 0x39)
		return String.fromCodePoint(DOUBLE_STRUCK_ZERO + code - 0x30);
	return c;
}

/** KaTeX's negative spaces (`\!`, `\negmedspace`, `\negthickspace`): a space, then U+2063. */
const NEGATIVE_SPACE = /^[\u2009\u205f\u2004]\u2063$/;

/**
 * What browsers that implement only MathML Core (Chromium) do not do with KaTeX's MathML:
 * - `mathvariant` other than `normal` is ignored, so `\mathbb{R}` showed as an italic R and
 *   `\mathcal{O}` as O. Double-struck, script and fraktur letters become Unicode's mathematical
 *   letters (ℝ, 𝒪, 𝔤), which every browser and feed reader shows; bold, italic, sans-serif
 *   and monospace stay marked for the stylesheet (global.css), which sets those fonts.
 * - a negative space is drawn as a positive thin space (`\sim\!6` read "∼ 6"), and its U+2063
 *   was copied with the text: removed (the symbols join).
 * - operators in a sub- or superscript keep their full spacing, which TeX drops in scripts:
 *   `\Xi_{cc}^{++}` read "Ξ⁺ ⁺". They get `lspace`/`rspace` 0 unless KaTeX set them.
 */
export function rehypeMathCore() {
	const visit = (
		node: Root | ElementContent,
		variant: string | undefined,
		script = false,
	): void => {
		if (node.type === 'text') {
			if (variant) node.value = Array.from(node.value, (c) => mathLetter(c, variant)).join('');
			return;
		}
		if (node.type !== 'root' && node.type !== 'element') return;
		let own = variant;
		if (node.type === 'element') {
			const v = node.properties.mathvariant ?? node.properties.mathVariant;
			if (typeof v === 'string' && MATH_ALPHABETS[v]) {
				own = v;
				delete node.properties.mathvariant;
				delete node.properties.mathVariant;
			}
			if (node.tagName === 'annotation') return;
			if (script && node.tagName === 'mo') {
				node.properties.lspace ??= '0em';
				node.properties.rspace ??= '0em';
			}
		}
		const negative = (c: ElementContent): boolean =>
			c.type === 'element' &&
			c.tagName === 'mtext' &&
			c.children.length === 1 &&
			c.children[0]!.type === 'text' &&
			NEGATIVE_SPACE.test(c.children[0]!.value);
		// Copied only where there is one to drop: this walks every element of every abstract.
		if ((node.children as ElementContent[]).some(negative))
			node.children = (node.children as ElementContent[]).filter(
				(c) => !negative(c),
			) as typeof node.children;
		// A scripted element's children after its base are scripts (as are theirs).
		const scripted = node.type === 'element' && SCRIPTED.test(node.tagName);
		let k = 0;
		for (const child of node.children) {
			const isElement = child.type === 'element';
			visit(child as ElementContent, own, script || (scripted && isElement && k > 0));
			if (isElement) k++;
		}
	};
	return (tree: Root): void => visit(tree, undefined);
}

/** MathML elements whose children after the first are sub- or superscripts (limits too). */
const SCRIPTED = /^m(?:sub|sup|subsup|under|over|underover)$/;

/** Inline formulas with more characters than this may be wider than a phone's column. */
export const WIDE_MATH_CHARS = 20;

/** The characters a MathML formula shows (its TeX annotation left out). */
function shownText(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	if (node.type !== 'element' || node.tagName === 'annotation') return '';
	return node.children.map(shownText).join('');
}

/** Relations a long inline formula may break after, as TeX tokens. */
const TEX_RELATIONS = new Set([
	...'=<>≤≥≈≠→←↔⇒⇔∼≃≅≡∝≲≳≪≫∈⊂⊆',
	...[
		'\\approx',
		'\\simeq',
		'\\sim',
		'\\cong',
		'\\equiv',
		'\\propto',
		'\\asymp',
		'\\doteq',
		'\\le',
		'\\leq',
		'\\ge',
		'\\geq',
		'\\leqslant',
		'\\geqslant',
		'\\lt',
		'\\gt',
		'\\ne',
		'\\neq',
		'\\lesssim',
		'\\gtrsim',
		'\\la',
		'\\ga',
		'\\ll',
		'\\gg',
		'\\not',
		'\\to',
		'\\rightarrow',
		'\\longrightarrow',
		'\\Rightarrow',
		'\\Longrightarrow',
		'\\mapsto',
		'\\leftarrow',
		'\\Leftarrow',
		'\\leftrightarrow',
		'\\Leftrightarrow',
		'\\iff',
		'\\implies',
		'\\in',
		'\\subset',
		'\\subseteq',
		'\\supset',
		'\\supseteq',
	],
]);
/** Brackets: not TeX groups, but a formula is not broken inside them. */
const TEX_OPEN = new Set([
	'(',
	'[',
	'\\{',
	'\\lbrace',
	'\\langle',
	'\\lbrack',
	'\\left',
	'\\begin',
]);
const TEX_CLOSE = new Set([
	')',
	']',
	'\\}',
	'\\rbrace',
	'\\rangle',
	'\\rbrack',
	'\\right',
	'\\end',
]);
/**
 * Commands that reach past a break: definitions (each piece is typeset on its own), and, outside
 * braces, infix fractions (`a = b \over c` is one fraction) and switches of style, font or
 * colour, which hold to the end of the formula.
 */
const TEX_NO_SPLIT = /\\(?:[gex]?def|let|(?:re|provide|new)command|global|futurelet)(?![a-zA-Z])/;
const TEX_TOP_NO_SPLIT = new Set([
	...['\\over', '\\atop', '\\choose', '\\above', '\\brace', '\\brack', '\\\\', '&', '\\cr'],
	...['\\rm', '\\bf', '\\it', '\\sf', '\\tt', '\\cal', '\\sl', '\\em', '\\mit', '\\color'],
	...['\\displaystyle', '\\textstyle', '\\scriptstyle', '\\scriptscriptstyle', '\\boldmath'],
	...['\\tiny', '\\small', '\\large', '\\Large', '\\LARGE', '\\huge', '\\Huge', '\\normalsize'],
	...['\\scriptsize', '\\footnotesize', '\\newline', '\\bfseries', '\\itshape', '\\rmfamily'],
]);

/**
 * The pieces of an inline formula that may stand on separate lines: `tex` cut after each run of
 * relations outside braces and brackets (`a = 7.54 \pm 0.30 \rsun =` | `0.0351 \pm 0.0014`),
 * as TeX breaks a formula in a paragraph. One piece when it cannot be cut safely.
 */
export function splitTexAtRelations(tex: string): string[] {
	if (TEX_NO_SPLIT.test(tex)) return [tex];
	const tokens = tex.match(/\\(?:[a-zA-Z]+|[^])|[^]/gu) ?? [];
	const cuts: number[] = [];
	let braces = 0;
	let brackets = 0;
	let at = 0;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		at += t.length;
		if (t === '{') braces++;
		else if (t === '}') braces--;
		if (braces !== 0) continue;
		if (TEX_TOP_NO_SPLIT.has(t)) return [tex];
		if (TEX_OPEN.has(t)) brackets++;
		else if (TEX_CLOSE.has(t)) brackets--;
		if (brackets !== 0 || !TEX_RELATIONS.has(t)) continue;
		// The end of this run of relations (`\not=`, `:=`, `< \sim`), spaces after it included.
		let j = i + 1;
		let end = at;
		while (j < tokens.length && (TEX_RELATIONS.has(tokens[j]!) || /^\s$/.test(tokens[j]!)))
			end += tokens[j++]!.length;
		const next = tokens[j];
		// A relation's own limits or scripts (`\to^{f}`, `=_{\rm def}`) stay on it.
		const scripted = next === '_' || next === '^' || next === '\\limits' || next === "'";
		const before = tex.slice(cuts.at(-1) ?? 0, at - t.length);
		if (next !== undefined && !scripted && /\S/.test(before) && !/[_^]\s*$/.test(before))
			cuts.push(end);
		i = j - 1;
		at = end;
	}
	if (braces !== 0 || brackets !== 0 || cuts.length === 0) return [tex];
	return [0, ...cuts].map((from, k) => tex.slice(from, cuts[k] ?? tex.length).trim());
}

/** The class of the span that holds the pieces of a long inline formula (splitTexAtRelations). */
export const MATH_PIECES_CLASS = 'katex-pieces';

/** The TeX a KaTeX formula was typeset from (its annotation). */
function texOf(node: Element): string | undefined {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.tagName === 'annotation') return child.children.map(shownText).join('') || undefined;
		const found = texOf(child);
		if (found !== undefined) return found;
	}
	return undefined;
}

const typeset = rehypeKatex(KATEX);

/**
 * Typesets a long inline formula as consecutive formulas, one per piece of splitTexAtRelations,
 * in a MATH_PIECES_CLASS span: browsers never break a line inside a MathML formula, and one wider
 * than a phone's column was cut at its edge, the part in view reading as a different number
 * (`a = 7.54 ± 0.30 R⊙ = 0.0351 ± 0.001`). Now a line may break after a relation, as in TeX.
 * Each piece is real MathML, read in turn (`a = 7.54 ± 0.30 R⊙ =`, `0.0351 ± 0.0014`). A formula
 * that a piece fails to typeset on its own stays whole.
 */
export function rehypeSplitWideMath() {
	const split = (node: Element): ElementContent | undefined => {
		const tex = texOf(node);
		if (tex === undefined || [...node.children.map(shownText).join('')].length <= WIDE_MATH_CHARS)
			return undefined;
		const pieces = splitTexAtRelations(tex);
		if (pieces.length < 2) return undefined;
		const holder: Root = {
			type: 'root',
			children: pieces.map((value) => ({
				type: 'element',
				tagName: 'code',
				properties: { className: ['language-math', 'math-inline'] },
				children: [{ type: 'text', value }],
			})),
		};
		let failed = false;
		typeset(holder, { message: () => (failed = true) } as never);
		if (failed) return undefined;
		return {
			type: 'element',
			tagName: 'span',
			properties: { className: [MATH_PIECES_CLASS] },
			children: holder.children as ElementContent[],
		};
	};
	const visit = (node: Root | Element): void => {
		node.children.forEach((child, i) => {
			if (child.type !== 'element') return;
			const classes = child.properties.className;
			if (Array.isArray(classes) && classes.includes('katex-display')) return;
			if (child.tagName === 'span' && Array.isArray(classes) && classes.includes('katex')) {
				const pieces = split(child);
				if (pieces) node.children[i] = pieces;
				return;
			}
			visit(child);
		});
	};
	return (tree: Root): void => visit(tree);
}

/**
 * Marks long inline formulas `katex--wide`, which the stylesheet lets scroll sideways: a formula
 * never breaks across lines, and one wider than a phone's column pushed the whole page sideways
 * (`|||f(A)+f(B)||| ≥ |||f(A+B)|||`). Short formulas keep plain inline layout. A region that
 * scrolls must be reachable from the keyboard, or its hidden end can only be read with a mouse
 * or a finger (axe: scrollable-region-focusable), so a wide formula is also a tab stop.
 */
export function rehypeMarkWideMath() {
	const visit = (node: Root | ElementContent): void => {
		if (node.type !== 'root' && node.type !== 'element') return;
		if (node.type === 'element' && node.tagName === 'span') {
			const classes = node.properties.className;
			if (Array.isArray(classes) && classes.includes('katex-display')) return;
			if (Array.isArray(classes) && classes.includes('katex')) {
				if ([...node.children.map(shownText).join('')].length > WIDE_MATH_CHARS) {
					node.properties.className = [...classes, 'katex--wide'];
					node.properties.tabIndex = 0;
					// A tab stop needs a name and a role: it read as an unnamed "generic".
					node.properties.role = 'group';
					node.properties.ariaLabel = 'Formula';
				}
				return;
			}
		}
		for (const child of node.children) visit(child as ElementContent);
	};
	return (tree: Root): void => visit(tree);
}

/**
 * Marks a link whose text is its own address (`<a href="https://x.org">https://x.org</a>`) with
 * URL_LINK_CLASS: the print stylesheet writes every other link's URL after it, and this one would
 * read twice. render-abstract-fast.ts marks the same links.
 */
export function rehypeMarkUrlLinks() {
	const visit = (node: Root | ElementContent): void => {
		if (node.type !== 'root' && node.type !== 'element') return;
		if (node.type === 'element' && node.tagName === 'a') {
			const href = node.properties.href;
			const text = node.children.map(shownText).join('');
			if (typeof href === 'string' && showsOwnUrl(text, href)) {
				node.properties.className = [URL_LINK_CLASS];
				// Line breaks after its slashes (URL_BREAK); the text itself is unchanged.
				if (node.children.every((c) => c.type === 'text'))
					node.children = text.split(URL_BREAK).flatMap((part, k): ElementContent[] => {
						const piece: ElementContent[] = part ? [{ type: 'text', value: part }] : [];
						if (k === 0) return piece;
						const wbr: ElementContent = {
							type: 'element',
							tagName: 'wbr',
							properties: {},
							children: [],
						};
						return [{ type: 'text', value: '/' }, wbr, ...piece];
					});
			}
			return;
		}
		for (const child of node.children) visit(child as ElementContent);
	};
	return (tree: Root): void => visit(tree);
}

/** Bars KaTeX writes as "divides" (U+2223) and "parallel to" (U+2225), by what they show. */
const BARS: Readonly<Record<string, string>> = { '\u2223': '|', '\u2225': '\u2016' };

/**
 * KaTeX writes the bars of `|x|`, `\|x\|`, `\lvert`, `\left|` as U+2223 DIVIDES and U+2225
 * PARALLEL TO, and those of `|x|` as identifiers: a screen reader says "divides x divides" for an
 * absolute value (58 bars in two corpus papers; KaTeX issue 3243). They become fence operators
 * holding the vertical line (‖ for norms), with no operator spacing, so they look as before.
 * `\mid` (an `mo` with no fence or stretch attribute) stays as KaTeX writes it.
 */
export function rehypeSpeakableBars() {
	const visit = (node: Root | ElementContent): void => {
		if (node.type !== 'root' && node.type !== 'element') return;
		if (node.type === 'element' && (node.tagName === 'mi' || node.tagName === 'mo')) {
			const only = node.children.length === 1 ? node.children[0] : undefined;
			const bar = only?.type === 'text' ? BARS[only.value] : undefined;
			const p = node.properties;
			const fence = node.tagName === 'mi' || p.fence !== undefined || p.stretchy !== undefined;
			if (bar !== undefined && fence) {
				if (node.tagName === 'mi') {
					node.tagName = 'mo';
					node.properties = { fence: 'false', stretchy: 'false', lspace: '0', rspace: '0' };
				}
				(only as { value: string }).value = bar;
			}
			return;
		}
		for (const child of node.children) visit(child as ElementContent);
	};
	return (tree: Root): void => visit(tree);
}

/** U+2061 FUNCTION APPLICATION, which KaTeX writes after an operator name (`\\sin`, `\\log`). */
const FUNCTION_APPLICATION = '\u2061';

/** Whether `node` is KaTeX's `<mo>⁡</mo>`, or a script or limit whose base ends with one (`\\sin^2`). */
function endsWithApplication(node: ElementContent | undefined): boolean {
	if (node?.type !== 'element') return false;
	if (node.tagName === 'mo')
		return node.children.length === 1 && shownText(node) === FUNCTION_APPLICATION;
	if (!/^m(?:sub|sup|subsup|under|over|underover)$/.test(node.tagName)) return false;
	const base = node.children.find((c) => c.type === 'element');
	return (
		base?.type === 'element' && base.tagName === 'mrow' && endsWithApplication(base.children.at(-1))
	);
}

/**
 * TeX sets a thin space between an operator name and its argument (`\\sin i`, `\\log n`);
 * MathML gives the invisible function application KaTeX writes between them no width, and
 * "sin i" read "sini" (0704.0059). A thin `mspace` (silent, copies as nothing) follows it when
 * the argument is not an operator: `\\sin(x)` keeps its parenthesis close, as in TeX.
 */
export function rehypeOperatorSpace() {
	const visit = (node: Root | ElementContent): void => {
		if (node.type !== 'root' && node.type !== 'element') return;
		if (node.type === 'element' && node.tagName === 'annotation') return;
		const children = node.children as ElementContent[];
		for (let i = children.length - 2; i >= 0; i--) {
			const next = children[i + 1]!;
			if (next.type === 'element' && next.tagName !== 'mo' && endsWithApplication(children[i]!))
				children.splice(i + 1, 0, {
					type: 'element',
					tagName: 'mspace',
					properties: { width: '0.1667em' },
					children: [],
				});
		}
		for (const child of children) visit(child);
	};
	return (tree: Root): void => visit(tree);
}

/** The class of the span that keeps a formula and the letters touching it on one line. */
export const MATH_WORD_CLASS = 'math-word';

/** Punctuation a scrolling formula keeps beside it: before (`(`) and after (`),`). */
const WIDE_MATH_BEFORE = /^[\p{Ps}\p{Pi}"']{1,2}$/u;
const WIDE_MATH_AFTER = /^[\p{Pe}\p{Pf}\p{Po}]{1,3}$/u;

/**
 * Keeps an inline formula on one line with the characters that touch it (`$C$-reducible`,
 * `semi-$X$`, `$x$,`): browsers may break a line on either side of a MathML formula, and
 * "C" ended a line with "-reducible" starting the next. The formula and the runs of
 * non-space characters before and after it are wrapped in a MATH_WORD_CLASS span, which the
 * stylesheet does not let wrap (the pieces of a long formula, MATH_PIECES_CLASS, still break
 * between them). A wide formula (katex--wide) scrolls, as wide as the column: it keeps only
 * punctuation (`),`), for which the stylesheet leaves room; ", for any norm" began a line.
 */
export function rehypeMathWords() {
	const mathKind = (n: ElementContent | undefined): 'math' | 'wide' | undefined => {
		if (n?.type !== 'element' || n.tagName !== 'span') return undefined;
		const classes = n.properties.className;
		if (!Array.isArray(classes)) return undefined;
		if (classes.includes(MATH_PIECES_CLASS)) return 'math';
		if (!classes.includes('katex')) return undefined;
		return classes.includes('katex--wide') ? 'wide' : 'math';
	};
	const visit = (node: Root | ElementContent): void => {
		if (node.type !== 'root' && node.type !== 'element') return;
		if (mathKind(node as ElementContent)) return;
		const out: ElementContent[] = [];
		const children = node.children as ElementContent[];
		for (let i = 0; i < children.length; i++) {
			const child = children[i]!;
			const kind = mathKind(child);
			if (!kind) {
				visit(child);
				out.push(child);
				continue;
			}
			const word: ElementContent[] = [child];
			const before = out.at(-1);
			if (before?.type === 'text') {
				const run = /\S+$/u.exec(before.value)?.[0];
				if (run && (kind === 'math' || WIDE_MATH_BEFORE.test(run))) {
					before.value = before.value.slice(0, -run.length);
					if (before.value === '') out.pop();
					word.unshift({ type: 'text', value: run });
				}
			}
			const after = children[i + 1];
			if (after?.type === 'text') {
				const run = /^\S+/u.exec(after.value)?.[0];
				if (run && (kind === 'math' || WIDE_MATH_AFTER.test(run))) {
					after.value = after.value.slice(run.length);
					word.push({ type: 'text', value: run });
					if (after.value === '') i++;
				}
			}
			out.push(
				word.length === 1
					? child
					: {
							type: 'element',
							tagName: 'span',
							properties: { className: [MATH_WORD_CLASS] },
							children: word,
						},
			);
		}
		node.children = out as typeof node.children;
	};
	return (tree: Root): void => visit(tree);
}

const processor = unified()
	.use(remarkParse)
	.use(remarkMdx)
	.use(remarkGfm)
	.use(remarkMath)
	.use(remarkDropAutolinks)
	.use(remarkRehype, {
		handlers: {
			mdxJsxTextElement: jsxElement as never,
			// A paragraph that is one element (`<a …>…</a>` alone) parses as a flow element.
			mdxJsxFlowElement: ((state: State, node: JsxNode) => ({
				type: 'element',
				tagName: 'p',
				properties: {},
				children: [jsxElement(state, node)],
			})) as never,
			mdxFlowExpression: reject as never,
			mdxTextExpression: reject as never,
			mdxjsEsm: reject as never,
		},
	})
	.use(rehypeLiteralPercent)
	.use(rehypeKatex, KATEX)
	// After the split: its pieces are typeset anew.
	.use(rehypeSplitWideMath)
	.use(rehypeMathCore)
	.use(rehypeSpeakableBars)
	.use(rehypeOperatorSpace)
	.use(rehypeMarkWideMath)
	.use(rehypeMathWords)
	.use(rehypeMarkUrlLinks)
	.use(rehypeMathText)
	.use(rehypeStringify);

/**
 * Gives each formula its reading as text (`10¹⁸`, `O(ℓ²)`, `P_W`) in a `hidden` span after its
 * MathML, for the search index, which leaves the MathML out (EXCLUDE_SELECTORS in
 * src/integrations/pagefind.ts): read from MathML, scripts ran into the line, and a result's
 * excerpt said "budgets from 1018–1020 FLOPs" for 10¹⁸–10²⁰. Hidden, the span is neither seen,
 * read aloud nor copied; feeds write the same text in the formula's place (feedAbstractHtml).
 */
export function rehypeMathText() {
	const visit = (node: Root | ElementContent): void => {
		if (node.type !== 'root' && node.type !== 'element') return;
		const classes = node.type === 'element' ? node.properties.className : undefined;
		if (node.type === 'element' && Array.isArray(classes) && classes.includes('katex')) {
			const tex = texOf(node);
			if (tex !== undefined)
				node.children.push({
					type: 'element',
					tagName: 'span',
					properties: { hidden: true },
					children: [{ type: 'text', value: texToUnicode(tex) }],
				});
			return;
		}
		for (const child of node.children) visit(child as ElementContent);
	};
	return (tree: Root): void => visit(tree);
}

/** Compiles an entry's MDX body with the full pipeline. Throws on any construct the ingest never writes. */
export function compileAbstractHtml(mdxBody: string): string {
	return String(processor.processSync(mdxBody));
}

/**
 * Renders an entry's MDX body to HTML: plain prose through the fast path (same bytes, about
 * 20× faster), everything else through the pipeline. Throws on any construct the ingest never writes.
 */
export function renderAbstractHtml(mdxBody: string): string {
	return fastAbstractHtml(mdxBody) ?? compileAbstractHtml(mdxBody);
}

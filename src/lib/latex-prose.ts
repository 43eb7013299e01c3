/**
 * LaTeX-isms in prose turned into what the author meant. Pure: string in, inline tree out.
 * Only the commands listed here are interpreted; anything else stays as literal text, so no
 * character of the input is ever lost.
 */
import { UNICODE_SCRIPTS } from './unicode-scripts.ts';
import type { Inline } from './inline.ts';
import { InputProblem } from './input-problem.ts';

/**
 * Most groups read inside one another (`\textbf{\emph{…}}`, `{\it {\bf …}}`, footnotes). Real
 * abstracts nest a few; 2,000 overflowed the stack here (and would the tree's later walks and
 * the page's MDX), so deeper nesting is bad input, reported with the record's place.
 */
export const MAX_GROUP_DEPTH = 100;

/** The error for a group nested deeper than MAX_GROUP_DEPTH. */
function tooDeep(): InputProblem {
	return new InputProblem(
		`LaTeX groups nested deeper than ${MAX_GROUP_DEPTH}`,
		'close the groups ({…}, \\textbf{…}, …) that were left open, or remove the extra braces',
	);
}

/**
 * A lookup table without a prototype: command names come from the input, and `\constructor`
 * must not find Object's constructor (it once printed "function Object() { [native code] }").
 */
function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
	return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** Combining marks for LaTeX accent commands (`\'a` → á after NFC). */
const ACCENTS = table<string>({
	"'": '\u0301',
	'`': '\u0300',
	'^': '\u0302',
	'"': '\u0308',
	'~': '\u0303',
	'=': '\u0304',
	'.': '\u0307',
	c: '\u0327',
	v: '\u030C',
	u: '\u0306',
	H: '\u030B',
	r: '\u030A',
	k: '\u0328',
	d: '\u0323',
	b: '\u0331',
});
/** Commands that stand for text (`\ss` → ß, `\ldots` → …); a following `{}` is part of them. */
export const TEXT_MACROS = table<string>({
	ss: 'ß',
	o: 'ø',
	O: 'Ø',
	aa: 'å',
	AA: 'Å',
	ae: 'æ',
	AE: 'Æ',
	oe: 'œ',
	OE: 'Œ',
	l: 'ł',
	L: 'Ł',
	i: 'ı',
	j: 'ȷ',
	ldots: '…',
	dots: '…',
	textellipsis: '…',
	LaTeX: 'LaTeX',
	TeX: 'TeX',
	textasciitilde: '~',
	textless: '<',
	textgreater: '>',
	textbar: '|',
	textbackslash: '\\',
	S: '§',
	// The astronomy journals' units (AASTeX), common in astro-ph abstracts; also defined for
	// math in src/lib/render-abstract.ts (KATEX_MACROS).
	msun: 'M☉',
	lsun: 'L☉',
	rsun: 'R☉',
	kms: 'km s⁻¹',
	degr: '°',
	arcmin: '′',
	arcsec: '″',
});
/** TEXT_MACROS that are units written after a number: `200\kms` reads 200 km s⁻¹, spaced. */
const UNITS = new Set(['msun', 'lsun', 'rsun', 'kms']);
/** TEXT_MACROS that are letters (ß, ø, Å, …), written inside words. */
const LETTERS = new Set(['ss', 'o', 'O', 'aa', 'AA', 'ae', 'AE', 'oe', 'OE', 'l', 'L', 'i', 'j']);
/** Escaped specials (`\%` → %). */
const ESCAPES = new Set(['%', '#', '&', '_', '$', '{', '}']);
/** Style of a command's argument; `plain` keeps the text without a style (small caps, roman, …). */
type Style = 'emphasis' | 'strong' | 'code' | 'plain';
const STYLE = table<Style>({
	emph: 'emphasis',
	textit: 'emphasis',
	textsl: 'emphasis',
	textbf: 'strong',
	texttt: 'code',
	textsc: 'plain',
	textrm: 'plain',
	textsf: 'plain',
	textup: 'plain',
	textmd: 'plain',
	textnormal: 'plain',
	// Math's \text{…} written in prose (`the \text{FFN} block`): its text.
	text: 'plain',
	mbox: 'plain',
});
/**
 * Old-style declarations at the start of a group (`{\it x}`, `{\bf x}`, `{\large x}`): they
 * style the rest of the group. Sizes and families have no meaning in an abstract: plain.
 */
const DECLARATION = table<Style>({
	em: 'emphasis',
	it: 'emphasis',
	sl: 'emphasis',
	itshape: 'emphasis',
	bf: 'strong',
	bfseries: 'strong',
	tt: 'code',
	ttfamily: 'code',
	sc: 'plain',
	scshape: 'plain',
	rm: 'plain',
	sf: 'plain',
	// Math's calligraphic letters written in prose (0704.0115: `a given {\cal K}-invariant class`).
	cal: 'plain',
	tiny: 'plain',
	scriptsize: 'plain',
	footnotesize: 'plain',
	small: 'plain',
	normalsize: 'plain',
	large: 'plain',
	Large: 'plain',
	LARGE: 'plain',
	huge: 'plain',
	Huge: 'plain',
});
/** A group that opens with a declaration: its name and the rest of the group. */
const DECLARATION_GROUP = /^\\([A-Za-z]+)(?![A-Za-z])\s*([^]*)$/;
/**
 * Spacing commands: `\,` a thin space (`50\,\%`), `\/` (italic correction) nothing. In
 * proseNodes: `\\` (a line break) a space and `\ ` TeX's control space, only right after a word
 * (`results.\\ Finally`, `e.g.\ the`, `3\AA\ and`): standing alone (` \ `, ` \\ `) they are
 * more often literal backslashes, as typed on a web page. `\@`
 * marks a sentence's end (`problem\@.`): nothing before punctuation, a space or the end; before
 * anything else it is the escaped `@` it reads as (`R\@1`, Recall@1).
 */
const SPACES = table<string>({ ',': '\u202f', '/': '' });
/**
 * Citations, read as their keys in brackets (`\cite{a,b}` → [a, b], `\cite[p.~2]{a}` → [a, p. 2]):
 * dropped, they left "defined in as the" where a citation was a noun (0704.0041).
 */
const CITATIONS = new Set(['cite', 'citep', 'citealp', 'nocite']);
/** Cross-references, read as their label (`Section~\ref{sec:2}` → Section sec:2); `\eqref` (2). */
const REFERENCES = new Set(['ref', 'eqref', 'autoref', 'cref', 'Cref']);

/** The next place where a command or group may start. */
const COMMAND_OR_GROUP = /[\\{]/g;

/**
 * Reads `{…}` groups of one string in constant time each: the brace pairs are found in one pass
 * (backslash-aware). Scanning to the end from every `{` that never closes was quadratic: 100,000
 * of them in one abstract took half a minute.
 */
type GroupReader = (i: number) => { content: string; end: number } | undefined;

function groupReader(s: string): GroupReader {
	let close: Int32Array | undefined;
	return (i) => {
		if (s[i] !== '{') return undefined;
		if (!close) {
			// close[i]: the index of the `}` pairing the `{` at i; −1 unpaired, −2 escaped here
			// (`\{`), where a scan from i itself decides (rare: readGroup).
			close = new Int32Array(s.length).fill(-1);
			const open: number[] = [];
			for (let j = 0; j < s.length; j++) {
				const c = s[j];
				if (c === '\\') {
					if (s[j + 1] === '{') close[j + 1] = -2;
					j++;
				} else if (c === '{') open.push(j);
				else if (c === '}' && open.length > 0) close[open.pop()!] = j;
			}
		}
		const j = close[i]!;
		if (j === -2) return readGroup(s, i);
		return j < 0 ? undefined : { content: s.slice(i + 1, j), end: j + 1 };
	};
}

/** Reads a `{…}` group at `i` (balanced, backslash-aware); returns its content and the index after it. */
function readGroup(s: string, i: number): { content: string; end: number } | undefined {
	if (s[i] !== '{') return undefined;
	let depth = 0;
	for (let j = i; j < s.length; j++) {
		const c = s[j];
		if (c === '\\') {
			j++;
			continue;
		}
		if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return { content: s.slice(i + 1, j), end: j + 1 };
	}
	return undefined;
}

/**
 * Typographic quotes: ``x'' → “x”, `x' → ‘x’, also nested (``a `b' c'' → “a ‘b’ c”). An opening
 * `` closed by a plain " or a single ' (``noise" in 2605.12649, ``delta energy' in 2505.22486)
 * is a pair too.
 */
export function convertQuotes(s: string): string {
	if (!s.includes('`')) return s; // every pattern needs one
	// Single quotes first: a double pair cannot hold a backtick, and the inner pair's is gone then.
	return s
		.replace(/(^|[\s([{])`([^`'\s][^`']*?)'(?![A-Za-z])/g, '$1‘$2’')
		.replace(/``([^`]*?)''/g, '“$1”')
		.replace(/``([^`"'\s][^`"']*?)(?:"|'(?![A-Za-z]))/g, '“$1”');
}

/**
 * TeX's typing of ties and dashes inside a word pair: `Gemini~3`, `pretraining~(CPT)`,
 * `in~\cite{x}` (a no-break space), `10--20`,
 * `Hessian--vector` and `(VITS)--on` (an en dash), `results---and` (an em dash). A tie only after
 * a word of two letters or more, or after punctuation before a word or command
 * (`approach,~\textbf{x}`), after a full stop or a formula before a letter, digit or command
 * (`J.~Smith`, `Fig.~\ref{f}`, `$10$~GeV`; a formula stands in here as a private-use character,
 * or is before the text: `preceded` in convertTiesAndDashes), after a parenthesis before a
 * letter (`(i)~the`), around a dash between words (`methods~--~document`), or before a command
 * (`on~\href{…}`: the text then ends at the tie): `z~2.56` and `T~300K` mean "about", `1~2%` a
 * range, `~50%` "about" too. Dashes only between words: `--help`, `<!--`, and free-standing ` -- `
 * and ` --- ` (a Markdown rule's lookalike, which must reach the reader as typed) stay as typed.
 * Nothing changes in a token holding `/` or `@` (a URL or an address may have `~` or `--`; for a
 * tie, the part before it: `on~https://…` is a tie), nor in code.
 */
const TIE_OR_DASH =
	/(?<=\p{L}{2})~(?=[\p{L}\p{N}\\([\ue000-\uf8ff]|$)|(?<=[,;:])~(?=[\p{L}\\]|$)|(?<=[.\ue000-\uf8ff])~(?=[\p{L}\p{N}\\(\ue000-\uf8ff]|$)|(?<=\))~(?=\p{L})|(?<=\p{L})~---?~(?=\p{L})|(?<=[\p{L}\p{N})\ue000-\uf8ff])---?(?=[\p{L}\p{N}(\ue000-\uf8ff])/gu;
/** A tie at the start of a text that follows a formula (`$10$~GeV`): see TIE_OR_DASH. */
const TIE_FIRST = /^~(?=[\p{L}\p{N}\\\ue000-\uf8ff])/u;
/**
 * A dash at the start of a text that follows a formula, before a word (`$x$--dependent`), or
 * alone between two formulas (`$3$--$19$%`, `$10^{18}$--$10^{20}$`): a formula is a word to a dash.
 */
const DASH_FIRST = /^---?(?=[\p{L}\p{N}(])|^---?$/u;
/** A dash at the end of a text after a word, before a formula (`10--$20$`). */
const DASH_LAST = /(?<=[\p{L}\p{N})])---?$/u;
/** TeX's dash for `--` or `---`. */
const dashFor = (m: string): string => (m.length === 3 ? '—' : '–');

/**
 * Ties and dashes as TeX prints them (see TIE_OR_DASH). A `~` that ends the text is a tie only
 * when `followed`: something comes after the text (a link, a formula), else it stays as typed; one
 * that starts it, only when `preceded` by a formula.
 */
export function convertTiesAndDashes(s: string, followed = false, preceded = false): string {
	if (!s.includes('~') && !s.includes('--')) return s;
	// A formula is a word to a dash: the text beside one may start or end with it.
	// Not in a URL or an address (`$x$--https://…`), as below.
	const first = preceded ? DASH_FIRST.exec(s) : null;
	if (first && (followed || first[0].length < s.length) && !/^\S*[/@]/.test(s))
		return dashFor(first[0]) + convertTiesAndDashes(s.slice(first[0].length), followed);
	const last = followed ? DASH_LAST.exec(s) : null;
	if (last && !/[/@]\S*$/.test(s))
		return convertTiesAndDashes(s.slice(0, last.index), true, preceded) + dashFor(last[0]);
	const lead = preceded && TIE_FIRST.test(s) ? '\u00a0' : '';
	const rest = lead ? s.slice(1) : s;
	return (
		lead +
		rest.replace(TIE_OR_DASH, (m: string, at: number) => {
			if (m === '~' && at === rest.length - 1 && !followed) return m;
			const start = Math.max(rest.lastIndexOf(' ', at), rest.lastIndexOf('\n', at)) + 1;
			const end = rest.slice(at).search(/\s/);
			// A tie may come before a URL (`on~https://…`): only the word before it counts then.
			const token = rest.slice(start, m === '~' ? at : end < 0 ? rest.length : at + end);
			if (/[/@]/.test(token)) return m;
			const dash = m.includes('---') ? '—' : '–';
			return m === '~' ? '\u00a0' : m.startsWith('~') ? `\u00a0${dash}\u00a0` : dash;
		})
	);
}

/**
 * convertTiesAndDashes over the text of a tree, not in code (`\texttt{a--b}` prints `a--b`). A
 * text that ends at a tie before other markup (`on~` before a link), or before what `followed`
 * says comes after the tree (`size~$n$`: a formula), is tied; before nothing (the end of the
 * abstract) the `~` stays as typed. A tie that starts the tree is one when `preceded` says a
 * formula comes before it (`$10$~GeV`).
 */
function tiesAndDashesIn(nodes: Inline[], followed = false, preceded = false): Inline[] {
	for (const [k, n] of nodes.entries()) {
		if (n.type === 'text')
			n.value = convertTiesAndDashes(
				n.value,
				followed || k + 1 < nodes.length,
				preceded && k === 0,
			);
		else if (n.type === 'emphasis' || n.type === 'strong' || n.type === 'link')
			tiesAndDashesIn(n.children);
	}
	return nodes;
}

/** Appends text to an inline list, merging with a preceding text node. */
function pushText(out: Inline[], value: string): void {
	if (value === '') return;
	const last = out[out.length - 1];
	if (last?.type === 'text') last.value += value;
	else out.push({ type: 'text', value });
}

/** Appends a node, merging text with a preceding text node. */
function pushNode(out: Inline[], node: Inline): void {
	if (node.type === 'text') pushText(out, node.value);
	else out.push(node);
}

/** The LaTeX prose `content` in a style; `depth` is the number of groups around it. */
function styled(style: Style, content: string, depth: number): Inline[] {
	const inner = proseNodes(content, depth);
	if (style === 'plain') return inner;
	if (style === 'code') return [{ type: 'code', value: inlineText(inner) }];
	return [{ type: style, children: inner }];
}

/**
 * What a symbol accent (`\'`, `\"`, …) sets its mark on: `a`, `{a}`, or the dotless `\i`/`\j`
 * (`Mar\'{\i}a`, `na\"\i ve`: TeX's spelling of í and ï), whose own space it takes.
 */
const ACCENTED_SYMBOL = /^\{([A-Za-z])\}|^([A-Za-z])|^\{\\([ij])\}|^\\([ij])(?![A-Za-z]) ?/;
/** What a letter accent (`\c`, `\v`, …) sets its mark on: ` c`, `{c}`, `{\i}` or ` \i`. */
const ACCENTED_LETTER = /^\{([A-Za-z])\}|^\s+([A-Za-z])|^\{\\([ij])\}|^\s+\\([ij])(?![A-Za-z]) ?/;

/** A group holding just one accent command: `{\'a}`, `{\c c}`, `{\ss}`, `{\'\i}`. */
const ACCENT_GROUP =
	/^\\(?:['`^"~=.]\s*(?:\{?[A-Za-z]\}?|\{\\[ij]\}|\\[ij])|[cvuHrkdb](?:\s+[A-Za-z]|\{[A-Za-z]\}|\{\\[ij]\})|[A-Za-z]{1,2})$/;

/**
 * Whether a command only styles or accents text (`\emph`, `{\bf …}`, `\c{c}`): what it says is
 * its argument's (the ingest's duplicate check reads past it).
 */
export const isTextMarkup = (name: string): boolean =>
	name in STYLE || name in DECLARATION || name in ACCENTS;

/** Whether a command name is one this module interprets. */
const isKnownCommand = (name: string): boolean =>
	name in STYLE ||
	name in TEXT_MACROS ||
	/^(?:url|href|footnote|textsuperscript|textsubscript)$/.test(name);

/**
 * What a `{…}` group shows when its braces only group LaTeX: an accent command, a declaration
 * (`{\bf x}`) or a known command first (`{\textbf{x}}`), or one such group inside another
 * (`{{\large x}}`). Undefined for any other group, whose braces are text (`{0,1}`). The group
 * starts at `at` in `s`; `plain` holds the starts already known to be text.
 */
function groupNodes(
	s: string,
	at: number,
	readGroupAt: GroupReader,
	depth: number,
	plain: Set<number>,
): Inline[] | undefined {
	// A loop over `{{…}}` levels, not a call per level: braces around braces add no depth. A group
	// whose braces are text is remembered with every group it wraps: they are text too, and
	// trying each again made 2,000 nested braces take seconds.
	const peeled: number[] = [];
	for (let k = at; !plain.has(k); k++) {
		const g = readGroupAt(k);
		if (!g) break;
		const content = g.content;
		if (ACCENT_GROUP.test(content)) {
			const inner = proseNodes(content, depth);
			const only = inner.length === 1 ? inner[0]! : undefined;
			if (only?.type === 'text' && !only.value.includes('\\')) return inner;
		}
		const d = DECLARATION_GROUP.exec(content);
		const declared = d && DECLARATION[d[1]!];
		if (d && declared) return styled(declared, d[2]!, depth);
		if (d && isKnownCommand(d[1]!)) return proseNodes(content, depth);
		peeled.push(k);
		if (s[k + 1] !== '{' || readGroupAt(k + 1)?.end !== g.end - 1) break;
	}
	for (const k of peeled) plain.add(k);
	return undefined;
}

/** Flattens an inline tree to its text (math as TeX source, links as their text). */
export function inlineText(nodes: Inline[]): string {
	return nodes
		.map((n) =>
			n.type === 'text' || n.type === 'code' || n.type === 'math'
				? n.value
				: inlineText(n.children),
		)
		.join('');
}

/**
 * Interprets the LaTeX text commands of a prose fragment (no math inside: math is split off
 * before); `followed` and `preceded` say that a formula comes after or before it (for ties). Unknown commands and stray braces are kept verbatim. Groups nested deeper than
 * MAX_GROUP_DEPTH throw an InputProblem.
 */
export function parseLatexProse(input: string, followed = false, preceded = false): Inline[] {
	// Ties and dashes are read over the finished tree, where code is known.
	return tiesAndDashesIn(proseNodes(input, 0), followed, preceded);
}

/** parseLatexProse without ties and dashes: the recursion over groups, `depth` deep. */
function proseNodes(input: string, depth: number): Inline[] {
	if (depth > MAX_GROUP_DEPTH) throw tooDeep();
	const s = convertQuotes(input);
	// No command and no group (most prose): one text node.
	if (!s.includes('\\') && !s.includes('{')) return s === '' ? [] : [{ type: 'text', value: s }];
	const out: Inline[] = [];
	const readGroupAt = groupReader(s);
	/** Starts of groups whose braces are text (see groupNodes). */
	const plain = new Set<number>();
	let i = 0;
	while (i < s.length) {
		const c = s[i]!;
		// Braces that only group LaTeX (`{\'a}`, `{\it x}`, `{\textbf{x}}`) are not shown.
		if (c === '{' && (s[i + 1] === '\\' || s[i + 1] === '{')) {
			const g = readGroupAt(i);
			const nodes = g && groupNodes(s, i, readGroupAt, depth + 1, plain);
			if (g && nodes) {
				for (const n of nodes) pushNode(out, n);
				i = g.end;
				continue;
			}
		}
		if (c !== '\\') {
			// Copy the run up to the next command or group in one go.
			COMMAND_OR_GROUP.lastIndex = i + 1;
			const j = COMMAND_OR_GROUP.exec(s)?.index ?? s.length;
			pushText(out, s.slice(i, j));
			i = j;
			continue;
		}
		const next = s[i + 1] ?? '';
		if (next === ' ' && i > 0 && /[^\s\\]/.test(s[i - 1]!)) {
			pushText(out, ' ');
			i += 2;
			continue;
		}
		if (next === '\\' && i > 0 && /[^\s\\]/.test(s[i - 1]!)) {
			// A line break after a word (`results.\\ Finally`): a space, unless one follows.
			pushText(out, /\s/.test(s[i + 2] ?? '') ? '' : ' ');
			i += 2;
			continue;
		}
		if (next === '@') {
			pushText(out, /^[.,;:!?)\s]|^$/.test(s.slice(i + 2, i + 3)) ? '' : '@');
			i += 2;
			continue;
		}
		if (ESCAPES.has(next) || next in SPACES) {
			pushText(out, SPACES[next] ?? next);
			i += 2;
			continue;
		}
		if (next in ACCENTS && !/[A-Za-z]/.test(next)) {
			const m = ACCENTED_SYMBOL.exec(s.slice(i + 2));
			if (m) {
				pushText(out, (m.slice(1).find(Boolean)! + ACCENTS[next]!).normalize('NFC'));
				i += 2 + m[0].length;
				continue;
			}
		}
		const name = /^[A-Za-z]+/.exec(s.slice(i + 1))?.[0] ?? '';
		const after = i + 1 + name.length;
		if (name.length === 1 && name in ACCENTS) {
			const m = ACCENTED_LETTER.exec(s.slice(after));
			if (m) {
				pushText(out, (m.slice(1).find(Boolean)! + ACCENTS[name]!).normalize('NFC'));
				i = after + m[0].length;
				continue;
			}
		}
		if (name in TEXT_MACROS && !/[A-Za-z]/.test(s[after] ?? '')) {
			const before = out[out.length - 1];
			const afterNumber = before?.type === 'text' && /\d$/.test(before.value);
			pushText(out, (UNITS.has(name) && afterNumber ? ' ' : '') + TEXT_MACROS[name]!);
			const braces = s[after] === '{' && s[after + 1] === '}';
			i = after + (braces ? 2 : 0);
			// A letter inside a word (`\AA ngstr\"om`, `Bj\o rn`): TeX ends the command word at the
			// space and drops it. Other commands keep it: `\LaTeX is` means two words, and so does
			// `5\AA{} and` (after `{}` the space is the text's).
			if (!braces && LETTERS.has(name) && s[i] === ' ' && /\p{Ll}/u.test(s[i + 1] ?? '')) i++;
			continue;
		}
		const style = STYLE[name];
		// TeX skips spaces after a command word: `\emph {x}` is `\emph{x}`.
		let open = after;
		if (name !== '') while (s[open] === ' ') open++;
		const group = readGroupAt(open);
		if (style && group) {
			for (const n of styled(style, group.content, depth + 1)) pushNode(out, n);
			i = group.end;
			continue;
		}
		// Colours have no meaning in an abstract: `\textcolor{black}{a framework}` (2606.10917) and
		// `\colorbox{x}{y}` are their text, `\color{red}` nothing.
		if ((name === 'textcolor' || name === 'colorbox') && group) {
			let next = group.end;
			while (s[next] === ' ') next++;
			const text = readGroupAt(next);
			if (text) {
				for (const n of styled('plain', text.content, depth + 1)) pushNode(out, n);
				i = text.end;
				continue;
			}
		}
		if (name === 'color' && group) {
			i = group.end;
			continue;
		}
		if ((name === 'textsuperscript' || name === 'textsubscript') && group) {
			// `ID\textsuperscript{2}Face` → ID²Face; `5\textsuperscript{th}` → 5th (no raised letters).
			const text = inlineText(proseNodes(group.content, depth + 1));
			const table = UNICODE_SCRIPTS[name === 'textsuperscript' ? 'sup' : 'sub'];
			const chars = [...text];
			pushText(out, chars.every((c) => c in table) ? chars.map((c) => table[c]).join('') : text);
			i = group.end;
			continue;
		}
		if (CITATIONS.has(name)) {
			// `\cite[Thm.~2]{Kac}`, `\citep[see][p.~2]{x}`, `\cite*{x}`: star and optional notes first.
			let j = s[open] === '*' ? open + 1 : open;
			const notes: string[] = [];
			for (let k = 0; k < 2 && s[j] === '['; k++) {
				const close = s.indexOf(']', j);
				if (close < 0) break;
				notes.push(s.slice(j + 1, close).trim());
				for (j = close + 1; s[j] === ' ';) j++;
			}
			const keys = readGroupAt(j);
			if (keys && !/[{}\\]/.test(keys.content) && !notes.some((n) => /[{}]/.test(n))) {
				const [pre, post] = notes.length === 2 ? notes : ['', notes[0] ?? ''];
				const list = keys.content
					.split(',')
					.map((key) => key.trim())
					.filter(Boolean)
					.join(', ');
				const text = [pre, list].filter(Boolean).join(' ') + (post ? `, ${post}` : '');
				for (const n of proseNodes(`[${text}]`, depth + 1)) pushNode(out, n);
				i = keys.end;
				continue;
			}
		}
		if (REFERENCES.has(name) && group) {
			pushText(out, name === 'eqref' ? `(${group.content})` : group.content);
			i = group.end;
			continue;
		}
		if (name === 'ensuremath' && group && isInlineMath(group.content)) {
			// Math written in prose: a formula, as between dollars.
			out.push({ type: 'math', value: group.content.trim(), display: false });
			i = group.end;
			continue;
		}
		if (name === 'footnote' && group) {
			// A footnote (often the code link) reads as a parenthesis where it was anchored.
			const before = out[out.length - 1];
			const spaced = before?.type === 'text' && before.value.endsWith(' ');
			pushText(out, spaced ? '(' : ' (');
			for (const n of proseNodes(group.content, depth + 1)) pushNode(out, n);
			pushText(out, ')');
			i = group.end;
			continue;
		}
		if (name === 'url' && group) {
			const written = unescapeUrl(group.content);
			out.push({
				type: 'link',
				url: urlTarget(written),
				children: [{ type: 'text', value: written }],
			});
			i = group.end;
			continue;
		}
		if (name === 'href' && group) {
			const text = readGroupAt(group.end);
			if (text) {
				out.push({
					type: 'link',
					url: urlTarget(unescapeUrl(group.content)),
					children: proseNodes(text.content, depth + 1),
				});
				i = text.end;
				continue;
			}
		}
		// Unknown command: keep the backslash and move on; the rest is read as plain text.
		pushText(out, '\\');
		i++;
	}
	return out;
}

/**
 * A URL as `\url{…}` or `\href{…}` holds it, without the TeX escapes authors add in metadata
 * (`my\_repo`, `a\%20b`: kept, the backslash made the link a 404 or no link at all).
 */
function unescapeUrl(raw: string): string {
	return raw.replace(/\\([_%#&~$])/g, '$1').trim();
}

/**
 * Where a written URL points: without spaces (no URL holds one), and over https when it has no
 * scheme (`\url{github.com/o/r}`, `www.x.org`).
 */
function urlTarget(written: string): string {
	const url = written.replace(/\s+/g, '');
	if (/^[a-z][a-z\d+.-]*:/i.test(url)) return url;
	return /^(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?:[/:?#]|$)/u.test(url) ? `https://${url}` : url;
}

/** Whether `\ensuremath{…}` holds a formula remark-math can take (see isMathBody in normalize.ts). */
const isInlineMath = (tex: string): boolean =>
	tex.trim() !== '' && !tex.includes('$') && !/\\\s*$/.test(tex);

/** Plain text of a LaTeX prose fragment: for names and other fields shown without markup. */
export function latexToPlain(s: string): string {
	return inlineText(parseLatexProse(s));
}

/**
 * Normalisation: pure functions from raw strings to clean text and an inline tree.
 * Whitespace and Unicode, arXiv hard wrapping, LaTeX prose, math, code links, short names.
 */
import type { Inline } from '../../src/lib/inline.ts';
import { CLEARLY_MATH, texToUnicode } from '../../src/lib/math-text.ts';
import { trimUrlTail } from '../../src/lib/linked-text.ts';
import { latexToPlain, parseLatexProse } from '../../src/lib/latex-prose.ts';
import { isInvisible } from './parse/characters.ts';

/** NFC, every whitespace run (hard wraps, tabs, NBSP) to one space, trimmed. */
export function normalizeWhitespace(s: string): string {
	// ASCII is already NFC: skip ICU for the common case.
	const nfc = /^[\t\n\r -~]*$/.test(s) ? s : s.normalize('NFC');
	// Already single-spaced and trimmed (most input): skip the replace, which rebuilds the string
	// match by match.
	const messy =
		MESSY_SPACE.test(nfc) || nfc.charCodeAt(0) === 32 || nfc.charCodeAt(nfc.length - 1) === 32;
	if (!messy) return nfc;
	// `\s+` unless there is a U+FEFF to keep: the class without it is about 40% slower.
	return nfc.replace(nfc.includes('\ufeff') ? SPACES_BUT_FEFF : /\s+/g, ' ').trim();
}

/**
 * Runs of whitespace, but not U+FEFF, which `\s` counts: inside a word it is a zero-width
 * no-break space, kept invisible like U+200B (`Trans\uFEFFformers` read "Trans formers"). At
 * either end it is a byte-order mark, which trim() drops.
 */
const SPACES_BUT_FEFF = /[^\S\ufeff]+/g;

/** Two whitespace characters in a row, or one that is not a plain space (what `\s` matches). */
const MESSY_SPACE =
	/\s\s|[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * A title as given: whitespace and Unicode normalised, invisible characters at its ends dropped,
 * its bidi controls closed (closeBidi).
 */
export function normalizeTitle(s: string): string {
	return closeBidi(trimInvisible(normalizeWhitespace(s)));
}

/**
 * `s` without INVISIBLE characters (and spaces) at its ends: a zero-width space copied before a
 * title (`\u200bCodeT5: …`) was in the title, the short name and the citation. Inside a word
 * they stay, as typed.
 */
function trimInvisible(s: string): string {
	let from = 0;
	let to = s.length;
	const edge = (c: number): boolean => c === 32 || isInvisible(c);
	while (from < to && edge(s.charCodeAt(from))) from++;
	while (to > from && edge(s.charCodeAt(to - 1))) to--;
	return from === 0 && to === s.length ? s : s.slice(from, to);
}

/** Bidi embeddings and overrides (LRE, RLE, LRO, RLO), their end (PDF), isolates and theirs. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * A field with every bidi embedding, override and isolate it opens closed at its end (PDF
 * U+202C, PDI U+2069 appended), so that it cannot run into what a page puts after it: a stray
 * right-to-left override (U+202E) in one author's name showed every later name, and the rest of
 * a listing's line, mirrored. Nothing is removed: the field reads as typed.
 */
export function closeBidi(s: string): string {
	if (!BIDI_CONTROL.test(s)) return s;
	const open: string[] = []; // closers of what is open, innermost last
	for (const c of s) {
		if (c >= '\u202a' && c <= '\u202e' && c !== '\u202c') open.push('\u202c');
		else if (c >= '\u2066' && c <= '\u2068') open.push('\u2069');
		else if (c === '\u202c') {
			// PDF ends the innermost embedding, not across an isolate.
			if (open.at(-1) === '\u202c') open.pop();
		} else if (c === '\u2069') {
			// PDI ends its isolate and every embedding opened inside it.
			const at = open.lastIndexOf('\u2069');
			if (at >= 0) open.length = at;
		}
	}
	return s + open.reverse().join('');
}

/**
 * The short name of a title like `CodeT5: …`: a single token of at most 32 characters before
 * the first colon. Multi-word prefixes (`Sparse then Prune: …`) are subtitles, not names.
 */
export function extractShortName(title: string): string | undefined {
	const m = /^([^\s:]{1,32}):\s/u.exec(title);
	if (!m) return undefined;
	// Written with TeX (`$\texttt{BluePrint}$: …`, `BLM$_1$: …`): the name as it reads.
	const name = /[$\\]/.test(m[1]!) ? normalizeAbstract(m[1]!).text : m[1]!;
	return /\p{L}/u.test(name) && !/^https?$/i.test(name) && !NOT_A_NAME.test(name)
		? name
		: undefined;
}

/** Words that head a title as its kind, not its name (ICML's `Position: …`, `Survey: …`). */
const NOT_A_NAME =
	/^(?:position|survey|review|tutorial|perspective|commentary|editorial|erratum|corrigendum|correction|retraction|addendum|comment|reply|note|preprint|keynote|overview|abstract|appendix)$/i;

/** Splits an arXiv author string (`A, B and C`) into names, LaTeX accents resolved. */
export function splitAuthors(s: string | undefined): string[] {
	if (!s) return [];
	// `A et al.` (without a comma): the names before it (see namesSomeAuthors).
	const plain = withoutParentheses(
		withoutGroupBraces(latexToPlain(normalizeWhitespace(s))),
	).replace(/\s+et\.? al\.?\s*$/i, '');
	// `A, B and C`, `A, B, and C` (the serial comma), `A; B`, `A & B`, and a group before its
	// members: `CDF Collaboration: T. Aaltonen, …` (a name has no colon of its own).
	const names: string[] = [];
	for (const part of plain.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*|\s+&\s+|\s*:\s+/)) {
		const name = part.replace(/\s+/g, ' ').trim();
		if (name === '' || ET_AL.test(name)) continue;
		// `S. James Gates, Jr., Tristan Hubsch`: the suffix belongs to the name before it.
		if (NAME_SUFFIX.test(name) && names.length > 0) names.push(`${names.pop()!} ${name}`);
		else names.push(name);
	}
	return names.map(closeBidi);
}

/** A generational suffix written after a comma (`Gates, Jr.`), which is no author of its own. */
const NAME_SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/i;

/**
 * An author string without the braces that group its TeX (`The {ATLAS} Collaboration`,
 * `{The LIGO Scientific Collaboration}`, `A. {van der} Berg`): arXiv's author field is TeX, and
 * a name has no braces of its own. Unbalanced ones are not TeX's: kept as typed.
 */
function withoutGroupBraces(s: string): string {
	if (!s.includes('{') && !s.includes('}')) return s;
	let depth = 0;
	for (const c of s) {
		if (c === '{') depth++;
		else if (c === '}' && --depth < 0) return s;
	}
	return depth === 0 ? s.replace(/[{}]/g, '') : s;
}

/** Text without its parentheses, nested too: affiliations (`A (1), B (2) ((1) MIT, (2) …)`). */
function withoutParentheses(s: string): string {
	for (let prev = ''; prev !== s;) {
		prev = s;
		s = s.replace(/\([^()]*\)/g, ' ');
	}
	return s;
}

/** An author list's "et al." (`A, B, et al.`, `A et al`, `A and others`). */
const ET_AL = /^(?:et\.? al\.?|others)$/i;

/**
 * Whether an arXiv author string names only some of the authors: it ends with "et al." or
 * "and others", before any parentheses (`G. Aad, et al. (2900 additional authors not shown)`,
 * `A. Abulencia, et al. (CDF Collaboration)`), or says that authors are not shown. The names are
 * kept (splitAuthors) and the paper says "et al." after them.
 */
export function namesSomeAuthors(s: string | undefined): boolean {
	if (!s) return false;
	const plain = normalizeWhitespace(s);
	return (
		/\bauthors not shown\b/i.test(plain) ||
		/(?:^|[\s,;])(?:et\.? al\.?|and others)\s*$/i.test(withoutParentheses(plain))
	);
}

/** Splits arXiv categories (`cs.CL cs.AI`), keeping order and dropping duplicates. */
export function splitCategories(s: string | undefined): string[] {
	// Space-separated in the snapshot; commas and semicolons from other tools count as well.
	return [...new Set((s ?? '').split(/[\s,;]+/).filter(Boolean))];
}

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

/**
 * Whether text between math delimiters can be math. remark-math has no escapes inside math, so
 * a `$` would end it early, and a trailing backslash would escape the closing delimiter.
 */
const isMathBody = (body: string): boolean =>
	body.trim() !== '' && !body.includes('$') && !/\\\s*$/.test(body);

/** The display-math environments of LaTeX and amsmath that an abstract may hold. */
const DISPLAY_ENVIRONMENT = /\\begin\{(equation|align|gather|eqnarray)(\*?)\}/y;

/**
 * A display-math environment at `i` (`\begin{equation} E=mc^2 \end{equation}`): the whole of it,
 * written as it was, and the index after it; undefined when it does not close or cannot be math.
 */
function displayEnvironmentAt(s: string, i: number): { value: string; end: number } | undefined {
	DISPLAY_ENVIRONMENT.lastIndex = i;
	const m = DISPLAY_ENVIRONMENT.exec(s);
	if (!m) return undefined;
	const close = `\\end{${m[1]!}${m[2]!}}`;
	const at = s.indexOf(close, i + m[0].length);
	if (at < 0 || !isMathBody(s.slice(i + m[0].length, at))) return undefined;
	return { value: s.slice(i, at + close.length), end: at + close.length };
}

/**
 * What KaTeX typesets for a display environment. The page sets every formula in a paragraph,
 * where KaTeX takes no `equation` or `align` (display mode only): the same lines as the forms it
 * takes there (`aligned`, `gathered`, the body of an `equation`), unnumbered as an abstract has
 * no numbers to refer to, and `eqnarray`, which KaTeX lacks, as the array it is.
 */
const TYPESET_ENVIRONMENT: Record<string, [string, string]> = {
	equation: ['', ''],
	align: ['\\begin{aligned}', '\\end{aligned}'],
	gather: ['\\begin{gathered}', '\\end{gathered}'],
	eqnarray: ['\\begin{array}{rcl}', '\\end{array}'],
};

/** The TeX KaTeX typesets for a display environment (see TYPESET_ENVIRONMENT). */
function typesetEnvironment(tex: string): string | undefined {
	const m = /^\\begin\{(equation|align|gather|eqnarray)\*?\}([^]*)\\end\{\1\*?\}$/.exec(tex);
	if (!m) return undefined;
	const [open, close] = TYPESET_ENVIRONMENT[m[1]!]!;
	return `${open}${m[2]!.trim()}${close}`;
}

/**
 * Splits text into prose and math. Math is `$$…$$`, `\[…\]`, `\(…\)`, the display environments
 * (`\begin{equation}…\end{equation}`, `align`, `gather`, `eqnarray`, starred or not) and `$…$` under
 * Pandoc's rule (no space inside the dollars, no `$` right after the closing one, nor a digit
 * unless the body is clearly math: `$<$5%`), so currency like "$5 and $10" or "$5/$10" stays
 * prose. An unmatched delimiter is prose.
 */
export function splitMath(s: string): Array<{ math: boolean; display: boolean; value: string }> {
	const parts: Array<{ math: boolean; display: boolean; value: string }> = [];
	let textStart = 0;
	const emit = (textEnd: number, math?: { value: string; display: boolean }): void => {
		if (textEnd > textStart)
			parts.push({ math: false, display: false, value: s.slice(textStart, textEnd) });
		if (math) parts.push({ math: true, ...math });
	};
	// Only `$` and `\` can open math: jump from one to the next instead of walking every character.
	const opener = /[$\\]/g;
	// Where each closing pair was next found (-1: nowhere after): searched again only once passed,
	// so that 50,000 `\(` without a `\)` cost one search, not one each over the rest (14 s).
	const closers = new Map<string, number>();
	const closerAfter = (pair: string, from: number): number => {
		let at = closers.get(pair);
		if (at === undefined || (at !== -1 && at < from))
			closers.set(pair, (at = s.indexOf(pair, from)));
		return at;
	};
	let m: RegExpExecArray | null;
	while ((m = opener.exec(s))) {
		const i = m.index;
		if (s[i] === '\\' && (s[i + 1] === '$' || s[i + 1] === '\\')) {
			opener.lastIndex = i + 2;
			continue;
		}
		const env = s[i] === '\\' ? displayEnvironmentAt(s, i) : undefined;
		if (env) {
			emit(i, { value: env.value, display: true });
			textStart = opener.lastIndex = env.end;
			continue;
		}
		const pair = s.startsWith('$$', i)
			? '$$'
			: s.startsWith('\\[', i)
				? '\\]'
				: s.startsWith('\\(', i)
					? '\\)'
					: undefined;
		if (pair) {
			const end = closerAfter(pair, i + 2);
			if (end > i + 2 && isMathBody(s.slice(i + 2, end))) {
				emit(i, { value: s.slice(i + 2, end).trim(), display: pair !== '\\)' });
				textStart = opener.lastIndex = end + 2;
				continue;
			}
		}
		if (s[i] === '$' && !isSpace(s[i + 1]) && s[i + 1] !== '$') {
			let j = i + 1;
			while (j < s.length && s[j] !== '$') j += s[j] === '\\' ? 2 : 1;
			const body = s.slice(i + 1, j);
			const after = s[j + 1] ?? '';
			if (
				j < s.length &&
				!isSpace(s[j - 1]) &&
				after !== '$' &&
				(!/[0-9]/.test(after) || CLEARLY_MATH.test(body)) &&
				isMathBody(body)
			) {
				emit(i, { value: body, display: false });
				textStart = opener.lastIndex = j + 1;
				continue;
			}
		}
		opener.lastIndex = i + 1;
	}
	textStart = Math.min(textStart, s.length);
	emit(s.length);
	return parts;
}

/**
 * The plain text of an inline tree for where nothing is typeset (meta descriptions, listing
 * teasers, feeds, citation tags): formulas as Unicode (`$O(L^2)$` → O(L²), `$\\alpha$` → α).
 */
function readableText(nodes: Inline[]): string {
	return nodes
		.map((n) =>
			n.type === 'math'
				? texToUnicode(n.tex ?? n.value)
				: n.type === 'text' || n.type === 'code'
					? n.value
					: readableText(n.children),
		)
		.join('');
}

/** A command's argument left open before a formula: `\textbf{S$^{3}$-FT}`. */
const OPEN_ARGUMENT = /\\[A-Za-z]+\*?\{[^{}]*$/;
/** Private-use characters: stand-ins for formulas while the prose around them is read. */
const PRIVATE_USE = /[\ue000-\uf8ff]/;

/**
 * The inline tree of prose and math parts. Each prose part is read as LaTeX on its own, unless a
 * command's argument holds a formula (`\textbf{Boundless Large Model (BLM$_1$)}`): then the
 * prose is read as one text with a stand-in character per formula, put back afterwards, so the
 * command's braces match and the formula sits inside its bold or italics.
 */
function proseAndMath(parts: ReturnType<typeof splitMath>): Inline[] {
	const mathNode = (p: (typeof parts)[number]): Inline => {
		const tex =
			p.display && p.value.startsWith('\\begin') ? typesetEnvironment(p.value) : undefined;
		return { type: 'math', value: p.value, display: p.display, ...(tex !== undefined && { tex }) };
	};
	const spans = parts.some((p, i) => !p.math && parts[i + 1]?.math && OPEN_ARGUMENT.test(p.value));
	if (!spans || parts.length > 6400 || parts.some((p) => PRIVATE_USE.test(p.value)))
		return parts.flatMap((p, i) =>
			p.math
				? [mathNode(p)]
				: parseLatexProse(p.value, parts[i + 1]?.math === true, parts[i - 1]?.math === true),
		);
	const formulas = parts.filter((p) => p.math);
	let k = 0;
	const text = parts.map((p) => (p.math ? String.fromCharCode(0xe000 + k++) : p.value)).join('');
	const index = (c: string): number => c.charCodeAt(0) - 0xe000;
	// Where a formula landed in code or a link address, it reads as typed.
	const asTyped = (v: string): string =>
		v.replace(/[\ue000-\uf8ff]/g, (c) => {
			const f = formulas[index(c)]!;
			return f.display ? `$$${f.value}$$` : `$${f.value}$`;
		});
	const restore = (nodes: Inline[]): Inline[] =>
		nodes.flatMap((n): Inline[] => {
			if (n.type === 'text')
				return n.value
					.split(/([\ue000-\uf8ff])/)
					.filter((v) => v !== '')
					.map((v) =>
						PRIVATE_USE.test(v) ? mathNode(formulas[index(v)]!) : { type: 'text', value: v },
					);
			if (n.type === 'code') return [{ ...n, value: asTyped(n.value) }];
			if (n.type === 'link') return [{ ...n, url: asTyped(n.url), children: restore(n.children) }];
			if (n.type === 'emphasis' || n.type === 'strong')
				return [{ ...n, children: restore(n.children) }];
			return [n];
		});
	return restore(parseLatexProse(text));
}

/** Hosts whose URLs are code repositories. */
const CODE_HOSTS =
	/^(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co|sourceforge\.net)$/i;
/**
 * A URL, possibly broken by spaces around `:` and `//` (`https: //github.com/x/y`), or after
 * the dot of a code host's name (`https://github. com/x/y`: no other host is guessed at), or one
 * without a scheme: a code-host URL with a path, or a `www.` name (linked over https). Paths stop at whitespace, at en and em dashes (`…/o/r—a tool`)
 * and at CJK or fullwidth punctuation (`https://github.com/o/r。`, `…/q，后面`: never part of a
 * URL, which would write them encoded).
 */
const URL_RE =
	/\b(?:(https?)\s?:\s?\/\/\s?((?:www\.)?(?:github\.\s?com|gitlab\.\s?com|huggingface\.\s?co|bitbucket\.\s?org|codeberg\.\s?org)(?=\/)|(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?::\d+)?)|(?<![@.-])((?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co|bitbucket\.org|codeberg\.org)(?=\/)|www\.(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}))((?:\/[^\s<>"'{}|\\^`[\]\u2013\u2014\u3000-\u303f\uff00-\uff65]*)?)/giu;

/**
 * After a code host with no path: white space, then what reads as `owner/name` and the rest of a
 * path (URL_RE's path characters), from `lastIndex`.
 */
const PATH_AFTER_SPACE =
	/\s([\p{L}\p{N}_.-]+\/[\p{L}\p{N}_.-]+(?:\/[^\s<>"'{}|\\^`[\]\u2013\u2014\u3000-\u303f\uff00-\uff65]*)?)/uy;

/** What every match of URL_RE contains. */
const MAY_HOLD_URL =
	/http|www\.|github\.com|gitlab\.com|huggingface\.co|bitbucket\.org|codeberg\.org/iu;

/**
 * Canonical form of a code repository URL: https, no query or fragment (`?tab=readme-ov-file`,
 * `#readme` are how the page was viewed, and hid a `.git` before them), no `.git`, no trailing slash.
 */
export function canonicalCodeUrl(url: string): string {
	return url
		.replace(/^https?:\/\/[^/]*/i, (origin) => origin.toLowerCase())
		.replace(/^http:/i, 'https:')
		.replace(/[?#].*$/, '')
		.replace(/\.git$/i, '')
		.replace(/\/+$/, '');
}

/** Whether a URL points at a code repository (a code host and at least owner/name). */
export function isCodeUrl(url: string): boolean {
	try {
		const u = new URL(url);
		return CODE_HOSTS.test(u.hostname) && u.pathname.split('/').filter(Boolean).length >= 2;
	} catch {
		return false;
	}
}

/** "… CodeT5 ." → "… CodeT5." : a space before final punctuation after a URL was part of the broken URL. */
function tidyAfterUrl(text: string, afterUrl: boolean): string {
	return afterUrl ? text.replace(/^ ([.,;:])(?= |$)/, '$1') : text;
}

/** Turns URLs in a text node into links, repairing spaces and trailing punctuation. */
function linkify(value: string): Inline[] {
	// Most text has no URL: a cheap test (same flags, so the same case folding) skips the full regex.
	if (!MAY_HOLD_URL.test(value)) return [{ type: 'text', value }];
	const out: Inline[] = [];
	let last = 0;
	for (const m of value.matchAll(URL_RE)) {
		const host = (m[2] ?? m[3]!).replace(/\s/g, '');
		let { url: pathPart, tail } = trimUrlTail(m[4] ?? '');
		let end = m.index + m[0].length;
		// A code host's address is a repository's: a host and a slash are most likely an address
		// a space broke (`https://github.com/ qux/quux .`), joined to the path that follows it;
		// else the host alone stays text. Linked, it led to the host's front page.
		if (CODE_HOSTS.test(host) && (pathPart === '' || pathPart === '/')) {
			PATH_AFTER_SPACE.lastIndex = end;
			const next = pathPart === '/' && tail === '' ? PATH_AFTER_SPACE.exec(value) : null;
			if (!next) continue;
			({ url: pathPart, tail } = trimUrlTail(`/${next[1]!}`));
			end += next[0].length;
		}
		// Shown as written, minus the spaces that broke it; linked in canonical form.
		const shown = m[1] ? `${m[1]}://${host}${pathPart}` : `${host}${pathPart}`;
		const url = `${(m[1] ?? 'https').toLowerCase()}://${host}${pathPart}`;
		if (m.index > last)
			out.push({ type: 'text', value: tidyAfterUrl(value.slice(last, m.index), last > 0) });
		out.push({ type: 'link', url, children: [{ type: 'text', value: shown }] });
		last = end - tail.length;
	}
	if (last === 0) return [{ type: 'text', value }];
	const rest = tidyAfterUrl(value.slice(last), true);
	if (rest) out.push({ type: 'text', value: rest });
	return out;
}

/**
 * Clear bare math in prose: `O(L^2)`-style complexity and `10^9`-style powers. The part before
 * the first `^` excludes `^`: with `[^()\s]*` there, every `^` of `O(^^^…` (no closing
 * parenthesis) was tried as the first one, and 100,000 of them took 14 s; now the first `^` is
 * the only candidate and matching is linear. Same matches: the body between the parentheses
 * has no parenthesis or space and holds a `^`.
 */
const BARE_MATH =
	/\b(?:O|Θ|Ω|o)\([^()\s^]*\^[^()\s]*\)|\b\d+(?:\.\d+)?\^(?:\{-?[\d.]+\}|-?\d+(?:\.\d+)?)(?![\w^])/gu;

/**
 * TeX raises only the next token after `^`, so a bare `10^-6` or `2^16` written in prose would be
 * typeset 10⁻6 and 2¹6: an exponent of more than one character is braced for typesetting.
 */
const LONG_EXPONENT = /\^(-?\d+(?:\.\d+)?)/g;
const typesetBare = (tex: string): string =>
	tex.replace(LONG_EXPONENT, (m, exp: string) => (exp.length > 1 ? `^{${exp}}` : m));

/** Marks clear bare math in a text node as math. */
function markBareMath(value: string): Inline[] {
	// Every match holds a `^`.
	if (!value.includes('^')) return value === '' ? [] : [{ type: 'text', value }];
	const out: Inline[] = [];
	let last = 0;
	for (const m of value.matchAll(BARE_MATH)) {
		if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
		const tex = typesetBare(m[0]);
		out.push({ type: 'math', value: m[0], display: false, ...(tex !== m[0] && { tex }) });
		last = m.index + m[0].length;
	}
	if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
	return out;
}

/** Applies a text-node transform throughout a tree (not inside links, code or math). */
function mapText(nodes: Inline[], fn: (value: string) => Inline[]): Inline[] {
	return nodes.flatMap((n) => {
		if (n.type === 'text') return fn(n.value);
		if (n.type === 'emphasis' || n.type === 'strong')
			return [{ ...n, children: mapText(n.children, fn) }];
		return [n];
	});
}

/** Merges adjacent text nodes and drops empty ones. */
function tidy(nodes: Inline[]): Inline[] {
	const out: Inline[] = [];
	for (const n of nodes) {
		const last = out[out.length - 1];
		if (n.type === 'math' && last?.type === 'math') {
			// `$a$$b$` would read as one `$$` run: adjacent formulas become one.
			const tex = last.tex || n.tex ? { tex: `${last.tex ?? last.value} ${n.tex ?? n.value}` } : {};
			out[out.length - 1] = {
				type: 'math',
				value: `${last.value} ${n.value}`,
				display: last.display && n.display,
				...tex,
			};
		} else if (n.type === 'text') {
			if (n.value === '') continue;
			if (last?.type === 'text') last.value += n.value;
			else out.push({ ...n });
		} else if (n.type === 'emphasis' || n.type === 'strong' || n.type === 'link')
			out.push({ ...n, children: tidy(n.children) });
		else out.push(n);
	}
	return out;
}

/** The normalised abstract: its inline tree, code URLs and plain text. */
export interface NormalizedAbstract {
	inline: Inline[];
	codeUrls: string[];
	hasMath: boolean;
	/** Plain text: math as Unicode (see readableText), links as their text. */
	text: string;
}

/**
 * Code repository links in canonical form, wherever they came from (a URL in the text, `\url`,
 * `\href{…/x.git}{…}`): the link goes where codeUrls says. Their text stays as written.
 */
function canonicalLinks(nodes: Inline[]): Inline[] {
	return nodes.map((n) =>
		n.type === 'link'
			? { ...n, url: isCodeUrl(n.url) ? canonicalCodeUrl(n.url) : n.url }
			: n.type === 'emphasis' || n.type === 'strong'
				? { ...n, children: canonicalLinks(n.children) }
				: n,
	);
}

/** Collects link URLs from a tree. */
function linkUrls(nodes: Inline[]): string[] {
	return nodes.flatMap((n) =>
		n.type === 'link'
			? [n.url, ...linkUrls(n.children)]
			: n.type === 'emphasis' || n.type === 'strong'
				? linkUrls(n.children)
				: [],
	);
}

/** Whether a tree holds any math. */
function containsMath(nodes: Inline[]): boolean {
	return nodes.some(
		(n) =>
			n.type === 'math' ||
			((n.type === 'emphasis' || n.type === 'strong' || n.type === 'link') &&
				containsMath(n.children)),
	);
}

/**
 * A paragraph break of the arXiv metadata: its abstracts are hard-wrapped, and a new paragraph
 * starts on a line indented by two spaces. Only after a sentence's end: an indented line in the
 * middle of a sentence (`invoking\n  Radon`) is wrapping.
 */
const ARXIV_PARAGRAPH = /(?<=[.!?:;]["'”’)\]]?)[ \t]*\r?\n[ \t]{2,}(?=\S)/;

/** The paragraphs of a raw abstract (one, unless it holds arXiv paragraph breaks). */
export function splitParagraphs(raw: string): string[] {
	return raw.trim() === '' ? [raw] : raw.trim().split(ARXIV_PARAGRAPH);
}

/** An abstract of one or more paragraphs, normalised: see normalizeAbstract. */
export interface NormalizedParagraphs {
	/** One inline tree per paragraph. */
	paragraphs: Array<NormalizedAbstract['inline']>;
	codeUrls: string[];
	hasMath: boolean;
	/** Plain text, paragraphs joined by a space. */
	text: string;
}

/** Normalises each paragraph of a raw abstract (splitParagraphs), then the whole. */
export function normalizeParagraphs(raw: string): NormalizedParagraphs {
	const parts = splitParagraphs(raw).map(normalizeAbstract);
	if (parts.length === 1) {
		const [only] = parts as [NormalizedAbstract];
		return {
			paragraphs: [only.inline],
			codeUrls: only.codeUrls,
			hasMath: only.hasMath,
			text: only.text,
		};
	}
	return {
		paragraphs: parts.map((p) => p.inline).filter((p) => p.length > 0),
		codeUrls: [...new Set(parts.flatMap((p) => p.codeUrls))],
		hasMath: parts.some((p) => p.hasMath),
		text: parts
			.map((p) => p.text)
			.filter(Boolean)
			.join(' '),
	};
}

/**
 * Code repository URLs in a short text beside the abstract: arXiv's `comments` often hold the
 * only link to a paper's code ("Accepted at ICML 2025, code at https://github.com/o/r").
 */
export function codeUrlsIn(text: string): string[] {
	return MAY_HOLD_URL.test(text) ? normalizeAbstract(text).codeUrls : [];
}

/**
 * `extra` code URLs that add something to `urls`: not one of them, and not a page inside one of
 * their repositories (`…/PlanViz/releases/tag/v1` beside `…/PlanViz`).
 */
export function newCodeUrls(urls: readonly string[], extra: readonly string[]): string[] {
	const out = [...urls];
	for (const u of extra)
		if (!out.some((o) => u === o || u.startsWith(`${o}/`) || o.startsWith(`${u}/`))) out.push(u);
	return out;
}

/** Normalises an abstract: whitespace, math, LaTeX prose, links and bare math. */
export function normalizeAbstract(raw: string): NormalizedAbstract {
	const s = normalizeWhitespace(raw);
	const nodes = proseAndMath(splitMath(s));
	const inline = canonicalLinks(tidy(mapText(mapText(nodes, linkify), markBareMath)));
	const codeUrls = [...new Set(linkUrls(inline).filter(isCodeUrl).map(canonicalCodeUrl))];
	const hasMath = containsMath(inline);
	return { inline, codeUrls, hasMath, text: readableText(inline) };
}

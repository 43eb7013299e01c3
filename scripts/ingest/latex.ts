/**
 * LaTeX-isms in prose turned into what the author meant. Pure: string in, inline tree out.
 * Only the commands listed here are interpreted; anything else stays as literal text, so no
 * character of the input is ever lost.
 */
import type { Inline } from './inline.ts';

/** Combining marks for LaTeX accent commands (`\'a` → á after NFC). */
const ACCENTS: Record<string, string> = {
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
};
/** Letter macros (`\ss` → ß). */
const LETTERS: Record<string, string> = {
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
};
/** Escaped specials (`\%` → %). */
const ESCAPES = new Set(['%', '#', '&', '_', '$', '{', '}']);
const STYLE: Record<string, 'emphasis' | 'strong' | 'code'> = {
	emph: 'emphasis',
	textit: 'emphasis',
	textsl: 'emphasis',
	textbf: 'strong',
	texttt: 'code',
};

/** The next place where a command or group may start. */
const COMMAND_OR_GROUP = /[\\{]/g;

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

/** Typographic quotes: ``x'' → “x”, `x' → ‘x’. */
export function convertQuotes(s: string): string {
	if (!s.includes('`')) return s; // both patterns need one
	return s
		.replace(/``([^`]*?)''/g, '“$1”')
		.replace(/(^|[\s([{])`([^`'\s][^`']*?)'(?![A-Za-z])/g, '$1‘$2’');
}

/** Appends text to an inline list, merging with a preceding text node. */
function pushText(out: Inline[], value: string): void {
	if (value === '') return;
	const last = out[out.length - 1];
	if (last?.type === 'text') last.value += value;
	else out.push({ type: 'text', value });
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
 * before). Unknown commands and stray braces are kept verbatim.
 */
export function parseLatexProse(input: string): Inline[] {
	const s = convertQuotes(input);
	// No command and no group (most prose): one text node.
	if (!s.includes('\\') && !s.includes('{')) return s === '' ? [] : [{ type: 'text', value: s }];
	const out: Inline[] = [];
	let i = 0;
	while (i < s.length) {
		const c = s[i]!;
		// `{\'a}` style accent groups: unwrap when the group is just one accent command.
		if (c === '{' && s[i + 1] === '\\') {
			const g = readGroup(s, i);
			if (
				g &&
				/^\\(?:['`^"~=.]\s*\{?[A-Za-z]\}?|[cvuHrkdb](?:\s+[A-Za-z]|\{[A-Za-z]\})|[A-Za-z]{1,2})$/.test(
					g.content,
				)
			) {
				const inner = parseLatexProse(g.content);
				if (inner.length === 1 && inner[0]!.type === 'text' && !inner[0]!.value.includes('\\')) {
					pushText(out, inner[0]!.value);
					i = g.end;
					continue;
				}
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
		if (ESCAPES.has(next)) {
			pushText(out, next);
			i += 2;
			continue;
		}
		if (next in ACCENTS && !/[A-Za-z]/.test(next)) {
			const m = /^\{([A-Za-z])\}|^([A-Za-z])/.exec(s.slice(i + 2));
			if (m) {
				pushText(out, ((m[1] ?? m[2])! + ACCENTS[next]!).normalize('NFC'));
				i += 2 + m[0].length;
				continue;
			}
		}
		const name = /^[A-Za-z]+/.exec(s.slice(i + 1))?.[0] ?? '';
		const after = i + 1 + name.length;
		if (name.length === 1 && name in ACCENTS) {
			const m = /^\{([A-Za-z])\}|^\s+([A-Za-z])/.exec(s.slice(after));
			if (m) {
				pushText(out, ((m[1] ?? m[2])! + ACCENTS[name]!).normalize('NFC'));
				i = after + m[0].length;
				continue;
			}
		}
		if (name in LETTERS && !/[A-Za-z]/.test(s[after] ?? '')) {
			pushText(out, LETTERS[name]!);
			i = after + (s[after] === '{' && s[after + 1] === '}' ? 2 : 0);
			continue;
		}
		const style = STYLE[name];
		const group = readGroup(s, after);
		if (style && group) {
			if (style === 'code')
				out.push({ type: 'code', value: inlineText(parseLatexProse(group.content)) });
			else out.push({ type: style, children: parseLatexProse(group.content) });
			i = group.end;
			continue;
		}
		if (name === 'url' && group) {
			out.push({
				type: 'link',
				url: group.content.trim(),
				children: [{ type: 'text', value: group.content.trim() }],
			});
			i = group.end;
			continue;
		}
		if (name === 'href' && group) {
			const text = readGroup(s, group.end);
			if (text) {
				out.push({
					type: 'link',
					url: group.content.trim(),
					children: parseLatexProse(text.content),
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

/** Plain text of a LaTeX prose fragment: for names and other fields shown without markup. */
export function latexToPlain(s: string): string {
	return inlineText(parseLatexProse(s));
}

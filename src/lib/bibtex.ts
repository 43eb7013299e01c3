/**
 * BibTeX for a paper, built only from the metadata that exists: arXiv entries get
 * `eprint`/`archivePrefix`, papers with a journal reference become `@article`, and
 * every value is escaped so titles with braces, `%`, `&` or `$` still parse.
 */
import type { Paper } from '../schemas/paper.ts';
import { splitDois } from './doi.ts';
import { foldLatin } from './fold-latin.ts';
import { journalName, knownPublicationYear } from './journal-ref.ts';
import { splitTitleFormulas } from './math-text.ts';
import { arxivAbsUrl } from './urls.ts';

/** The fields BibTeX needs from a paper. */
export type BibtexInput = Pick<
	Paper,
	| 'title'
	| 'slug'
	| 'date'
	| 'authors'
	| 'moreAuthors'
	| 'arxivId'
	| 'categories'
	| 'doi'
	| 'journalRef'
>;
/** What a citation key is made of. */
type KeyInput = Pick<BibtexInput, 'title' | 'slug' | 'date' | 'authors' | 'arxivId' | 'journalRef'>;

const SPECIAL: Record<string, string> = {
	'\\': '\\textbackslash{}',
	// Not `\{`: BibTeX counts braces after a backslash too, so one `\}` ended the field early and
	// broke the rest of the entry (and the reader's whole .bib file).
	'{': '\\textbraceleft{}',
	'}': '\\textbraceright{}',
	'&': '\\&',
	'%': '\\%',
	$: '\\$',
	'#': '\\#',
	_: '\\_',
	'~': '\\textasciitilde{}',
	'^': '\\textasciicircum{}',
};

/** Escapes a string for a brace-delimited BibTeX value (no brace of the value is left bare). */
export function escapeBibtex(value: string): string {
	return escapeChars(value).replace(/\s+/g, ' ').trim();
}

const escapeChars = (value: string): string => value.replace(/[\\{}&%$#_~^]/g, (c) => SPECIAL[c]!);

/**
 * Escapes a title, keeping its TeX: arXiv titles are TeX (`Towards $\infty$-LLMs`,
 * `Schr\"odinger`, `{\it Quantum}`), and BibTeX passes them to LaTeX, so `$\infty$` typesets as ∞
 * and `\"o` as ö where escaping them would print the dollars and backslashes. Kept: math whose
 * braces balance and that holds no `%` or `#`; the text commands LaTeX itself defines
 * (TEXT_COMMANDS, accents, `\%` and the other escapes); groups, when every brace of the title
 * pairs (they also keep a word's capitals: `{B}ayes`); `~` between two characters (a tie).
 * Escaped, as unsafe: any other command (LaTeX would stop at it), `\{` and `\}` (BibTeX counts
 * them as braces), and bare `& % # _ ^ $`.
 */
export function escapeBibtexTitle(title: string): string {
	const parts = splitTitleFormulas(title);
	const keepBraces = bracesPair(parts.map((p, i) => (i % 2 === 1 && isSafeMath(p) ? '' : p)));
	return parts
		.map((part, i) => (i % 2 === 1 && isSafeMath(part) ? part : escapeTitleText(part, keepBraces)))
		.join('')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Text commands LaTeX defines without packages, safe to pass on in a title: letters (`\ss`,
 * `\L`), symbols, fonts and their old-style declarations, sizes. Authors' and journals' macros
 * (`\msun`) and commands that need a package are not: they would stop LaTeX.
 */
const TEXT_COMMANDS = new Set(
	(
		'c v u H r k d b t ss o O aa AA ae AE oe OE l L i j ldots dots textellipsis LaTeX TeX S P ' +
		'textasciitilde textasciicircum textbackslash textbraceleft textbraceright textless ' +
		'textgreater textendash textemdash textquotedblleft textquotedblright ' +
		'emph textit textsl textbf texttt textsc textrm textsf textup textmd textnormal mbox ' +
		'textsuperscript textsubscript em it sl itshape bf bfseries tt ttfamily sc scshape rm sf ' +
		'upshape mdseries normalfont tiny scriptsize footnotesize small normalsize large Large ' +
		'LARGE huge Huge'
	).split(' '),
);
/** Control symbols safe to pass on: accents, TeX's escapes, spacing, `\-`, `\@`, `\/`. */
const TEXT_SYMBOLS = new Set([...'\'`^"~=.', ...'%&#_$', ...', @/-']);

/** LaTeX's accent commands (`\"o`, `\c{c}`), which take the next letter or group. */
const ACCENT_COMMANDS = /^(?:['`^"~=.]|[cvuHrkdbt])$/;

/** Escapes the text of a title outside its formulas (see escapeBibtexTitle). */
function escapeTitleText(text: string, keepBraces: boolean): string {
	return text.replace(/\\([A-Za-z]+|[^])?|[{}&%$#_~^]/g, (m: string, name = '', at: number) => {
		if (m === '{' || m === '}') return keepBraces ? m : SPECIAL[m]!;
		if (m === '~')
			return /\S/.test(text[at - 1] ?? '') && /\S/.test(text[at + 1] ?? '') ? m : SPECIAL[m]!;
		if (m[0] !== '\\') return SPECIAL[m]!;
		if (name === '{' || name === '}') return SPECIAL[name]!;
		// An accent needs its letter: `\"}` would stop LaTeX.
		const accent = ACCENT_COMMANDS.test(name);
		const armed = !accent || /^\s*[A-Za-z{\\]/.test(text.slice(at + m.length));
		if ((TEXT_COMMANDS.has(name) || TEXT_SYMBOLS.has(name)) && armed) return m;
		return SPECIAL['\\'] + escapeChars(name);
	});
}

/**
 * Whether the braces of a title's text pair up, escaped ones (`\{`) aside, and none opens the
 * argument of a command that will be escaped (`\foo{x}` would print as `\foox`).
 */
function bracesPair(texts: string[]): boolean {
	let depth = 0;
	for (const text of texts) {
		const unsafe = /\\([A-Za-z]+)\s*\{/g;
		for (const m of text.matchAll(unsafe)) if (!TEXT_COMMANDS.has(m[1]!)) return false;
		for (let i = 0; i < text.length; i++) {
			if (text[i] === '\\') i++;
			else if (text[i] === '{') depth++;
			else if (text[i] === '}' && --depth < 0) return false;
		}
	}
	return depth === 0;
}

/** Whether `$…$` can go into a brace-delimited value as it is. */
function isSafeMath(math: string): boolean {
	// The rule abstracts follow: no space just inside the dollars (`$5 and $10` is money).
	// An unescaped `%` or `#` would start a comment or a parameter; `\%` is TeX for %.
	if (/^\$\s|\s\$$|\\\$$|(?<!\\)[%#]/.test(math)) return false;
	let depth = 0;
	for (let i = 0; i < math.length; i++) {
		if (math[i] === '\\') i++;
		else if (math[i] === '{') depth++;
		else if (math[i] === '}' && --depth < 0) return false;
	}
	return depth === 0;
}

/** ASCII letters and digits only, lowercased (accents folded). */
function asciiWord(text: string): string {
	return foldLatin(text)
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

const STOP = new Set([
	'a',
	'an',
	'the',
	'on',
	'of',
	'in',
	'for',
	'to',
	'and',
	'with',
	'towards',
	'toward',
]);

/** Year of publication for BibTeX, which needs one: as known, else the listing date's. */
export function publicationYear(p: Pick<Paper, 'arxivId' | 'date' | 'journalRef'>): string {
	return knownPublicationYear(p) ?? p.date.slice(0, 4);
}

/** A generational suffix, which follows the surname: `Martin Luther King Jr.`, `Neal J. Evans II`. */
const SUFFIX = /^(?:jr|sr|[IVX]{2,4})\.?,?$/i;

/** A name's words, and how many of the last ones are its suffix (0 or 1). */
function nameParts(name: string): { words: string[]; suffix: number } {
	const words = name.trim().split(/\s+/);
	return { words, suffix: words.length > 2 && SUFFIX.test(words.at(-1)!) ? 1 : 0 };
}

/**
 * A name as BibTeX reads it: as given, except that a suffix must be written `Last, Jr., First`
 * (`King Jr.` read as the surname sorted and abbreviated the name wrong).
 */
function bibtexName(name: string): string {
	const { words, suffix } = nameParts(name);
	if (!suffix) return name;
	return `${words.at(-2)!}, ${words.at(-1)!}, ${words.slice(0, -2).join(' ')}`;
}

/** Citation key: first author's surname + year + first significant title word, e.g. `smith2025lifegpt`. */
export function bibtexKey(p: KeyInput): string {
	const first = nameParts(p.authors[0] ?? '');
	const surname = asciiWord(first.words.at(-1 - first.suffix) ?? '');
	const word =
		p.title
			.split(/[\s:,-]+/)
			.map(asciiWord)
			.find((w) => w && !STOP.has(w)) ?? '';
	const key = `${surname}${publicationYear(p)}${word}`;
	return /^[a-z]/.test(key) ? key : asciiWord(p.slug).slice(0, 24) + publicationYear(p);
}

/**
 * Citation keys unique across the site, by paper id: papers whose keys coincide
 * (`yurkin2007convergence` for parts I and II of a paper) get `b`, `c`, … in listing order,
 * oldest first, so the first keeps its key when later papers are added and two entries copied
 * into one .bib file never clash.
 */
export function uniqueBibtexKeys(
	papers: ReadonlyArray<{ id: string; data: KeyInput }>,
): Map<string, string> {
	const groups = new Map<string, Array<{ id: string; date: string }>>();
	for (const p of papers) {
		const key = bibtexKey(p.data);
		const group = groups.get(key);
		if (group) group.push({ id: p.id, date: p.data.date });
		else groups.set(key, [{ id: p.id, date: p.data.date }]);
	}
	const keys = new Map<string, string>();
	const taken = new Set(groups.keys());
	for (const [key, group] of groups) {
		group.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1));
		group.forEach(({ id }, i) => {
			let unique = key;
			for (let n = i; n > 0 && (unique === key || taken.has(unique)); n++) unique = key + suffix(n);
			taken.add(unique);
			keys.set(id, unique);
		});
	}
	return keys;
}

/** `b`, `c`, …, `z`, `ba`, …: the suffix of the n-th (n ≥ 1) paper sharing a key. */
function suffix(n: number): string {
	let s = '';
	for (let k = n; k > 0; k = Math.floor(k / 26)) s = String.fromCharCode(97 + (k % 26)) + s;
	return s;
}

/**
 * The BibTeX entry of a paper; `url` is the canonical page of the paper on this site, `key` its
 * citation key (see uniqueBibtexKeys).
 */
export function toBibtex(p: BibtexInput, url: string, key = bibtexKey(p)): string {
	const journal = journalName(p.journalRef);
	const fields: Array<[string, string | undefined]> = [
		['title', p.title],
		// BibTeX's "et al." is a last author named `others`.
		[
			'author',
			p.authors.length
				? [...p.authors.map(bibtexName), ...(p.moreAuthors ? ['others'] : [])].join(' and ')
				: undefined,
		],
		// The journal's name where it can be told from the reference, and the reference in full
		// (a whole reference as the journal's name printed it as one).
		['journal', journal],
		['year', publicationYear(p)],
		['note', p.journalRef],
		['eprint', p.arxivId],
		['archivePrefix', p.arxivId ? 'arXiv' : undefined],
		['primaryClass', p.arxivId ? p.categories[0] : undefined],
		// BibTeX's doi field holds one DOI: the first, the article's own.
		['doi', splitDois(p.doi)[0]],
		['url', p.arxivId ? arxivAbsUrl(p.arxivId) : url],
	];
	const body = fields
		.filter((f): f is [string, string] => Boolean(f[1]))
		.map(
			([k, v]) =>
				`  ${k} = {${k === 'url' || k === 'doi' ? v : k === 'title' ? escapeBibtexTitle(v) : escapeBibtex(v)}}`,
		)
		.join(',\n');
	return `@${journal ? 'article' : 'misc'}{${key},\n${body}\n}`;
}

/**
 * BibTeX for a paper, built only from the metadata that exists: arXiv entries get
 * `eprint`/`archivePrefix`, papers with a journal reference become `@article`, and
 * every value is escaped so titles with braces, `%`, `&` or `$` still parse.
 */
import type { Paper } from '../schemas/paper.ts';
import { arxivIdOrder } from './arxiv-id.ts';
import { splitDois } from './doi.ts';
import { foldLatin } from './fold-latin.ts';
import { formatDate } from './format.ts';
import { isGroupAuthor } from './group-author.ts';
import {
	journalName,
	journalRefRest,
	knownPublicationYear,
	type JournalCitation,
	parseJournalRef,
} from './journal-ref.ts';
import { readableTitle, splitTitleFormulas } from './math-text.ts';
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
	| 'submitted'
>;
/** What a citation key is made of, and what orders papers that share one (uniqueBibtexKeys). */
type KeyInput = Pick<
	BibtexInput,
	'title' | 'slug' | 'date' | 'authors' | 'arxivId' | 'journalRef' | 'submitted'
>;

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
 * them as braces), and bare `& % # _ ^ $`. Words that must keep their capitals are braced
 * (see protectCase).
 */
export function escapeBibtexTitle(title: string): string {
	const parts = splitTitleFormulas(title);
	const keepBraces = bracesPair(parts.map((p, i) => (i % 2 === 1 && isSafeMath(p) ? '' : p)));
	// Formulas stand in the text as placeholders while it is cut into words: a formula is part of
	// the word it touches (`$N$-body`) and never cut at its spaces.
	const formulas: string[] = [];
	const text = parts
		.map((part, i) => {
			if (!(i % 2 === 1 && isSafeMath(part))) return escapeTitleText(part, keepBraces);
			formulas.push(part);
			return `\ue000${formulas.length - 1}\ue001`;
		})
		.join('')
		.replace(/\s+/g, ' ')
		.trim();
	const restore = (s: string): string =>
		s.replace(/\ue000(\d+)\ue001/g, (_, n: string) => formulas[Number(n)]!);
	// A title with private-use characters of its own could be mistaken for placeholders.
	return /[\ue000\ue001]/.test(title) ? restore(text) : restore(protectCase(text, formulas));
}

/**
 * Braces the words of an escaped title that must keep their case, as bibliographies do:
 * bibliography styles that set titles in sentence case (plain, IEEE, APA) lowercase every letter
 * outside braces but the first, and printed `tevatron and lhc`, `cluster m5`, `$n$-body`.
 * Braced in every title: words with a capital after their first character (`{LHC}`, `{CodeT5}`,
 * `{iPhone}`, `{3D}`, `Sub-{GeV}`), a capital and a digit (`{M5}`), a single capital but `A`
 * (`{B} decays`, part `{I}`), formulas with a capital outside their groups (`{$N$}-body`:
 * BibTeX lowercases math and commands too, `$\Delta$` would become `$\delta$`). Braced in a title
 * written in sentence case only (isSentenceCase): every capitalised word after the first, a
 * proper name there (`{Tevatron}`, `{Monte} {Carlo}`); in a title in title case the capitals
 * tell nothing and are left for the style to lowercase. Not braced: the first word and the word
 * after a colon, whose capital BibTeX keeps; words inside a group or with braces of their own.
 */
function protectCase(text: string, formulas: readonly string[]): string {
	const words = text.split(' ');
	const sentence = isSentenceCase(words);
	let depth = 0;
	return words
		.map((word, i) => {
			const outside = depth === 0;
			depth += (word.match(/\{/g)?.length ?? 0) - (word.match(/\}/g)?.length ?? 0);
			if (!outside || /[{}]/.test(word.replace(OWN_ESCAPE, ''))) return word;
			const kept = i === 0 || words[i - 1]!.endsWith(':');
			return protectWord(word, formulas, sentence && !kept, i === 0);
		})
		.join(' ');
}

/**
 * The escapes with braces of their own that escaping writes (`\textasciicircum{}`), and the
 * characters they stand for. Their braces group nothing: a word with one (`C\textasciicircum{}*`
 * from `C^*`) is a word like any other, where skipping it as braced left `C` for the style to
 * lowercase.
 */
const OWN_ESCAPES = new Map(
	Object.entries(SPECIAL)
		.filter(([, escape]) => escape.endsWith('{}'))
		.map(([c, escape]): [string, string] => [escape, c]),
);
const OWN_ESCAPE = new RegExp(
	[...OWN_ESCAPES.keys()].map((e) => e.replace(/[\\{}]/g, '\\$&')).join('|'),
	'g',
);

/** A word's punctuation before and after it, and the word itself. */
const WORD = /^([("'`[]*)(.*?)([)"'\].,;:!?]*)$/su;

/**
 * A word of a title with its capitals braced (see protectCase): the whole word when it is a
 * name with a digit (`{GPT-4}`, `{Llama-2-7B}`) or every part of it needs braces
 * (`{Navier-Stokes}`), else the parts that do (`{BERT}-Based`). `capitals`: braces capitalised
 * words too; `first`: the title's first word, whose first letter BibTeX keeps.
 */
function protectWord(
	word: string,
	formulas: readonly string[],
	capitals: boolean,
	first: boolean,
): string {
	const [, before = '', core = '', after = ''] = WORD.exec(word) ?? [];
	// `{\"O…}` would be a BibTeX "special character", whose letters are lowercased all the same.
	if (!core || core.startsWith('\\')) return word;
	const parts = core.split(/([-/()]+)/);
	const needs = parts.map(
		(part, k) => k % 2 === 0 && mustKeepCase(caseText(part, formulas), capitals, first && k === 0),
	);
	if (!needs.some(Boolean)) return word;
	const whole =
		/\d/.test(caseText(core, formulas)) ||
		parts.every((part, k) => k % 2 === 1 || needs[k] || !/\p{L}/u.test(caseText(part, formulas)));
	const braced = whole ? `{${core}}` : parts.map((p, k) => (needs[k] ? `{${p}}` : p)).join('');
	return before + braced + after;
}

/**
 * The text whose case a style would change: formulas with their groups (kept as they are) left
 * out, escapes as the characters they stand for (`C\textasciicircum{}*` reads `C^*`).
 */
function caseText(part: string, formulas: readonly string[]): string {
	return part
		.replace(OWN_ESCAPE, (e) => OWN_ESCAPES.get(e)!)
		.replace(/\ue000(\d+)\ue001/g, (_, n: string) => {
			let out = '';
			let depth = 0;
			const math = formulas[Number(n)]!;
			for (let i = 0; i < math.length; i++) {
				if (math[i] === '\\' && depth === 0) out += math[i]! + (math[++i] ?? '');
				else if (math[i] === '{') depth++;
				else if (math[i] === '}') depth--;
				else if (depth === 0) out += math[i];
			}
			return out;
		});
}

/** Whether a part of a word must keep its case (see protectCase). */
function mustKeepCase(text: string, capitals: boolean, first: boolean): boolean {
	if (/\p{Lu}/u.test(text.slice(1)) || /^\p{Lu}.*\d/u.test(text)) return true;
	if (first) return false;
	// A single capital, alone or before symbols (`B`, `C^*`, `C++`), but the article `A`.
	return (/^\p{Lu}\P{L}*$/u.test(text) && text !== 'A') || (capitals && /^\p{Lu}/u.test(text));
}

/** Function words, which title case leaves in lowercase too (isSentenceCase does not count them). */
const SMALL = new Set(
	(
		'with from into onto over upon than that this versus within without between through under ' +
		'about across among along toward towards beyond during using'
	).split(' '),
);

/**
 * Whether a title is written in sentence case (`Search for new physics at Tevatron`) rather
 * than title case (`Search for New Physics at the Tevatron`): its words after the first (and
 * after a colon) of four letters or more, function words aside, start in lowercase at least as
 * often as in capitals. Acronyms, one-letter words and words with TeX are not counted.
 */
function isSentenceCase(words: readonly string[]): boolean {
	let lower = 0;
	let upper = 0;
	words.forEach((word, i) => {
		if (i === 0 || words[i - 1]!.endsWith(':')) return;
		const core = WORD.exec(word)?.[2] ?? '';
		if (!/^\p{L}{2,}(?:[-'’]\p{L}+)*$/u.test(core) || /\p{Lu}/u.test(core.slice(1))) return;
		if (/^\p{Lu}/u.test(core)) upper++;
		else if (core.length >= 4 && !SMALL.has(core.toLowerCase())) lower++;
	});
	return lower > 0 && lower >= upper;
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

/** A generational suffix, which follows the surname: `Martin Luther King Jr.`, `Neal J. Evans II`. */
const SUFFIX = /^(?:jr|sr|[IVX]{2,4})\.?,?$/i;

/** A name's words, and how many of the last ones are its suffix (0 or 1). */
function nameParts(name: string): { words: string[]; suffix: number } {
	const words = name.trim().split(/\s+/);
	return { words, suffix: words.length > 2 && SUFFIX.test(words.at(-1)!) ? 1 : 0 };
}

/**
 * A name as BibTeX reads it, escaped: as given, except that a suffix must be written
 * `Last, Jr., First` (`King Jr.` read as the surname sorted and abbreviated the name wrong) and a
 * group's name is braced, so that BibTeX takes it whole (`{Tongyi DeepResearch Team}`).
 */
function bibtexName(name: string): string {
	if (isGroupAuthor(name)) return `{${escapeBibtex(name)}}`;
	const { words, suffix } = nameParts(name);
	if (!suffix) return escapeBibtex(name);
	return escapeBibtex(`${words.at(-2)!}, ${words.at(-1)!}, ${words.slice(0, -2).join(' ')}`);
}

/**
 * The author's part of a citation key: the surname, or a group's first word (`The` aside:
 * `Tongyi DeepResearch Team` → `tongyi`, `The ATLAS Collaboration` → `atlas`).
 */
function keyName(name: string): string {
	if (isGroupAuthor(name))
		return asciiWord(
			name
				.trim()
				.replace(/^the\s+/i, '')
				.split(/\s+/)[0]!,
		);
	const { words, suffix } = nameParts(name);
	return asciiWord(words.at(-1 - suffix) ?? '');
}

/**
 * Citation key: first author's surname + year + first significant word of the title as it reads
 * (readableTitle: `$\texttt{BluePrint}$` gives `blueprint`, not `textttblueprint`), e.g.
 * `smith2025lifegpt`. Without an author, the slug + year (`lifegpt2025`); without a known year
 * (knownPublicationYear), no year: `codet5`, not the listing's `codet52025`.
 */
export function bibtexKey(p: KeyInput): string {
	const year = knownPublicationYear(p) ?? '';
	const surname = keyName(p.authors[0] ?? '');
	const word =
		readableTitle(p.title)
			.split(/[\s:,-]+/)
			.map(asciiWord)
			.find((w) => w && !STOP.has(w)) ?? '';
	const key = `${surname}${year}${word}`;
	return surname && /^[a-z]/.test(key) ? key : asciiWord(p.slug).slice(0, 24) + year;
}

/**
 * Citation keys unique across the site, by paper id: papers whose keys coincide
 * (`yurkin2006convergence` for parts I and II of a paper) get `b`, `c`, … in the order they
 * came out (firstKnown), so the first keeps its key when later papers are added, a key stays with
 * its paper when a record is updated, and two entries copied into one .bib file never clash.
 */
export function uniqueBibtexKeys(
	papers: ReadonlyArray<{ id: string; data: KeyInput }>,
): Map<string, string> {
	const groups = new Map<string, Array<{ id: string; order: FirstKnown }>>();
	for (const p of papers) {
		const key = bibtexKey(p.data);
		const entry = { id: p.id, order: firstKnown(p.data) };
		const group = groups.get(key);
		if (group) group.push(entry);
		else groups.set(key, [entry]);
	}
	const keys = new Map<string, string>();
	const taken = new Set(groups.keys());
	for (const [key, group] of groups) {
		group.sort((a, b) => compareFirstKnown(a.order, b.order) || (a.id < b.id ? -1 : 1));
		group.forEach(({ id }, i) => {
			let unique = key;
			for (let n = i; n > 0 && (unique === key || taken.has(unique)); n++) unique = key + suffix(n);
			taken.add(unique);
			keys.set(id, unique);
		});
	}
	return keys;
}

/** When a paper came out, as firstKnown tells it: a month or day, a number, a name. */
type FirstKnown = [string, number, string];

/**
 * When a paper came out, from what never changes for it: an arXiv id's month and number (arXiv
 * numbers papers as it receives them), else the day arXiv received it (`submitted`), else the day
 * a trending page first listed it. Never an arXiv record's `date`, its last update: ordered by
 * it, part I of a paper updated after part II took part II's `b`, and the two swapped keys when
 * part II was updated in turn. A month (`2007-04`) sorts before the days in it.
 */
function firstKnown(p: KeyInput): FirstKnown {
	const id = arxivIdOrder(p.arxivId);
	return id ? [id.month, id.number, p.arxivId!] : [p.submitted ?? p.date, 0, p.slug];
}

/** Orders two papers by firstKnown: negative when `a` came out first, 0 when they tie. */
function compareFirstKnown(a: FirstKnown, b: FirstKnown): number {
	if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
	if (a[1] !== b[1]) return a[1] - b[1];
	return a[2] === b[2] ? 0 : a[2] < b[2] ? -1 : 1;
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
	const cite = parseJournalRef(p.journalRef);
	const journal = cite?.journal ?? journalName(p.journalRef);
	const year = knownPublicationYear(p);
	const fields: Array<[string, string | undefined]> = [
		['title', escapeBibtexTitle(p.title)],
		// BibTeX's "et al." is a last author named `others`.
		[
			'author',
			p.authors.length
				? [...p.authors.map(bibtexName), ...(p.moreAuthors ? ['others'] : [])].join(' and ')
				: undefined,
		],
		['journal', journal && escapeBibtex(journal)],
		['volume', cite && escapeBibtex(cite.volume)],
		['number', cite?.number && escapeBibtex(cite.number)],
		['pages', cite && escapeBibtex(cite.pages)],
		['year', year],
		['note', citationNote(p.date, year, refNote(p.journalRef, cite, journal))],
		['eprint', p.arxivId && escapeBibtex(p.arxivId)],
		['archivePrefix', p.arxivId ? 'arXiv' : undefined],
		['primaryClass', p.arxivId ? p.categories[0] && escapeBibtex(p.categories[0]) : undefined],
		// BibTeX's doi field holds one DOI: the first, the article's own.
		['doi', splitDois(p.doi)[0]],
		['url', p.arxivId ? arxivAbsUrl(p.arxivId) : url],
	];
	const body = fields
		.filter((f): f is [string, string] => Boolean(f[1]))
		.map(([k, v]) => `  ${k} = {${v}}`)
		.join(',\n');
	return `@${journal ? 'article' : 'misc'}{${key},\n${body}\n}`;
}

/**
 * What the other fields do not say of a journal reference, so that a citation prints the
 * journal once: after a reference read whole (parseJournalRef), its erratum or second
 * publication if any; after a journal's name alone, the rest of the reference
 * (`V. 387, Issues 2-3 (2008), Pages 385-406`), which was not read to the end but loses nothing;
 * when no journal could be told, the whole reference.
 */
function refNote(
	ref: string | undefined,
	cite: JournalCitation | undefined,
	journal: string | undefined,
): string | undefined {
	if (cite) return cite.more;
	return ref && journal ? journalRefRest(ref) : ref;
}

/**
 * The note of an entry, escaped: what the journal fields do not say (refNote) and, for a paper
 * without a year, when it was listed: the one date known of it, which is not its publication's.
 */
function citationNote(
	date: string,
	year: string | undefined,
	ref: string | undefined,
): string | undefined {
	const notes = [ref, year ? undefined : `Listed on ${formatDate(date)}`].filter(Boolean);
	return notes.length ? escapeBibtex(notes.join('. ')) : undefined;
}

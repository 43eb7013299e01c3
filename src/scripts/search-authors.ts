/**
 * The authors line of a search result, pure (the page turns it into text nodes and `<mark>`s).
 * It starts from the `authors` metadata (the first names and how many more: searchAuthors in
 * src/lib/format.ts) and, when the query matched an author's name, marks it there, or names
 * that author after the line ("…and 5 more, including S. Sigurdsson") when they are not among
 * the first. Which words matched comes from the page text Pagefind returns with every result:
 * the authors are the words between the title and the abstract (see search-page.ts). A name
 * typed in plain letters (`Klopotek`) matches its folded form among the page's ids instead: the
 * name it stands for is marked all the same.
 */
import { foldLatin, hasUnsplitLatin } from '../lib/fold-latin.ts';
import { SEARCH_AUTHORS } from '../lib/format.ts';
import { pagefindWords, type ExcerptSource } from './search-state.ts';

/** A run of the authors line: plain text, or a matched word (`mark`). */
export interface AuthorsPart {
	text: string;
	mark?: true;
}

/** Matched authors named after the line at most (the first ones in author order). */
const EXTRA_AUTHORS = 2;

/** Initials and suffixes whose closing dot is the name's own, not the one Pagefind adds. */
const OWN_DOT = /^(?:\p{L}|Jr|Sr|al)\.$/u;

interface Name {
	words: string[];
	/** Indices of `words` that the query matched. */
	marked: Set<number>;
}

/**
 * The authors as Pagefind's page text gives them (names split at commas), with the words the
 * query matched; `undefined` when the text does not have the expected shape.
 */
function namesOf(d: ExcerptSource): Name[] | undefined {
	const title = d.anchors.find((a) => a.id === 'paper-title');
	const abstract = d.anchors.find((a) => a.id === 'abstract');
	if (!title?.text || !abstract || d.content.includes('\u200B')) return undefined;
	const words = pagefindWords(d.content);
	const from = title.location + pagefindWords(title.text).filter(Boolean).length;
	const to = abstract.location;
	if (from >= to || to > words.length) return undefined;
	const matched = new Set(d.locations);
	const folded = foldedMatches(d, words);
	const names: Name[] = [];
	let name: Name = { words: [], marked: new Set() };
	for (let i = from; i < to; i++) {
		let word = words[i]!;
		const last = i === to - 1;
		// Pagefind ends each block with a dot unless its text ends with punctuation.
		if (last && word.endsWith('.') && !OWN_DOT.test(word)) word = word.slice(0, -1);
		const end = word.endsWith(',') || last;
		if (word.endsWith(',')) word = word.slice(0, -1);
		if (matched.has(i) || (hasUnsplitLatin(word) && folded.has(plainWord(foldLatin(word)))))
			name.marked.add(name.words.length);
		name.words.push(word);
		if (end) {
			names.push(name);
			name = { words: [], marked: new Set() };
		}
	}
	// "et al." closes the last name when the source lists only some authors.
	const tail = names.at(-1);
	if (tail && tail.words.slice(-2).join(' ') === 'et al.') tail.words.splice(-2);
	return names.filter((n) => n.words.length > 0);
}

/** A word as compared with another: lower case, without the punctuation around it. */
const plainWord = (w: string): string => w.replace(/^\p{P}+|\p{P}+$/gu, '').toLowerCase();

/** The matched words of the hidden ids paragraph (where names are in plain letters), compared. */
function foldedMatches(d: ExcerptSource, words: readonly string[]): Set<string> {
	const ids = d.anchors.find((a) => a.id === 'paper-ids');
	if (!ids) return new Set();
	return new Set(
		d.locations.filter((i) => i >= ids.location).map((i) => plainWord(words[i] ?? '')),
	);
}

/** Appends a run to `parts`, joining plain text to the plain run before it; empty runs are dropped. */
function append(parts: AuthorsPart[], p: AuthorsPart): void {
	const prev = parts.at(-1);
	if (prev && !prev.mark && !p.mark) prev.text += p.text;
	else if (p.text) parts.push(p);
}

/** Appends one name's runs, matched words marked (their punctuation left outside the mark). */
function appendName(parts: AuthorsPart[], n: Name): void {
	n.words.forEach((word, i) => {
		if (i > 0) append(parts, { text: ' ' });
		if (!n.marked.has(i)) return append(parts, { text: word });
		const [, core = word, rest = ''] = /^(.*?)([.,;:]*)$/su.exec(word) ?? [];
		append(parts, { text: core, mark: true });
		append(parts, { text: rest });
	});
}

/**
 * The runs of a result's authors line: `line` (its `authors` metadata) with the matched words of
 * its names marked, then the matched authors it leaves out. `[]` without `line`; `line` as it is
 * when the page text does not name the same first authors.
 */
export function authorsLine(d: ExcerptSource, line: string | undefined): AuthorsPart[] {
	if (!line) return [];
	const names = namesOf(d);
	const plain = [{ text: line }];
	if (!names?.some((n) => n.marked.size > 0)) return plain;
	const first = names.slice(0, SEARCH_AUTHORS);
	const head = first.map((n) => n.words.join(' ')).join(', ');
	if (!line.startsWith(head)) return plain;
	const parts: AuthorsPart[] = [];
	first.forEach((n, i) => {
		if (i > 0) append(parts, { text: ', ' });
		appendName(parts, n);
	});
	append(parts, { text: line.slice(head.length) });
	const extra = names.slice(SEARCH_AUTHORS).filter((n) => n.marked.size > 0);
	extra.slice(0, EXTRA_AUTHORS).forEach((n, i) => {
		append(parts, { text: i === 0 ? ', including ' : ', ' });
		appendName(parts, n);
	});
	if (extra.length > EXTRA_AUTHORS)
		append(parts, { text: ` and ${extra.length - EXTRA_AUTHORS} others` });
	return parts;
}

/**
 * Duplicates: the same paper in two sources (same arXiv id, same title and abstract, or the same
 * long abstract under an edited title) becomes one paper that records both sources. Different
 * papers with the same title stay apart, said when one of them has no arXiv id.
 */
import type { SourceRef } from '../../src/schemas/paper.ts';
import type { Problem, RawRecord } from './types.ts';
import { isTextMarkup, TEXT_MACROS } from '../../src/lib/latex-prose.ts';
import { isMathMarkup, SYMBOLS } from '../../src/lib/math-text.ts';
import { arxivSlug } from './slug.ts';
import { inSourcesFolder, SOURCES_FOLDER } from './sources-folder.ts';

/** A paper made of one or more records of it, the first being the primary one. */
export interface MergedRecord<R = RawRecord> {
	primary: R;
	records: R[];
}

/**
 * Abstracts at least this long (letters and digits, as textKeys counts them) identify a paper
 * alone: a trending page that edits a title ("Representation" → "Representations") lists the
 * same paper, not a new one, and so does one that keeps a title arXiv has since changed (a new
 * version retitled, its abstract unchanged). Shorter ones may be shared by different papers
 * ("We present X."), and so are long ones of arXiv papers in a series (0704.0026 and 0704.0112,
 * parts II and III, have one abstract): an id tells those apart (see mergeByKey).
 */
export const SAME_ABSTRACT_MIN = 300;

/**
 * Text identity for duplicate detection (`key`): the letters and digits of title and abstract,
 * lowercased and without accents' marks (so wrapping, spacing, punctuation, symbols and a
 * browser's zero-width characters don't matter), and TeX read as the Unicode it stands for
 * (texRead): `caf\'e` and `café`, `2020--2021` and `2020–2021`, ``` ``x'' ``` and `“x”`,
 * `$\alpha$-Net` and `α-Net`, `6.13$\times$` and `6.13×` are the same text (an arXiv record and a
 * trending page's copy of it were two papers), while `\alpha` and `\beta` stay apart. Hashed
 * to keep the map small at 100,000 papers: the hash is computed while walking the characters (three independent 32-bit lanes and the length: 96 bits), without
 * building the squashed text.
 *
 * The title and the abstract are hashed apart, each character fed once, so that with the key
 * come the key of the abstract alone (`abstractKey`, `abstract:`…) when it is at least
 * SAME_ABSTRACT_MIN characters long, with or without an arXiv id (a record with one joins a
 * trending copy under its former title), and a hash of the title alone (`titleHash`, for
 * sameTitleWarnings). Feeding the abstract to a second hash beside the key's cost the 100,000
 * records of a dump 0.3 to 0.5 s of CPU (each abstract's characters hashed twice).
 */
export function textKeys(r: RawRecord): { key: string; abstractKey?: string; titleHash: number } {
	const t = new Uint32Array([0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0]);
	const a = new Uint32Array([0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0]);
	feedSquashed(t, r.title);
	const titleHash = hashOf(t);
	feedSquashed(a, r.abstract);
	// The key: the title's lanes carried on through a separator (no UTF-16 code unit has its
	// value) and the abstract's hash, still 96 bits.
	feed(t, 0x10000);
	for (let i = 0; i < 3; i++) feed(t, fmix(a[i]!));
	feed(t, a[3]!);
	return {
		key: digest(t),
		...(a[3]! >= SAME_ABSTRACT_MIN ? { abstractKey: `abstract:${digest(a)}` } : {}),
		titleHash,
	};
}

/**
 * A 30-bit hash of the title alone, squashed as textKeys squashes it (`titleHash`): a small
 * integer is what 100,000 papers are looked up by cheaply (V8 keeps it unboxed); papers whose
 * hashes match are then compared by titleDigest.
 */
const hashOf = (h: Uint32Array): number => (fmix(h[0]!) ^ fmix(h[2]! + h[3]!)) & 0x3fffffff;

/** The 96-bit identity of a title, squashed as textKeys squashes it. */
function titleDigest(title: string): string {
	const h = new Uint32Array([0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0]);
	feedSquashed(h, title);
	return digest(h);
}

const digest = (h: Uint32Array): string =>
	`${hex(fmix(h[0]!))}${hex(fmix(h[1]!))}${hex(fmix(h[2]!))}${h[3]!.toString(36)}`;

/** Printable ASCII and whitespace: no NFKD change, no context-dependent lowercasing. */
const ASCII = /^[\t\n\r -~]*$/;

/**
 * Feeds the letters and digits of `text` (NFKD-normalised and lowercased, so without accents'
 * marks), with each TeX command read as texRead says: everything else (whitespace, punctuation,
 * dashes, quotes, symbols, invisible characters) is how a text is written, not what it says.
 */
function feedSquashed(h: Uint32Array, text: string): void {
	// ASCII: lowercasing character by character is exact. Otherwise NFKD (accents apart from
	// their letters, as TeX writes them) and full lowercasing (context-dependent: final sigma) of
	// the whole text first.
	const s = ASCII.test(text) ? text : text.normalize('NFKD').toLowerCase();
	for (let i = 0; i < s.length; i++) {
		let c = s.charCodeAt(i);
		if (c < 0x80) {
			if (c >= 0x41 && c <= 0x5a) c += 0x20;
			else if (c === 0x5c) {
				let end = i + 1;
				while (end < s.length && isAsciiLetter(s.charCodeAt(end))) end++;
				if (end > i + 1) {
					const name = s.slice(i + 1, end);
					for (const code of texRead(name)) feed(h, code);
					i = end - 1;
				}
				continue;
			} else if (!isAsciiLetterOrDigit(c)) continue;
		} else if (!isLetterOrDigit(c)) continue;
		feed(h, c);
	}
}

const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isAsciiLetterOrDigit = (c: number): boolean => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);

/** Per UTF-16 code unit: 0 not looked at yet, 1 a letter or digit, 2 anything else. */
const LETTER_OR_DIGIT = new Uint8Array(0x10000);

/** Whether a UTF-16 code unit is a letter or a digit (a surrogate is neither). */
function isLetterOrDigit(c: number): boolean {
	let known = LETTER_OR_DIGIT[c]!;
	if (known === 0)
		LETTER_OR_DIGIT[c] = known = /^[\p{L}\p{N}]$/u.test(String.fromCharCode(c)) ? 1 : 2;
	return known === 1;
}

/**
 * How the duplicate check reads TeX's text letters: as the text reader does (latex-prose.ts),
 * but the dotless `\i` and `\j` of accented letters (`\'{\i}`) as the `i` and `j` an `í`
 * writes once its accent is apart.
 */
const textLetter = (name: string): string | undefined =>
	name === 'i' || name === 'j'
		? name
		: Object.hasOwn(TEXT_MACROS, name)
			? TEXT_MACROS[name]
			: undefined;

/** texRead's answers, by command name. */
const TEX_READS = new Map<string, number[]>();

/**
 * What a TeX command says, as the code units the key takes from its Unicode writing: a Greek
 * letter or other letter (`\alpha` as `α`, `\ell` as `ℓ`, `\o` as `ø`); nothing for a symbol
 * (`\times`, `\leq`: the Unicode `×` and `≤` are left out as ASCII punctuation is) or markup;
 * the command's own name for any other (an author's macro says something: `\method` is not
 * `\baseline`).
 */
function texRead(name: string): number[] {
	let read = TEX_READS.get(name);
	if (read === undefined) {
		const unicode =
			textLetter(name) ??
			(Object.hasOwn(SYMBOLS, name)
				? SYMBOLS[name]!
				: isTextMarkup(name) || isMathMarkup(name) || name === 'url'
					? ''
					: name);
		read = [...unicode.normalize('NFKD').toLowerCase()]
			.map((ch) => ch.charCodeAt(0))
			.filter(isLetterOrDigit);
		TEX_READS.set(name, read);
	}
	return read;
}

function feed(h: Uint32Array, c: number): void {
	h[0] = Math.imul(h[0]! ^ c, 0x01000193);
	h[1] = Math.imul((h[1]! ^ c) + 0x7f4a7c15, 0xcc9e2d51);
	h[2] = Math.imul(h[2]! + c, 0x1b873593) ^ (h[2]! >>> 13);
	h[3]!++;
}

/** Final avalanche (murmur3 fmix32). */
function fmix(x: number): number {
	let h = x;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');

/**
 * Merges duplicates of any record shape, given its text key (`textKey`, or one computed before,
 * for instance on another thread), keeping first-seen order; records with the same long abstract
 * (`abstractKey`, see textKeys) join too, unless two arXiv ids hold it. Being the same paper is
 * transitive: a record whose text matches one group and whose arXiv id matches another joins the
 * two (v1 of a paper in one dump, v2 in another, and a trending page that copied v2's text are
 * one paper). The same arXiv id always joins; text never joins two different ids: arXiv holds
 * different papers under one title and abstract (errata, withdrawn papers, "Comment on …" by
 * different authors), and before this rule the second one vanished from the site.
 */
export function mergeByKey<R extends { arxivId?: string; abstractKey?: string }>(
	records: R[],
	keyOf: (r: R) => string,
): { merged: Array<MergedRecord<R>>; duplicates: number } {
	// Union-find over groups; a root is always its group's earliest group, so order is kept.
	const parent: number[] = [];
	const find = (g: number): number => {
		while (parent[g] !== g) g = parent[g] = parent[parent[g]!]!;
		return g;
	};
	// The arXiv ids of each root's group.
	const ids = new Map<number, Set<string>>();
	const idsOf = (root: number): ReadonlySet<string> => ids.get(root) ?? NO_IDS;
	/** Whether groups (and an id) may be one paper: together they hold at most one arXiv id. */
	const compatible = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
		a.size === 0 || b.size === 0 || (a.size === 1 && b.size === 1 && [...a][0] === [...b][0]);
	const union = (a: number, b: number): number => {
		const [keep, gone] = a < b ? [a, b] : [b, a];
		parent[gone] = keep;
		const both = new Set([...idsOf(keep), ...idsOf(gone)]);
		if (both.size > 0) ids.set(keep, both);
		ids.delete(gone);
		return keep;
	};
	const groupOfKey = new Map<string, number>();
	const groupOf = new Int32Array(records.length);
	records.forEach((r, i) => {
		const id = r.arxivId ? arxivSlug(r.arxivId) : undefined;
		const own: ReadonlySet<string> = id ? new Set([id]) : NO_IDS;
		const idKey = id && `arxiv:${id}`;
		const textKey = keyOf(r);
		let g = idKey && groupOfKey.has(idKey) ? find(groupOfKey.get(idKey)!) : -1;
		const seenText = groupOfKey.get(textKey);
		let textJoined = false;
		if (seenText !== undefined) {
			const root = find(seenText);
			if (root === g) textJoined = true;
			else if (compatible(idsOf(root), g < 0 ? own : idsOf(g))) {
				g = g < 0 ? root : union(root, g);
				textJoined = true;
			}
		}
		if (g < 0) parent.push((g = parent.length));
		if (id && !idsOf(g).has(id)) ids.set(g, new Set([...idsOf(g), id]));
		if (idKey) groupOfKey.set(idKey, g);
		// A text that stayed apart (another id) keeps pointing at the first paper with it.
		if (seenText === undefined || textJoined) groupOfKey.set(textKey, g);
		groupOf[i] = g;
	});
	// Then the same long abstract joins groups, once every group knows its arXiv ids: never two
	// groups of different ids (papers of a series share an abstract), whatever the order of the
	// records that link them. An abstract two ids hold names neither paper: only groups without
	// an id meet on it (a trending copy of part III under an edited title would join whichever
	// part's record came first). Nearly every record of a dump has an abstract of its own: only
	// the few that repeat one are looked at further (a map of ids and groups for every abstract
	// cost 100,000 records about 0.1 s).
	const firstWith = new Map<string, number>(); // abstract key → its first record
	const again: number[] = []; // records whose abstract an earlier record has
	records.forEach((r, i) => {
		if (r.abstractKey === undefined) return;
		if (firstWith.has(r.abstractKey)) again.push(i);
		else firstWith.set(r.abstractKey, i);
	});
	const idOfAbstract = new Map<string, string | null>(); // null: two ids hold it
	const holds = (key: string, r: R): void => {
		const id = r.arxivId ? arxivSlug(r.arxivId) : undefined;
		const held = idOfAbstract.get(key);
		if (id && held === undefined) idOfAbstract.set(key, id);
		else if (id && held !== id) idOfAbstract.set(key, null);
	};
	for (const i of again) {
		const key = records[i]!.abstractKey!;
		holds(key, records[firstWith.get(key)!]!);
		holds(key, records[i]!);
	}
	const groupOfAbstract = new Map<string, number>();
	const join = (key: string, i: number): void => {
		const shared = idOfAbstract.get(key) === null;
		const root = find(groupOf[i]!);
		if (shared && idsOf(root).size > 0) return;
		const seen = groupOfAbstract.get(key);
		if (seen === undefined) return void groupOfAbstract.set(key, root);
		const other = find(seen);
		if (other === root || !compatible(idsOf(root), idsOf(other))) return;
		if (shared && idsOf(other).size > 0) return;
		groupOfAbstract.set(key, union(root, other));
	};
	for (const i of again) {
		const key = records[i]!.abstractKey!;
		const first = firstWith.get(key)!;
		// The first record with the abstract, once, before the later ones.
		if (!groupOfAbstract.has(key)) join(key, first);
		join(key, i);
	}
	const byRoot = new Map<number, MergedRecord<R>>();
	const merged: Array<MergedRecord<R>> = [];
	records.forEach((r, i) => {
		const root = find(groupOf[i]!);
		const m = byRoot.get(root);
		if (m) m.records.push(r);
		else {
			const fresh = { primary: r, records: [r] };
			byRoot.set(root, fresh);
			merged.push(fresh);
		}
	});
	return { merged, duplicates: records.length - merged.length };
}

const NO_IDS: ReadonlySet<string> = new Set();

/** The first defined value of a field across a paper's records (metadata from any source fills gaps). */
export function firstOf<R, K extends keyof R>(m: MergedRecord<R>, key: K): R[K] | undefined {
	return m.records.map((r) => r[key]).find((v) => v !== undefined);
}

/** A paper as sameTitleWarnings looks at it: its primary record's title, abstract and place. */
export interface TitledPaper {
	title: string;
	/** See textKeys. */
	titleHash: number;
	summary: string;
	source: SourceRef;
}

/**
 * Warnings for papers kept apart under one title (as textKeys compares titles: case, spacing
 * and punctuation aside), given with their arXiv ids and slugs (same order): two pages by
 * design, since different papers share titles, but said at the later one, naming the earlier
 * one's place and both addresses. A trending page's copy with an edited abstract was otherwise
 * a second page nobody was told of. One warning per pair of papers, however many days list
 * them; none when both have an arXiv id, which tells them apart. The earlier place is named in
 * `folder` (`--sources`), as the report names the warning's own: `content/sources/a.jsonl:4: …
 * is also at 2025-03-18-trending.txt:23` left the operator to guess where the second file was.
 */
export function sameTitleWarnings(
	papers: readonly TitledPaper[],
	arxivIds: ReadonlyArray<string | undefined>,
	slugs: readonly string[],
	folder: string = SOURCES_FOLDER,
): Problem[] {
	// One side of a pair has no arXiv id: only papers with the title hash of one are looked at,
	// a few among 100,000 records of a dump.
	const unnumbered = new Set<number>();
	papers.forEach((p, i) => {
		if (!arxivIds[i]) unnumbered.add(p.titleHash);
	});
	if (unnumbered.size === 0) return [];
	const warnings: Problem[] = [];
	const seen = new Map<number, number[]>(); // title hash → earlier papers with it
	papers.forEach((p, i) => {
		if (!unnumbered.has(p.titleHash)) return;
		const same = seen.get(p.titleHash);
		if (!same) return void seen.set(p.titleHash, [i]);
		const digest = titleDigest(p.title);
		const j = same.find(
			(j) => !(arxivIds[j] && arxivIds[i]) && titleDigest(papers[j]!.title) === digest,
		);
		same.push(i);
		const earlier = j === undefined ? undefined : papers[j]!;
		if (!earlier) return;
		// The same text read, written two ways textKeys does not see through (a macro one
		// source spells out): two pages of one paper, said as such rather than kept silent.
		const sameText = earlier.summary === p.summary;
		warnings.push({
			file: p.source.file,
			line: p.source.line,
			message: `the title "${p.title.slice(0, 60)}" is also at ${inSourcesFolder(earlier.source.file, folder)}:${earlier.source.line}, with ${sameText ? 'the same abstract written differently' : 'a different abstract'}: kept as two papers, ${slugs[j!]!} there and ${slugs[i]!} here`,
			hint: sameText
				? 'the two are one paper: write their TeX the same way in both sources (or the same Unicode) and they merge'
				: 'if the two are one paper, give both the same abstract and they merge; if two, nothing needs doing',
		});
	});
	return warnings;
}

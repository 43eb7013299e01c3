/**
 * The corpus as numbers: every paper's content words as term ids, 1–3-gram terms with their
 * document frequencies, every n-gram occurrence per paper, and a display form per word.
 * Typed arrays and an open-addressing pair table throughout, because the same code must handle
 * 100,000 papers within the benchmark's time and memory budget.
 */
import { PairTable } from './pair-table.ts';
import { GENERIC_WORDS } from './stopwords.ts';
import { contentStem, forEachWord } from './text.ts';

/** A paper as the analysis sees it. */
export interface TextDoc {
	title: string;
	text: string;
}

/** Token ids of all documents, concatenated, plus the term table. */
export interface Corpus {
	/** Number of documents. */
	size: number;
	/** Unigram term id of every token, documents one after another (title first, then text). */
	tokens: Int32Array;
	/** Document d's tokens are `tokens[starts[d] .. starts[d+1])`. */
	starts: Int32Array;
	/** Number of title tokens of each document. */
	titleLengths: Int32Array;
	/** Every 1–3-gram occurrence (term id × 2, +1 when in the title), per document. */
	occurrences: Int32Array;
	/** Document d's occurrences are `occurrences[occurrenceStarts[d] .. [d+1])`. */
	occurrenceStarts: Int32Array;
	/** Stem → unigram term id. */
	unigrams: Map<string, number>;
	/** For every term: its length in words (1–3). */
	termLength: number[];
	/** For every term: the term id of its first n−1 words (−1 for unigrams). */
	termPrefix: number[];
	/** For every term: the unigram ids of its first and last word. */
	termFirst: number[];
	termLast: number[];
	/** Document frequency of every term. */
	df: number[];
	/** Per term id: whether a unigram is a generic word of abstracts (see GENERIC_WORDS). */
	generic: Uint8Array;
	/** Per term id: a unigram's display form, its most frequent spelling (lower case unless an acronym). */
	display: string[];
	/** Spellings seen in the text, by spelling id. */
	surfaces: string[];
	/** Per n-gram term id (n ≥ 2): spelling ids of its words at its first occurrence. */
	termSurfaces: Map<number, number[]>;
	/** Memo of displayTerm. */
	displayCache: Map<number, string>;
}

/** A document's distinct terms (ascending ids) and frequencies (title occurrences count twice). */
export interface DocTerms {
	terms: Int32Array;
	counts: Float64Array;
}

class IntList {
	data = new Int32Array(1 << 16);
	length = 0;
	push(x: number): void {
		if (this.length === this.data.length) {
			const next = new Int32Array(this.data.length * 2);
			next.set(this.data);
			this.data = next;
		}
		this.data[this.length++] = x;
	}
	toArray(): Int32Array {
		return this.data.slice(0, this.length);
	}
}

/** Tokenises every document and counts the document frequency of each 1–3-gram. */
export function buildCorpus(docs: readonly TextDoc[]): Corpus {
	const unigrams = new Map<string, number>();
	const termLength: number[] = [];
	const termPrefix: number[] = [];
	const termFirst: number[] = [];
	const termLast: number[] = [];
	const df: number[] = [];
	const lastDoc: number[] = [];
	const genericFlags: number[] = [];
	// Spelling as written → unigram id (−1: stop word); its count picks the display form.
	const surfaceIds = new Map<string, number>();
	const surfaceTerm: number[] = [];
	const surfaceCount: number[] = [];
	const surfaces: string[] = [];
	const newTerm = (n: number, prefix: number, first: number, last: number): number => {
		termLength.push(n);
		termPrefix.push(prefix);
		termFirst.push(first);
		termLast.push(last);
		df.push(0);
		lastDoc.push(-1);
		return termLength.length - 1;
	};
	const tokens = new IntList();
	const tokenSurfaces = new IntList();
	const termSurfaces = new Map<number, number[]>();
	const gaps: number[] = [];
	const occurrences = new IntList();
	const starts = new Int32Array(docs.length + 1);
	const occurrenceStarts = new Int32Array(docs.length + 1);
	const titleLengths = new Int32Array(docs.length);
	const bigrams = new PairTable();
	const trigrams = new PairTable();

	let pending = true;
	const onWord = (surface: string, gap: boolean) => {
		let sid = surfaceIds.get(surface);
		if (sid === undefined) {
			sid = surfaces.length;
			const stem = contentStem(surface);
			let id = -1;
			if (stem !== null) {
				id = unigrams.get(stem) ?? -1;
				if (id < 0) {
					id = newTerm(1, -1, termLength.length, termLength.length);
					unigrams.set(stem, id);
				}
				if (GENERIC_WORDS.has(surface.toLowerCase())) genericFlags[id] = 1;
			}
			surfaceIds.set(surface, sid);
			surfaces.push(surface);
			surfaceTerm.push(id);
			surfaceCount.push(0);
		}
		const id = surfaceTerm[sid]!;
		if (id < 0) {
			pending = true;
			return;
		}
		surfaceCount[sid]!++;
		tokens.push(id);
		tokenSurfaces.push(sid);
		gaps.push(gap || pending ? 1 : 0);
		pending = false;
	};
	const count = (term: number, d: number, inTitle: boolean) => {
		occurrences.push(term * 2 + (inTitle ? 1 : 0));
		if (lastDoc[term] !== d) {
			lastDoc[term] = d;
			df[term]!++;
		}
	};
	for (let d = 0; d < docs.length; d++) {
		const start = tokens.length;
		starts[d] = start;
		pending = true;
		forEachWord(docs[d]!.title, onWord);
		const titleEnd = tokens.length;
		titleLengths[d] = titleEnd - start;
		pending = true;
		forEachWord(docs[d]!.text, onWord);
		const end = tokens.length;
		occurrenceStarts[d] = occurrences.length;
		const tok = tokens.data;
		for (let i = start; i < end; i++) {
			const inTitle = i < titleEnd;
			const u = tok[i]!;
			count(u, d, inTitle);
			if (i + 1 >= end || gaps[i + 1] || i + 1 === titleEnd) continue;
			const v = tok[i + 1]!;
			const sids = tokenSurfaces.data;
			let b = bigrams.get(u, v);
			if (b < 0) {
				b = newTerm(2, u, u, v);
				bigrams.add(u, v, b);
				termSurfaces.set(b, [sids[i]!, sids[i + 1]!]);
			}
			count(b, d, inTitle);
			if (i + 2 >= end || gaps[i + 2] || i + 2 === titleEnd) continue;
			const w = tok[i + 2]!;
			let t3 = trigrams.get(b, w);
			if (t3 < 0) {
				t3 = newTerm(3, b, u, w);
				trigrams.add(b, w, t3);
				termSurfaces.set(t3, [sids[i]!, sids[i + 1]!, sids[i + 2]!]);
			}
			count(t3, d, inTitle);
		}
	}
	starts[docs.length] = tokens.length;
	occurrenceStarts[docs.length] = occurrences.length;
	return {
		size: docs.length,
		tokens: tokens.toArray(),
		starts,
		titleLengths,
		occurrences: occurrences.toArray(),
		occurrenceStarts,
		unigrams,
		termLength,
		termPrefix,
		termFirst,
		termLast,
		df,
		generic: Uint8Array.from({ length: termLength.length }, (_, i) => genericFlags[i] ?? 0),
		display: displayForms(surfaces, surfaceTerm, surfaceCount, termLength.length),
		surfaces,
		termSurfaces,
		displayCache: new Map(),
	};
}

function displayForms(surfaces: string[], term: number[], count: number[], n: number): string[] {
	const best: number[] = new Array<number>(n).fill(-1);
	surfaces.forEach((s, sid) => {
		const t = term[sid]!;
		if (t < 0) return;
		const b = best[t]!;
		if (b < 0 || count[sid]! > count[b]! || (count[sid] === count[b] && s < surfaces[b]!))
			best[t] = sid;
	});
	return best.map((sid) => {
		if (sid < 0) return ''; // not a unigram
		const s = surfaces[sid]!;
		return showCase(s);
	});
}

/** Acronyms and names with digits (LLMs, ViT, BERT, 3D) keep their case; other words are lower-cased. */
function showCase(s: string): string {
	// Judged per hyphenated part, so that "Self-Supervised" in a title is not taken for an acronym.
	const acronym = s.split('-').some((part) => {
		const upper = part.match(/\p{Lu}/gu)?.length ?? 0;
		return upper >= 2 || (upper === 1 && /\p{N}/u.test(part));
	});
	return acronym ? s : s.toLowerCase();
}

/** A document's distinct terms with their frequencies; title occurrences count twice. */
export function docTerms(c: Corpus, d: number): DocTerms {
	const occ = c.occurrences.slice(c.occurrenceStarts[d]!, c.occurrenceStarts[d + 1]!).sort();
	const terms = new Int32Array(occ.length);
	const counts = new Float64Array(occ.length);
	let n = -1;
	let last = -1;
	for (let i = 0; i < occ.length; i++) {
		const term = occ[i]! >> 1;
		if (term !== last) {
			terms[++n] = term;
			last = term;
		}
		counts[n]! += occ[i]! & 1 ? 2 : 1;
	}
	return { terms: terms.subarray(0, n + 1), counts: counts.subarray(0, n + 1) };
}

/** The unigram ids of a term, in order. */
export function termWords(c: Corpus, term: number): number[] {
	const words: number[] = [];
	for (let t = term; t >= 0; t = c.termPrefix[t]!) words.push(c.termLast[t]!);
	return words.reverse();
}

/** Whether every word of a term is generic ("proposed method"). */
export function isAllGeneric(c: Corpus, term: number): boolean {
	if (!c.generic[c.termFirst[term]!] || !c.generic[c.termLast[term]!]) return false;
	return c.termLength[term]! < 3 || termWords(c, term).every((w) => c.generic[w]);
}

/**
 * How a term is shown to readers: a unigram by its most frequent spelling, a phrase as first
 * written in the corpus ("representation learning", not a mix of each word's favourite form).
 */
export function displayTerm(c: Corpus, term: number): string {
	let text = c.displayCache.get(term);
	if (text === undefined) {
		const sids = c.termSurfaces.get(term);
		text = sids
			? sids.map((sid) => showCase(c.surfaces[sid]!)).join(' ')
			: termWords(c, term)
					.map((w) => c.display[w])
					.join(' ');
		c.displayCache.set(term, text);
	}
	return text;
}

/** Inverse document frequency, smoothed so that a term in every document still weighs a little. */
export function idf(c: Corpus, term: number): number {
	return Math.log((1 + c.size) / (1 + c.df[term]!)) + 1;
}

/**
 * Indices of `scores[0..n)` by score descending, ties by index (= term order, as DocTerms are
 * sorted by term id). Packs score and index into one float so that the native numeric sort of a
 * typed array does the work: no comparator calls, no garbage.
 */
export function rankByScore(scores: Float64Array, n: number): Int32Array {
	const packed = new Float64Array(n);
	for (let i = 0; i < n; i++) packed[i] = -Math.round(scores[i]! * 1e6) * 2 ** 21 + i;
	return unpack(packed.sort());
}

/**
 * The start of `rankByScore(scores, n)`: only the indices whose score rounds to a positive number
 * (at 1e-6), which is everything before the zeros. For callers that stop at the first zero score and
 * whose positive scores are far above 1e-6 (TF-IDF weights are ≥ 1): most of a paper's terms
 * score zero (unique n-grams, generic words), and sorting only the rest is much cheaper.
 */
export function rankPositive(scores: Float64Array, n: number): Int32Array {
	const packed = new Float64Array(n);
	let m = 0;
	for (let i = 0; i < n; i++) {
		const rounded = Math.round(scores[i]! * 1e6);
		if (rounded > 0) packed[m++] = -rounded * 2 ** 21 + i;
	}
	return unpack(packed.subarray(0, m).sort());
}

function unpack(packed: Float64Array): Int32Array {
	const n = packed.length;
	const out = new Int32Array(n);
	for (let i = 0; i < n; i++) out[i] = packed[i]! - Math.floor(packed[i]! / 2 ** 21) * 2 ** 21;
	return out;
}

/**
 * The corpus as numbers: every paper's content words as term ids, 1–3-gram terms with their
 * document frequencies, every n-gram occurrence per paper, and a display form per word.
 * Typed arrays and an open-addressing pair table throughout, because the same code must handle
 * 100,000 papers within the benchmark's time and memory budget.
 */
import { PairTable } from './pair-table.ts';
import { GENERIC_WORDS } from './stopwords.ts';
import { contentStem, forEachWordSpan } from './text.ts';

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
	termLength: Int32Array;
	/** For every term: the term id of its first n−1 words (−1 for unigrams). */
	termPrefix: Int32Array;
	/** For every term: the unigram ids of its first and last word. */
	termFirst: Int32Array;
	termLast: Int32Array;
	/** Document frequency of every term. */
	df: Int32Array;
	/** Per term id: whether a unigram is a generic word of abstracts (see GENERIC_WORDS). */
	generic: Uint8Array;
	/** Per term id: a unigram's display form, its most frequent spelling (lower case unless an acronym). */
	display: string[];
	/** Spellings seen in the text, by spelling id. */
	surfaces: string[];
	/** Per term id, 3 slots: spelling ids of an n-gram's words at its first occurrence (−1: none). */
	termSpelling: Int32Array;
	/** Memo of displayTerm. */
	displayCache: Map<number, string>;
	/** Per term id: its inverse document frequency (see idf), computed once. */
	idfs: Float64Array;
}

/** A document's distinct terms (ascending ids) and frequencies (title occurrences count twice). */
export interface DocTerms {
	terms: Int32Array;
	counts: Float64Array;
}

/** A growable typed array (amortised doubling): no boxed numbers, little garbage. */
class IntList {
	data: Int32Array;
	length = 0;
	private readonly shared: boolean;
	/** `shared`: in a SharedArrayBuffer, so that worker threads read it without a copy. */
	constructor(capacity = 1 << 16, shared = false) {
		this.shared = shared;
		this.data = this.allocate(capacity);
	}
	private allocate(n: number): Int32Array {
		return this.shared ? new Int32Array(new SharedArrayBuffer(n * 4)) : new Int32Array(n);
	}
	push(x: number): void {
		if (this.length === this.data.length) this.grow();
		this.data[this.length++] = x;
	}
	private grow(): void {
		const next = this.allocate(this.data.length * 2);
		next.set(this.data);
		this.data = next;
	}
	toArray(): Int32Array {
		return this.data.slice(0, this.length);
	}
	/** The items without a copy (the list must not be used afterwards). */
	view(): Int32Array {
		return this.data.subarray(0, this.length);
	}
}

/**
 * Spellings interned straight from the text: a word is looked up by hashing its characters in
 * place, so no string is made for a word already seen (nearly all of them: 100,000 abstracts have
 * about 11 million words but some 16,000 spellings). Open addressing over typed arrays.
 */
class SpellingTable {
	readonly spellings: string[] = [];
	private slots = new Int32Array(1 << 15).fill(-1);
	private hashes = new Int32Array(1 << 15);

	/** The id of `s.slice(start, end)`, added if new. */
	intern(s: string, start: number, end: number): number {
		let h = 0x811c9dc5 ^ (end - start);
		for (let k = start; k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
		const mask = this.slots.length - 1;
		let i = (h ^ (h >>> 16)) & mask;
		for (;;) {
			const id = this.slots[i]!;
			if (id < 0) break;
			if (this.hashes[i] === h) {
				const known = this.spellings[id]!;
				if (known.length === end - start && s.startsWith(known, start)) return id;
			}
			i = (i + 1) & mask;
		}
		const id = this.spellings.length;
		this.spellings.push(s.slice(start, end));
		this.slots[i] = id;
		this.hashes[i] = h;
		if (this.spellings.length * 2 > this.slots.length) this.grow();
		return id;
	}

	private grow(): void {
		const { slots, hashes } = this;
		this.slots = new Int32Array(slots.length * 2).fill(-1);
		this.hashes = new Int32Array(slots.length * 2);
		const mask = this.slots.length - 1;
		for (let k = 0; k < slots.length; k++) {
			if (slots[k]! < 0) continue;
			const h = hashes[k]!;
			let i = (h ^ (h >>> 16)) & mask;
			while (this.slots[i]! >= 0) i = (i + 1) & mask;
			this.slots[i] = slots[k]!;
			this.hashes[i] = h;
		}
	}
}

/** Tokenises every document and counts the document frequency of each 1–3-gram. */
export function buildCorpus(docs: readonly TextDoc[]): Corpus {
	const unigrams = new Map<string, number>();
	// Per term: length in words, prefix term, first and last word, document frequency, the last
	// document that counted it, and the spellings of its words at its first occurrence.
	const termLength = new IntList();
	const termPrefix = new IntList();
	const termFirst = new IntList();
	const termLast = new IntList();
	const df = new IntList();
	const lastDoc = new IntList();
	const termSpelling = new IntList(); // 3 per term, −1 where the term has fewer words
	const genericFlags: number[] = [];
	// Spelling id → unigram id (−1: stop word) and count (the most frequent spelling is shown).
	const spellings = new SpellingTable();
	const surfaceTerm = new IntList(1 << 14);
	const surfaceCount = new IntList(1 << 14);
	const newTerm = (n: number, prefix: number, first: number, last: number): number => {
		const id = termLength.length;
		termLength.push(n);
		termPrefix.push(prefix);
		termFirst.push(first);
		termLast.push(last);
		df.push(0);
		lastDoc.push(-1);
		return id;
	};
	// Sized once for the most words the texts can hold (a word and a separator per two
	// characters): growing by doubling copied hundreds of MB at 100,000 papers, and fresh memory
	// is slow to touch on these machines, while pages never written are never touched.
	let chars = 0;
	for (const doc of docs) chars += doc.title.length + doc.text.length + 2;
	const maxWords = Math.ceil(chars / 2) + 1;
	const tokens = new IntList(maxWords);
	const tokenSurfaces = new IntList(maxWords);
	const gaps = new IntList(maxWords);
	const occurrences = new IntList(3 * maxWords, true);
	const starts = new Int32Array(docs.length + 1);
	const occurrenceStarts = new Int32Array(docs.length + 1);
	const titleLengths = new Int32Array(docs.length);
	const bigrams = new PairTable();
	const trigrams = new PairTable();

	let pending = true;
	const onWord = (s: string, start: number, end: number, gap: boolean) => {
		const sid = spellings.intern(s, start, end);
		if (sid === surfaceTerm.length) {
			const surface = spellings.spellings[sid]!;
			const stem = contentStem(surface);
			let id = -1;
			if (stem !== null) {
				id = unigrams.get(stem) ?? -1;
				if (id < 0) {
					id = newTerm(1, -1, termLength.length, termLength.length);
					termSpelling.push(-1);
					termSpelling.push(-1);
					termSpelling.push(-1);
					unigrams.set(stem, id);
				}
				if (GENERIC_WORDS.has(surface.toLowerCase())) genericFlags[id] = 1;
			}
			surfaceTerm.push(id);
			surfaceCount.push(0);
		}
		const id = surfaceTerm.data[sid]!;
		if (id < 0) {
			pending = true;
			return;
		}
		surfaceCount.data[sid]!++;
		tokens.push(id);
		tokenSurfaces.push(sid);
		gaps.push(gap || pending ? 1 : 0);
		pending = false;
	};
	const count = (term: number, d: number, inTitle: boolean) => {
		occurrences.push(term * 2 + (inTitle ? 1 : 0));
		if (lastDoc.data[term] !== d) {
			lastDoc.data[term] = d;
			df.data[term]!++;
		}
	};
	for (let d = 0; d < docs.length; d++) {
		const start = tokens.length;
		starts[d] = start;
		pending = true;
		forEachWordSpan(docs[d]!.title, onWord);
		const titleEnd = tokens.length;
		titleLengths[d] = titleEnd - start;
		pending = true;
		forEachWordSpan(docs[d]!.text, onWord);
		const end = tokens.length;
		occurrenceStarts[d] = occurrences.length;
		const tok = tokens.data;
		const gap = gaps.data;
		const sids = tokenSurfaces.data;
		for (let i = start; i < end; i++) {
			const inTitle = i < titleEnd;
			const u = tok[i]!;
			count(u, d, inTitle);
			if (i + 1 >= end || gap[i + 1] || i + 1 === titleEnd) continue;
			const v = tok[i + 1]!;
			let b = bigrams.get(u, v);
			if (b < 0) {
				b = newTerm(2, u, u, v);
				bigrams.add(u, v, b);
				termSpelling.push(sids[i]!);
				termSpelling.push(sids[i + 1]!);
				termSpelling.push(-1);
			}
			count(b, d, inTitle);
			if (i + 2 >= end || gap[i + 2] || i + 2 === titleEnd) continue;
			const w = tok[i + 2]!;
			let t3 = trigrams.get(b, w);
			if (t3 < 0) {
				t3 = newTerm(3, b, u, w);
				trigrams.add(b, w, t3);
				termSpelling.push(sids[i]!);
				termSpelling.push(sids[i + 1]!);
				termSpelling.push(sids[i + 2]!);
			}
			count(t3, d, inTitle);
		}
	}
	starts[docs.length] = tokens.length;
	occurrenceStarts[docs.length] = occurrences.length;
	const terms = termLength.length;
	const surfaces = spellings.spellings;
	return {
		size: docs.length,
		tokens: tokens.view(),
		starts,
		titleLengths,
		occurrences: occurrences.view(),
		occurrenceStarts,
		unigrams,
		termLength: termLength.toArray(),
		termPrefix: termPrefix.toArray(),
		termFirst: termFirst.toArray(),
		termLast: termLast.toArray(),
		df: df.toArray(),
		generic: Uint8Array.from({ length: terms }, (_, i) => genericFlags[i] ?? 0),
		display: displayForms(surfaces, surfaceTerm.toArray(), surfaceCount.toArray(), terms),
		surfaces,
		termSpelling: termSpelling.toArray(),
		displayCache: new Map(),
		idfs: Float64Array.from(df.view(), (n) => Math.log((1 + docs.length) / (1 + n)) + 1),
	};
}

function displayForms(
	surfaces: string[],
	term: Int32Array,
	count: Int32Array,
	n: number,
): string[] {
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
		if (c.termLength[term] === 1) text = c.display[term]!;
		else {
			const words: string[] = [];
			for (let k = 0; k < c.termLength[term]!; k++)
				words.push(showCase(c.surfaces[c.termSpelling[term * 3 + k]!]!));
			text = words.join(' ');
		}
		c.displayCache.set(term, text);
	}
	return text;
}

/** Inverse document frequency, smoothed so that a term in every document still weighs a little. */
export function idf(c: Corpus, term: number): number {
	return c.idfs[term]!;
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

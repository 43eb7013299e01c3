/**
 * The corpus as numbers: every paper's content words as term ids, 1–3-gram terms with their
 * document frequencies, every n-gram occurrence per paper, and a display form per word.
 * Typed arrays and an open-addressing pair table throughout, because the same code must handle
 * 100,000 papers within the benchmark's time and memory budget.
 */
import { PairTable } from './pair-table.ts';
import { GENERIC_WORDS } from './stopwords.ts';
import { contentStem, forEachWordSpan, readableCase } from './text.ts';

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
	/** Per term id: whether every word of the term is generic (see isAllGeneric). */
	allGeneric: Uint8Array;
	/** Per term id: a unigram's display form, its most frequent spelling (lower case unless an acronym). */
	display: string[];
	/** Spellings seen in the text, by spelling id. */
	surfaces: string[];
	/** Per term id, 3 slots: spelling ids of an n-gram's words at its first occurrence (−1: none). */
	termSpelling: Int32Array;
	/** Memo of displayTerm, by term id ('' until asked): per thread, not shared. */
	displayCache: string[];
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
	/** Makes room for `n` more items and returns them, to be filled by the caller. */
	extend(n: number): Int32Array {
		while (this.length + n > this.data.length) this.grow();
		this.length += n;
		return this.data.subarray(this.length - n, this.length);
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
	const builder = new CorpusBuilder(maxWords(docs));
	builder.addDocs(docs);
	return builder.finish();
}

/** The most words the texts can hold (a word and a separator per two characters). */
export function maxWords(docs: readonly TextDoc[]): number {
	let chars = 0;
	for (const doc of docs) chars += doc.title.length + doc.text.length + 2;
	return Math.ceil(chars / 2) + 1;
}

/**
 * What a CorpusBuilder learnt from its documents, with its own term and spelling ids, in plain
 * arrays that a worker thread can hand over without a copy (see `merge`).
 */
export type CorpusPart = Pick<
	Corpus,
	| 'termLength'
	| 'termPrefix'
	| 'termFirst'
	| 'termLast'
	| 'df'
	| 'generic'
	| 'termSpelling'
	| 'tokens'
	| 'starts'
	| 'titleLengths'
	| 'occurrences'
	| 'occurrenceStarts'
> & {
	docs: number;
	spellings: string[];
	/** Per spelling: its unigram id (−1: stop word) and how often it was seen. */
	surfaceTerm: Int32Array;
	surfaceCount: Int32Array;
	/** Per term: the stem of a unigram ('' for n-grams). */
	stems: string[];
};

/**
 * Builds the corpus from documents in order. Term and spelling ids are given in order of first
 * occurrence, so a second builder can take the later documents on another thread: merging its
 * part gives every id, count and list exactly as one builder going through all documents.
 */
export class CorpusBuilder {
	private readonly unigrams = new Map<string, number>();
	private readonly stems: string[] = [];
	// Per term: length in words, prefix term, first and last word, document frequency, the last
	// document that counted it, and the spellings of its words at its first occurrence.
	private readonly termLength = new IntList();
	private readonly termPrefix = new IntList();
	private readonly termFirst = new IntList();
	private readonly termLast = new IntList();
	private readonly df = new IntList();
	private readonly lastDoc = new IntList();
	private readonly termSpelling = new IntList(); // 3 per term, −1 where the term has fewer words
	private readonly genericFlags: number[] = [];
	// Spelling id → unigram id (−1: stop word) and count (the most frequent spelling is shown).
	private readonly spellings = new SpellingTable();
	private readonly surfaceTerm = new IntList(1 << 14);
	private readonly surfaceCount = new IntList(1 << 14);
	private readonly tokens: IntList;
	private readonly tokenSurfaces: IntList;
	private readonly gaps: IntList;
	private readonly occurrences: IntList;
	private readonly starts: number[] = [];
	private readonly occurrenceStarts: number[] = [];
	private readonly titleLengths: number[] = [];
	private readonly bigrams = new PairTable();
	private readonly trigrams = new PairTable();
	private size = 0;

	/**
	 * Room for `words` tokens (see maxWords), allocated once: growing by doubling copied hundreds
	 * of MB at 100,000 papers, and fresh memory is slow to touch on these machines, while pages
	 * never written are never touched. `shared`: occurrences in shared memory, for worker threads.
	 */
	constructor(words: number, shared = true) {
		this.tokens = new IntList(words);
		this.tokenSurfaces = new IntList(words);
		this.gaps = new IntList(words);
		this.occurrences = new IntList(3 * words, shared);
	}

	private newTerm(n: number, prefix: number, first: number, last: number): number {
		const id = this.termLength.length;
		this.termLength.push(n);
		this.termPrefix.push(prefix);
		this.termFirst.push(first);
		this.termLast.push(last);
		this.df.push(0);
		this.lastDoc.push(-1);
		return id;
	}

	private newUnigram(stem: string): number {
		const id = this.newTerm(1, -1, this.termLength.length, this.termLength.length);
		this.termSpelling.push(-1);
		this.termSpelling.push(-1);
		this.termSpelling.push(-1);
		this.unigrams.set(stem, id);
		this.stems[id] = stem;
		return id;
	}

	/** Tokenises the documents and counts their 1–3-grams, after those added before. */
	addDocs(docs: readonly TextDoc[]): void {
		const { tokens, tokenSurfaces, gaps, occurrences, df, lastDoc, termSpelling } = this;
		const { spellings, surfaceTerm, surfaceCount, bigrams, trigrams } = this;
		let pending = true;
		const onWord = (s: string, start: number, end: number, gap: boolean) => {
			const sid = spellings.intern(s, start, end);
			if (sid === surfaceTerm.length) {
				const surface = spellings.spellings[sid]!;
				const stem = contentStem(surface);
				let id = -1;
				if (stem !== null) {
					id = this.unigrams.get(stem) ?? this.newUnigram(stem);
					if (GENERIC_WORDS.has(surface.toLowerCase())) this.genericFlags[id] = 1;
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
		for (const doc of docs) {
			const d = this.size++;
			const start = tokens.length;
			this.starts.push(start);
			pending = true;
			// A title in capitals would make every word an acronym: it is read lower-cased.
			forEachWordSpan(readableCase(doc.title), onWord);
			const titleEnd = tokens.length;
			this.titleLengths.push(titleEnd - start);
			pending = true;
			forEachWordSpan(readableCase(doc.text), onWord);
			const end = tokens.length;
			this.occurrenceStarts.push(occurrences.length);
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
					b = this.newTerm(2, u, u, v);
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
					t3 = this.newTerm(3, b, u, w);
					trigrams.add(b, w, t3);
					termSpelling.push(sids[i]!);
					termSpelling.push(sids[i + 1]!);
					termSpelling.push(sids[i + 2]!);
				}
				count(t3, d, inTitle);
			}
		}
	}

	/** What this builder has learnt, for `merge` on another builder (copies of its lists). */
	part(): CorpusPart {
		const terms = this.termLength.length;
		return {
			docs: this.size,
			spellings: this.spellings.spellings,
			surfaceTerm: this.surfaceTerm.toArray(),
			surfaceCount: this.surfaceCount.toArray(),
			stems: Array.from({ length: terms }, (_, t) => this.stems[t] ?? ''),
			termLength: this.termLength.toArray(),
			termPrefix: this.termPrefix.toArray(),
			termFirst: this.termFirst.toArray(),
			termLast: this.termLast.toArray(),
			df: this.df.toArray(),
			generic: Uint8Array.from({ length: terms }, (_, t) => this.genericFlags[t] ?? 0),
			termSpelling: this.termSpelling.toArray(),
			tokens: this.tokens.toArray(),
			starts: Int32Array.from(this.starts),
			titleLengths: Int32Array.from(this.titleLengths),
			occurrences: this.occurrences.toArray(),
			occurrenceStarts: Int32Array.from(this.occurrenceStarts),
		};
	}

	/**
	 * Adds the documents another builder went through, as if this builder had gone through them
	 * after its own: its spellings and terms are looked up here in its id order (= order of first
	 * occurrence), new ones get the next ids, and its token and occurrence lists are renumbered.
	 */
	merge(p: CorpusPart): void {
		const sidMap = new Int32Array(p.spellings.length);
		const firstNew = this.surfaceTerm.length;
		p.spellings.forEach((spelling, l) => {
			const sid = this.spellings.intern(spelling, 0, spelling.length);
			if (sid === this.surfaceTerm.length) {
				this.surfaceTerm.push(-1); // set below, once the terms are numbered
				this.surfaceCount.push(0);
			}
			sidMap[l] = sid;
		});
		const termMap = new Int32Array(p.termLength.length);
		for (let lt = 0; lt < termMap.length; lt++) {
			const n = p.termLength[lt]!;
			let g: number;
			if (n === 1) g = this.unigrams.get(p.stems[lt]!) ?? this.newUnigram(p.stems[lt]!);
			else {
				const prefix = termMap[p.termPrefix[lt]!]!;
				const last = termMap[p.termLast[lt]!]!;
				const table = n === 2 ? this.bigrams : this.trigrams;
				g = table.get(prefix, last);
				if (g < 0) {
					g = this.newTerm(n, prefix, termMap[p.termFirst[lt]!]!, last);
					table.add(prefix, last, g);
					for (let k = 0; k < 3; k++) {
						const l = p.termSpelling[lt * 3 + k]!;
						this.termSpelling.push(l < 0 ? -1 : sidMap[l]!);
					}
				}
			}
			termMap[lt] = g;
			this.df.data[g]! += p.df[lt]!;
			if (p.generic[lt]) this.genericFlags[g] = 1;
		}
		p.spellings.forEach((_, l) => {
			const sid = sidMap[l]!;
			if (sid >= firstNew && this.surfaceTerm.data[sid] === -1) {
				const t = p.surfaceTerm[l]!;
				this.surfaceTerm.data[sid] = t < 0 ? -1 : termMap[t]!;
			}
			this.surfaceCount.data[sid]! += p.surfaceCount[l]!;
		});
		const tokenBase = this.tokens.length;
		const occurrenceBase = this.occurrences.length;
		for (let d = 0; d < p.docs; d++) {
			this.starts.push(tokenBase + p.starts[d]!);
			this.titleLengths.push(p.titleLengths[d]!);
			this.occurrenceStarts.push(occurrenceBase + p.occurrenceStarts[d]!);
		}
		const tokens = this.tokens.extend(p.tokens.length);
		for (let i = 0; i < p.tokens.length; i++) tokens[i] = termMap[p.tokens[i]!]!;
		const occurrences = this.occurrences.extend(p.occurrences.length);
		for (let i = 0; i < p.occurrences.length; i++) {
			const o = p.occurrences[i]!;
			occurrences[i] = termMap[o >> 1]! * 2 + (o & 1);
		}
		this.size += p.docs;
	}

	/** The corpus of every document added or merged. */
	finish(): Corpus {
		const terms = this.termLength.length;
		const generic = Uint8Array.from({ length: terms }, (_, i) => this.genericFlags[i] ?? 0);
		const surfaces = this.spellings.spellings;
		const df = this.df.toArray();
		return {
			size: this.size,
			tokens: this.tokens.view(),
			starts: Int32Array.from([...this.starts, this.tokens.length]),
			titleLengths: Int32Array.from(this.titleLengths),
			occurrences: this.occurrences.view(),
			occurrenceStarts: Int32Array.from([...this.occurrenceStarts, this.occurrences.length]),
			unigrams: this.unigrams,
			termLength: this.termLength.toArray(),
			termPrefix: this.termPrefix.toArray(),
			termFirst: this.termFirst.toArray(),
			termLast: this.termLast.toArray(),
			df,
			generic,
			allGeneric: allGenericOf(
				generic,
				this.termLength.view(),
				this.termPrefix.view(),
				this.termLast.view(),
			),
			display: displayForms(
				surfaces,
				this.surfaceTerm.toArray(),
				this.surfaceCount.toArray(),
				terms,
			),
			surfaces,
			termSpelling: this.termSpelling.toArray(),
			...freshCaches(terms),
			idfs: Float64Array.from(df, (n) => Math.log((1 + this.size) / (1 + n)) + 1),
		};
	}
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

/**
 * Typed arrays reused from paper to paper by one function: a fresh one per paper cost more than
 * the work done in it (each is a separate allocation outside the heap, counted towards the next
 * garbage collection). `take(n)` is valid until the next `take` on the same scratch.
 */
export class Scratch<T extends Int32Array | Float64Array> {
	private items: T;
	private readonly make: (n: number) => T;
	constructor(make: (n: number) => T) {
		this.make = make;
		this.items = make(256);
	}
	/** `n` items, zeroed when `zero` is set. */
	take(n: number, zero = false): T {
		if (this.items.length < n) this.items = this.make(Math.max(n, this.items.length * 2));
		const view = this.items.subarray(0, n) as T;
		if (zero) view.fill(0);
		return view;
	}
}

const occurrenceScratch = new Scratch((n) => new Int32Array(n));
const termScratch = new Scratch((n) => new Int32Array(n));
const countScratch = new Scratch((n) => new Float64Array(n));

/**
 * A document's distinct terms with their frequencies; title occurrences count twice. The arrays
 * are reused by the next call (callers use them at once).
 */
export function docTerms(c: Corpus, d: number): DocTerms {
	const from = c.occurrenceStarts[d]!;
	const to = c.occurrenceStarts[d + 1]!;
	const occ = occurrenceScratch.take(to - from);
	occ.set(c.occurrences.subarray(from, to));
	occ.sort();
	const terms = termScratch.take(occ.length);
	const counts = countScratch.take(occ.length, true);
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

/** Empty memos for a corpus of `terms` terms (see Corpus.displayCache). */
export function freshCaches(terms: number): Pick<Corpus, 'displayCache'> {
	return { displayCache: new Array<string>(terms).fill('') };
}

/** Whether every word of a term is generic ("proposed method"). */
export function isAllGeneric(c: Corpus, term: number): boolean {
	return c.allGeneric[term] === 1;
}

/** isAllGeneric of every term, computed once (it was asked about each term of each paper). */
function allGenericOf(
	generic: Uint8Array,
	termLength: Int32Array,
	termPrefix: Int32Array,
	termLast: Int32Array,
): Uint8Array {
	const all = new Uint8Array(termLength.length);
	for (let t = 0; t < all.length; t++) {
		// A term's prefix always has a smaller id (it was seen first), so its answer is known.
		all[t] = termLength[t] === 1 ? generic[t]! : all[termPrefix[t]!]! & generic[termLast[t]!]!;
	}
	return all;
}

/**
 * How a term is shown to readers: a unigram by its most frequent spelling, a phrase as first
 * written in the corpus ("representation learning", not a mix of each word's favourite form).
 */
export function displayTerm(c: Corpus, term: number): string {
	let text = c.displayCache[term]!;
	if (text === '') {
		if (c.termLength[term] === 1) text = c.display[term]!;
		else {
			const words: string[] = [];
			for (let k = 0; k < c.termLength[term]!; k++)
				words.push(showCase(c.surfaces[c.termSpelling[term * 3 + k]!]!));
			text = words.join(' ');
		}
		c.displayCache[term] = text;
	}
	return text;
}

/** Inverse document frequency, smoothed so that a term in every document still weighs a little. */
export function idf(c: Corpus, term: number): number {
	return c.idfs[term]!;
}

const packedScratch = new Scratch((n) => new Float64Array(n));

/**
 * Indices of `scores[0..n)` by score descending, ties by index (= term order, as DocTerms are
 * sorted by term id). Packs score and index into one float so that the native numeric sort of a
 * typed array does the work: no comparator calls, no garbage.
 */
export function rankByScore(scores: Float64Array, n: number): Int32Array {
	const packed = packedScratch.take(n);
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
	const packed = packedScratch.take(n);
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

/**
 * The corpus as numbers: every paper's content words as term ids, 1–3-gram terms with their
 * document frequencies, and a display form per term. Typed arrays throughout, because the same
 * code must handle 100,000 papers within the benchmark's time and memory budget.
 */
import { GENERIC_WORDS } from './stopwords.ts';
import { tokenize } from './text.ts';

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
	/** 1 where a token is not adjacent to the previous one (stop word or punctuation between). */
	gaps: Uint8Array;
	/** Document d's tokens are `tokens[starts[d] .. starts[d+1])`. */
	starts: Int32Array;
	/** Number of title tokens of each document. */
	titleLengths: Int32Array;
	/** Stem → unigram term id. */
	unigrams: Map<string, number>;
	/** For every term: its length in words (1–3). */
	termLength: number[];
	/** For every term: the term id of its first n−1 words (−1 for unigrams). */
	termPrefix: number[];
	/** For every term: the unigram id of its last word. */
	termLast: number[];
	/** Document frequency of every term. */
	df: Int32Array;
	/** Whether a unigram is a generic word of abstracts (see GENERIC_WORDS). */
	generic: Uint8Array;
	/** Display form of every unigram: its most frequent spelling, lower-cased unless an acronym. */
	display: string[];
	bigrams: Map<number, number>;
	trigrams: Map<number, number>;
}

const SHIFT = 2 ** 24;

/** Tokenises every document and counts the document frequency of each 1–3-gram. */
export function buildCorpus(docs: readonly TextDoc[]): Corpus {
	const unigrams = new Map<string, number>();
	const termLength: number[] = [];
	const termPrefix: number[] = [];
	const termLast: number[] = [];
	const surfaceIds = new Map<string, number>();
	const surfaceTerm: number[] = [];
	const surfaceCount: number[] = [];
	const surfaces: string[] = [];
	let tokens = new Int32Array(1 << 16);
	let gaps = new Uint8Array(1 << 16);
	let used = 0;
	const starts = new Int32Array(docs.length + 1);
	const titleLengths = new Int32Array(docs.length);
	const genericFlags: number[] = [];

	const push = (id: number, gap: boolean) => {
		if (used === tokens.length) {
			const t = new Int32Array(tokens.length * 2);
			t.set(tokens);
			tokens = t;
			const g = new Uint8Array(gaps.length * 2);
			g.set(gaps);
			gaps = g;
		}
		tokens[used] = id;
		gaps[used++] = gap ? 1 : 0;
	};
	const addTokens = (text: string): number => {
		const before = used;
		for (const tok of tokenize(text)) {
			let sid = surfaceIds.get(tok.surface);
			if (sid === undefined) {
				let id = unigrams.get(tok.stem);
				if (id === undefined) {
					id = termLength.length;
					unigrams.set(tok.stem, id);
					termLength.push(1);
					termPrefix.push(-1);
					termLast.push(id);
					genericFlags[id] = 0;
				}
				if (GENERIC_WORDS.has(tok.surface.toLowerCase())) genericFlags[id] = 1;
				sid = surfaces.length;
				surfaceIds.set(tok.surface, sid);
				surfaces.push(tok.surface);
				surfaceTerm.push(id);
				surfaceCount.push(0);
			}
			surfaceCount[sid]!++;
			push(surfaceTerm[sid]!, tok.gap);
		}
		return used - before;
	};
	docs.forEach((doc, d) => {
		starts[d] = used;
		titleLengths[d] = addTokens(doc.title);
		addTokens(doc.text);
	});
	starts[docs.length] = used;

	const corpus: Corpus = {
		size: docs.length,
		tokens: tokens.subarray(0, used),
		gaps: gaps.subarray(0, used),
		starts,
		titleLengths,
		unigrams,
		termLength,
		termPrefix,
		termLast,
		df: new Int32Array(0),
		generic: Uint8Array.from(genericFlags, (g) => g ?? 0),
		display: displayForms(surfaces, surfaceTerm, surfaceCount, unigrams.size),
		bigrams: new Map(),
		trigrams: new Map(),
	};
	// Document frequencies: each term counted once per document.
	const df: number[] = [];
	const lastDoc: number[] = [];
	for (let d = 0; d < docs.length; d++)
		forEachTerm(corpus, d, true, (term) => {
			if (lastDoc[term] === d) return;
			lastDoc[term] = d;
			df[term] = (df[term] ?? 0) + 1;
		});
	corpus.df = Int32Array.from({ length: termLength.length }, (_, i) => df[i] ?? 0);
	return corpus;
}

function displayForms(surfaces: string[], term: number[], count: number[], n: number): string[] {
	const best: number[] = new Array<number>(n).fill(-1);
	surfaces.forEach((s, sid) => {
		const t = term[sid]!;
		const b = best[t]!;
		if (b < 0 || count[sid]! > count[b]! || (count[sid] === count[b] && s < surfaces[b]!))
			best[t] = sid;
	});
	return best.map((sid) => {
		const s = surfaces[sid]!;
		// Acronyms (LLMs, ViT, BERT) keep their case; ordinary words are shown in lower case.
		return (s.match(/\p{Lu}/gu)?.length ?? 0) >= 2 ? s : s.toLowerCase();
	});
}

/**
 * Calls `fn(term, inTitle)` for every 1–3-gram occurrence of document d (n-grams never span a
 * gap or the title/text boundary). With `create`, unseen n-grams get new term ids; without it
 * they are skipped.
 */
export function forEachTerm(
	c: Corpus,
	d: number,
	create: boolean,
	fn: (term: number, inTitle: boolean) => void,
): void {
	const start = c.starts[d]!;
	const end = c.starts[d + 1]!;
	const titleEnd = start + c.titleLengths[d]!;
	for (let i = start; i < end; i++) {
		const inTitle = i < titleEnd;
		const u = c.tokens[i]!;
		fn(u, inTitle);
		if (i + 1 >= end || c.gaps[i + 1] || i + 1 === titleEnd) continue;
		const b = ngram(c, c.bigrams, u, c.tokens[i + 1]!, 2, create);
		if (b < 0) continue;
		fn(b, inTitle);
		if (i + 2 >= end || c.gaps[i + 2] || i + 2 === titleEnd) continue;
		const t = ngram(c, c.trigrams, b, c.tokens[i + 2]!, 3, create);
		if (t >= 0) fn(t, inTitle);
	}
}

function ngram(
	c: Corpus,
	table: Map<number, number>,
	prefix: number,
	last: number,
	n: number,
	create: boolean,
): number {
	const key = prefix * SHIFT + last;
	let id = table.get(key);
	if (id === undefined) {
		if (!create) return -1;
		id = c.termLength.length;
		table.set(key, id);
		c.termLength.push(n);
		c.termPrefix.push(prefix);
		c.termLast.push(last);
	}
	return id;
}

/** The unigram ids of a term, in order. */
export function termWords(c: Corpus, term: number): number[] {
	const words: number[] = [];
	for (let t = term; t >= 0; t = c.termPrefix[t]!) words.unshift(c.termLast[t]!);
	return words;
}

/** How a term is shown to readers: its words' display forms joined by spaces. */
export function displayTerm(c: Corpus, term: number): string {
	return termWords(c, term)
		.map((w) => c.display[w])
		.join(' ');
}

/** Inverse document frequency, smoothed so that a term in every document still weighs a little. */
export function idf(c: Corpus, term: number): number {
	return Math.log((1 + c.size) / (1 + c.df[term]!)) + 1;
}

/** A document's term frequencies: title occurrences count twice (titles are dense in meaning). */
export function termFrequencies(c: Corpus, d: number): Map<number, number> {
	const tf = new Map<number, number>();
	forEachTerm(c, d, false, (term, inTitle) =>
		tf.set(term, (tf.get(term) ?? 0) + (inTitle ? 2 : 1)),
	);
	return tf;
}

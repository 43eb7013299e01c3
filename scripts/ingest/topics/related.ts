/**
 * Related papers by cosine similarity of sparse TF-IDF vectors (unigrams and bigrams of title
 * and abstract), as arxiv-sanity does. Candidate pruning keeps it fast on 100,000 papers:
 * every vector keeps only its top terms, and the inverted index keeps, per term, only the
 * papers where that term weighs most ("champion lists"); a paper is scored only against the
 * candidates reached through its own top terms.
 */
import {
	type Corpus,
	type DocTerms,
	displayTerm,
	idf,
	isAllGeneric,
	rankByScore,
	rankPositive,
	Scratch,
	termWords,
} from './tfidf.ts';

/** Tuning of the related-paper search. */
export const RELATED = {
	/** Related papers per paper. */
	count: 5,
	/** Terms kept per vector. */
	vectorTerms: 60,
	/** A paper looks for candidates through this many of its heaviest terms. */
	queryTerms: 30,
	/** Papers kept per term in the inverted index (beyond `exactUpTo` papers). */
	championList: 100,
	/** Up to this many papers, every posting is kept: exact search is cheap there. */
	exactUpTo: 5000,
	/** Candidates (by partial score through the query terms) re-ranked by exact cosine. */
	rescore: 20,
	/** Shared terms shown per link. */
	sharedTerms: 3,
	/** Below this cosine a paper is not shown as related. */
	minScore: 0.05,
	/**
	 * Weight of a link between papers whose arXiv categories share no group (fieldMask): one word
	 * in common linked "The evolution of the Earth-Moon system" to a Mars benchmark of computer
	 * vision, and a combinatorics paper on counting to a counting model for images.
	 */
	otherField: 0.5,
} as const;

/** A sparse unit vector: term ids ascending, weights aligned. */
export interface SparseVector {
	terms: Int32Array;
	weights: Float32Array;
}

/** Every paper's vector in fixed-width slots of shared memory: both threads write their own. */
export interface VectorStore {
	width: number;
	terms: Int32Array;
	weights: Float32Array;
	lengths: Int32Array;
}

/** Room for `n` vectors of at most `width` terms. */
export function createVectorStore(n: number, width: number): VectorStore {
	return {
		width,
		terms: new Int32Array(new SharedArrayBuffer(n * width * 4)),
		weights: new Float32Array(new SharedArrayBuffer(n * width * 4)),
		lengths: new Int32Array(new SharedArrayBuffer(n * 4)),
	};
}

/** Paper d's vector (views of the store, no copy). */
export function vectorAt(store: VectorStore, d: number): SparseVector {
	const at = d * store.width;
	const end = at + store.lengths[d]!;
	return { terms: store.terms.subarray(at, end), weights: store.weights.subarray(at, end) };
}

/** A store holding `vectors` (for callers that have them as objects). */
export function storeOf(vectors: readonly SparseVector[]): VectorStore {
	const width = vectors.reduce((m, v) => Math.max(m, v.terms.length), 0);
	const store = createVectorStore(vectors.length, width);
	vectors.forEach((v, d) => {
		store.lengths[d] = v.terms.length;
		store.terms.set(v.terms, d * width);
		store.weights.set(v.weights, d * width);
	});
	return store;
}

/** A related paper: index of the document, cosine, shared terms as shown to readers. */
export interface RelatedLink {
	doc: number;
	score: number;
	terms: string[];
}

const vectorScratch = new Scratch((n) => new Float64Array(n));

/** The TF-IDF vector of a document, cut to its top terms and normalised to unit length. */
export function buildVector(c: Corpus, doc: DocTerms): SparseVector {
	const n = doc.terms.length;
	const scores = vectorScratch.take(n, true);
	for (let i = 0; i < n; i++) {
		const term = doc.terms[i]!;
		if (c.termLength[term]! > 2 || c.df[term]! < 2) continue; // a unique term links nothing
		if (isAllGeneric(c, term)) continue;
		scores[i] = (1 + Math.log(doc.counts[i]!)) * idf(c, term);
	}
	const order = rankPositive(scores, n);
	const k = Math.min(order.length, RELATED.vectorTerms);
	const top = order.subarray(0, k).sort();
	let norm = 0;
	for (let j = 0; j < k; j++) norm += scores[top[j]!]! ** 2;
	norm = Math.sqrt(norm) || 1;
	// Plain loops: TypedArray.from with a mapping function is several times slower.
	const terms = new Int32Array(k);
	const weights = new Float32Array(k);
	for (let j = 0; j < k; j++) {
		terms[j] = doc.terms[top[j]!]!;
		weights[j] = scores[top[j]!]! / norm;
	}
	return { terms, weights };
}

/** Cosine of two unit vectors (a merge of their sorted term lists). */
export function cosine(a: SparseVector, b: SparseVector): number {
	let i = 0;
	let j = 0;
	let sum = 0;
	while (i < a.terms.length && j < b.terms.length) {
		const x = a.terms[i]!;
		const y = b.terms[j]!;
		if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
		else if (x < y) i++;
		else j++;
	}
	return sum;
}

/** A vector as a term → weight map, for many dot products against one large vector (a centroid). */
export function indexVector(v: SparseVector): Map<number, number> {
	const m = new Map<number, number>();
	for (let i = 0; i < v.terms.length; i++) m.set(v.terms[i]!, v.weights[i]!);
	return m;
}

/** Cosine of a small unit vector with an indexed one: cost proportional to the small one. */
export function cosineIndexed(v: SparseVector, index: ReadonlyMap<number, number>): number {
	let sum = 0;
	for (let i = 0; i < v.terms.length; i++) sum += v.weights[i]! * (index.get(v.terms[i]!) ?? 0);
	return sum;
}

/**
 * The most similar documents of every document. `order[d]` is d's tie-break rank (slug order),
 * so equal scores always list the same way; `fields[d]` its arXiv groups (fieldMask), 0 when
 * unknown: two papers of known groups that share none weigh RELATED.otherField as much.
 */
export function findRelated(
	c: Corpus,
	vectors: readonly SparseVector[],
	order: ArrayLike<number>,
	fields: Uint8Array = new Uint8Array(vectors.length),
): RelatedLink[][] {
	const postings = championLists(vectors, c.df.length);
	const ranks = Int32Array.from(order);
	return relatedInRange(c, storeOf(vectors), postings, ranks, fields, 0, vectors.length);
}

/**
 * The inverted index findRelated searches: exact on small corpora, champion lists where they are
 * needed for speed. Its arrays live in shared memory, so a worker thread can search it too.
 */
export function championLists(vectors: readonly SparseVector[], terms: number): Postings {
	const cap = vectors.length <= RELATED.exactUpTo ? vectors.length : RELATED.championList;
	return buildChampionLists(vectors, terms, cap);
}

/** The related documents of documents `from` … `to − 1` (see findRelated). */
export function relatedInRange(
	c: Corpus,
	store: VectorStore,
	postings: Postings,
	order: Int32Array,
	fields: Uint8Array,
	from: number,
	to: number,
): RelatedLink[][] {
	return unpackLinks(c, relatedPacked(c, store, postings, order, fields, from, to));
}

/**
 * Related documents of a range in typed arrays, RELATED.count slots per document: a worker
 * thread hands them over without a copy (as objects, cloning them cost 0.3 s each way at
 * 100,000 papers). Shared terms are term ids, −1 in unused slots.
 */
export interface PackedLinks {
	/** Links per document. */
	count: Int8Array;
	docs: Int32Array;
	/** Cosines, rounded to 3 decimals. */
	scores: Float64Array;
	/** RELATED.sharedTerms slots per link. */
	terms: Int32Array;
}

/** The links as objects, with the shared terms as readers see them. */
export function unpackLinks(c: Corpus, p: PackedLinks): RelatedLink[][] {
	const out: RelatedLink[][] = [];
	for (let d = 0; d < p.count.length; d++) {
		const links: RelatedLink[] = [];
		for (let k = 0; k < p.count[d]!; k++) {
			const at = d * RELATED.count + k;
			const terms: string[] = [];
			for (let s = 0; s < RELATED.sharedTerms; s++) {
				const t = p.terms[at * RELATED.sharedTerms + s]!;
				if (t >= 0) terms.push(displayTerm(c, t));
			}
			links.push({ doc: p.docs[at]!, score: p.scores[at]!, terms });
		}
		out.push(links);
	}
	return out;
}

/** The buffers of packed links, to transfer them. */
export const linkBuffers = (p: PackedLinks): ArrayBuffer[] =>
	[p.count, p.docs, p.scores, p.terms].map((a) => a.buffer as ArrayBuffer);

/** relatedInRange, packed (see PackedLinks). */
export function relatedPacked(
	c: Corpus,
	store: VectorStore,
	postings: Postings,
	order: Int32Array,
	fields: Uint8Array,
	from: number,
	to: number,
): PackedLinks {
	const n = store.lengths.length;
	const { start, docs, weights } = postings;
	const { width, lengths } = store;
	const allTerms = store.terms;
	const allWeights = store.weights;
	const acc = new Float64Array(n);
	const touched = new Int32Array(n);
	const dense = new Float32Array(c.df.length);
	const queryScores = new Float64Array(width);
	// The best candidates so far, best first, in typed arrays (no objects in the hot loop).
	const bestDocs = new Int32Array(RELATED.rescore);
	const bestScores = new Float64Array(RELATED.rescore);
	const exactDocs = new Int32Array(RELATED.count);
	const exactScores = new Float64Array(RELATED.count);
	const size = to - from;
	const out: PackedLinks = {
		count: new Int8Array(size),
		docs: new Int32Array(size * RELATED.count),
		scores: new Float64Array(size * RELATED.count),
		terms: new Int32Array(size * RELATED.count * RELATED.sharedTerms).fill(-1),
	};
	for (let d = from; d < to; d++) {
		const v = vectorAt(store, d);
		let nTouched = 0;
		const m = v.weights.length;
		for (let i = 0; i < m; i++) queryScores[i] = v.weights[i]!;
		const query = rankByScore(queryScores, m);
		for (let q = 0; q < Math.min(query.length, RELATED.queryTerms); q++) {
			const i = query[q]!;
			const t = v.terms[i]!;
			const w = v.weights[i]!;
			for (let k = start[t]!, end = start[t + 1]!; k < end; k++) {
				const e = docs[k]!;
				if (e === d) continue;
				if (acc[e] === 0) touched[nTouched++] = e;
				acc[e]! += w * weights[k]!;
			}
		}
		// Keep the best partial scores, then rank those few by their exact cosine.
		let nBest = 0;
		const field = fields[d]!;
		for (let k = 0; k < nTouched; k++) {
			const e = touched[k]!;
			const score = acc[e]! * fieldWeight(field, fields[e]!);
			acc[e] = 0;
			nBest = insertTop(bestDocs, bestScores, nBest, e, score, RELATED.rescore, order);
		}
		// Exact cosines against a dense copy of v: one pass over each candidate's terms instead of
		// a branchy merge (same products, summed in the same term order: the same bits).
		for (let i = 0; i < v.terms.length; i++) dense[v.terms[i]!] = v.weights[i]!;
		let nExact = 0;
		for (let b = 0; b < nBest; b++) {
			// Straight from the store: one object per candidate cost as much as its terms.
			const at = bestDocs[b]! * width;
			const end = at + lengths[bestDocs[b]!]!;
			let score = 0;
			for (let j = at; j < end; j++) score += dense[allTerms[j]!]! * allWeights[j]!;
			score *= fieldWeight(field, fields[bestDocs[b]!]!);
			if (score >= RELATED.minScore)
				nExact = insertTop(
					exactDocs,
					exactScores,
					nExact,
					bestDocs[b]!,
					score,
					RELATED.count,
					order,
				);
		}
		for (let i = 0; i < v.terms.length; i++) dense[v.terms[i]!] = 0;
		out.count[d - from] = nExact;
		for (let k = 0; k < nExact; k++) {
			const at = (d - from) * RELATED.count + k;
			out.docs[at] = exactDocs[k]!;
			out.scores[at] = Math.round(exactScores[k]! * 1000) / 1000;
			const terms = sharedTermIds(c, v, vectorAt(store, exactDocs[k]!));
			out.terms.set(terms, at * RELATED.sharedTerms);
		}
	}
	return out;
}

/** A link's weight by the arXiv groups of its papers (fieldMask; 0 unknown): RELATED.otherField across groups. */
function fieldWeight(a: number, b: number): number {
	return a !== 0 && b !== 0 && (a & b) === 0 ? RELATED.otherField : 1;
}

/** Whether (score a, doc a) ranks before (score b, doc b): higher score, then lower tie-break rank. */
function ranksBefore(
	aScore: number,
	aDoc: number,
	bScore: number,
	bDoc: number,
	order: Int32Array,
): boolean {
	return aScore > bScore || (aScore === bScore && order[aDoc]! < order[bDoc]!);
}

/**
 * Inserts (doc, score) into the first `n` slots of `docs`/`scores`, kept sorted by ranksBefore
 * and at most `max` long; returns the new length (typed arrays, no calls: hot loop).
 */
function insertTop(
	docs: Int32Array,
	scores: Float64Array,
	n: number,
	doc: number,
	score: number,
	max: number,
	order: Int32Array,
): number {
	if (n === max && !ranksBefore(score, doc, scores[n - 1]!, docs[n - 1]!, order)) return n;
	let at = n === max ? n - 1 : n;
	while (at > 0 && ranksBefore(score, doc, scores[at - 1]!, docs[at - 1]!, order)) {
		docs[at] = docs[at - 1]!;
		scores[at] = scores[at - 1]!;
		at--;
	}
	docs[at] = doc;
	scores[at] = score;
	return n === max ? n : n + 1;
}

/** Inverted index in compressed rows: term t's postings are `docs/weights[start[t] .. start[t+1])`. */
export interface Postings {
	start: Int32Array;
	docs: Int32Array;
	weights: Float32Array;
}

/**
 * Champion lists: term → the documents where it weighs most, at most `cap` per term (all of them
 * on small corpora, where exact search is cheap). Typed arrays, no per-posting objects.
 */
function buildChampionLists(
	vectors: readonly SparseVector[],
	terms: number,
	cap: number,
): Postings {
	const count = new Int32Array(terms + 1);
	for (const v of vectors) for (let i = 0; i < v.terms.length; i++) count[v.terms[i]! + 1]!++;
	const start = sharedInt32(terms + 1);
	for (let t = 0; t < terms; t++) start[t + 1] = start[t]! + Math.min(count[t + 1]!, cap);
	const all = new Int32Array(terms + 1);
	for (let t = 0; t < terms; t++) all[t + 1] = all[t]! + count[t + 1]!;
	// Fill full lists (documents ascending), then keep the heaviest `cap` of each.
	const fullDocs = new Int32Array(all[terms]!);
	const fullWeights = new Float64Array(all[terms]!);
	const fill = all.slice();
	vectors.forEach((v, d) => {
		for (let i = 0; i < v.terms.length; i++) {
			const at = fill[v.terms[i]!]!++;
			fullDocs[at] = d;
			fullWeights[at] = v.weights[i]!;
		}
	});
	const docs = sharedInt32(start[terms]!);
	const weights = new Float32Array(new SharedArrayBuffer(start[terms]! * 4));
	for (let t = 0; t < terms; t++) {
		const from = all[t]!;
		const n = all[t + 1]! - from;
		if (n === 0) continue;
		const to = start[t]!;
		if (n <= cap) {
			docs.set(fullDocs.subarray(from, from + n), to);
			for (let k = 0; k < n; k++) weights[to + k] = fullWeights[from + k]!;
			continue;
		}
		const ranked = rankByScore(fullWeights.subarray(from, from + n), n);
		for (let k = 0; k < cap; k++) {
			docs[to + k] = fullDocs[from + ranked[k]!]!;
			weights[to + k] = fullWeights[from + ranked[k]!]!;
		}
	}
	return { start, docs, weights };
}

const sharedInt32 = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(n * 4));

/** The terms two vectors share, strongest link first; words already in a shown phrase are skipped. */
export function sharedTerms(c: Corpus, a: SparseVector, b: SparseVector): string[] {
	return sharedTermIds(c, a, b).map((t) => displayTerm(c, t));
}

/** sharedTerms as term ids. */
export function sharedTermIds(c: Corpus, a: SparseVector, b: SparseVector): number[] {
	const shared: Array<[number, number]> = [];
	let i = 0;
	let j = 0;
	while (i < a.terms.length && j < b.terms.length) {
		const x = a.terms[i]!;
		const y = b.terms[j]!;
		if (x === y) shared.push([x, a.weights[i++]! * b.weights[j++]!]);
		else if (x < y) i++;
		else j++;
	}
	shared.sort((p, q) => q[1] - p[1] || p[0] - q[0]);
	const out: number[] = [];
	const words = new Set<number>();
	for (const [term] of shared) {
		if (out.length >= RELATED.sharedTerms) break;
		const ws = termWords(c, term);
		if (ws.every((w) => words.has(w))) continue;
		ws.forEach((w) => words.add(w));
		out.push(term);
	}
	return out;
}

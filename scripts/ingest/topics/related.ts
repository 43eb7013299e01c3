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
	/** Papers kept per term in the inverted index. */
	championList: 200,
	/** Candidates (by partial score through the query terms) re-ranked by exact cosine. */
	rescore: 20,
	/** Shared terms shown per link. */
	sharedTerms: 3,
	/** Below this cosine a paper is not shown as related. */
	minScore: 0.05,
} as const;

/** A sparse unit vector: term ids ascending, weights aligned. */
export interface SparseVector {
	terms: Int32Array;
	weights: Float32Array;
}

/** A related paper: index of the document, cosine, shared terms as shown to readers. */
export interface RelatedLink {
	doc: number;
	score: number;
	terms: string[];
}

/** The TF-IDF vector of a document, cut to its top terms and normalised to unit length. */
export function buildVector(c: Corpus, doc: DocTerms): SparseVector {
	const n = doc.terms.length;
	const scores = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const term = doc.terms[i]!;
		if (c.termLength[term]! > 2 || c.df[term]! < 2) continue; // a unique term links nothing
		if (isAllGeneric(c, term)) continue;
		scores[i] = (1 + Math.log(doc.counts[i]!)) * idf(c, term);
	}
	const order = rankByScore(scores, n);
	let k = 0;
	while (k < Math.min(n, RELATED.vectorTerms) && scores[order[k]!]! > 0) k++;
	const top = order.subarray(0, k).sort();
	let norm = 0;
	for (const i of top) norm += scores[i]! ** 2;
	norm = Math.sqrt(norm) || 1;
	return {
		terms: Int32Array.from(top, (i) => doc.terms[i]!),
		weights: Float32Array.from(top, (i) => scores[i]! / norm),
	};
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
 * so equal scores always list the same way.
 */
export function findRelated(
	c: Corpus,
	vectors: readonly SparseVector[],
	order: ArrayLike<number>,
): RelatedLink[][] {
	const n = vectors.length;
	const postings = buildChampionLists(vectors);
	const acc = new Float64Array(n);
	const touched = new Int32Array(n);
	return vectors.map((v, d) => {
		let nTouched = 0;
		const query = rankByScore(Float64Array.from(v.weights), v.weights.length);
		for (let q = 0; q < Math.min(query.length, RELATED.queryTerms); q++) {
			const i = query[q]!;
			const list = postings.get(v.terms[i]!);
			if (!list) continue;
			const w = v.weights[i]!;
			for (let k = 0; k < list.docs.length; k++) {
				const e = list.docs[k]!;
				if (e === d) continue;
				if (acc[e] === 0) touched[nTouched++] = e;
				acc[e]! += w * list.weights[k]!;
			}
		}
		// Keep the best partial scores, then rank those few by their exact cosine.
		const best: Array<{ doc: number; score: number }> = [];
		for (let k = 0; k < nTouched; k++) {
			const e = touched[k]!;
			const score = acc[e]!;
			acc[e] = 0;
			insertBounded(best, { doc: e, score }, RELATED.rescore, order);
		}
		const exact: Array<{ doc: number; score: number }> = [];
		for (const b of best) {
			const score = cosine(v, vectors[b.doc]!);
			if (score >= RELATED.minScore)
				insertBounded(exact, { doc: b.doc, score }, RELATED.count, order);
		}
		return exact.map(({ doc, score }) => ({
			doc,
			score: Math.round(score * 1000) / 1000,
			terms: sharedTerms(c, v, vectors[doc]!),
		}));
	});
}

/** Inserts into a list sorted by score (desc), then tie-break rank (asc), keeping at most `max`. */
function insertBounded(
	list: Array<{ doc: number; score: number }>,
	item: { doc: number; score: number },
	max: number,
	order: ArrayLike<number>,
): void {
	const before = (a: { doc: number; score: number }, b: { doc: number; score: number }) =>
		a.score > b.score || (a.score === b.score && order[a.doc]! < order[b.doc]!);
	if (list.length === max && !before(item, list[max - 1]!)) return;
	let at = list.length;
	while (at > 0 && before(item, list[at - 1]!)) at--;
	list.splice(at, 0, item);
	if (list.length > max) list.pop();
}

/** Champion lists: term → the documents where it weighs most (at most RELATED.championList). */
function buildChampionLists(
	vectors: readonly SparseVector[],
): Map<number, { docs: Int32Array; weights: Float32Array }> {
	const lists = new Map<number, Array<[number, number]>>();
	vectors.forEach((v, d) => {
		for (let i = 0; i < v.terms.length; i++) {
			const t = v.terms[i]!;
			let l = lists.get(t);
			if (!l) lists.set(t, (l = []));
			l.push([d, v.weights[i]!]);
		}
	});
	const out = new Map<number, { docs: Int32Array; weights: Float32Array }>();
	for (const [t, l] of lists) {
		if (l.length < 2) continue;
		if (l.length > RELATED.championList) {
			l.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
			l.length = RELATED.championList;
		}
		out.set(t, {
			docs: Int32Array.from(l, (e) => e[0]),
			weights: Float32Array.from(l, (e) => e[1]),
		});
	}
	return out;
}

/** The terms two vectors share, strongest link first; words already in a shown phrase are skipped. */
export function sharedTerms(c: Corpus, a: SparseVector, b: SparseVector): string[] {
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
	const out: string[] = [];
	const words = new Set<number>();
	for (const [term] of shared) {
		if (out.length >= RELATED.sharedTerms) break;
		const ws = termWords(c, term);
		if (ws.every((w) => words.has(w))) continue;
		ws.forEach((w) => words.add(w));
		out.push(displayTerm(c, term));
	}
	return out;
}

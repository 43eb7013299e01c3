/**
 * Related papers by cosine similarity of sparse TF-IDF vectors (unigrams and bigrams of title
 * and abstract), as arxiv-sanity does. Candidate pruning keeps it fast on 100,000 papers:
 * every vector keeps only its top terms, and the inverted index keeps, per term, only the
 * papers where that term weighs most ("champion lists"); a paper is scored only against the
 * candidates reached through its own top terms.
 */
import { type Corpus, displayTerm, idf, termWords } from './tfidf.ts';

/** Tuning of the related-paper search. */
export const RELATED = {
	/** Related papers per paper. */
	count: 5,
	/** Terms kept per vector. */
	vectorTerms: 40,
	/** Papers kept per term in the inverted index. */
	championList: 300,
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
export function buildVector(c: Corpus, tf: Map<number, number>): SparseVector {
	const entries: Array<[number, number]> = [];
	for (const [term, count] of tf) {
		if (c.termLength[term]! > 2 || c.df[term]! < 2) continue; // a unique term links nothing
		if (termWords(c, term).every((w) => c.generic[w])) continue;
		entries.push([term, (1 + Math.log(count)) * idf(c, term)]);
	}
	entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
	entries.length = Math.min(entries.length, RELATED.vectorTerms);
	entries.sort((a, b) => a[0] - b[0]);
	const norm = Math.sqrt(entries.reduce((s, e) => s + e[1] ** 2, 0)) || 1;
	return {
		terms: Int32Array.from(entries, (e) => e[0]),
		weights: Float32Array.from(entries, (e) => e[1] / norm),
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
		for (let i = 0; i < v.terms.length; i++) {
			const list = postings.get(v.terms[i]!);
			if (!list) continue;
			const w = v.weights[i]!;
			for (let k = 0; k < list.docs.length; k++) {
				const e = list.docs[k]!;
				if (e === d) continue;
				if (acc[e] === 0) touched[nTouched++] = e;
				acc[e] += w * list.weights[k]!;
			}
		}
		const best: Array<{ doc: number; score: number }> = [];
		for (let k = 0; k < nTouched; k++) {
			const e = touched[k]!;
			const score = acc[e]!;
			acc[e] = 0;
			if (score < RELATED.minScore) continue;
			if (best.length === RELATED.count) {
				const last = best[best.length - 1]!;
				if (score < last.score || (score === last.score && order[e]! > order[last.doc]!)) continue;
				best.pop();
			}
			let at = best.length;
			while (
				at > 0 &&
				(best[at - 1]!.score < score ||
					(best[at - 1]!.score === score && order[best[at - 1]!.doc]! > order[e]!))
			)
				at--;
			best.splice(at, 0, { doc: e, score });
		}
		return best.map(({ doc, score }) => ({
			doc,
			score: Math.round(score * 1000) / 1000,
			terms: sharedTerms(c, v, vectors[doc]!),
		}));
	});
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

/**
 * Derived topics: when many papers fit no curated topic (a corpus outside the taxonomy's
 * field), cluster them by their TF-IDF vectors (spherical k-means, deterministic farthest-first
 * seeding) and name each cluster by its top terms.
 */
import { cosine, cosineIndexed, indexVector, type SparseVector } from './related.ts';
import { archiveName, archiveOf, fieldMask } from '../../../src/lib/arxiv-categories.ts';
import { type Corpus, displayTerm, termWords } from './tfidf.ts';

/** When and how to derive topics. */
export const DERIVE = {
	/** Derive only when at least this many papers are unassigned… */
	minPapers: 8,
	/** …and they are at least this share of the corpus. */
	minShare: 0.05,
	/** k-means runs on an evenly spread sample of at most this many papers; all are then assigned. */
	sample: 2000,
	/** Clusters smaller than this dissolve into the catch-all. */
	minClusterSize: 3,
	/** A paper joins a cluster only with at least this cosine to its centroid. */
	minSimilarity: 0.08,
	iterations: 12,
	maxClusters: 12,
	/** A lone naming word gives way to a phrase holding it among this many top terms. */
	phraseReach: 8,
	/** A cluster is named after the arXiv archive (or field) of at least this share of its papers. */
	fieldShare: 0.5,
} as const;

/** A derived topic: its members (document indices) and its top terms (term ids). */
export interface Cluster {
	docs: number[];
	terms: number[];
}

type Dense = Map<number, number>;

function centroid(docs: readonly number[], vectors: readonly SparseVector[]): SparseVector {
	const sum: Dense = new Map();
	for (const d of docs) {
		const v = vectors[d]!;
		for (let i = 0; i < v.terms.length; i++)
			sum.set(v.terms[i]!, (sum.get(v.terms[i]!) ?? 0) + v.weights[i]!);
	}
	const entries = [...sum].sort((a, b) => a[0] - b[0]);
	const norm = Math.sqrt(entries.reduce((s, e) => s + e[1] ** 2, 0)) || 1;
	return {
		terms: Int32Array.from(entries, (e) => e[0]),
		weights: Float32Array.from(entries, (e) => e[1] / norm),
	};
}

/** The centroid (of the given unit vectors, as an index) nearest to a vector, or −1 if none is close. */
function nearest(v: SparseVector, centroids: ReadonlyArray<ReadonlyMap<number, number>>): number {
	let best = -1;
	let bestSim: number = DERIVE.minSimilarity;
	for (let j = 0; j < centroids.length; j++) {
		const s = cosineIndexed(v, centroids[j]!);
		if (s > bestSim) [best, bestSim] = [j, s];
	}
	return best;
}

/** Clusters the given documents (indices in slug order); returns clusters large enough to keep. */
export function deriveClusters(
	c: Corpus,
	docs: readonly number[],
	vectors: readonly SparseVector[],
): Cluster[] {
	if (docs.length < DERIVE.minPapers || docs.length < DERIVE.minShare * c.size) return [];
	const k = Math.min(DERIVE.maxClusters, Math.max(2, Math.round(Math.sqrt(docs.length / 2))));
	// On large corpora, cluster an evenly spread sample (deterministic), then assign everyone.
	const step = Math.max(1, docs.length / DERIVE.sample);
	const sample: number[] = [];
	for (let x = 0; x < docs.length; x += step) sample.push(docs[Math.floor(x)]!);
	// Farthest-first seeding from the first document: deterministic and spread out.
	const seeds = [sample[0]!];
	const closest = sample.map((d) => cosine(vectors[d]!, vectors[seeds[0]!]!));
	while (seeds.length < k) {
		let pick = -1;
		sample.forEach((d, i) => {
			if (!seeds.includes(d) && (pick < 0 || closest[i]! < closest[pick]!)) pick = i;
		});
		if (pick < 0) break;
		const chosen = vectors[sample[pick]!]!;
		seeds.push(sample[pick]!);
		sample.forEach((d, i) => (closest[i] = Math.max(closest[i]!, cosine(vectors[d]!, chosen))));
	}
	let centroids = seeds.map((s) => centroid([s], vectors));
	let assignment: number[] = [];
	for (let it = 0; it < DERIVE.iterations; it++) {
		const indexed = centroids.map(indexVector);
		const next = sample.map((d) => nearest(vectors[d]!, indexed));
		const stable = next.every((a, i) => a === assignment[i]);
		assignment = next;
		if (stable) break;
		centroids = centroids.map((cent, j) => {
			const members = sample.filter((_, i) => assignment[i] === j);
			return members.length > 0 ? centroid(members, vectors) : cent;
		});
	}
	const indexed = centroids.map(indexVector);
	const final = docs.map((d) => nearest(vectors[d]!, indexed));
	const clusters: Cluster[] = [];
	centroids.forEach((cent, j) => {
		const members = docs.filter((_, i) => final[i] === j);
		if (members.length < DERIVE.minClusterSize) return;
		clusters.push({ docs: members, terms: topTerms(c, cent, members, vectors) });
	});
	return clusters;
}

/** A cluster's naming terms: heaviest centroid terms shared by at least two members. */
function topTerms(
	c: Corpus,
	cent: SparseVector,
	members: readonly number[],
	vectors: readonly SparseVector[],
): number[] {
	const inMembers = new Map<number, number>();
	for (const d of members)
		for (const t of vectors[d]!.terms) inMembers.set(t, (inMembers.get(t) ?? 0) + 1);
	const ranked = [...cent.terms.keys()]
		.filter((i) => (inMembers.get(cent.terms[i]!) ?? 0) >= 2)
		.sort((a, b) => cent.weights[b]! - cent.weights[a]! || cent.terms[a]! - cent.terms[b]!)
		.map((i) => cent.terms[i]!);
	// A lone word stands for the phrase it is part of, when one ranks near the top ("initio" is
	// "ab initio"); a word already shown inside a longer phrase is dropped.
	const head = ranked.slice(0, DERIVE.phraseReach);
	const out: number[] = [];
	const words = new Set<number>();
	for (const term of ranked) {
		const ws = termWords(c, term);
		const phrase =
			ws.length === 1
				? head.find((p) => p !== term && termWords(c, p).includes(ws[0]!))
				: undefined;
		const t = phrase ?? term;
		const shown = phrase === undefined ? ws : termWords(c, phrase);
		if (shown.every((w) => words.has(w))) continue;
		shown.forEach((w) => words.add(w));
		out.push(t);
	}
	return out;
}

/**
 * The arXiv groups (fieldMask bits) at least DERIVE.fieldShare of a cluster's papers have their
 * primary category in; 0 when none holds that share (or the papers have no categories).
 */
export function fieldGroup(
	docs: readonly number[],
	categoriesOf: (d: number) => readonly string[],
): number {
	const counts = new Map<number, number>();
	for (const d of docs) {
		const primary = fieldMask(categoriesOf(d).slice(0, 1));
		for (let bit = 1; bit <= primary; bit <<= 1)
			if (primary & bit) counts.set(bit, (counts.get(bit) ?? 0) + 1);
	}
	const need = DERIVE.fieldShare * docs.length;
	return [...counts].filter(([, n]) => n >= need).reduce((group, [bit]) => group | bit, 0);
}

/**
 * The papers of a cluster in its group (fieldGroup), with those whose group is unknown (no
 * categories: trending papers); all of them when it has none. k-means places a paper by its
 * words alone, and a few shared words ("systems", "nonlinear") put computer science papers into
 * a physics cluster.
 */
export function inField(
	docs: readonly number[],
	categoriesOf: (d: number) => readonly string[],
	group = fieldGroup(docs, categoriesOf),
): number[] {
	if (group === 0) return [...docs];
	return docs.filter((d) => {
		const mask = fieldMask(categoriesOf(d));
		return mask === 0 || (mask & group) !== 0;
	});
}

/**
 * Adds each paper that left a cluster of another group to the cluster of its own group (or of
 * none) whose centroid is nearest, at DERIVE.minSimilarity or more; the others stay out (the
 * catch-all). Centroids are those of the clusters as given, so the order of papers does not
 * matter. A mathematics paper out of a physics cluster joins the mathematics one.
 */
export function placeOutsiders(
	outsiders: readonly number[],
	clusters: ReadonlyArray<{ docs: number[]; group: number }>,
	vectors: readonly SparseVector[],
	maskOf: (d: number) => number,
): void {
	if (outsiders.length === 0) return;
	const centroids = clusters.map((cl) => indexVector(centroid(cl.docs, vectors)));
	const joins: Array<[number, number]> = [];
	for (const d of outsiders) {
		const mask = maskOf(d);
		let best = -1;
		let bestSim: number = DERIVE.minSimilarity;
		clusters.forEach((cl, j) => {
			if (cl.group !== 0 && mask !== 0 && (cl.group & mask) === 0) return;
			const sim = cosineIndexed(vectors[d]!, centroids[j]!);
			if (sim > bestSim) [best, bestSim] = [j, sim];
		});
		if (best >= 0) joins.push([best, d]);
	}
	for (const [j, d] of joins) clusters[j]!.docs.push(d);
}

/** Physics archives, one field when no single archive holds most of a cluster. */
const PHYSICS =
	/^(?:astro-ph|cond-mat|gr-qc|hep-[a-z]+|math-ph|nlin|nucl-[a-z]+|physics|quant-ph)$/;

/**
 * The arXiv archive most of a cluster's papers have their primary category in, by name
 * (Astrophysics), or "Physics" when most are in physics archives but no one archive has most;
 * undefined when neither holds DERIVE.fieldShare of the papers (trending papers have no
 * categories). Readers know a field by the name arXiv gives it, not by its top terms.
 */
export function sharedField(primaries: ReadonlyArray<string | undefined>): string | undefined {
	const archives = new Map<string, number>();
	let physics = 0;
	for (const code of primaries) {
		const archive = code === undefined ? undefined : archiveOf(code);
		if (archive === undefined) continue;
		archives.set(archive, (archives.get(archive) ?? 0) + 1);
		if (PHYSICS.test(archive)) physics++;
	}
	const need = DERIVE.fieldShare * primaries.length;
	const [top] = [...archives].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	if (top && top[1] >= need) return archiveName(top[0]);
	return physics >= need ? 'Physics' : undefined;
}

/**
 * Name and slug of a derived topic from its top terms ("Quark, neutrino and decay"), after the
 * field its papers share when they do ("Astrophysics: gas, star and cluster"). The slug comes
 * from the terms alone: the field is the same for several clusters.
 */
export function nameCluster(
	c: Corpus,
	terms: readonly number[],
	field?: string,
): { name: string; slug: string } {
	const shown = terms.slice(0, 3).map((t) => displayTerm(c, t));
	const listed =
		shown.length > 1
			? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`
			: (shown[0] ?? 'Unnamed');
	const slug = shown
		.slice(0, 2)
		.join('-')
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	const name = field ? `${field}: ${listed}` : listed.charAt(0).toUpperCase() + listed.slice(1);
	return { name, slug: slug || 'cluster' };
}

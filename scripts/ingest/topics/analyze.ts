/**
 * The topics stage of the ingest, pure: papers and the curated taxonomy in; per paper its
 * topics (with reasons), keywords and related papers, and the site's topic list out.
 *   1. tokenise the corpus and count its 1–3-grams          (tfidf.ts)
 *   2. keywords and a TF-IDF vector per paper                (keywords.ts, related.ts)
 *   3. curated topics by phrases and arXiv categories        (classify.ts)
 *   4. unplaced papers: nearest curated topic if close enough, else derived clusters (derive.ts)
 *   5. related papers through the pruned inverted index      (related.ts)
 * On big corpora a worker thread takes part of steps 1, 2 and 5, and builds the index while
 * this thread does steps 3 and 4 (parallel.ts); the output is the same.
 */
import { startStopwatch } from '../stopwatch.ts';
import { fieldMask } from '../../../src/lib/arxiv-categories.ts';
import { readableTitle } from '../../../src/lib/math-text.ts';
import type { Topic } from '../../../src/schemas/topic.ts';
import {
	compileTaxonomy,
	outsideCuratedField,
	pickTopics,
	scoreDocument,
	type Reason,
} from './classify.ts';
import {
	DERIVE,
	deriveClusters,
	fieldGroup,
	inField,
	nameCluster,
	placeOutsiders,
	sharedField,
	type Cluster,
} from './derive.ts';
import {
	createChunks,
	createVectorStore,
	inPaperOrder,
	keywordsInRange,
	takeChunks,
	tokeniseCorpus,
	withHelper,
	type TopicsHelper,
	vectorAt,
} from './parallel.ts';
import {
	championLists,
	RELATED,
	relatedInRange,
	sharedTerms,
	type Postings,
	type PackedLinks,
	unpackLinks,
	type SparseVector,
} from './related.ts';
import { displayTerm, type Corpus } from './tfidf.ts';
import type { TopicDefinition } from './topics-yaml.ts';

/** What the stage needs of a paper. */
export interface TopicInput {
	slug: string;
	title: string;
	/** Plain-text abstract. */
	summary: string;
	/** arXiv categories, primary first (may be empty). */
	categories: readonly string[];
}

/** What the stage adds to a paper (fields of PaperSchema). */
export interface TopicOutput {
	topics: string[];
	topicReasons: Record<string, Reason[]>;
	keywords: string[];
	related: Array<{ slug: string; terms: string[] }>;
}

/** The result of the stage. */
export interface TopicAnalysis {
	/** Per input paper, in input order. */
	papers: TopicOutput[];
	/** Topics with at least one paper: curated (file order), derived (by slug), catch-all last. */
	topics: Topic[];
	/** Paper count of every curated topic, including empty ones (for the ingest summary). */
	counts: Array<{ slug: string; count: number }>;
	/** Slugs of the papers left in the catch-all topic. */
	catchAll: string[];
	/** Milliseconds per step (tokenise, keywords and vectors, classify, …), for the build log. */
	timings: Array<{ stage: string; ms: number }>;
}

/** Options of the stage. */
export interface AnalyzeOptions {
	/** Use arXiv categories as evidence (default true; the quality check turns it off). */
	useCategories?: boolean;
	/**
	 * A worker thread the caller started (and closes); without it one is started from
	 * `parallelFrom` papers on.
	 */
	helper?: TopicsHelper;
	/** Use a worker thread from this many papers on (default PARALLEL_FROM; tests vary it). */
	parallelFrom?: number;
}

/** Joining the nearest curated topic needs this cosine with the centroid of its papers. */
export const NEAREST_TOPIC_SIMILARITY = 0.2;
const TOPIC_TERMS = 8;

/** Runs the stage. Deterministic: every tie is broken by slug or term order. */
export function analyzeTopics(
	inputs: readonly TopicInput[],
	definitions: readonly TopicDefinition[],
	options: AnalyzeOptions = {},
): TopicAnalysis {
	const { timings, lap } = startStopwatch();
	// Tokenising, keywords, vectors and related papers are per paper: on big corpora a worker
	// thread takes part of the papers alongside this one (parallel.ts); the output is the same.
	if (options.helper) return analyzeWith(options.helper);
	return withHelper(inputs.length, options.parallelFrom, analyzeWith);

	function analyzeWith(helper: TopicsHelper | undefined): TopicAnalysis {
		const c = tokeniseCorpus(
			// Titles as they read, like the summaries: `$\infty$-LLMs` gave the keyword "infty LLMs".
			inputs.map((p) => ({ title: readableTitle(p.title), text: p.summary })),
			helper,
		);
		lap('tokenise');
		const bySlug = inputs.map((_, i) => i).sort((a, b) => cmp(inputs[a]!.slug, inputs[b]!.slug));
		const order = new Int32Array(inputs.length);
		bySlug.forEach((d, rank) => (order[d] = rank));

		const store = createVectorStore(c.size, RELATED.vectorTerms);
		helper?.setup(c, store);
		// Without a worker, one chunk of all papers; with one, both threads take chunks.
		const chunksOf = () => createChunks(c.size, helper ? undefined : 1);
		const keywordChunks = chunksOf();
		helper?.post({ kind: 'keywords', chunks: keywordChunks });
		const keywordParts = takeChunks(keywordChunks, (from, to) =>
			keywordsInRange(c, store, from, to),
		);
		if (helper) keywordParts.push(...helper.result<Array<[number, string[][]]>>());
		const keywords = inPaperOrder(keywordParts);
		const vectors = Array.from({ length: c.size }, (_, d) => vectorAt(store, d));
		lap('keywords and vectors');
		// The champion lists need only the vectors: the worker builds them while this thread
		// classifies.
		helper?.post({ kind: 'champion' });

		const tax = compileTaxonomy(c, definitions);
		const catchAllDef = definitions.find((t) => t.catchAll)!;
		const genres = new Set(definitions.filter((t) => t.genre).map((t) => t.slug));
		const assigned: Array<{ topics: string[]; reasons: Record<string, Reason[]> }> = inputs.map(
			(p, d) => {
				const picked = pickTopics(
					scoreDocument(c, d, tax, options.useCategories === false ? [] : p.categories),
					genres,
				);
				return {
					topics: picked.map((s) => s.slug),
					reasons: Object.fromEntries(picked.map((s) => [s.slug, s.reasons])),
				};
			},
		);

		lap('classify');
		// Unplaced papers join the nearest curated topic when clearly close to its papers; not those
		// of another field (outsideCuratedField), which scoreDocument left out on purpose.
		const curated = definitions.filter((t) => !t.catchAll).map((t) => t.slug);
		// Per-term sums over a group of papers, zeroed again after each use.
		const scratch = { sum: new Float64Array(c.df.length), n: new Int32Array(c.df.length) };
		const firstTopicOf = groupBy(bySlug, (d) => assigned[d]!.topics.slice(0, 1));
		const centroids = new Map(
			curated.map((slug) => [slug, centroidOf(firstTopicOf.get(slug) ?? [], vectors, scratch)]),
		);
		// Each centroid in turn in a dense array (its weights as numbers, as a Map held them), every
		// unplaced paper scored against it: the same sums in the same order as a lookup per term,
		// without building a Map of up to every term per topic.
		const loose = bySlug.filter((d) => assigned[d]!.topics.length === 0);
		const away = loose.map(
			(d) => options.useCategories !== false && outsideCuratedField(inputs[d]!.categories, tax),
		);
		const bestTopic = new Int32Array(loose.length).fill(-1);
		const bestSims = new Float64Array(loose.length).fill(NEAREST_TOPIC_SIMILARITY);
		const dense = new Float64Array(c.df.length);
		curated.forEach((slug, k) => {
			const centroid = centroids.get(slug)!;
			for (let i = 0; i < centroid.terms.length; i++)
				dense[centroid.terms[i]!] = centroid.weights[i]!;
			loose.forEach((d, j) => {
				if (away[j]) return;
				const v = vectors[d]!;
				let sim = 0;
				for (let i = 0; i < v.terms.length; i++) sim += v.weights[i]! * dense[v.terms[i]!]!;
				if (sim > bestSims[j]!) {
					bestSims[j] = sim;
					bestTopic[j] = k;
				}
			});
			for (let i = 0; i < centroid.terms.length; i++) dense[centroid.terms[i]!] = 0;
		});
		const unplaced: number[] = [];
		for (const [j, d] of loose.entries()) {
			if (bestTopic[j]! < 0) {
				unplaced.push(d);
				continue;
			}
			const best = curated[bestTopic[j]!]!;
			const bestSim = bestSims[j]!;
			const terms = sharedTerms(c, vectors[d]!, centroids.get(best)!);
			assigned[d] = {
				topics: [best],
				reasons: {
					[best]: [{ term: `similar to its papers: ${terms.join(', ')}`, weight: round(bestSim) }],
				},
			};
		}

		lap('nearest topic');
		// Many papers still unplaced: the corpus reaches outside the taxonomy, so derive topics.
		const derived: Topic[] = [];
		const taken = new Set(definitions.flatMap((t) => [t.slug, ...t.formerly]));
		// Papers of another arXiv group than most of their cluster's leave it for the nearest
		// cluster of their own group, or the catch-all: a power-grid planning paper (cs.AI) sat
		// in "Physics: quantum, electron and phonon".
		const categoriesOf = (d: number) => inputs[d]!.categories;
		const grouped: Array<Cluster & { group: number }> = [];
		const outsiders: number[] = [];
		for (const found of deriveClusters(c, unplaced, vectors)) {
			const group = options.useCategories === false ? 0 : fieldGroup(found.docs, categoriesOf);
			const docs = inField(found.docs, categoriesOf, group);
			const kept = new Set(docs);
			outsiders.push(...found.docs.filter((d) => !kept.has(d)));
			if (docs.length >= DERIVE.minClusterSize) grouped.push({ ...found, docs, group });
			else outsiders.push(...docs);
		}
		placeOutsiders(outsiders, grouped, vectors, (d) => fieldMask(categoriesOf(d)));
		for (const cluster of grouped) {
			const field = sharedField(cluster.docs.map((d) => inputs[d]!.categories[0]));
			const { name, slug: base } = nameCluster(c, cluster.terms, field);
			let slug = base;
			for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
			taken.add(slug);
			const shown = cluster.terms.slice(0, TOPIC_TERMS).map((t) => displayTerm(c, t));
			derived.push({
				slug,
				name,
				description: `Grouped from papers no curated topic fits${field ? `, most of them in arXiv's ${field}` : ''}. They share the terms ${shown.slice(0, 5).join(', ')}.`,
				derived: true,
				catchAll: false,
				count: cluster.docs.length,
				terms: shown,
			});
			for (const d of cluster.docs) {
				const reasons = cluster.terms
					.map((t) => ({ t, i: vectors[d]!.terms.indexOf(t) }))
					.filter((x) => x.i >= 0)
					.slice(0, 5)
					.map((x) => ({ term: displayTerm(c, x.t), weight: round(vectors[d]!.weights[x.i]!) }));
				assigned[d] = { topics: [slug], reasons: { [slug]: reasons } };
			}
		}
		const catchAll: string[] = [];
		for (const d of bySlug) {
			if (assigned[d]!.topics.length > 0) continue;
			assigned[d] = { topics: [catchAllDef.slug], reasons: { [catchAllDef.slug]: [] } };
			catchAll.push(inputs[d]!.slug);
		}

		lap('derived topics');
		const postings = helper ? helper.result<Postings>() : championLists(vectors, c.df.length);
		lap('champion lists');
		const relatedChunks = chunksOf();
		// The arXiv groups of each paper: links across groups weigh less (RELATED.otherField).
		const fields = new Uint8Array(inputs.length);
		if (options.useCategories !== false)
			inputs.forEach((p, d) => (fields[d] = fieldMask(p.categories)));
		helper?.post({ kind: 'related', postings, order, fields, chunks: relatedChunks });
		// The topics' terms meanwhile, on this thread: the worker takes more chunks of the papers.
		const membersOf = groupBy(bySlug, (d) => assigned[d]!.topics);
		const members = (slug: string): number[] => membersOf.get(slug) ?? [];
		const counts = definitions.map((t) => ({ slug: t.slug, count: members(t.slug).length }));
		const topics: Topic[] = [
			...definitions.filter((t) => !t.catchAll).map((t) => topicOf(t, false, members(t.slug))),
			...derived.sort((a, b) => cmp(a.slug, b.slug)),
			topicOf(catchAllDef, true, members(catchAllDef.slug)),
		].filter((t) => t.count > 0);
		lap('topic terms');
		const relatedParts = takeChunks(relatedChunks, (from, to) =>
			relatedInRange(c, store, postings, order, fields, from, to),
		);
		if (helper)
			for (const [k, [packed]] of helper.result<Array<[number, PackedLinks[]]>>())
				relatedParts.push([k, unpackLinks(c, packed!)]);
		const related = inPaperOrder(relatedParts);
		lap('related papers');
		const papers = inputs.map((_, d): TopicOutput => ({
			topics: assigned[d]!.topics,
			topicReasons: assigned[d]!.reasons,
			keywords: keywords[d]!,
			// No similarity score in the entry: it shifts with every paper added, and writing it would
			// rewrite most entries (and re-render their pages) on each daily rebuild.
			related: related[d]!.map((r) => ({ slug: inputs[r.doc]!.slug, terms: r.terms })),
		}));
		return { papers, topics, counts, catchAll, timings };

		function topicOf(t: TopicDefinition, isCatchAll: boolean, docs: number[]): Topic {
			return {
				slug: t.slug,
				name: t.name,
				description: t.description,
				derived: false,
				catchAll: isCatchAll,
				count: docs.length,
				terms: distinctiveTerms(c, docs, vectors, scratch),
				...(t.formerly.length > 0 ? { formerly: t.formerly } : {}),
			};
		}
	}
}

/**
 * Adds the papers' vectors into the scratch arrays (per term: the sum of weights and the number
 * of papers), in paper order; returns the terms touched, in order of first touch. The caller
 * reads the sums, then calls clearScratch.
 */
function sumInto(
	docs: readonly number[],
	vectors: readonly SparseVector[],
	scratch: { sum: Float64Array; n: Int32Array },
): number[] {
	const touched: number[] = [];
	for (const d of docs) {
		const v = vectors[d]!;
		for (let i = 0; i < v.terms.length; i++) {
			const t = v.terms[i]!;
			if (scratch.n[t] === 0) touched.push(t);
			scratch.sum[t]! += v.weights[i]!;
			scratch.n[t]!++;
		}
	}
	return touched;
}

/** Sets the slots sumInto touched back to 0, ready for the next group. */
function clearScratch(touched: readonly number[], scratch: { sum: Float64Array; n: Int32Array }) {
	for (const t of touched) {
		scratch.sum[t] = 0;
		scratch.n[t] = 0;
	}
}

/** A topic's most distinctive terms: weight in its papers beyond what the corpus average predicts. */
function distinctiveTerms(
	c: Corpus,
	docs: readonly number[],
	vectors: readonly SparseVector[],
	scratch: { sum: Float64Array; n: Int32Array },
): string[] {
	if (docs.length === 0) return [];
	const touched = sumInto(docs, vectors, scratch);
	const minPapers = docs.length >= 3 ? 2 : 1;
	const ranked = touched
		.filter((t) => scratch.n[t]! >= minPapers)
		.map((t) => ({ t, score: scratch.sum[t]! * Math.log((1 + c.size) / (1 + c.df[t]!)) }))
		.sort((a, b) => b.score - a.score || a.t - b.t);
	clearScratch(touched, scratch);
	const out: string[] = [];
	for (const { t } of ranked) {
		const text = displayTerm(c, t);
		if (out.some((o) => o.includes(text) || text.includes(o))) continue;
		out.push(text);
		if (out.length === TOPIC_TERMS) break;
	}
	return out;
}

/** The papers of each key, in the order of `docs` (a paper under each of its keys). */
function groupBy(docs: readonly number[], keys: (d: number) => readonly string[]) {
	const groups = new Map<string, number[]>();
	for (const d of docs)
		for (const key of keys(d)) {
			const group = groups.get(key);
			if (group) group.push(d);
			else groups.set(key, [d]);
		}
	return groups;
}

/**
 * The normalised sum of the papers' vectors. Summed in typed scratch arrays (a Map of boxed
 * sums cost 1.5 s at 100,000 papers), in the same order as before, so the floats are the same.
 */
function centroidOf(
	docs: readonly number[],
	vectors: readonly SparseVector[],
	scratch: { sum: Float64Array; n: Int32Array },
): SparseVector {
	const touched = sumInto(docs, vectors, scratch);
	touched.sort((a, b) => a - b);
	let squares = 0;
	for (const t of touched) squares += scratch.sum[t]! ** 2;
	const norm = Math.sqrt(squares) || 1;
	const centroid = {
		terms: Int32Array.from(touched),
		weights: Float32Array.from(touched, (t) => scratch.sum[t]! / norm),
	};
	clearScratch(touched, scratch);
	return centroid;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const round = (x: number): number => Math.round(x * 1000) / 1000;

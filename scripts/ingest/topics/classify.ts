/**
 * The classifier: scores each paper against the curated topics on its title and abstract
 * (stemmed phrases, title weighted higher, negative evidence), plus its arXiv categories when
 * the input carries them, and keeps 1–3 topics above a threshold, with the reasons.
 */
import type { TopicDefinition } from './topics-yaml.ts';
import type { Corpus } from './tfidf.ts';
import { phraseStems } from './text.ts';

/** Weights and thresholds of the classifier. */
export const CLASSIFY = {
	strong: 2,
	term: 1,
	negative: -1.5,
	/** Extra weight of a phrase found in the title (on top of its body weight). */
	title: 2,
	/** Body mentions beyond the first add half a weight each, up to this many. */
	maxRepeats: 2,
	/** arXiv evidence: the primary category, then any other listed category. */
	primaryCategory: 3,
	otherCategory: 1,
	/** A topic needs a strong phrase, a category or two distinct phrases (one word is chance)… */
	support: 2,
	/** …at least this score… */
	threshold: 2,
	/** …and at least this share of the best topic's score. */
	relative: 0.5,
	/** A genre topic (surveys, benchmarks) needs a strong phrase and this score. */
	genreThreshold: 4,
	maxTopics: 3,
} as const;

/** A matched phrase or category and its contribution. */
export interface Reason {
	term: string;
	weight: number;
}

/** A topic's score on one paper. */
export interface TopicScore {
	slug: string;
	score: number;
	reasons: Reason[];
	/** Independent evidence: 1 per distinct positive phrase, 2 per strong phrase or category. */
	support: number;
	/** Whether a strong phrase or an arXiv category matched. */
	decisive: boolean;
}

interface Phrase {
	topic: number;
	words: number[];
	weight: number;
	text: string;
}

/** The curated topics compiled against a corpus's vocabulary. */
export interface Taxonomy {
	topics: TopicDefinition[];
	/** First word id → phrases starting with it. */
	byFirstWord: Map<number, Phrase[]>;
	/** Per word id: 1 when a phrase starts with it (most words start none: no map lookup). */
	isFirstWord: Uint8Array;
}

/** Compiles phrases to word ids; a phrase with a word the corpus never uses cannot match. */
export function compileTaxonomy(c: Corpus, topics: readonly TopicDefinition[]): Taxonomy {
	const byFirstWord = new Map<number, Phrase[]>();
	const sorted = topics.filter((t) => !t.catchAll).sort((a, b) => (a.slug < b.slug ? -1 : 1));
	sorted.forEach((t, topic) => {
		const seen = new Set<string>();
		const add = (texts: string[], weight: number) => {
			for (const text of texts) {
				const words = phraseStems(text).map((s) => c.unigrams.get(s) ?? -1);
				const key = words.join(' ');
				// Spellings that stem alike ("LLM", "LLMs") count once.
				if (words.length === 0 || words.includes(-1) || seen.has(key)) continue;
				seen.add(key);
				const list = byFirstWord.get(words[0]!) ?? [];
				list.push({ topic, words, weight, text });
				byFirstWord.set(words[0]!, list);
			}
		};
		add(t.negative, CLASSIFY.negative);
		add(t.strong, CLASSIFY.strong);
		add(t.terms, CLASSIFY.term);
	});
	const isFirstWord = new Uint8Array(c.df.length);
	for (const word of byFirstWord.keys()) isFirstWord[word] = 1;
	return { topics: sorted, byFirstWord, isFirstWord };
}

/** arXiv's computing, statistics and signal-processing archives: the curated topics' field. */
const COMPUTING = /^(?:cs|stat|eess)\./;

/** Whether an arXiv category falls under a mapping (`cs.CL`, or a prefix like `q-bio`). */
function categoryMatches(category: string, mapping: string): boolean {
	return category === mapping || category.startsWith(`${mapping}.`);
}

/**
 * Whether a paper's arXiv categories are all outside computing and every topic's categories (a
 * physics or pure-maths paper): it is outside the curated topics' field. Its words are another
 * field's, and stemmed they match topic phrases by chance ("interpret" → Interpretability,
 * "bias" → Safety, "theoretical analysis" → In-context learning), or come near a topic's papers
 * ("quantum mechanical" → Communications): it is left to the catch-all and to the topics
 * derived from the data. No categories (a trending page): inside.
 */
export function outsideCuratedField(categories: readonly string[], tax: Taxonomy): boolean {
	return (
		categories.length > 0 &&
		categories.every(
			(cat) =>
				!COMPUTING.test(cat) &&
				!tax.topics.some((t) => t.categories.some((m) => categoryMatches(cat, m))),
		)
	);
}

/** Scores document d against every topic; topics with no evidence are left out. */
export function scoreDocument(
	c: Corpus,
	d: number,
	tax: Taxonomy,
	categories: readonly string[] = [],
): TopicScore[] {
	if (outsideCuratedField(categories, tax)) return [];
	const start = c.starts[d]!;
	const end = c.starts[d + 1]!;
	const titleEnd = start + c.titleLengths[d]!;
	// phrase → [title hits, body hits]
	const hits = new Map<Phrase, [number, number]>();
	for (let i = start; i < end; i++) {
		if (!tax.isFirstWord[c.tokens[i]!]) continue;
		const list = tax.byFirstWord.get(c.tokens[i]!)!;
		for (const p of list) {
			const stop = i + p.words.length;
			if (stop > end || (i < titleEnd && stop > titleEnd)) continue;
			let ok = true;
			for (let k = 1; k < p.words.length && ok; k++) ok = c.tokens[i + k] === p.words[k];
			if (!ok) continue;
			const h = hits.get(p) ?? [0, 0];
			h[i < titleEnd ? 0 : 1]++;
			hits.set(p, h);
		}
	}
	// Scores only for the topics with evidence (most papers have some for a few topics of 26).
	const scores: Array<TopicScore | undefined> = new Array<TopicScore | undefined>(
		tax.topics.length,
	);
	const scoreOf = (i: number): TopicScore =>
		(scores[i] ??= {
			slug: tax.topics[i]!.slug,
			score: 0,
			reasons: [],
			support: 0,
			decisive: false,
		});
	for (const [p, [inTitle, inBody]] of hits) {
		const body = inBody > 0 ? 1 + 0.5 * Math.min(inBody - 1, CLASSIFY.maxRepeats) : 0;
		const weight = p.weight * (body + (inTitle > 0 ? CLASSIFY.title : 0));
		const s = scoreOf(p.topic);
		s.score += weight;
		s.reasons.push({ term: p.text, weight: round(weight) });
		if (p.weight > 0) s.support += p.weight >= CLASSIFY.strong ? 2 : 1;
		if (p.weight >= CLASSIFY.strong) s.decisive = true;
	}
	if (categories.length > 0)
		tax.topics.forEach((t, i) => {
			categories.forEach((cat, k) => {
				if (!t.categories.some((m) => categoryMatches(cat, m))) return;
				const weight = k === 0 ? CLASSIFY.primaryCategory : CLASSIFY.otherCategory;
				const s = scoreOf(i);
				s.score += weight;
				s.support += 2;
				s.decisive = true;
				s.reasons.push({ term: `arXiv:${cat}`, weight });
			});
		});
	const out: TopicScore[] = [];
	for (const s of scores) {
		if (!s || s.reasons.length === 0) continue;
		s.score = round(s.score);
		s.reasons.sort(
			(a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
		);
		out.push(s);
	}
	return out;
}

/**
 * The 1–3 best topics above the thresholds, best first, ties by slug; may be empty. Genre topics
 * (`genres`, e.g. surveys) are judged on their own — a strong phrase and CLASSIFY.genreThreshold,
 * however high the subject topics score — and come after the subject topics.
 */
export function pickTopics(
	scores: readonly TopicScore[],
	genres: ReadonlySet<string> = new Set(),
): TopicScore[] {
	const ranked = scores
		.filter((s) => s.support >= CLASSIFY.support && s.score >= CLASSIFY.threshold)
		.sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
	const subjects = ranked.filter((s) => !genres.has(s.slug));
	const floor = CLASSIFY.relative * (subjects[0]?.score ?? 0);
	const kept = subjects.filter((s) => s.score >= floor);
	const genre = ranked.filter(
		(s) => genres.has(s.slug) && s.decisive && s.score >= CLASSIFY.genreThreshold,
	);
	const room = CLASSIFY.maxTopics - Math.min(genre.length, 1);
	return [...kept.slice(0, room), ...genre].slice(0, CLASSIFY.maxTopics);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

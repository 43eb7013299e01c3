/**
 * Keyphrases of one paper: the 1–3-grams with the highest TF-IDF in the corpus, preferring
 * phrases over their parts, acronyms kept as written, and never two windows of one longer run of
 * words: a title's words count twice, so every three-word window of a title passed as a phrase,
 * and "crafted narratives exploit", "narratives exploit manipulated" and "exploit manipulated
 * visual" were all keywords of one paper.
 */
import {
	type Corpus,
	type DocTerms,
	displayTerm,
	idf,
	isAllGeneric,
	rankPositive,
	Scratch,
} from './tfidf.ts';

/** Limits of keyword extraction. */
export const KEYWORDS = { min: 3, max: 8, relative: 0.3 } as const;

// Longer phrases are more telling than single words of the same TF-IDF.
const LENGTH_BONUS = [0, 1, 1.6, 1.9];

/** Longest keyword shown (the corpus's longest is 43: "multisite phosphorylation dephosphorylation"). */
const KEYWORD_MAX_CHARS = 60;

const scoreScratch = new Scratch((n) => new Float64Array(n));

// A keyphrase is a noun phrase. Words that never belong in one: verbs of abstracts, adverbs and
// the words that introduce a clause or a means ("using", "via", "despite"): "strategies using
// machine", "reveals persistent gaps", "consistently outperforms". Verbs that are also common
// nouns ("pose", "use", "lead", "yields") are left out; "exploit" is in, as every one of the
// corpora's is a verb; "based" is allowed inside a phrase ("rule based systems").
const CLAUSE_WORDS = new Set(
	`using via despite leveraging achieving including compared towards propose proposes presents
show shows demonstrate demonstrates achieve achieves outperform outperforms improves enables allows
reveal reveals suggest suggests indicate indicates requires remains fails affects made contributes
exploit exploits consistently significantly substantially frequently`.split(/\s+/u),
);

// Words that cannot end one: "based" ("LLM based"), and the first halves of hyphenated modifiers
// cut from the noun they modify ("large-scale", "high-quality", "fine-grained", "open-source",
// "real-world": "parameter efficient fine", "training free open").
const NO_END = new Set(`based large high low long fine open real`.split(' '));

// Words that cannot start one: the second halves of hyphenated modifiers cut from the word they
// follow ("identifier-aware", "MLLM-driven", "text-guided", "open-ended": "aware unified
// pre-trained"). Halves that are words of their own in some field are left out: "free" (free
// energy), "level" (level set), "scale" (scale-free networks), "specific" (specific heat).
const NO_START = new Set(
	`aware driven guided grained wise centric oriented powered agnostic tuned ended`.split(' '),
);

/** Whether a phrase as shown is no noun phrase or a cut one (see the three lists above). */
function isCutPhrase(text: string): boolean {
	const words = text.toLowerCase().split(' ');
	if (NO_START.has(words[0]!) || NO_END.has(words.at(-1)!)) return true;
	return words.some((word) => CLAUSE_WORDS.has(word));
}

// isCutPhrase per term id of a corpus (0: not asked yet, 1: no, 2: yes), per thread: a common
// term is a candidate of many papers, and its text is split once.
const cutMemos = new WeakMap<Corpus, Uint8Array>();

function cutMemoOf(c: Corpus): Uint8Array {
	let memo = cutMemos.get(c);
	if (memo === undefined) {
		memo = new Uint8Array(c.termLength.length);
		cutMemos.set(c, memo);
	}
	return memo;
}

/** A phrase's unigram ids into `out[at..at+3)` (phrases have 1–3 words); returns its length. */
function wordsOf(c: Corpus, term: number, out: Int32Array, at: number): number {
	const len = c.termLength[term]!;
	out[at + len - 1] = c.termLast[term]!;
	if (len === 3) out[at + 1] = c.termLast[c.termPrefix[term]!]!;
	out[at] = c.termFirst[term]!;
	return len;
}

/**
 * Whether two phrases (their words at `w[a..a+aLen)` and `w[b..b+bLen)`) share a run of words:
 * one contains the other ("low rank adaptation", "rank adaptation"), or the last k words of one
 * are the first k of the other ("3D hand", "hand pose"; "unified pre-trained encoder",
 * "pre-trained encoder decoder"), two windows of one longer run. Numbers, not strings: no key of
 * each candidate to build, and this runs for every candidate against every chosen phrase.
 */
function sharesRun(w: Int32Array, a: number, aLen: number, b: number, bLen: number): boolean {
	return (
		containsRun(w, a, aLen, b, bLen) ||
		containsRun(w, b, bLen, a, aLen) ||
		overlapsEnd(w, a, aLen, b, bLen) ||
		overlapsEnd(w, b, bLen, a, aLen)
	);
}

/** Whether phrase a's words contain phrase b's, in order and together. */
function containsRun(w: Int32Array, a: number, aLen: number, b: number, bLen: number): boolean {
	for (let o = 0; o + bLen <= aLen; o++) {
		let same = true;
		for (let j = 0; j < bLen && same; j++) same = w[a + o + j] === w[b + j];
		if (same) return true;
	}
	return false;
}

/** Whether the last k words of phrase a are the first k of phrase b, for a k shorter than both. */
function overlapsEnd(w: Int32Array, a: number, aLen: number, b: number, bLen: number): boolean {
	for (let k = Math.min(aLen, bLen) - 1; k >= 1; k--) {
		let same = true;
		for (let j = 0; j < k && same; j++) same = w[a + aLen - k + j] === w[b + j];
		if (same) return true;
	}
	return false;
}

// Unigram ids of the chosen phrases, 3 slots each, then the candidate's.
const chosenWords = new Int32Array(3 * (KEYWORDS.max + 1));

/** Picks 3–8 keyphrases of a document from its terms (see docTerms). Ties: term order. */
export function extractKeywords(c: Corpus, doc: DocTerms): string[] {
	const n = doc.terms.length;
	const scores = scoreScratch.take(n, true);
	for (let i = 0; i < n; i++) {
		const term = doc.terms[i]!;
		const count = doc.counts[i]!;
		const len = c.termLength[term]!;
		if (c.generic[c.termFirst[term]!]) continue; // "proposed method", "model", …
		if (len > 1 && isAllGeneric(c, term)) continue;
		// A phrase must recur (in the paper or the corpus) to be a phrase rather than a chance pair.
		if (len > 1 && count < 2 && c.df[term]! < 2) continue;
		scores[i] = (1 + Math.log(count)) * idf(c, term) * LENGTH_BONUS[len]!;
	}
	const order = rankPositive(scores, n); // the loop stops at the first zero
	const chosen: Array<{ text: string; score: number; len: number }> = [];
	const w = chosenWords;
	const at = 3 * KEYWORDS.max; // the candidate's words
	const cut = cutMemoOf(c);
	candidates: for (const i of order) {
		if (chosen.length >= KEYWORDS.max || scores[i] === 0) break;
		if (chosen.length >= KEYWORDS.min && scores[i]! < KEYWORDS.relative * chosen[0]!.score) break;
		const term = doc.terms[i]!;
		const len = wordsOf(c, term, w, at);
		// Skip a phrase that contains, is contained in, or overlaps one already chosen.
		for (let j = 0; j < chosen.length; j++)
			if (sharesRun(w, 3 * j, chosen[j]!.len, at, len)) continue candidates;
		const text = displayTerm(c, term);
		// A "word" of hundreds of letters (a run with no space) is no keyword to show or search by.
		if (text.length > KEYWORD_MAX_CHARS) continue;
		if (cut[term] === 0) cut[term] = isCutPhrase(text) ? 2 : 1;
		if (cut[term] === 2) continue;
		if (chosen.some((k) => k.text.toLowerCase() === text.toLowerCase())) continue;
		wordsOf(c, term, w, 3 * chosen.length);
		chosen.push({ text, score: scores[i]!, len });
	}
	return chosen.map((k) => k.text);
}

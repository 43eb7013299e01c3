/**
 * Keyphrases of one paper: the 1–3-grams with the highest TF-IDF in the corpus, preferring
 * phrases over their parts, acronyms kept as written.
 */
import {
	type Corpus,
	type DocTerms,
	displayTerm,
	idf,
	isAllGeneric,
	rankPositive,
	Scratch,
	termKey,
} from './tfidf.ts';

/** Limits of keyword extraction. */
export const KEYWORDS = { min: 3, max: 8, relative: 0.3 } as const;

// Longer phrases are more telling than single words of the same TF-IDF.
const LENGTH_BONUS = [0, 1, 1.6, 1.9];

/** Longest keyword shown (the corpus's longest is 43: "multisite phosphorylation dephosphorylation"). */
const KEYWORD_MAX_CHARS = 60;

const scoreScratch = new Scratch((n) => new Float64Array(n));

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
	const chosen: Array<{ key: string; text: string; score: number }> = [];
	for (const i of order) {
		if (chosen.length >= KEYWORDS.max || scores[i] === 0) break;
		if (chosen.length >= KEYWORDS.min && scores[i]! < KEYWORDS.relative * chosen[0]!.score) break;
		const key = termKey(c, doc.terms[i]!);
		// Skip a phrase that contains, or is contained in, one already chosen.
		if (chosen.some((k) => k.key.includes(key) || key.includes(k.key))) continue;
		const text = displayTerm(c, doc.terms[i]!);
		// A "word" of hundreds of letters (a run with no space) is no keyword to show or search by.
		if (text.length > KEYWORD_MAX_CHARS) continue;
		if (chosen.some((k) => k.text.toLowerCase() === text.toLowerCase())) continue;
		chosen.push({ key, text, score: scores[i]! });
	}
	return chosen.map((k) => k.text);
}

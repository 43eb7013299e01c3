/**
 * Keyphrases of one paper: the 1–3-grams with the highest TF-IDF in the corpus, preferring
 * phrases over their parts, acronyms kept as written.
 */
import { type Corpus, displayTerm, idf, termWords } from './tfidf.ts';

/** Limits of keyword extraction. */
export const KEYWORDS = { min: 3, max: 8, relative: 0.3 } as const;

// Longer phrases are more telling than single words of the same TF-IDF.
const LENGTH_BONUS = [0, 1, 1.6, 1.9];

/** Picks 3–8 keyphrases of a document from its term frequencies (see termFrequencies). */
export function extractKeywords(c: Corpus, tf: Map<number, number>): string[] {
	const candidates: Array<{ term: number; score: number; text: string }> = [];
	for (const [term, count] of tf) {
		const words = termWords(c, term);
		const n = words.length;
		if (c.generic[words[0]!]) continue; // "proposed method", "model" …
		if (words.every((w) => c.generic[w])) continue;
		// A phrase must recur (in the paper or the corpus) to be a phrase rather than a chance pair.
		if (n > 1 && count < 2 && c.df[term]! < 2) continue;
		const score = (1 + Math.log(count)) * idf(c, term) * LENGTH_BONUS[n]!;
		candidates.push({ term, score, text: displayTerm(c, term) });
	}
	candidates.sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
	const chosen: Array<{ key: string; text: string; score: number }> = [];
	for (const cand of candidates) {
		if (chosen.length >= KEYWORDS.max) break;
		if (chosen.length >= KEYWORDS.min && cand.score < KEYWORDS.relative * chosen[0]!.score) break;
		const key = ` ${termWords(c, cand.term).join(' ')} `;
		// Skip a phrase that contains, or is contained in, one already chosen.
		if (chosen.some((k) => k.key.includes(key) || key.includes(k.key))) continue;
		if (chosen.some((k) => k.text.toLowerCase() === cand.text.toLowerCase())) continue;
		chosen.push({ key, text: cand.text, score: cand.score });
	}
	return chosen.map((k) => k.text);
}

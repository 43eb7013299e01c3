/**
 * Text analysis shared by the classifier, keyword extraction and related papers: tokens with
 * their stems (Porter, via the `stemmer` package), surface forms and phrase boundaries.
 */
import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stopwords.ts';

/** One content word of a text (stop words removed). */
export interface Token {
	/** Lower-case Porter stem: `Transformers` → `transform`. */
	stem: string;
	/** The word as written (keeps acronyms like `LLMs` readable). */
	surface: string;
	/** True when a stop word, punctuation or a URL separates this token from the previous one. */
	gap: boolean;
}

// Hyphenated prefixes that are written both joined and apart ("pre-training", "pretraining"):
// joining them makes the two spellings one term.
// Single letters join too ("X-ray"), and "in-context" (whose "in" is a stop word).
const JOINED_PREFIXES =
	/\b(pre|post|multi|non|co|re|semi|self|sub|un|over|under|inter|intra|in|\p{L})-(?=\p{L})/giu;
// "out-of-distribution" is one idea; without joining, all that is left is "distribution".
const OUT_OF = /\bout-of-(?=\p{L})/giu;
const URL = /\b(?:https?:\s*\/\/|www\.)\S+/giu;
// Words (letters/digits, inner apostrophes dropped) or one separating punctuation mark.
const PIECE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[.,;:!?()[\]{}"“”/|]/gu;

const stemCache = new Map<string, string>();

/** Stems one lower-case word, memoised (a corpus has few distinct words but many tokens). */
export function stemWord(word: string): string {
	let s = stemCache.get(word);
	if (s === undefined) {
		s = /^\p{L}+$/u.test(word) && word.length > 2 ? stemmer(word) : word;
		stemCache.set(word, s);
	}
	return s;
}

/** Splits a text into content tokens. Numbers alone and one-letter words are dropped. */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let gap = true;
	const cleaned = text
		.normalize('NFC')
		.replace(URL, ' . ')
		.replace(OUT_OF, 'outof')
		.replace(JOINED_PREFIXES, '$1');
	for (const m of cleaned.matchAll(PIECE)) {
		const piece = m[0];
		if (!/[\p{L}\p{N}]/u.test(piece[0]!)) {
			gap = true;
			continue;
		}
		const surface = piece.replace(/['’]\p{L}+$/u, '');
		const lower = surface.toLowerCase();
		if (STOP_WORDS.has(lower) || lower.length < 2 || /^\p{N}+$/u.test(lower)) {
			gap = true;
			continue;
		}
		tokens.push({ stem: stemWord(lower), surface, gap });
		gap = false;
	}
	return tokens;
}

/** The stems of a phrase from topics.yaml, the way `tokenize` would see it in a text. */
export function phraseStems(phrase: string): string[] {
	return tokenize(phrase).map((t) => t.stem);
}

/**
 * Text analysis shared by the classifier, keyword extraction and related papers: tokens with
 * their stems (Porter, via the `stemmer` package), surface forms and phrase boundaries.
 * Acronyms are terms of their own, never stemmed together with lower-case words: "GA" (genetic
 * algorithm) and "gas" both stem to "ga", "MM" (majorization–minimization) and "mm" to "mm", and
 * a genetic-algorithm paper was shown the keyword "gas".
 */
import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stopwords.ts';
import { INVISIBLE } from '../parse/characters.ts';

const HAS_INVISIBLE = new RegExp(`[${INVISIBLE}]`);
const ALL_INVISIBLE = new RegExp(`[${INVISIBLE}]`, 'g');

/** One content word of a text (stop words removed). */
export interface Token {
	/**
	 * The term key: a lower-case Porter stem (`Transformers` → `transform`), or for an acronym the
	 * acronym itself without a plural "s" (`LLMs` → `LLM`), which no lower-case stem can equal.
	 */
	stem: string;
	/** The word as written (keeps acronyms like `LLMs` readable). */
	surface: string;
	/** True when a stop word, punctuation or a URL separates this token from the previous one. */
	gap: boolean;
}

// Hyphenated prefixes that are written both joined and apart ("pre-training", "pretraining"):
// joining them makes the two spellings one term. Single letters join too ("X-ray"), and
// "in-context" (whose "in" is a stop word); "out-of-distribution" becomes "outofdistribution".
const JOINED_PREFIXES = new Set(
	'pre post multi non co re semi self sub un over under inter intra in zero few cross'.split(' '),
);
const URL = /\b(?:https?:\s*\/\/|www\.)\S+/giu;
const PUNCTUATION = new Set('.,;:!?()[]{}"“”/|');
const wordCharCache = new Map<number, boolean>();

/** Letters, digits and combining marks (any script); ASCII answered without a lookup. */
function isWordChar(code: number): boolean {
	if (code < 128)
		return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
	let yes = wordCharCache.get(code);
	if (yes === undefined) {
		yes =
			code < 0xd800 || code > 0xdfff ? /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code)) : false;
		wordCharCache.set(code, yes);
	}
	return yes;
}

const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;

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

/**
 * Calls `fn(word, gap)` for every word of a text as written (URLs removed, joined prefixes
 * joined, possessive endings dropped); `gap` is true after punctuation or at the start.
 */
export function forEachWord(text: string, fn: (word: string, gap: boolean) => void): void {
	forEachWordSpan(text, (s, start, end, gap) => fn(s.slice(start, end), gap));
}

/**
 * The scanner behind forEachWord, without allocating: calls `fn(s, start, end, gap)` where the
 * word is `s.slice(start, end)` (a word, joined prefixes included, is always one stretch of `s`,
 * the text with URLs blanked). A hand-written scanner: on 100,000 abstracts it is several times
 * faster than a Unicode regex, and callers that intern words can hash the span in place.
 */
export function forEachWordSpan(
	text: string,
	fn: (s: string, start: number, end: number, gap: boolean) => void,
): void {
	let s = text.includes('http') || text.includes('www.') ? text.replace(URL, ' . ') : text;
	// Invisible characters copied from a browser are no word break: `Code\u200bT5` is CodeT5.
	if (HAS_INVISIBLE.test(s)) s = s.replace(ALL_INVISIBLE, '');
	const n = s.length;
	let gap = true;
	let i = 0;
	while (i < n) {
		const code = s.charCodeAt(i);
		if (!isWordChar(code)) {
			if (PUNCTUATION.has(s[i]!)) gap = true;
			i++;
			continue;
		}
		const wordStart = i;
		let start = i;
		let end: number;
		for (;;) {
			let j = start + 1;
			while (j < n && isWordChar(s.charCodeAt(j))) j++;
			// A possessive or contraction ending ("model's") is dropped.
			if (j + 1 < n && isApostrophe(s.charCodeAt(j)) && isWordChar(s.charCodeAt(j + 1))) {
				end = j;
				j += 2;
				while (j < n && isWordChar(s.charCodeAt(j))) j++;
				i = j;
				break;
			}
			if (s.charCodeAt(j) === 45 && j + 1 < n && isWordChar(s.charCodeAt(j + 1))) {
				// Lower-cased only here, before a hyphen: most words never need it.
				const lower = s.slice(start, j).toLowerCase();
				if (
					lower === 'out' &&
					s.startsWith('-of-', j) &&
					j + 4 < n &&
					isWordChar(s.charCodeAt(j + 4))
				) {
					start = j + 4; // "out-of-distribution" stays one word
					continue;
				}
				if (j - start === 1 || JOINED_PREFIXES.has(lower)) {
					// The hyphen stays in the spelling shown to readers, not in the stem.
					start = j + 1;
					continue;
				}
			}
			end = j;
			i = j;
			break;
		}
		fn(s, wordStart, end, gap);
		gap = false;
	}
}

// An acronym: 2–6 ASCII capitals and digits, the first a capital and at least two of them capitals,
// with an optional plural "s": "GA", "RL", "LLMs", "GPT4", "CO2", "MMS". One capital with digits is
// not one: "L2" and "l2", "T5" and "t5" are written either way for the same thing, as are "3D" and
// "3d". Mixed case is a name, not an acronym ("mmWave", "iOS", "LoRA", "ImageNet"): those stay
// lower-case stems as before, shown as written (see showCase in tfidf.ts). Hyphenated words are
// split before this ("BERT-based" → "BERT", "based"; "GPT-4" → "GPT", "4") except after a joined
// prefix ("X-ray", "Multi-Agent"), which is never an acronym. ASCII only: other scripts' capitals
// are rare in abstracts and would need their own plural rules. The roman numerals "II" and "III"
// ("Part II", "type III") are no acronyms: as terms of their own they became keywords of the few
// papers that number in capitals.
const ACRONYM = /^(?!I{2,3}$)[A-Z][0-9]*[A-Z][A-Z0-9]{0,4}s?$/;

/**
 * The term key of a word as written (see Token.stem), or null for stop words, numbers and
 * one-letter words. Stop words are dropped whatever their case: an all-caps "IT", "US" or "OR"
 * is rarer than emphasis or a shouted title, and they were never terms.
 */
export function contentStem(word: string): string | null {
	const lower = word.toLowerCase().replaceAll('-', '');
	if (STOP_WORDS.has(lower) || lower.length < 2 || /^\p{N}+$/u.test(lower)) return null;
	if (ACRONYM.test(word)) return word.endsWith('s') ? word.slice(0, -1) : word;
	return stemWord(lower);
}

// A text is shouting when at least SHOUT.share of its first words (of two letters or more, at
// most SHOUT.words of them, and at least 3) are all capitals. The real titles of the corpora reach
// a share of 0.4 ("HDRSDR-VQA: A Subjective Video Quality Dataset for HDR and SDR Comparative
// Evaluation"); "GAN-Based LLM Agents for NLP" has 0.5.
const SHOUT = { words: 12, share: 0.75 } as const;
// More words with a lower-case letter than this among SHOUT.words, and the text cannot be shouting.
const MAX_QUIET = Math.floor(SHOUT.words * (1 - SHOUT.share));

/**
 * Whether a text is written in capitals ("DEEP LEARNING FOR GAS SENSORS"): its capitals are then
 * no acronyms, and it is read lower-cased (see readableCase). Only its first words are read, and
 * the scan stops at the first few lower-case words, so that the test costs nothing next to
 * tokenising an abstract (a shouted abstract shouts from its first words).
 */
export function isShouting(text: string): boolean {
	const n = text.length;
	let words = 0;
	let caps = 0;
	let letters = 0;
	let lower = false;
	for (let i = 0; i <= n && words < SHOUT.words; i++) {
		const code = i < n ? text.charCodeAt(i) : 32;
		if (code >= 97 && code <= 122) {
			lower = true;
			letters++;
		} else if (code >= 65 && code <= 90) letters++;
		else {
			if (letters >= 2) {
				words++;
				if (!lower) caps++;
				else if (words - caps > MAX_QUIET) return false;
			}
			letters = 0;
			lower = false;
		}
	}
	return words >= 3 && caps >= SHOUT.share * words;
}

/** A title or abstract as the tokeniser reads it: lower-cased when shouting (see isShouting). */
export function readableCase(text: string): string {
	return isShouting(text) ? text.toLowerCase() : text;
}

/**
 * Splits a text into content tokens; a stop word counts as a gap. The text is taken as written:
 * callers tokenising a whole title or abstract pass it through readableCase first (topic phrases
 * are not, so that "RL" or "LLM agents" in topics.yaml stay acronyms).
 */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let pending = false;
	forEachWord(text, (surface, gap) => {
		const stem = contentStem(surface);
		if (stem === null) {
			pending = true;
			return;
		}
		tokens.push({ stem, surface, gap: gap || pending || tokens.length === 0 });
		pending = false;
	});
	return tokens;
}

/** The stems of a phrase from topics.yaml, the way `tokenize` would see it in a text. */
export function phraseStems(phrase: string): string[] {
	return tokenize(phrase).map((t) => t.stem);
}

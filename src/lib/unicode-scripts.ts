/**
 * Unicode's super- and subscript characters, for TeX's `^` and `_` where nothing is typeset: the
 * formula reader (math-text.ts) and the prose reader's `\textsuperscript` (latex-prose.ts) share
 * them. A module of its own so that neither of those imports the other for them.
 */

/** Super- and subscript characters, by the character they raise or lower. */
export interface Scripts {
	sup: Record<string, string>;
	sub: Record<string, string>;
	/** Whether accents may be drawn as combining marks (the cards' fonts have none). */
	accents?: boolean;
	/**
	 * What to write instead of characters the output cannot show (the cards' fonts lack `⌈`, `ℝ`,
	 * …): applied to the whole result, so a character typed as such is replaced too.
	 */
	fallback?: Record<string, string>;
}

/** Every super- and subscript Unicode has for digits, signs and the letters commonly raised. */
export const UNICODE_SCRIPTS: Scripts = {
	accents: true,
	sup: Object.fromEntries([...'0123456789+-=()ni'].map((c, k) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ'[k]!])),
	sub: Object.fromEntries(
		[...'0123456789+-=()aeoxijklmnpst'].map((c, k) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₖₗₘₙₚₛₜ'[k]!]),
	),
};

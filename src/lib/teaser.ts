/**
 * Short plain-text excerpts of an abstract: the one-sentence teaser on list items and the
 * ~160-character meta description. Both work on `summary`: plain text, formulas already as
 * Unicode, so a `$` in it is a dollar (`$5 and $10` stays as written).
 */

/** Abbreviations whose trailing period does not end a sentence. */
const ABBREVIATIONS =
	/(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Eqs|Sec|No|approx|resp|Dr|Mr|Ms|Prof|St)|\b[A-Z])\.$/;

/** Cuts `text` to at most `max` characters at a word boundary, adding `…` when it cut. */
export function truncateText(text: string, max: number): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	// Never half of a surrogate pair (an emoji or a math letter at the cut).
	const cut = clean.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '');
	const space = cut.lastIndexOf(' ');
	const head = space > max * 0.6 ? cut.slice(0, space) : cut;
	return head.replace(/[\s,;:.\-–—(]+$/u, '') + '…';
}

/**
 * The first sentence of an abstract, at most `max` characters. A period ends a sentence when
 * followed by whitespace and an uppercase letter, digit or quote, and not after a known
 * abbreviation (`e.g.`, `et al.`) or a single capital (an initial).
 */
export function firstSentence(summary: string, max = 240): string {
	const text = summary.replace(/\s+/g, ' ').trim();
	const re = /[.!?](?=\s+["'“‘(]?[\p{Lu}\p{N}])/gu;
	let m: RegExpExecArray | null;
	while ((m = re.exec(text))) {
		const end = m.index + 1;
		if (m[0] === '.' && ABBREVIATIONS.test(text.slice(Math.max(0, end - 8), end))) continue;
		return truncateText(text.slice(0, end), max);
	}
	return truncateText(text, max);
}

/** The meta description of a paper: the abstract's first ~160 characters. */
export function describeAbstract(summary: string, max = 160): string {
	return truncateText(summary, max);
}

/**
 * Links in a field the page shows as plain text (arXiv's `comments`: "code at https://…"). Only
 * http(s) URLs become links; everything else stays text, character for character.
 */

/** A run of text, with the URL it links to when it is one. */
export interface TextRun {
	text: string;
	href?: string;
}

const URL = /https?:\/\/[^\s<>"'`{}|\\^[\]]+/gi;

/**
 * Removes the punctuation a sentence put after a URL, keeping balanced parentheses
 * (`…/a_(b)`): closing quotes and ellipses of any language too (`«…/r»`, `„…/q“`, `…/r…`).
 * Shared with the ingest, which links URLs in abstracts the same way.
 */
export function trimUrlTail(url: string): { url: string; tail: string } {
	let u = url;
	let tail = '';
	for (;;) {
		const last = u[u.length - 1];
		if (!last) break;
		const unbalanced =
			last === ')' && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0);
		if (!/[.,;:!?'"”’\]}*…»«“‘›‹„‚]/.test(last) && !unbalanced) break;
		tail = last + tail;
		u = u.slice(0, -1);
	}
	return { url: u, tail };
}

/** Splits `text` into runs; joined, their texts are `text` again. */
export function linkedText(text: string): TextRun[] {
	const runs: TextRun[] = [];
	let last = 0;
	for (const m of text.matchAll(URL)) {
		const { url } = trimUrlTail(m[0]);
		if (!/^https?:\/\/[^/]+\.[^/]+/i.test(url)) continue;
		if (m.index > last) runs.push({ text: text.slice(last, m.index) });
		runs.push({ text: url, href: url });
		last = m.index + url.length;
	}
	if (last < text.length) runs.push({ text: text.slice(last) });
	return runs;
}

/** The class of a link whose text is its own address: print has no need to add the URL after it. */
export const URL_LINK_CLASS = 'link--url';

/**
 * Whether a link reads as its own address, whichever scheme either side names: `x.org/y` or
 * `http://x.org/y` for `https://x.org/y` (the ingest links `www.x.org` and repairs http to https).
 * Printed, such a link already shows where it goes.
 */
export function showsOwnUrl(text: string, href: string): boolean {
	const bare = (url: string): string => url.replace(/^https?:\/\//i, '');
	return text !== '' && bare(text) === bare(href);
}

/**
 * Where a shown address may break across lines: after each single `/` (not the scheme's `//`)
 * that has more after it. Without these a long address broke anywhere, and a full stop after one
 * that filled its line wrapped alone.
 */
export const URL_BREAK = /(?<!\/)\/(?=[^/])/g;

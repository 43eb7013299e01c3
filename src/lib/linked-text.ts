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

/** Sentence punctuation after a URL, which is not part of it. */
const TRAILING = /[.,;:!?'"”’…»«“‘›‹„‚*]$/;

/** Drops trailing punctuation, and closing parentheses that have no opening one in the URL. */
function trimTail(url: string): string {
	let u = url;
	for (;;) {
		const unbalanced =
			u.endsWith(')') && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0);
		if (TRAILING.test(u) || unbalanced) u = u.slice(0, -1);
		else return u;
	}
}

/** Splits `text` into runs; joined, their texts are `text` again. */
export function linkedText(text: string): TextRun[] {
	const runs: TextRun[] = [];
	let last = 0;
	for (const m of text.matchAll(URL)) {
		const url = trimTail(m[0]);
		if (!/^https?:\/\/[^/]+\.[^/]+/i.test(url)) continue;
		if (m.index > last) runs.push({ text: text.slice(last, m.index) });
		runs.push({ text: url, href: url });
		last = m.index + url.length;
	}
	if (last < text.length) runs.push({ text: text.slice(last) });
	return runs;
}

/**
 * Pure helpers of the search page: the state kept in the URL (`?q=…&topic=…&code=yes`),
 * keyboard movement through results, and the Pagefind filter object. No DOM, unit-tested.
 */

import { escapeHtmlText } from '../lib/escape.ts';
import { ARXIV_ID_BODY } from '../lib/arxiv-id.ts';

/** What the reader searched for and filtered by; mirrored in the URL so it can be shared. */
export interface SearchState {
	q: string;
	/** Selected topic names (any of them matches). */
	topics: string[];
	/** Only papers with a code link. */
	code: boolean;
}

/**
 * Every parameter the search page reads from its URL. The service worker answers a search URL
 * with the saved page whatever their values (offline, `?code=yes` found no saved page before).
 */
export const SEARCH_PARAMS = ['q', 'topic', 'code'] as const;

/** Reads the state from a query string (`location.search`). */
export function parseSearchState(search: string): SearchState {
	const params = new URLSearchParams(search);
	return {
		q: (params.get('q') ?? '').trim(),
		topics: [...new Set(params.getAll('topic').filter(Boolean))],
		code: params.get('code') === 'yes',
	};
}

/** The query string of a state (`?q=a&topic=T`), or `''` when nothing is set. */
export function stateToSearch(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.q.trim()) params.set('q', state.q.trim());
	for (const t of state.topics) params.append('topic', t);
	if (state.code) params.set('code', 'yes');
	const s = params.toString();
	return s ? `?${s}` : '';
}

/**
 * Characters that only a copy from a PDF or a wide-character keyboard brings into a query, read
 * as their plain forms (NFKC): ligatures (`ﬁne-tuning`: the index holds `fine-tuning`), full-width
 * forms, and spaces of other widths. Not every compatibility character: the site's own text
 * writes ², ₂, ℓ, ℝ and ϑ as such (124 of them in 33 entries of the seed and the corpora), the
 * index holds them so, and a reader who copies them from a page must find that page.
 */
const PASTED = /[\uFB00-\uFB4F\uFF00-\uFFEF\u00A0\u2000-\u200A\u202F\u205F\u3000]/gu;

/** A query as the index writes its text: NFC, pasted ligatures and wide forms read (PASTED). */
export function normalizeQuery(q: string): string {
	return q.replace(PASTED, (c) => c.normalize('NFKC')).normalize('NFC');
}

/**
 * An arXiv reference written the ways readers paste it (`arXiv:2505.18092v2`, an abstract or PDF
 * address with or without its scheme, `hep-th/9901001`), read as the id without its version.
 * A new-style id's first four digits are a year and a month (`2048.1234` is a number).
 */
const ARXIV_REF = new RegExp(
	String.raw`^(?:(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/|arxiv:\s*)?(${ARXIV_ID_BODY})(?:v\d+)?(?:\.pdf)?\/?$`,
	'i',
);

/** A DOI, bare (`10.…`), as `doi:10.…` or as a resolver address, with or without its scheme. */
const DOI_REF =
	/^(?:doi:\s*|(?:https?:\/\/)?(?:(?:dx|www)\.)?doi\.org\/)?(10\.\d{4,9}(?:\/|%2F)\S+)$/i;

/** A paper identifier that a whole query is: an arXiv id (no version) or a DOI, as papers hold it. */
export interface PaperRef {
	kind: 'arxiv' | 'doi';
	id: string;
}

/** The arXiv id or DOI a query is (see ARXIV_REF, DOI_REF), or `undefined`. */
export function paperRef(q: string): PaperRef | undefined {
	const t = normalizeQuery(q).trim();
	const arxiv = ARXIV_REF.exec(t);
	if (arxiv) return { kind: 'arxiv', id: arxiv[1]! };
	const doi = DOI_REF.exec(t);
	// A DOI address may carry percent-escapes (`%2F`); the index holds the DOI as written.
	return doi ? { kind: 'doi', id: safeDecode(doi[1]!) } : undefined;
}

/**
 * The terms to search for a query: an arXiv or DOI reference becomes the bare id the index holds,
 * anything else is normalised (normalizeQuery) and read by `read` (the TeX reading of
 * readSearchTerms), but for `<` and `>`: Pagefind's client turns them into `&lt;` and `&gt;`
 * before it matches, so the letters `lt` and `gt` joined the word, while the index holds the word
 * without them. A SICI DOI (`…35:4<433::AID-JBM5>3.0.CO;2-H`) found another paper.
 */
export function searchTerms(q: string, read: (q: string) => string = (t) => t): string {
	const ref = paperRef(q);
	return (ref ? ref.id : read(normalizeQuery(q))).replace(/[<>]/g, '');
}

/** A query that may hold TeX (`$\kappa=0.742$`, `Schr\"odinger`): a dollar or a backslash. */
const MAYBE_TEX = /[$\\]/;

/**
 * searchTerms, with TeX read as the site reads it in titles (readableTitle: `$\infty$-LLMs` →
 * `∞-LLMs`), since the index holds titles and formulas so. The reader (math-text.ts, as big as
 * the rest of the search page's script) is loaded only for a query that may hold TeX; when it
 * cannot be (offline, or replaced by a deploy) the query is searched as typed.
 */
export async function readSearchTerms(q: string): Promise<string> {
	if (!MAYBE_TEX.test(q) || paperRef(q)) return searchTerms(q);
	try {
		const { readableTitle } = await import('../lib/math-text.ts');
		return searchTerms(q, readableTitle);
	} catch {
		return searchTerms(q);
	}
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/**
 * The identifiers a result carries: the words of its hidden `#paper-ids` paragraph (its arXiv id,
 * its DOIs, then names: see searchIds in src/lib/search-page.ts), lower case, each also without
 * a final dot (Pagefind ends the block with one).
 */
export function resultIds(d: ExcerptSource): Set<string> {
	const ids = d.anchors.find((a) => a.id === 'paper-ids');
	if (!ids) return new Set();
	const next = Math.min(
		...d.anchors.filter((a) => a.location > ids.location).map((a) => a.location),
	);
	const words = pagefindWords(d.content).slice(ids.location, next);
	// Without a trailing full stop, and an arXiv id also without its version: a paper stored as
	// `2504.00001v2` carries the id the query names (paperRef drops the version it was typed with).
	return new Set(
		words.flatMap((w) => {
			const word = w.toLowerCase().replace(/\.$/, '');
			return [w.toLowerCase(), word, word.replace(/v\d+$/, '')];
		}),
	);
}

/**
 * Of Pagefind's results for an arXiv id or a DOI, those that carry it: Pagefind also matches on
 * parts of the id (`0704.9999` found every paper of April 2007, `2503.12345` one with "26,250" in
 * its abstract). Results are checked in Pagefind's order, `batch` at a time (the first batch is
 * loaded to be shown anyway), up to the first batch with one that does not carry it: a paper that
 * carries the id holds it whole and ranks above those matching a part (on the corpus build, each
 * of the 1,089 arXiv ids and DOIs found its own paper alone). A result whose data fails to load
 * is kept unchecked and ends the check; showing it then says what failed.
 */
export async function keepCarrying<R extends { data(): Promise<ExcerptSource> }>(
	results: readonly R[],
	ref: PaperRef,
	batch = RESULTS_PAGE,
): Promise<R[]> {
	const id = ref.id.toLowerCase();
	const kept: R[] = [];
	for (let from = 0; from < results.length; from += batch) {
		const slice = results.slice(from, from + batch);
		const data = await Promise.allSettled(slice.map((r) => r.data()));
		const carries = data.map((d) =>
			d.status === 'fulfilled' ? resultIds(d.value).has(id) : undefined,
		);
		slice.forEach((r, i) => {
			if (carries[i] !== false) kept.push(r);
		});
		if (!carries.every(Boolean)) break;
	}
	return kept;
}

/** What the status line says when no paper carries the arXiv id or DOI searched for. */
export function noPaperWith(ref: PaperRef, filtered: boolean): string {
	const what = `No paper with ${ref.kind === 'arxiv' ? 'arXiv id' : 'DOI'} ${ref.id}`;
	return filtered
		? `${what} matches these filters. Clear the filters to search the whole site.`
		: `${what} on this site.`;
}

/** Pagefind's `filters` option for a state: topics are OR-ed, code is required when set. */
export function stateToFilters(state: SearchState): Record<string, unknown> {
	const filters: Record<string, unknown> = {};
	if (state.topics.length) filters.topic = { any: state.topics };
	if (state.code) filters.code = 'yes';
	return filters;
}

/**
 * The state without the filter values the page offers no choice for: a topic renamed or gone
 * since the URL was shared or bookmarked matched no paper, with no box ticked to say why.
 */
export function offeredState(state: SearchState, topics: readonly string[]): SearchState {
	return { ...state, topics: state.topics.filter((t) => topics.includes(t)) };
}

/** What made the page search again: a pause in typing, Enter or the button, a filter changed. */
export type SearchCause = 'typed' | 'submitted' | 'filtered';

/**
 * Whether a search gets a history entry of its own (`push`) or takes the place of the current one
 * (`replace`), so that Back returns to the search before: every search replaced the one before
 * it, and Back left the page. A changed filter gets its own entry, and so does a query being
 * typed, once: its later pauses replace that entry, and submitting it keeps it, rather than one
 * entry per prefix of the words typed. `typed`: the current entry was made by typing; `from`:
 * the current entry's query string as in the address bar; `to`: the search's, as stateToSearch
 * writes it. An empty page is not kept.
 */
export function historyStep(
	cause: SearchCause,
	typed: boolean,
	from: string,
	to: string,
): 'push' | 'replace' {
	// `from` as the page writes it: arriving on `?q=deep%20learning` (or with a `utm_` part) and
	// searching again pushed a copy, and the first Back seemed to do nothing.
	const current = stateToSearch(parseSearchState(from));
	if (current === to || current === '') return 'replace';
	return typed && cause !== 'filtered' ? 'replace' : 'push';
}

/** At most this many words of a query are checked one by one for matching nothing (queryWords). */
const WORDS_CHECKED = 6;

/**
 * The words of a query worth checking one by one for matching nothing: Pagefind leaves out a
 * word no paper has and answers for the others, so "difusion models" listed every paper with
 * "models" as if both had matched. None for one word (its results say it) or for a phrase in
 * quotes (unquotedCount speaks for it); the caller skips ids (paperRef).
 */
export function queryWords(terms: string): string[] {
	if (terms.includes('"')) return [];
	const words = [
		...new Set(
			terms
				.toLowerCase()
				.split(/\s+/)
				.filter((w) => /\p{L}{3}/u.test(w)),
		),
	];
	return words.length >= 2 ? words.slice(0, WORDS_CHECKED) : [];
}

/** What the status line adds when some words of a query matched nothing (queryWords). */
export function unmatchedNote(words: readonly string[]): string {
	if (words.length === 0) return '';
	const list = words.map((w) => `“${w}”`);
	const named =
		list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)!}`;
	return ` No paper has ${named}: these are for the other words.`;
}

/** A query with its quotes taken out: Pagefind then matches its words anywhere, not as a phrase. */
export function withoutQuotes(q: string): string {
	return q.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Index of the result to focus after an arrow key: -1 is the search input. Moving down from
 * the input enters the list, moving up from the first result returns to the input, and the
 * ends do not wrap (a screen reader user always knows where the list stops).
 */
export function moveFocus(current: number, delta: 1 | -1, length: number): number {
	if (length === 0) return -1;
	return Math.max(-1, Math.min(length - 1, current + delta));
}

/**
 * The search page's status line with nothing to search: in its HTML (SearchPanel.astro), so that
 * it paints with the page instead of once Pagefind has loaded, and set again when the box is
 * cleared.
 */
export const IDLE_STATUS = 'Type to search titles, short names, authors and abstracts.';

/** Results shown at first, and added by each "Show more results". */
export const RESULTS_PAGE = 10;

/** Words in a result's excerpt (Pagefind's `excerptLength`). */
export const EXCERPT_WORDS = 24;

/** What `abstractExcerpt` reads of a Pagefind result (its `data()`). */
export interface ExcerptSource {
	/** The indexed text of the page. */
	content: string;
	/** Word positions of the matches in `content`. */
	locations: number[];
	weighted_locations: Array<{ location: number; balanced_score: number }>;
	/** Elements with an `id` in the indexed region, at the word they start at, with their text. */
	anchors: Array<{ id: string; location: number; text?: string }>;
}

/**
 * A page text's words as Pagefind counts them (whitespace but U+FEFF separates them), so that the
 * word positions of its results (`locations`, `anchors`) index them.
 */
export const pagefindWords = (text: string): string[] => text.split(/[^\S\uFEFF]+/);

/**
 * An excerpt from the abstract only: the words of `#abstract` (up to the next anchor, the
 * keywords or the ids) around its densest matches, matched words in `<mark>`, as Pagefind makes
 * its own; the abstract's opening words when only the title, short name or keywords matched.
 * Pagefind's own excerpt takes the densest part of the whole page, so a search for a paper's
 * name repeated the title shown right above it ("SpeechT5. SpeechT5: Unified-Modal …").
 * `undefined` (use Pagefind's) for a page without `#abstract` or for text Pagefind splits into
 * words by zero-width spaces (Chinese, Japanese).
 */
export function abstractExcerpt(d: ExcerptSource, length = EXCERPT_WORDS): string | undefined {
	const abstract = d.anchors.find((a) => a.id === 'abstract');
	if (!abstract || d.content.includes('\u200B')) return undefined;
	// From the plain text, every word escaped here: Pagefind's `raw_content` escapes `<` and `>`
	// but not `&`, so an abstract's literal `&amp;` was shown as `&`.
	const words = pagefindWords(d.content);
	const from = abstract.location;
	let to = words.length;
	for (const a of d.anchors) if (a.location > from && a.location < to) to = a.location;
	if (to <= from) return undefined;
	const score = new Float64Array(to - from);
	for (const w of d.weighted_locations)
		if (w.location >= from && w.location < to) score[w.location - from]! += w.balanced_score;
	// The densest window; of equal ones in a row, the middle (the match centred), like Pagefind.
	const span = Math.min(length, to - from);
	let sum = 0;
	for (let i = 0; i < span; i++) sum += score[i]!;
	let best = sum;
	let runStart = 0;
	let runEnd = 0;
	for (let s = 1; s + span <= to - from; s++) {
		sum += score[s + span - 1]! - score[s - 1]!;
		if (sum > best) {
			best = sum;
			runStart = runEnd = s;
		} else if (sum === best && runEnd === s - 1) runEnd = s;
	}
	const start = from + (best > 0 ? Math.ceil((runStart + runEnd) / 2) : 0);
	const marked = new Set(d.locations);
	const out: string[] = [];
	for (let i = start; i < start + span; i++)
		out.push(
			marked.has(i) ? `<mark>${escapeHtmlText(words[i]!)}</mark>` : escapeHtmlText(words[i]!),
		);
	return out.join(' ');
}

/**
 * Keeps only `<mark>` highlighting in a Pagefind excerpt: every other tag is shown as text.
 * Pagefind escapes page text in excerpts; this is defence in depth for hostile abstracts.
 */
export function safeExcerpt(excerpt: string): string {
	return excerpt
		.split(/(<\/?mark>)/)
		.map((part) => (part === '<mark>' || part === '</mark>' ? part : part.replace(/</g, '&lt;')))
		.join('');
}

/**
 * Pure helpers of the search page: the state kept in the URL (`?q=…&topic=…&code=yes`),
 * keyboard movement through results, and the Pagefind filter object. No DOM, unit-tested.
 */

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
 * An arXiv reference written the ways readers paste it (`arXiv:2505.18092v2`, an abstract or PDF
 * address, `hep-th/9901001`): the index holds each paper's bare id.
 */
const ARXIV_REF =
	/^(?:https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/|arxiv:\s*)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?\/?$/i;

/** A DOI written as `doi:10.…` or as a resolver address (`https://doi.org/10.…`). */
const DOI_REF = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}(?:\/|%2F)\S+)$/i;

/**
 * The terms to search for a query: an arXiv or DOI reference becomes the bare id the index holds,
 * anything else stays as typed.
 */
export function searchTerms(q: string): string {
	const t = q.trim();
	const arxiv = ARXIV_REF.exec(t);
	if (arxiv) return arxiv[1]!;
	const doi = DOI_REF.exec(t);
	// A DOI address may carry percent-escapes (`%2F`); the index holds the DOI as written.
	return doi ? safeDecode(doi[1]!) : q;
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** Pagefind's `filters` option for a state: topics are OR-ed, code is required when set. */
export function stateToFilters(state: SearchState): Record<string, unknown> {
	const filters: Record<string, unknown> = {};
	if (state.topics.length) filters.topic = { any: state.topics };
	if (state.code) filters.code = 'yes';
	return filters;
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
 * An excerpt without the short name that opens it when the title right after it starts with the
 * same name: the page shows the name above its title and Pagefind indexes both (the name's weight
 * ranks the paper first for it), so excerpts of the page's start read "CodeT5. CodeT5: …".
 * `excerpt` is Pagefind's: page text with `<` and `>` escaped, matched words in `<mark>`.
 */
export function withoutRepeatedName(excerpt: string, shortName: string | undefined): string {
	if (!shortName) return excerpt;
	// Pagefind escapes only angle brackets, and joins the words of an excerpt with single spaces.
	const name = shortName.replace(/</g, '&lt;').replace(/>/g, '&gt;');
	if (!excerpt.replace(/<\/?mark>/g, '').startsWith(`${name}. ${name}`)) return excerpt;
	return excerpt.split(' ').slice(name.split(' ').length).join(' ');
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

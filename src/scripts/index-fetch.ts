/**
 * Counts the requests for the search index that fail. Pagefind swallows a failed index or filter
 * chunk: it logs "Failed to load the index chunk …" and searches without it, so a query whose
 * chunk could not be fetched (offline beyond what the service worker saved, a dropped
 * connection) answers "no results" as if nothing matched. Its search API says nothing of it;
 * the fetches it makes are the only place the failure shows.
 */

/** Failed index requests so far: compare the counts before and after a search. */
export interface IndexFetchWatch {
	readonly failures: number;
	/**
	 * Of those, the ones the server answered 404 or 410: the file is no longer there, because a
	 * deploy replaced the index this page loaded (its chunks are named by their content's hash).
	 */
	readonly gone: number;
}

/** The URL `input` asks for, resolved against `base`. */
function requestUrl(input: RequestInfo | URL, base: string): string {
	const raw = input instanceof Request ? input.url : String(input);
	return new URL(raw, base).href;
}

/**
 * Wraps `target.fetch` so that every request under `prefix` (the Pagefind folder) that throws or
 * answers with an error status is counted. Responses and errors pass through unchanged, and
 * other requests are not looked at.
 */
export function watchIndexFetches(
	target: { fetch: typeof fetch },
	prefix: string,
	base: string,
): IndexFetchWatch {
	const original = target.fetch.bind(target);
	const folder = new URL(prefix, base).href;
	let failures = 0;
	let gone = 0;
	target.fetch = async (input, init) => {
		if (!requestUrl(input, base).startsWith(folder)) return original(input, init);
		try {
			const response = await original(input, init);
			if (!response.ok) failures++;
			if (response.status === 404 || response.status === 410) gone++;
			return response;
		} catch (error) {
			failures++;
			throw error;
		}
	};
	return {
		get failures() {
			return failures;
		},
		get gone() {
			return gone;
		},
	};
}

/**
 * The searches a reader ran on a site too large to keep whole offline (core mode), with the build
 * whose index answered them. A deploy renames most index chunks (a chunk is named by its content's
 * hash), so the new service worker cannot carry them over by address: the site script runs these
 * searches again on the new index while online (search-carry.ts), and offline they still work,
 * as the offline notice promises. Kept in localStorage, on this device only. Pure apart from the
 * Storage it is given (unit-tested).
 */

/** localStorage key. */
export const SAVED_SEARCHES_KEY = 'saved-searches';
/** The most recent searches kept. */
export const SAVED_SEARCHES_MAX = 20;

/** One search: the query as typed, and the build whose index it was last run on. */
export interface SavedSearch {
	q: string;
	build: string;
}

/** The saved searches, most recent first; none when storage is unavailable or garbled. */
export function savedSearches(storage: Pick<Storage, 'getItem'>): SavedSearch[] {
	try {
		const list: unknown = JSON.parse(storage.getItem(SAVED_SEARCHES_KEY) ?? '[]');
		return Array.isArray(list)
			? list.filter(
					(s): s is SavedSearch =>
						typeof s === 'object' &&
						s !== null &&
						typeof s.q === 'string' &&
						typeof s.build === 'string',
				)
			: [];
	} catch {
		return [];
	}
}

function save(storage: Pick<Storage, 'setItem'>, list: SavedSearch[]): void {
	try {
		storage.setItem(SAVED_SEARCHES_KEY, JSON.stringify(list.slice(0, SAVED_SEARCHES_MAX)));
	} catch {
		// Storage full or off (private mode): searches are then only what the cache holds.
	}
}

/** Records that `q` was run on `build`'s index: first in the list, once. */
export function rememberSearch(
	storage: Pick<Storage, 'getItem' | 'setItem'>,
	q: string,
	build: string,
): void {
	const query = q.trim();
	if (!query) return;
	save(storage, [{ q: query, build }, ...savedSearches(storage).filter((s) => s.q !== query)]);
}

/** The queries last run on another build than `build`, most recent first. */
export function staleSearches(storage: Pick<Storage, 'getItem'>, build: string): string[] {
	return savedSearches(storage)
		.filter((s) => s.build !== build)
		.map((s) => s.q);
}

/** Records that `queries` were run again on `build` (their places in the list kept). */
export function markSearches(
	storage: Pick<Storage, 'getItem' | 'setItem'>,
	queries: readonly string[],
	build: string,
): void {
	const done = new Set(queries);
	save(
		storage,
		savedSearches(storage).map((s) => (done.has(s.q) ? { q: s.q, build } : s)),
	);
}

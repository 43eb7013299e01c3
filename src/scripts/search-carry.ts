/**
 * Runs saved searches (saved-searches.ts) again on the index of the build now in control, so that
 * the service worker caches the index chunks and first results' fragments they need under their
 * new names. Loaded by the site script only when there are such searches.
 */
import { pagefindUrl } from '../lib/urls.ts';
import { watchIndexFetches } from './index-fetch.ts';
import { loadPagefind } from './pagefind-load.ts';
import { readSearchTerms, RESULTS_PAGE } from './search-state.ts';

/** Runs each query and loads its first page of results; returns the queries that fully loaded. */
export async function carrySearches(queries: readonly string[]): Promise<string[]> {
	const fetches = watchIndexFetches(window, pagefindUrl(), location.href);
	const pagefind = await loadPagefind();
	const done: string[] = [];
	for (const q of queries) {
		const failures = fetches.failures;
		try {
			const { results } = await pagefind.search(await readSearchTerms(q), {});
			await Promise.all(results.slice(0, RESULTS_PAGE).map((r) => r.data()));
			if (fetches.failures === failures) done.push(q);
		} catch {
			// Tried again on a later page.
		}
	}
	return done;
}

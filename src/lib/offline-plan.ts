/**
 * Pure decisions of the offline support, kept apart from workbox so they are unit-tested.
 */

/** `full`: precache every page and the whole index; `core`: shell + Pagefind core only. */
export type PrecachePlan = 'full' | 'core';

/** Precache everything while the total stays within the limit (inclusive). */
export function planPrecache(totalBytes: number, limitBytes: number): PrecachePlan {
	return totalBytes <= limitBytes ? 'full' : 'core';
}

/** Cache names of one build; all start with `prefix`, which only that build uses. */
export function cacheNames(buildId: string): { prefix: string; pages: string; search: string } {
	const prefix = `abstracta-${buildId}-`;
	return { prefix, pages: `${prefix}pages`, search: `${prefix}search` };
}

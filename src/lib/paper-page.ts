/**
 * Small pure helpers for the paper page: neighbours in the listing and the Pagefind keys the
 * search feature filters and sorts on.
 */

/** The items before and after `index` in a list (undefined at the ends). */
export function neighbours<T>(list: readonly T[], index: number): { prev?: T; next?: T } {
	return { prev: index > 0 ? list[index - 1] : undefined, next: list[index + 1] };
}

/** Resolves slugs to items, dropping slugs that are not (or no longer) on the site. */
export function resolveSlugs<T extends { id: string }, R extends { slug: string }>(
	refs: readonly R[],
	all: ReadonlyMap<string, T>,
): Array<R & { entry: T }> {
	return refs.flatMap((r) => {
		const entry = all.get(r.slug);
		return entry ? [{ ...r, entry }] : [];
	});
}

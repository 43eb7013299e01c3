import type { Paper } from '../schemas/paper.ts';

/** Listing order: newest date first, then rank, then slug (a total, deterministic order). */
export function compareListing(
	a: Pick<Paper, 'date' | 'rank' | 'slug'>,
	b: Pick<Paper, 'date' | 'rank' | 'slug'>,
): number {
	if (a.date !== b.date) return a.date < b.date ? 1 : -1;
	if (a.rank !== b.rank) return a.rank - b.rank;
	return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

import type { Paper } from '../schemas/paper.ts';
import { formatCount } from './format.ts';

/** Listing order: newest date first, then rank, then slug (a total, deterministic order). */
export function compareListing(
	a: Pick<Paper, 'date' | 'rank' | 'slug'>,
	b: Pick<Paper, 'date' | 'rank' | 'slug'>,
): number {
	if (a.date !== b.date) return a.date < b.date ? 1 : -1;
	if (a.rank !== b.rank) return a.rank - b.rank;
	return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/**
 * Which papers one page of a listing holds, as its printed copy says (the pagination does not
 * print, and the listing's count names them all): `Papers 1–50 of 75, page 1 of 2`.
 */
export function pageRangeWords(slice: {
	items: { length: number };
	page: number;
	pages: number;
	first: number;
	total: number;
}): string {
	const last = slice.first + slice.items.length - 1;
	const which =
		last === slice.first
			? `Paper ${formatCount(slice.first)}`
			: `Papers ${formatCount(slice.first)}–${formatCount(last)}`;
	return `${which} of ${formatCount(slice.total)}, page ${formatCount(slice.page)} of ${formatCount(slice.pages)}`;
}

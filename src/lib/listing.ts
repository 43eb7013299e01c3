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

/** One page of a paginated list. */
export interface PageSlice<T> {
	items: T[];
	/** 1-based page number. */
	page: number;
	pages: number;
	/** 1-based place of its first item in the whole list. */
	first: number;
	/** Items in the whole list. */
	total: number;
}

/** Splits a list into pages of `size` (at least one page, even when empty). */
export function paginate<T>(items: T[], size: number): Array<PageSlice<T>> {
	const pages = Math.max(1, Math.ceil(items.length / size));
	return Array.from({ length: pages }, (_, i) => ({
		items: items.slice(i * size, (i + 1) * size),
		page: i + 1,
		pages,
		first: i * size + 1,
		total: items.length,
	}));
}

/**
 * Which papers one page of a listing holds, as its printed copy says (the pagination does not
 * print, and the listing's count names them all): `Papers 51–75 of 75`. Not which page it is:
 * a later page's heading says that already (`page 2 of 2`).
 */
export function pageRangeWords(slice: PageSlice<unknown>): string {
	const last = slice.first + slice.items.length - 1;
	const which =
		last === slice.first
			? `Paper ${formatCount(slice.first)}`
			: `Papers ${formatCount(slice.first)}–${formatCount(last)}`;
	return `${which} of ${formatCount(slice.total)}`;
}

/**
 * Sorted search results on the search page. The index's sort orders live beside Pagefind's
 * metadata, one file per sort key (written by the build, src/lib/pagefind-sorts.ts, and named in
 * `pagefind-entry.json`), so that only a sorted search downloads them.
 */
import { PAGEFIND_ENTRY_FILE, type PagefindEntry } from '../lib/pagefind-entry.ts';

/** Results in the order of `position` (page id → place in the ascending order); unknown ids last. */
export function sortResults<T extends { id: string }>(
	results: readonly T[],
	position: ReadonlyMap<string, number>,
	direction: 'asc' | 'desc',
): T[] {
	const sign = direction === 'asc' ? 1 : -1;
	const at = (r: T): number => position.get(r.id) ?? Number.NaN;
	return [...results].sort((a, b) => {
		const pa = at(a);
		const pb = at(b);
		if (Number.isNaN(pa) || Number.isNaN(pb))
			return Number(Number.isNaN(pa)) - Number(Number.isNaN(pb));
		return sign * (pa - pb);
	});
}

/** Page id → position, from the ids of one sort file in ascending order. */
export function positions(ids: readonly string[]): Map<string, number> {
	return new Map(ids.map((id, i) => [id, i]));
}

/** The body of a sort file: gzip as the build writes it, or already decoded by the server. */
async function readSortFile(response: Response): Promise<string[]> {
	const bytes = new Uint8Array(await response.arrayBuffer());
	const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
	const text = gzipped
		? await new Response(
				new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
			).text()
		: new TextDecoder().decode(bytes);
	return JSON.parse(text) as string[];
}

const loaded = new Map<string, Promise<Map<string, number>>>();

/**
 * Positions of the pages in the ascending order of sort `key` of the index at `bundle` (the
 * URL of the `pagefind/` folder, ending in `/`). Fetched once per page view; rejects when the
 * index has no such sort or a file cannot be fetched (offline, never saved).
 */
export function loadSortOrder(bundle: string, key: string): Promise<Map<string, number>> {
	let order = loaded.get(key);
	if (!order) {
		order = (async () => {
			// Revalidated like Pagefind's own fetch of it: the entry names this build's files.
			const entry = (await (
				await fetch(`${bundle}${PAGEFIND_ENTRY_FILE}`, { cache: 'no-cache' })
			).json()) as PagefindEntry;
			const id = Object.values(entry.languages ?? {})[0]?.sorts?.[key];
			if (!id) throw new Error(`the search index has no sort "${key}"`);
			const response = await fetch(`${bundle}sort/${id}.pf_sort`);
			if (!response.ok) throw new Error(`sort file ${id}: HTTP ${response.status}`);
			return positions(await readSortFile(response));
		})();
		order.catch(() => loaded.delete(key)); // try again next time
		loaded.set(key, order);
	}
	return order;
}

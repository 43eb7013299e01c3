/**
 * Pagefind's sort orders, moved out of the metadata file every query downloads into one file per
 * sort that only a sorted search loads.
 *
 * Why: Pagefind keeps each `data-pagefind-sort` key as a list of every page number in its
 * metadata, about 2.1 bytes per page per key compressed (random page numbers do not compress).
 * At 10,000 papers the date and rank sorts were 42 of the metadata's 128 KB, a fifth of every
 * first query, although only the search page's filter-only view sorts. Pagefind still computes
 * the orders (the pages carry the same sort keys); the build then lifts them out of the
 * metadata as lists of page ids (the `id` of each search result), which the search page loads
 * when it sorts (src/scripts/search-sort.ts).
 *
 * The metadata is CBOR (Pagefind 1.6: `[version, pages, index chunks, filters, sorts, meta
 * fields]`, each page `[id, word count, …]`, each sort `[key, [page number, …]]`). Only the
 * sorts item is replaced, by an empty list; every other byte stays as Pagefind wrote it. A
 * layout this code does not know fails the build rather than guessing.
 */

/** The signature Pagefind puts before the CBOR of each of its (gzipped) files. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** One sort order: the key and the page ids in ascending order of it. */
export interface SortOrder {
	key: string;
	ids: string[];
}

/** A CBOR item head: major type, argument, and where the item's content starts. */
interface Head {
	major: number;
	value: number;
	next: number;
}

function head(buf: Uint8Array, pos: number): Head {
	const first = buf[pos];
	if (first === undefined) throw new Error('metadata ends early');
	const major = first >> 5;
	const info = first & 31;
	if (info < 24) return { major, value: info, next: pos + 1 };
	const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
	if (size === 0) throw new Error(`unsupported CBOR item 0x${first.toString(16)} at ${pos}`);
	let value = 0;
	for (let i = 1; i <= size; i++) value = value * 256 + buf[pos + i]!;
	return { major, value, next: pos + 1 + size };
}

/** Position after the item at `pos`. */
function skip(buf: Uint8Array, pos: number): number {
	const h = head(buf, pos);
	switch (h.major) {
		case 0:
		case 1:
		case 7:
			return h.next;
		case 2:
		case 3:
			return h.next + h.value;
		case 4: {
			let p = h.next;
			for (let i = 0; i < h.value; i++) p = skip(buf, p);
			return p;
		}
		case 5: {
			let p = h.next;
			for (let i = 0; i < 2 * h.value; i++) p = skip(buf, p);
			return p;
		}
		default:
			throw new Error(`unsupported CBOR major type ${h.major} at ${pos}`);
	}
}

function expect(buf: Uint8Array, pos: number, major: number, what: string): Head {
	const h = head(buf, pos);
	if (h.major !== major) throw new Error(`expected ${what} at byte ${pos}`);
	return h;
}

const decoder = new TextDecoder();

function text(buf: Uint8Array, pos: number, what: string): { value: string; next: number } {
	const h = expect(buf, pos, 3, what);
	return { value: decoder.decode(buf.subarray(h.next, h.next + h.value)), next: h.next + h.value };
}

/**
 * Splits Pagefind's decompressed metadata (`raw`, signature included) into the metadata without
 * sort orders and the orders as page ids; `pages` are the page ids (fragment names) in page
 * order. Throws on a layout other than Pagefind 1.6's.
 */
export function splitSorts(raw: Uint8Array): {
	meta: Uint8Array;
	sorts: SortOrder[];
	pages: string[];
} {
	const signature = new TextEncoder().encode(PAGEFIND_SIGNATURE);
	if (!signature.every((b, i) => raw[i] === b)) throw new Error('no Pagefind signature');
	const top = expect(raw, signature.length, 4, 'the metadata list');
	if (top.value !== 6) throw new Error(`the metadata list has ${top.value} items, not 6`);
	let pos = skip(raw, top.next); // version
	const pagesHead = expect(raw, pos, 4, 'the page list');
	const ids: string[] = [];
	pos = pagesHead.next;
	for (let i = 0; i < pagesHead.value; i++) {
		const page = expect(raw, pos, 4, `page ${i}`);
		const id = text(raw, page.next, `the id of page ${i}`);
		ids.push(id.value);
		pos = skip(raw, pos);
	}
	pos = skip(raw, skip(raw, pos)); // index chunks, filters
	const sortsStart = pos;
	const sortsHead = expect(raw, pos, 4, 'the sort list');
	const sorts: SortOrder[] = [];
	pos = sortsHead.next;
	for (let i = 0; i < sortsHead.value; i++) {
		const sort = expect(raw, pos, 4, `sort ${i}`);
		if (sort.value !== 2) throw new Error(`sort ${i} has ${sort.value} items, not 2`);
		const key = text(raw, sort.next, `the key of sort ${i}`);
		const list = expect(raw, key.next, 4, `the pages of sort ${key.value}`);
		const order: string[] = [];
		let p = list.next;
		for (let j = 0; j < list.value; j++) {
			const n = expect(raw, p, 0, `a page number of sort ${key.value}`);
			const id = ids[n.value];
			if (id === undefined)
				throw new Error(`sort ${key.value} names page ${n.value} of ${ids.length}`);
			order.push(id);
			p = n.next;
		}
		sorts.push({ key: key.value, ids: order });
		pos = p;
	}
	const sortsEnd = pos;
	if (skip(raw, sortsEnd) !== raw.length) throw new Error('unexpected bytes after the metadata');
	const meta = new Uint8Array(raw.length - (sortsEnd - sortsStart) + 1);
	meta.set(raw.subarray(0, sortsStart));
	meta[sortsStart] = 0x80; // an empty list
	meta.set(raw.subarray(sortsEnd), sortsStart + 1);
	return { meta, sorts, pages: ids };
}

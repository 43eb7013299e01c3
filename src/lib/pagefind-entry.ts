/**
 * Pagefind's entry file, the first file its script reads: the index of each language. The build
 * reads it to lift the sort orders out of the metadata (integrations/pagefind.ts) and to hint the
 * search page (integrations/search-hints.ts); the search page reads the sort files it names.
 */

/** The entry file's name in Pagefind's folder (PAGEFIND_DIR in urls.ts). */
export const PAGEFIND_ENTRY_FILE = 'pagefind-entry.json';

/** The parts of the entry file the site reads (Pagefind 1.6, and the build's `sorts`). */
export interface PagefindEntry {
	languages?: Record<string, PagefindLanguage>;
}

/** One language's index in the entry file. */
export interface PagefindLanguage {
	/** Names its metadata file, `pagefind.<hash>.pf_meta`. */
	hash: string;
	/** Names its WebAssembly, `wasm.<wasm>.pagefind`; null where Pagefind has no stemmer for it. */
	wasm?: string | null;
	page_count?: number;
	/** Each sort key's file, `sort/<id>.pf_sort`, written by the build (detachSorts). */
	sorts?: Record<string, string>;
}

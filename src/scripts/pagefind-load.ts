/**
 * Loading Pagefind in a page: its script from the site's index folder, with the options every
 * caller uses. Shared by the search page and the search carry-over (search-carry.ts).
 */
import { pagefindUrl, rootUrl } from '../lib/urls.ts';
import { EXCERPT_WORDS, type ExcerptSource } from './search-state.ts';

/** What a result's `data()` gives (the parts the site reads). */
export interface ResultData extends ExcerptSource {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}

/** The parts of Pagefind's API the site uses. */
export interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	destroy(): Promise<void>;
	search(
		q: string | null,
		o: Record<string, unknown>,
	): Promise<{ results: Array<{ id: string; data(): Promise<ResultData> }> }>;
}

/**
 * Imports Pagefind (one module per page) and starts it on the index; throws when it cannot.
 * `attempt` counts the tries before: a retry imports the script under another address, since a
 * browser may keep a failed import's failure for the page's life.
 */
export async function loadPagefind(attempt = 0): Promise<Pagefind> {
	const url = `${pagefindUrl()}pagefind.js${attempt > 0 ? `?retry=${attempt}` : ''}`;
	const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
	await initPagefind(pagefind);
	return pagefind;
}

/**
 * Pagefind's options, then its index. No worker: on a site this size a search takes milliseconds
 * on the main thread, and it saves the reader the worker script (≈ 12 KB gzipped) on every first
 * query.
 */
export async function initPagefind(pagefind: Pagefind): Promise<void> {
	await pagefind.options({ baseUrl: rootUrl(), excerptLength: EXCERPT_WORDS, noWorker: true });
	await pagefind.init();
}

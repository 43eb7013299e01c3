import { describe, expect, test } from 'vitest';
import { watchIndexFetches } from '../../src/scripts/index-fetch.ts';

const BASE = 'https://abstracta.example/search/?q=x';

/** A fetch that answers each URL from `answers`: a status, or an error to throw. */
function fakeFetch(answers: Record<string, number | Error>): { fetch: typeof fetch } {
	return {
		fetch: (input) => {
			const url = input instanceof Request ? input.url : String(input);
			const answer = answers[url];
			if (answer instanceof Error) return Promise.reject(answer);
			return Promise.resolve(new Response('x', { status: answer ?? 404 }));
		},
	};
}

describe('watchIndexFetches', () => {
	test('counts index requests that throw or answer with an error status', async () => {
		const target = fakeFetch({
			'/pagefind/index/en_1.pf_index': new TypeError('Failed to fetch'),
			'/pagefind/fragment/en_2.pf_fragment': 503,
			'/pagefind/index/en_3.pf_index': 200,
		});
		const watch = watchIndexFetches(target, '/pagefind/', BASE);
		expect(watch.failures).toBe(0);
		await expect(target.fetch('/pagefind/index/en_1.pf_index')).rejects.toThrow('Failed to fetch');
		expect(watch.failures).toBe(1);
		// The response is handed on as it came: Pagefind decides what an error status means.
		expect((await target.fetch('/pagefind/fragment/en_2.pf_fragment')).status).toBe(503);
		expect(watch.failures).toBe(2);
		expect((await target.fetch('/pagefind/index/en_3.pf_index')).status).toBe(200);
		expect(watch.failures).toBe(2);
		// None of them says the file is gone.
		expect(watch.gone).toBe(0);
	});

	test('counts apart the files a deploy removed (404, 410): the index was replaced', async () => {
		const target = fakeFetch({
			'/pagefind/index/en_old.pf_index': 404,
			'/pagefind/fragment/en_old.pf_fragment': 410,
			'/pagefind/index/en_5.pf_index': 500,
		});
		const watch = watchIndexFetches(target, '/pagefind/', BASE);
		await target.fetch('/pagefind/index/en_old.pf_index');
		await target.fetch('/pagefind/fragment/en_old.pf_fragment');
		await target.fetch('/pagefind/index/en_5.pf_index');
		expect([watch.failures, watch.gone]).toEqual([3, 2]);
	});

	test('resolves relative, absolute and Request URLs against the page, under a base path', async () => {
		const target = fakeFetch({});
		const watch = watchIndexFetches(target, '/reading-list/pagefind/', BASE);
		await target.fetch('https://abstracta.example/reading-list/pagefind/index/a.pf_index');
		await target.fetch(new Request('https://abstracta.example/reading-list/pagefind/filter/b'));
		await target.fetch(new URL('https://abstracta.example/reading-list/pagefind/index/c'));
		expect(watch.failures).toBe(3);
	});

	test('leaves requests outside the index folder uncounted', async () => {
		const target = fakeFetch({ '/papers/x/': new TypeError('offline') });
		const watch = watchIndexFetches(target, '/pagefind/', BASE);
		expect((await target.fetch('/feed.json')).status).toBe(404);
		await expect(target.fetch('/papers/x/')).rejects.toThrow('offline');
		await target.fetch('https://elsewhere.example/pagefind/index/a.pf_index');
		expect(watch.failures).toBe(0);
	});
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { movedPaperPaths } from '../../src/lib/paper-page.ts';
import { sitemapFilter } from '../../src/lib/sitemap-filter.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-moved-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('former addresses of moved papers', () => {
	const papers = new Map([['2109.00859', { data: { title: 'CodeT5: Code' } }]]);

	test('each is a page that names the paper it sends the reader to', () => {
		const [path] = movedPaperPaths([{ from: 'codet5', to: '2109.00859' }], papers);
		expect(path!.params).toEqual({ slug: 'codet5' });
		expect(path!.props).toEqual({ moved: { to: '2109.00859', title: 'CodeT5: Code' } });
		expect(path!.cacheKey).toMatch(/^[\w-]{43}$/);
	});

	test('one that points at no paper, or at a paper, stops the build', () => {
		expect(() => movedPaperPaths([{ from: 'codet5', to: '2109.99999' }], papers)).toThrow(
			/_redirects\.json: codet5 redirects to 2109\.99999, which is not a paper/,
		);
		expect(() => movedPaperPaths([{ from: '2109.00859', to: '2109.00859' }], papers)).toThrow(
			/2109\.00859 is a paper/,
		);
	});

	test('are kept out of the sitemap with the offline page, under the base path', () => {
		const file = join(dir, '_redirects.json');
		writeFileSync(file, JSON.stringify([{ from: 'codet5', to: '2109.00859' }]));
		const topics = join(dir, '_topics.json');
		const topic = {
			name: 'Vision',
			description: '',
			derived: false,
			catchAll: false,
			count: 1,
			terms: [],
		};
		writeFileSync(
			topics,
			JSON.stringify([{ ...topic, slug: 'vision', formerly: ['three-d', 'v'] }]),
		);
		const keep = sitemapFilter('/sub/', file, topics);
		expect(keep('https://x.example/sub/papers/2109.00859/')).toBe(true);
		expect(keep('https://x.example/sub/papers/codet5/')).toBe(false);
		expect(keep('https://x.example/sub/offline/')).toBe(false);
		expect(keep('https://x.example/sub/')).toBe(true);
		// The page-1 aliases of listings send readers on, like a moved paper's old address.
		expect(keep('https://x.example/sub/page/1/')).toBe(false);
		expect(keep('https://x.example/sub/topics/vision/page/1/')).toBe(false);
		expect(keep('https://x.example/sub/page/2/')).toBe(true);
		expect(keep('https://x.example/sub/topics/vision/page/12/')).toBe(true);
		// A renamed topic's former address, every page of it; not a topic whose slug starts so.
		expect(keep('https://x.example/sub/topics/three-d/')).toBe(false);
		expect(keep('https://x.example/sub/topics/three-d/page/2/')).toBe(false);
		expect(keep('https://x.example/sub/topics/v/')).toBe(false);
		expect(keep('https://x.example/sub/topics/vi/')).toBe(true);
		// Without the file (an older content folder) only the offline page is left out.
		const none = sitemapFilter('/', join(dir, 'missing.json'), join(dir, 'missing.json'));
		expect(none('https://x.example/papers/codet5/')).toBe(true);
		expect(none('https://x.example/offline/')).toBe(false);
	});
});

import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getManifest } from 'workbox-build';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ALL, IGNORE, isPrecachable } from '../../src/integrations/service-worker.ts';
import { siteDigest } from '../../src/lib/site-digest.ts';

let dir: string;
let cache: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'abstracta-digest-'));
	cache = join(dir, '.cache', 'hashes.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const FILES = [
	'index.html',
	'404.html',
	'papers/a/index.html',
	'_astro/x.css',
	'_astro/y.js',
	'_astro/font.woff2',
	'og/paper.png',
	'icon-192.png',
	'favicon.ico',
	'favicon.svg',
	'manifest.webmanifest',
	'robots.txt',
	'_headers',
	'feeds/topic.xml',
	'feed.json',
	'feeds.opml',
	'rss.xml',
	'topics/nlp/rss.xml',
	'sitemap-index.xml',
	'sitemap-0.xml',
	'rss.xsl',
	'sw.js',
	'pagefind/pagefind.js',
	'pagefind/pagefind-worker.js',
	'pagefind/pagefind-entry.json',
	'pagefind/pagefind-ui.js',
	'pagefind/pagefind-ui.css',
	'pagefind/pagefind-modular-ui.js',
	'pagefind/pagefind-component-ui.css',
	'pagefind/pagefind-highlight.js',
	'pagefind/en_1234567.pf_meta',
	'pagefind/wasm.en.pagefind',
	'pagefind/index/en_1234567.pf_index',
	'pagefind/fragment/en_1234567.pf_fragment',
	'pagefind/filter/en_1234567.pf_filter',
	'pagefind/sort/en_1234567890.pf_sort',
	'.hidden/page.html',
];

const write = (rel: string, text = rel) => {
	mkdirSync(dirname(join(dir, rel)), { recursive: true });
	writeFileSync(join(dir, rel), text);
};

describe('site digest', () => {
	test('covers exactly the files workbox would precache', async () => {
		for (const f of FILES) write(f);
		const workbox = await getManifest({
			globDirectory: dir,
			globPatterns: ALL,
			globIgnores: IGNORE,
		});
		const expected = workbox.manifestEntries.map((e) => e.url).sort();
		expect(expected).toContain('papers/a/index.html');
		expect(FILES.filter(isPrecachable).sort()).toEqual(expected);
		// Feeds, sitemaps and Pagefind's unused worker are not downloaded for offline reading.
		for (const f of ['rss.xml', 'topics/nlp/rss.xml', 'feed.json', 'feeds.opml', 'sitemap-0.xml'])
			expect(expected, f).not.toContain(f);
		expect(expected).not.toContain('pagefind/pagefind-worker.js');
		expect(siteDigest(dir, isPrecachable, cache, 1e9).files).toBe(expected.length);
	});

	test('reuses unchanged files’ hashes and changes with any content, addition or removal', () => {
		for (const f of FILES) write(f);
		const first = siteDigest(dir, isPrecachable, cache, 1e9);
		expect(first.hashed).toBe(first.files);
		const again = siteDigest(dir, isPrecachable, cache, 1e9);
		expect(again).toEqual({ ...first, hashed: 0 });

		write('papers/a/index.html', 'changed'); // same path, new content (and size)
		const changed = siteDigest(dir, isPrecachable, cache, 1e9);
		expect(changed.hashed).toBe(1);
		expect(changed.digest).not.toBe(first.digest);

		write('papers/b/index.html');
		const added = siteDigest(dir, isPrecachable, cache, 1e9);
		expect(added.files).toBe(first.files + 1);
		expect(added.digest).not.toBe(changed.digest);

		unlinkSync(join(dir, 'papers/b/index.html'));
		expect(siteDigest(dir, isPrecachable, cache, 1e9).digest).toBe(changed.digest);

		// Files above the size limit count for the digest, not for the precache size.
		expect(siteDigest(dir, isPrecachable, cache, 0).size).toBe(0);
	});
});

import { describe, expect, test } from 'vitest';
import {
	absolute,
	dayUrl,
	FIRST_PAGE_ALIAS,
	homeUrl,
	isHomeListing,
	pageParam,
	pagefindUrl,
	ROOT_FILES,
	rootFileUrl,
	siteOrigin,
	topicUrl,
} from '../../src/lib/urls.ts';
import { existsSync } from 'node:fs';
import { buildIcons } from '../../src/lib/cards/icons.ts';

describe('paginated listings', () => {
	test('page 1 lives at the listing’s own address, page N under page/N/', () => {
		expect([homeUrl(), homeUrl(1), homeUrl(3)]).toEqual(['/', '/', '/page/3/']);
		expect([topicUrl('speech'), topicUrl('speech', 2)]).toEqual([
			'/topics/speech/',
			'/topics/speech/page/2/',
		]);
		expect([dayUrl('2026-06-02'), dayUrl('2026-06-02', 1), dayUrl('2026-06-02', 4)]).toEqual([
			'/days/2026-06-02/',
			'/days/2026-06-02/',
			'/days/2026-06-02/page/4/',
		]);
	});
	test('the route parameter matches the URLs, and page 1’s alias is its own', () => {
		expect([pageParam(1), pageParam(2)]).toEqual([undefined, 'page/2']);
		expect(homeUrl(2)).toBe(`/${pageParam(2)}/`);
		// Page 1's alias (`/page/1/`, which redirects) has the shape of the other pages' parameter.
		expect(FIRST_PAGE_ALIAS).toBe(pageParam(2)!.replace(/2$/, '1'));
	});
	test('the home listing is the root and its pages, nothing else', () => {
		expect(['/', '/page/2/'].map(isHomeListing)).toEqual([true, true]);
		expect(['/papers/x/', '/topics/speech/page/2/'].map(isHomeListing)).toEqual([false, false]);
	});
});

describe('fixed root files', () => {
	test('every name the pages link is a file the build writes', async () => {
		const written = (
			await buildIcons(
				Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"/>'),
				{ title: 'T', description: 'D' },
				'/',
			)
		).map((f) => f.name);
		// Written by others: the feeds' stylesheet is in public/, the sitemap index by @astrojs/sitemap.
		const elsewhere = [ROOT_FILES.feedStylesheet, ROOT_FILES.sitemapIndex];
		expect(existsSync(`public/${ROOT_FILES.feedStylesheet}`)).toBe(true);
		expect([...written, ...elsewhere].sort()).toEqual([...Object.values(ROOT_FILES)].sort());
		expect(rootFileUrl('manifest')).toBe('/manifest.webmanifest');
	});
});

describe('the site’s origin', () => {
	test('is SITE_URL without its path: a root-relative URL, base path included, follows it', () => {
		const site = 'https://abstracta.example/reading-list/';
		expect(siteOrigin(site)).toBe('https://abstracta.example');
		expect(siteOrigin(new URL('http://localhost:4321/'))).toBe('http://localhost:4321');
		const href = '/reading-list/papers/codet5/';
		expect(siteOrigin(site) + href).toBe(absolute(href, site));
	});
	test('is empty without SITE_URL, leaving the URL as it is', () => {
		expect(siteOrigin(undefined)).toBe('');
	});
});

test('Pagefind’s folder is under the site’s base, or the one an integration passes', () => {
	expect(pagefindUrl()).toBe('/pagefind/');
	expect(pagefindUrl('/reading-list/')).toBe('/reading-list/pagefind/');
	expect(pagefindUrl('reading-list')).toBe('/reading-list/pagefind/');
});

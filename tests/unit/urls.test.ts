import { describe, expect, test } from 'vitest';
import {
	FIRST_PAGE_ALIAS,
	homeUrl,
	isHomeListing,
	pageParam,
	topicUrl,
} from '../../src/lib/urls.ts';

describe('paginated listings', () => {
	test('page 1 lives at the listing’s own address, page N under page/N/', () => {
		expect([homeUrl(), homeUrl(1), homeUrl(3)]).toEqual(['/', '/', '/page/3/']);
		expect([topicUrl('speech'), topicUrl('speech', 2)]).toEqual([
			'/topics/speech/',
			'/topics/speech/page/2/',
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

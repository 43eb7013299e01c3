import { describe, expect, test } from 'vitest';
import { deploySettings, isOff, LOCAL_SITE, sizeSetting } from '../../src/lib/deploy-env.ts';

describe('deploySettings', () => {
	test('defaults to the local preview address at the root', () => {
		expect(deploySettings({})).toEqual({ site: 'http://localhost:4321', base: '/' });
		expect(deploySettings({ SITE_URL: ' ', BASE_PATH: '' })).toEqual({
			site: 'http://localhost:4321',
			base: '/',
		});
	});

	test('takes an origin, with or without its slash, and writes the base path with both slashes', () => {
		expect(
			deploySettings({ SITE_URL: 'https://papers.example.org/', BASE_PATH: 'reading-list' }),
		).toEqual({ site: 'https://papers.example.org', base: '/reading-list/' });
		expect(deploySettings({ SITE_URL: 'http://127.0.0.1:8080', BASE_PATH: '/a/b' })).toEqual({
			site: 'http://127.0.0.1:8080',
			base: '/a/b/',
		});
	});

	test.each([
		[{ SITE_URL: 'papers.example.org' }, /^SITE_URL must be an absolute http\(s\) URL/],
		[{ SITE_URL: 'ftp://papers.example.org' }, /^SITE_URL must start with https:\/\//],
		[{ SITE_URL: 'https://papers.example.org/?x=1' }, /without query or login/],
		[
			{ SITE_URL: 'https://you.example.io/reading-list' },
			/use SITE_URL=https:\/\/you\.example\.io BASE_PATH=\/reading-list\/$/,
		],
		[{ BASE_PATH: '/my papers/' }, /^BASE_PATH must be a URL path such as \/reading-list\//],
		[{ BASE_PATH: '/a/../b/' }, /^BASE_PATH must be a URL path/],
		// A whole address pasted as the path, an empty segment, a broken escape.
		[
			{ BASE_PATH: 'https://you.github.io/reading-list' },
			/^BASE_PATH is the path only .*: use SITE_URL=https:\/\/you\.github\.io BASE_PATH=\/reading-list\/$/,
		],
		[{ BASE_PATH: 'https://' }, /^BASE_PATH is the path only \(got "https:\/\/"\)$/],
		[{ BASE_PATH: '/a//b/' }, /^BASE_PATH must be a URL path/],
		[{ BASE_PATH: '/a%zz/' }, /^BASE_PATH must be a URL path/],
	])('%o is refused with a message that says how to write it', (env, message) => {
		expect(() => deploySettings(env)).toThrow(message);
	});

	test('a Netlify build without SITE_URL takes the address Netlify gives', () => {
		expect(deploySettings({ NETLIFY: 'true', URL: 'https://papers.example.org' }).site).toBe(
			'https://papers.example.org',
		);
		expect(
			deploySettings({ NETLIFY: 'true', URL: 'https://x.example', SITE_URL: 'https://y.example' })
				.site,
		).toBe('https://y.example');
		// Elsewhere a URL variable means nothing.
		expect(deploySettings({ URL: 'https://x.example' }).site).toBe(LOCAL_SITE);
	});
});

describe('sizeSetting', () => {
	test('a whole number from 1 to 10000, or the default when unset', () => {
		expect(sizeSetting('PAGE_SIZE', undefined, 50)).toBe(50);
		expect(sizeSetting('PAGE_SIZE', '', 50)).toBe(50);
		expect(sizeSetting('PAGE_SIZE', '10', 50)).toBe(10);
		for (const bad of ['-5', '0', 'abc', '2.5', '1e3', '20000'])
			expect(() => sizeSetting('FEED_SIZE', bad, 50)).toThrow(
				`FEED_SIZE must be a whole number from 1 to 10000 (got "${bad}")`,
			);
	});
});

describe('isOff', () => {
	test('off, 0 and false in any case turn a setting off; anything else leaves it on', () => {
		expect(['off', 'OFF', '0', 'False'].map(isOff)).toEqual([true, true, true, true]);
		expect([undefined, '', 'on', '1', 'no', ' off'].map(isOff)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false,
		]);
	});
});

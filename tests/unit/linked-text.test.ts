import { describe, expect, test } from 'vitest';
import { linkedText, showsOwnUrl } from '../../src/lib/linked-text.ts';

describe('linkedText', () => {
	test('links http(s) URLs and leaves the sentence around them as text', () => {
		expect(linkedText('Accepted at ICML 2025, code at https://github.com/sthalles/sop.')).toEqual([
			{ text: 'Accepted at ICML 2025, code at ' },
			{ text: 'https://github.com/sthalles/sop', href: 'https://github.com/sthalles/sop' },
			{ text: '.' },
		]);
	});

	test('keeps balanced parentheses, drops closing quotes and unbalanced ones', () => {
		const runs = linkedText('(see https://x.org/a_(b)) and «https://y.org/c»');
		expect(runs.filter((r) => r.href).map((r) => r.href)).toEqual([
			'https://x.org/a_(b)',
			'https://y.org/c',
		]);
		expect(runs.map((r) => r.text).join('')).toBe(
			'(see https://x.org/a_(b)) and «https://y.org/c»',
		);
	});

	test('text without a URL, and schemes other than http(s), stay one text run', () => {
		for (const text of ['12 pages, 3 figures', 'javascript:alert(1) ftp://x.org/y', 'https://']) {
			expect(linkedText(text)).toEqual([{ text }]);
		}
		expect(linkedText('')).toEqual([]);
	});
});

describe('showsOwnUrl', () => {
	test('is true for a link whose text is its URL, with or without the scheme', () => {
		expect(showsOwnUrl('https://github.com/x', 'https://github.com/x')).toBe(true);
		expect(showsOwnUrl('www.x.org', 'https://www.x.org')).toBe(true);
		expect(showsOwnUrl('x.org/a', 'http://x.org/a')).toBe(true);
		expect(showsOwnUrl('http://github.com/x', 'https://github.com/x')).toBe(true);
	});

	test('is false for any other text, a shortened URL included', () => {
		expect(showsOwnUrl('the code', 'https://github.com/x')).toBe(false);
		expect(showsOwnUrl('https://github.com/x', 'https://github.com/x/y')).toBe(false);
		expect(showsOwnUrl('', 'https://github.com/x')).toBe(false);
	});
});

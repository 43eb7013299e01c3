import { describe, expect, test } from 'vitest';
import { renderAbstractHtml } from '../../src/lib/render-abstract.ts';

describe('renderAbstractHtml links', () => {
	test('never nests a link in a link when the link text is itself a URL', () => {
		const html = renderAbstractHtml(
			'Code: <a href="https://github.com/a/b">https://github.com/a/b</a> and <a href="https://github.com/c/d"><strong>https://github.com/c/d</strong></a>.',
		);
		expect(html).toBe(
			'<p>Code: <a href="https://github.com/a/b">https://github.com/a/b</a> and <a href="https://github.com/c/d"><strong>https://github.com/c/d</strong></a>.</p>',
		);
	});

	test('still autolinks a bare URL outside any link', () => {
		expect(renderAbstractHtml('see https://x.org/y')).toBe(
			'<p>see <a href="https://x.org/y">https://x.org/y</a></p>',
		);
	});
});

import { describe, expect, test } from 'vitest';
import { normalizeAbstract } from '../../scripts/ingest/normalize.ts';
import { renderAbstractMdx } from '../../scripts/ingest/render.ts';
import { renderAbstractHtml } from '../../src/lib/render-abstract.ts';

describe('renderAbstractHtml links', () => {
	test('never nests a link in a link when the link text is itself a URL', () => {
		const html = renderAbstractHtml(
			'Code: <a href="https://github.com/a/b">https://github.com/a/b</a> and <a href="https://github.com/c/d"><strong>https://github.com/c/d</strong></a>.',
		);
		expect(html).toBe(
			'<p>Code: <a href="https://github.com/a/b" class="link--url">https://github.com/<wbr>a/<wbr>b</a> and <a href="https://github.com/c/d" class="link--url"><strong>https://github.com/c/d</strong></a>.</p>',
		);
	});

	test('links only what the ingest linked: a URL broken inside its host and e-mail stay text', () => {
		const { inline } = normalizeAbstract(
			'Code at https://example. com/x/y and www.example.com and mail me@x.org, or https://x.org/y.',
		);
		expect(renderAbstractHtml(renderAbstractMdx(inline))).toBe(
			'<p>Code at https://example. com/x/y and <a href="https://www.example.com" class="link--url">www.example.com</a> and mail me@x.org, or <a href="https://x.org/y" class="link--url">https://x.org/<wbr>y</a>.</p>',
		);
		// GFM would link a bare URL the ingest left as text; no link is made that it did not write.
		expect(renderAbstractHtml('see https://x.org/y')).toBe('<p>see https://x.org/y</p>');
	});

	test('an address holding a quote is no link: its text stays, and no attribute is written', () => {
		const { inline } = normalizeAbstract('See \\href{https://x.org/a"onmouseover="x}{here}.');
		expect(renderAbstractMdx(inline)).toBe('See here.');
		expect(renderAbstractHtml(renderAbstractMdx(inline))).toBe('<p>See here.</p>');
	});
});

describe('renderAbstractHtml links for print', () => {
	test('marks a link that shows its own address, which print would otherwise repeat', () => {
		for (const body of [
			'Code: <a href="https://github.com/x">https://github.com/x</a>.',
			'Code: <a href="https://github.com/x">github.com/x</a>.',
			'Code: <a href="https://github.com/x"><em>https://github.com/x</em></a>.',
			// Math keeps it off the fast path: the pipeline marks it the same way.
			'With $x$: <a href="https://github.com/x">https://github.com/x</a>.',
		])
			expect(renderAbstractHtml(body), body).toContain(
				'<a href="https://github.com/x" class="link--url">',
			);
	});

	test('leaves unmarked a link whose text is not its address, so print adds the URL', () => {
		for (const body of [
			'See <a href="https://github.com/x">our code</a>.',
			'See <a href="https://github.com/x/y">https://github.com/x</a>.',
			'With $x$: <a href="https://github.com/x">the code</a>.',
		])
			expect(renderAbstractHtml(body), body).not.toContain('class="link--url"');
	});
});

describe('renderAbstractHtml math layout', () => {
	test('marks long inline formulas to scroll on their own, and only those', () => {
		const html = renderAbstractHtml(
			'Matrices $A$ and $L_{e_1},..., L_{e_n}, L_{f_1},...,L_{f_m}$, shown $$x+y$$ too.',
		);
		expect(html.match(/<span class="katex[^"]*"[^>]*>/g)).toEqual([
			'<span class="katex">',
			// A keyboard reaches it to scroll it (axe: scrollable-region-focusable), and a screen
			// reader names the stop.
			'<span class="katex katex--wide" tabindex="0" role="group" aria-label="Formula">',
			'<span class="katex">',
		]);
	});
});

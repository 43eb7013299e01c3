/**
 * The fast path of the abstract compiler answers for most abstracts, and whenever it answers,
 * its HTML is byte for byte what the unified pipeline makes: random hostile text through the
 * real normaliser and renderer, every golden fixture, the real arXiv corpus, and bodies the
 * ingest never writes (which must fall back).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { prng } from '../../scripts/bench/corpus.ts';
import { normalizeAbstract } from '../../scripts/ingest/normalize.ts';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { renderAbstractMdx } from '../../scripts/ingest/render.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { fastAbstractHtml } from '../../src/lib/render-abstract-fast.ts';
import { compileAbstractHtml, renderAbstractHtml } from '../../src/lib/render-abstract.ts';

const PIECES = [
	...'{}<>&#*_|[]()!`~$\\-+=:;.,\'"%^@/ 0123456789abcXYZ\téü中文🚀עברית',
	...['import ', 'export ', '<!-- ', ' -->', '<script>', '&amp;', '&#123;', '&lt;b&gt;', '$$'],
	...['\\emph{', '\\textbf{', '\\texttt{', '}', '\\%', '``', "''", 'O(L^2)', '10^9', '1. ', '> '],
	...['https://github.com/a/b', 'https: //github.com/o/r .', 'www.x.org', 'a@b.org', '---'],
	...['[x](javascript:alert(1))', '<em>', '</em>', '{props.x}', "\\'a", '&copy;', '  ', 'word '],
];

/** Asserts that the fast path, when it answers, equals the pipeline; returns whether it answered. */
function check(body: string): boolean {
	const fast = fastAbstractHtml(body);
	if (fast === undefined) return false;
	expect(fast, body).toBe(compileAbstractHtml(body));
	expect(renderAbstractHtml(body)).toBe(fast);
	return true;
}

describe('fast abstract HTML', () => {
	test('random hostile abstracts: same HTML as the pipeline', () => {
		const next = prng(1234);
		let answered = 0;
		for (let k = 0; k < 1500; k++) {
			let s = '';
			for (let n = 1 + Math.floor(next() * 30); n > 0; n--)
				s += PIECES[Math.floor(next() * PIECES.length)];
			const { inline } = normalizeAbstract(s);
			if (inline.length === 0) continue;
			if (check(renderAbstractMdx(inline))) answered++;
		}
		// 583 of 1,500 when written: the hostile alphabet is dense in math, links and `@`.
		expect(answered).toBeGreaterThan(400);
	});

	test('golden fixtures and the arXiv corpus: same HTML, most of them on the fast path', () => {
		const sources = readdirSync('../shared/corpora')
			.filter((f) => f.endsWith('.jsonl'))
			.map((f) => ({ name: f, bytes: readFileSync(join('../shared/corpora', f)) }));
		const root = 'tests/fixtures/ingest';
		for (const dir of readdirSync(root))
			for (const f of readdirSync(join(root, dir)).filter((n) => /\.(txt|jsonl)$/.test(n)))
				sources.push({ name: `${dir}-${f}`, bytes: readFileSync(join(root, dir, f)) });
		const { entries, errors } = ingest(sources);
		expect(errors).toEqual([]);
		const bodies = [...entries]
			.filter(([n]) => n.endsWith('.mdx'))
			.map(([, text]) => splitFrontmatter(text).body);
		expect(bodies.length).toBeGreaterThan(1000);
		const answered = bodies.filter(check).length;
		// 912 of 1,011 when written.
		expect(answered / bodies.length).toBeGreaterThan(0.85);
	});

	test('bodies the ingest never writes go to the pipeline', () => {
		for (const body of [
			'',
			' leading space',
			'*emphasis* by Markdown',
			'- a list',
			'1. a list',
			'# heading',
			'import x from "y"',
			'a {expression}',
			'a <div>tag</div>',
			'a <em>unclosed',
			'a </em> stray',
			'<a href="javascript:x">x</a>',
			'<a href="https://x.org/?a=1&amp;b=2">x</a>',
			'<em><a href="https://x.org">x</a></em> fine but nested <a href="https://y.org"><a href="https://z.org">z</a></a>',
			'see www.example.org',
			'see https\\://example.org',
			'mail a\\@b.org',
			'math $x^2$',
			'&copy; entity',
			'&#0; null',
			'tab\there',
			'two\nlines',
			'\\a is not an escape',
		])
			expect(fastAbstractHtml(body), body).toBeUndefined();
	});

	test('what it answers for', () => {
		expect(fastAbstractHtml('A &lt;b&gt; \\* c &amp; d &#105;')).toBe(
			'<p>A &#x3C;b> * c &#x26; d i</p>',
		);
		expect(
			fastAbstractHtml('Code at <a href="https://github.com/a/b">https\\://github.com/a/b</a>.'),
		).toBe(
			'<p>Code at <a href="https://github.com/a/b" class="link--url">https://github.com/<wbr>a/<wbr>b</a>.</p>',
		);
		for (const body of ['<em>x</em> and <strong>y</strong> <code>z</code>', '&#105;mport x'])
			expect(check(body), body).toBe(true);
	});
});

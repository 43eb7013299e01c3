/**
 * Property test of MDX safety: random text from a hostile alphabet goes through the real
 * normaliser and renderer, is compiled and run by @mdx-js/mdx (with remark-gfm and remark-math,
 * as a remark pipeline would) and by the site's own compiler, and must come out as exactly the
 * expected text: nothing executes, nothing becomes markup, nothing is lost.
 */
import { evaluate } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { describe, expect, test } from 'vitest';
import { prng } from '../../scripts/bench/corpus.ts';
import type { Inline } from '../../src/lib/inline.ts';
import { convertTiesAndDashes, inlineText } from '../../src/lib/latex-prose.ts';
import { normalizeAbstract } from '../../scripts/ingest/normalize.ts';
import { renderAbstractMdx } from '../../scripts/ingest/render.ts';
import { remarkDropAutolinks, renderAbstractHtml } from '../../src/lib/render-abstract.ts';

/** Pieces random strings are made of: single characters and multi-character hazards. */
const ALPHABET = [
	...'{}<>&#*_|[]()!`~$\\-+=:;.,\'"%^@/ 0123456789abcXYZ\téü中文🚀עברית',
	'import ',
	'export ',
	'<!-- ',
	' -->',
	'<script>',
	'</script>',
	'&amp;',
	'&#123;',
	'$$',
	'\\(',
	'\\)',
	'\\emph{',
	'\\textbf{',
	'\\%',
	'``',
	"''",
	'https://github.com/a/b',
	'https: //github.com/o/r .',
	'www.x.org',
	'[x](javascript:alert(1))',
	'![i](x.png)',
	'---',
	'1. ',
	'1) ',
	'2. ',
	'> ',
	'# ',
	'| a |',
	'{0,1}',
	'a<b',
	'<5%',
	'\n',
	'  ',
	'{props.x}',
	'{/* c */}',
	'<em>',
	'</em>',
	'<div>',
	'O(L^2)',
	'10^9',
	"\\'a",
	'&copy;',
	'{\\it ',
	'{{\\large ',
	'\\footnote{',
	'\\textsc{',
	'\\ldots',
	'\\,',
	'\\constructor',
	'\\href{https://x.org/a.git}{',
	'10^-6',
	'\\u0000',
];

function randomText(next: () => number): string {
	const n = 1 + Math.floor(next() * 40);
	let s = '';
	for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
	return s;
}

interface Node {
	type: unknown;
	props: { children?: unknown; href?: unknown; className?: unknown };
}

/** A JSX runtime that builds plain objects, so the compiled MDX can be inspected, not rendered. */
const runtime = {
	Fragment: 'fragment',
	jsx: (type: unknown, props: Node['props']): Node => ({ type, props }),
	jsxs: (type: unknown, props: Node['props']): Node => ({ type, props }),
};

const ALLOWED_ELEMENTS = new Set(['fragment', 'p', 'em', 'strong', 'code', 'a']);

/** Text content of an evaluated MDX tree, checking that only expected elements occur. */
function textOf(node: unknown, inLink = false): string {
	if (node === null || node === undefined || typeof node === 'boolean') return '';
	if (typeof node === 'string' || typeof node === 'number') return String(node);
	if (Array.isArray(node)) return node.map((n) => textOf(n, inLink)).join('');
	const n = node as Node;
	if (typeof n.type !== 'string' || !ALLOWED_ELEMENTS.has(n.type))
		throw new Error(`unexpected element ${String(n.type)}`);
	if (n.type === 'a' && !/^(?:https?|mailto):/.test(String(n.props.href)))
		throw new Error(`unsafe href ${String(n.props.href)}`);
	if (n.type === 'a' && inLink) throw new Error('a link inside a link');
	return textOf(n.props.children, inLink || n.type === 'a');
}

/** Text of HTML from the site's compiler (tags removed, the few entities it writes decoded). */
function htmlText(html: string): string {
	const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };
	return html
		.replace(/<[^>]+>/g, '')
		.replace(
			/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|quot|amp));/gi,
			(_, hex?: string, dec?: string, name?: string) =>
				hex
					? String.fromCodePoint(parseInt(hex, 16))
					: dec
						? String.fromCodePoint(Number(dec))
						: named[name!]!,
		);
}

/** The tree with every formula's text replaced by the TeX that is typeset for it. */
function typeset(nodes: Inline[]): Inline[] {
	return nodes.map((n) =>
		n.type === 'math'
			? { ...n, value: n.tex ?? n.value }
			: n.type === 'text' || n.type === 'code'
				? n
				: { ...n, children: typeset(n.children) },
	);
}

async function compileToText(mdx: string): Promise<string> {
	const mod = await evaluate(mdx, {
		...runtime,
		remarkPlugins: [remarkGfm, remarkMath, remarkDropAutolinks],
	});
	return textOf((mod.default as (props: object) => unknown)({}));
}

describe('rendered MDX keeps every character as text', () => {
	const next = prng(20250318);
	const cases = Array.from({ length: 600 }, () => randomText(next));

	test('random hostile strings compile with @mdx-js/mdx to exactly their text', async () => {
		for (const input of cases) {
			const { inline } = normalizeAbstract(input);
			if (inline.length === 0) continue;
			const mdx = renderAbstractMdx(inline);
			// With remark-math and no KaTeX, math compiles to <code> holding the TeX it typesets.
			const expected = inlineText(typeset(inline)).trim();
			let actual: string;
			try {
				actual = await compileToText(mdx);
			} catch (e) {
				throw new Error(
					`input ${JSON.stringify(input)} → ${JSON.stringify(mdx)}: ${(e as Error).message}`,
					{ cause: e },
				);
			}
			expect(actual.trim(), `input ${JSON.stringify(input)} → ${mdx}`).toBe(expected);
		}
	});

	test('an abstract that starts like an ordered list (`1)`, `2.`) is one paragraph of text', async () => {
		const cases: Array<[string, string]> = [
			['1) We show x.', '1\\) We show x.'],
			['2. We show x.', '2\\. We show x.'],
		];
		for (const [input, mdx] of cases) {
			const { inline } = normalizeAbstract(input);
			expect(renderAbstractMdx(inline)).toBe(mdx);
			expect(renderAbstractHtml(mdx)).toBe(`<p>${input}</p>`);
			expect(await compileToText(mdx)).toBe(input);
		}
	});

	test('the site compiler shows the same text for math-free strings', () => {
		for (const input of cases) {
			const { inline, hasMath } = normalizeAbstract(input);
			if (inline.length === 0 || hasMath) continue;
			const mdx = renderAbstractMdx(inline);
			let html: string;
			try {
				html = renderAbstractHtml(mdx);
			} catch (e) {
				throw new Error(
					`input ${JSON.stringify(input)} → ${JSON.stringify(mdx)}: ${(e as Error).message}`,
					{ cause: e },
				);
			}
			expect(html).not.toMatch(/<(?!\/?(?:p|em|strong|code|a|wbr)\b)[a-z]/i);
			expect(html, 'no link inside a link').not.toMatch(/<a [^>]*>(?:(?!<\/a>).)*<a /);
			expect(htmlText(html).trim(), `input ${JSON.stringify(input)}`).toBe(
				inlineText(inline).trim(),
			);
		}
	});

	test('prose without LaTeX or URLs reaches the reader unchanged, character for character', async () => {
		const plain = [
			...'{}<>&#*_|[]!~-+=:;.,"%@/ abcXYZéü中文🚀עברית',
			'import ',
			'export ',
			'<!--',
			'-->',
			'<script>',
			'&amp;',
			'{0,1}',
		];
		const next2 = prng(7);
		for (let k = 0; k < 200; k++) {
			let s = '';
			for (let i = 0; i < 25; i++) s += plain[Math.floor(next2() * plain.length)];
			// TeX's ties and dashes between words (`a~b`, `a--b`) are LaTeX the ingest renders.
			const expected = convertTiesAndDashes(s.replace(/\s+/g, ' ').trim());
			if (!expected) continue;
			const { inline } = normalizeAbstract(s);
			expect((await compileToText(renderAbstractMdx(inline))).trim()).toBe(expected);
		}
	});
});

import { describe, expect, test } from 'vitest';
import { inlineText, latexToPlain, parseLatexProse } from '../../src/lib/latex-prose.ts';
import {
	closeBidi,
	codeUrlsIn,
	extractShortName,
	namesSomeAuthors,
	newCodeUrls,
	normalizeAbstract,
	normalizeParagraphs,
	normalizeTitle,
	normalizeWhitespace,
	splitAuthors,
	splitCategories,
	splitMath,
	splitParagraphs,
} from '../../scripts/ingest/normalize.ts';
import { renderAbstractMdx, renderParagraphsMdx } from '../../scripts/ingest/render.ts';
import { renderAbstractHtml } from '../../src/lib/render-abstract.ts';

describe('normalizeWhitespace', () => {
	test('U+FEFF inside a word stays invisible, not a space; at an end it is dropped', () => {
		expect(normalizeWhitespace('Trans\ufeffformers  for\neverything')).toBe(
			'Trans\ufeffformers for everything',
		);
		expect(normalizeWhitespace('\ufeffBOM here ')).toBe('BOM here');
	});
	test('joins arXiv hard wrapping and leading spaces into single spaces', () => {
		expect(
			normalizeWhitespace('  Foundation models in\ndigital pathology use\n  massive\tdatasets '),
		).toBe('Foundation models in digital pathology use massive datasets');
	});
	test('composes Unicode to NFC', () => {
		expect(normalizeWhitespace('e\u0301')).toBe('\u00e9');
	});
});

describe('extractShortName', () => {
	test.each([
		['CodeT5: Identifier-aware Unified Pre-trained Encoder-Decoder Models', 'CodeT5'],
		['VL-GPT: A Generative Pre-trained Transformer', 'VL-GPT'],
		['Primer: Searching for Efficient Transformers for Language Modeling', 'Primer'],
		['DUSt3R: Geometric 3D Vision Made Easy', 'DUSt3R'],
		// Written with TeX: the name as it reads (2510.02343, 2510.24161).
		['$\\texttt{BluePrint}$: A Social Simulation Benchmark', 'BluePrint'],
		['BLM$_1$: A Boundless Large Model', 'BLM₁'],
	])('takes the name before the colon in %s', (title, name) => {
		expect(extractShortName(title)).toBe(name);
	});
	test.each([
		'Sparse then Prune: Toward Efficient Vision Transformers',
		'GMML is All you Need',
		'What learning algorithm is in-context learning? Investigations with linear models',
		'Future Token Prediction -- Causal Language Modelling',
		// The kind of paper, not its name (ICML position papers, 2605.12966).
		'Position: Agentic AI Systems Need Guardrails',
		'Survey: Retrieval-Augmented Generation',
	])('finds no short name in %s', (title) => {
		expect(extractShortName(title)).toBeUndefined();
	});
});

describe('LaTeX prose', () => {
	test.each([
		['87\\%', '87%'],
		['\\#1 and \\& and \\_x', '#1 and & and _x'],
		["Bal\\'azs", 'Balázs'],
		["Bal\\'{a}zs", 'Balázs'],
		["{\\'a}", 'á'],
		['G\\"odel', 'Gödel'],
		['\\c{c}a', 'ça'],
		// The dotless i and j under an accent (Spanish names in arXiv author fields).
		["Mar\\'{\\i}a Ru\\'\\i z, na\\\"\\i ve, {\\'\\i}, \\v{\\j}", 'María Ruíz, naïve, í, ǰ'],
		['\\c ca', 'ça'],
		['\\ss', 'ß'],
		['a given {\\cal K}-invariant class', 'a given K-invariant class'],
		// A letter command inside a word drops the space that ends it; other commands keep it.
		[
			'\\AA ngstr\\"om, Bj\\o rn, \\L ukasz, \\LaTeX is, \\o.',
			'Ångström, Bjørn, Łukasz, LaTeX is, ø.',
		],
		["``quoted''", '“quoted”'],
		["`single'", '‘single’'],
		["``so-called `gap' problem''", '“so-called ‘gap’ problem”'],
		// Ties and dashes between words; free-standing ones and those in URLs stay as typed.
		[
			'Gemini~3 and CVPR~2026, on~https://x.org/~a',
			'Gemini\u00a03 and CVPR\u00a02026, on\u00a0https://x.org/~a',
		],
		['pages 10--20, Hessian--vector, results---and', 'pages 10–20, Hessian–vector, results—and'],
		[
			'~50% and --help, <!-- x -->, a -- b --- c, x~~y',
			'~50% and --help, <!-- x -->, a -- b --- c, x~~y',
		],
		// After a parenthesis, and a tie after punctuation before a command (2505.17320,
		// 2505.18115 of ../shared/corpora); a tie at the end stays.
		[
			'models--VITS (SBV2JE)--on, approach,~\\textbf{M}, tilde~',
			'models–VITS (SBV2JE)–on, approach,\u00a0M, tilde~',
		],
		[
			'ID\\textsuperscript{2}Face, 5\\textsuperscript{th}, H\\textsubscript{2}O',
			'ID²Face, 5th, H₂O',
		],
		['https://github.com/a--b/c~d and me@a--b.org', 'https://github.com/a--b/c~d and me@a--b.org'],
		// A tilde after a single letter means "about" (0704.0133: z~2.56), between digits a range.
		['z~2.56, T~300K and 1~2%', 'z~2.56, T~300K and 1~2%'],
		// After a full stop, a tie before a letter, digit or command (an initial, an abbreviation).
		[
			'J.~Smith, Fig.~\\textbf{1}, Eq.~5, e.g.~the; end.~ and ~10',
			'J.\u00a0Smith, Fig.\u00a01, Eq.\u00a05, e.g.\u00a0the; end.~ and ~10',
		],
		// After an enumeration's parenthesis, and around a dash (both in ../shared/corpora).
		[
			'(i)~matching, methods~--~document, a~---~b, (x)~5',
			'(i)\u00a0matching, methods\u00a0–\u00a0document, a\u00a0—\u00a0b, (x)~5',
		],
		// Code prints what was typed.
		['\\texttt{foo--bar} and a--b', 'foo--bar and a–b'],
		// TeX skips the spaces after a command word.
		['\\emph {x} and \\textbf  {y}', 'x and y'],
		['\\unknown{x}', '\\unknown{x}'],
		['{0,1}', '{0,1}'],
		['\\textsc{PromptCoT} and \\textrm{x}', 'PromptCoT and x'],
		['\\textbf{\\textsc{SpatialBabel}}', 'SpatialBabel'],
		['{{\\large {\\textbf{F}}}}aster', 'Faster'],
		['{\\method} stays, {\\it \\method} too', '{\\method} stays, \\method too'],
		[
			'50\\,\\% and \\ldots{} and \\dots, \\LaTeX{} in \\S 3',
			'50\u202f% and … and …, LaTeX in § 3',
		],
		['\\ldotsx and \\Sigma', '\\ldotsx and \\Sigma'],
		// After `{}` the space is the text's (`5\,\AA{} and`); colours are their text; quotes
		// closed by a plain " or ' pair too (2605.12649, 2505.22486).
		['5\\,\\AA{} and \\AA ngstr\\"om', '5\u202fÅ and Ångström'],
		['a \\textcolor{black}{a framework}, \\color{red}b', 'a a framework, b'],
		["``noise\" and ``delta energy' but ``don't", "“noise” and “delta energy” but ``don't"],
		// AASTeX units in prose (0704.0059: `$1.28 \pm 0.04$ \rsun.`).
		['0.04 \\rsun. and 0.124 \\msun, 5 \\kms', '0.04 R☉. and 0.124 M☉, 5 km s⁻¹'],
		['github\\footnote{https://github.com/a/b}.', 'github (https://github.com/a/b).'],
		['work \\footnote{see \\emph{x}}', 'work (see x)'],
		// A number before a unit is spaced from it (`200\kms`); ° ′ ″ are not.
		['200\\kms, 10\\msun and 5\\degr', '200 km s⁻¹, 10 M☉ and 5°'],
		// Control space after a word, line break, italic correction, end-of-sentence mark; a
		// backslash standing alone stays.
		[
			'e.g.\\ the 3\\AA\\ and, a\\\\b, c\\\\ d, {\\it x\\/}y, problem\\@. R\\@1, a \\ b \\\\ c',
			'e.g. the 3Å and, a b, c d, xy, problem. R@1, a \\ b \\\\ c',
		],
		// Citations read as their keys in brackets, references as their label.
		[
			'theory \\cite{Witten95,Polchinski}. Section~\\ref{sec:2}, Eq.~\\eqref{e1}; in~\\cite[Thm.~2]{Kac}, \\citep[see][]{x}.',
			'theory [Witten95, Polchinski]. Section\u00a0sec:2, Eq.\u00a0(e1); in\u00a0[Kac, Thm.\u00a02], [see x].',
		],
		['\\textless{}3 and \\textgreater{}2, a\\textbar{}b', '<3 and >2, a|b'],
		// Command names are looked up in tables without a prototype.
		[
			'\\constructor \\toString{y} {\\valueOf x} \\hasOwnProperty',
			'\\constructor \\toString{y} {\\valueOf x} \\hasOwnProperty',
		],
	])('%s reads as %s', (input, expected) => {
		expect(latexToPlain(input)).toBe(expected);
	});
	test('\\emph, \\textit and \\textbf become emphasis and strong', () => {
		expect(parseLatexProse('a \\emph{b} \\textit{c} \\textbf{d \\emph{e}}')).toEqual([
			{ type: 'text', value: 'a ' },
			{ type: 'emphasis', children: [{ type: 'text', value: 'b' }] },
			{ type: 'text', value: ' ' },
			{ type: 'emphasis', children: [{ type: 'text', value: 'c' }] },
			{ type: 'text', value: ' ' },
			{
				type: 'strong',
				children: [
					{ type: 'text', value: 'd ' },
					{ type: 'emphasis', children: [{ type: 'text', value: 'e' }] },
				],
			},
		]);
	});
	test('old-style declarations style the rest of their group', () => {
		expect(parseLatexProse('{\\it a {\\bf b}} {\\em c} {\\tt d} {\\sc e}')).toEqual([
			{
				type: 'emphasis',
				children: [
					{ type: 'text', value: 'a ' },
					{ type: 'strong', children: [{ type: 'text', value: 'b' }] },
				],
			},
			{ type: 'text', value: ' ' },
			{ type: 'emphasis', children: [{ type: 'text', value: 'c' }] },
			{ type: 'text', value: ' ' },
			{ type: 'code', value: 'd' },
			{ type: 'text', value: ' e' },
		]);
	});
	test('a footnote holding a URL reads as a parenthesis with a working link', () => {
		const { inline, codeUrls } = normalizeAbstract(
			'Code is at github\\footnote{https://github.com/JLZhong23/awesome-reward-models}.',
		);
		expect(codeUrls).toEqual(['https://github.com/JLZhong23/awesome-reward-models']);
		expect(inline).toEqual([
			{ type: 'text', value: 'Code is at github (' },
			{
				type: 'link',
				url: 'https://github.com/JLZhong23/awesome-reward-models',
				children: [{ type: 'text', value: 'https://github.com/JLZhong23/awesome-reward-models' }],
			},
			{ type: 'text', value: ').' },
		]);
	});
	test('\\href and \\url become links', () => {
		const nodes = parseLatexProse('see \\href{https://x.org/a}{the site} or \\url{https://y.org}');
		expect(nodes.filter((n) => n.type === 'link')).toEqual([
			{ type: 'link', url: 'https://x.org/a', children: [{ type: 'text', value: 'the site' }] },
			{ type: 'link', url: 'https://y.org', children: [{ type: 'text', value: 'https://y.org' }] },
		]);
	});
});

describe('splitMath', () => {
	test('keeps $…$, $$…$$, \\(…\\) and \\[…\\] as math', () => {
		const parts = splitMath('a $x_{i}^{2}$ b $$\\sum_i x$$ c \\(y\\) d \\[z\\]');
		expect(parts.filter((p) => p.math).map((p) => [p.value, p.display])).toEqual([
			['x_{i}^{2}', false],
			['\\sum_i x', true],
			['y', false],
			['z', true],
		]);
	});
	test('leaves currency as prose (Pandoc rule)', () => {
		expect(splitMath('It costs $5 and $10 per run.').some((p) => p.math)).toBe(false);
		expect(splitMath('between $5$10').some((p) => p.math)).toBe(false);
		expect(splitMath('from $5/$10 a month').some((p) => p.math)).toBe(false);
	});
	test('a symbol in prose may run into a number (2606.00376: `$<$5% … ($r = 0.81$)`)', () => {
		const parts = splitMath(
			'yields $<$5% gain, $\\times$2 faster, $\\sim$70% ($r = 0.81$) overall',
		);
		expect(parts.filter((p) => p.math).map((p) => p.value)).toEqual([
			'<',
			'\\times',
			'\\sim',
			'r = 0.81',
		]);
	});
	test('leaves an unmatched dollar as prose', () => {
		expect(splitMath('a $ b')).toEqual([{ math: false, display: false, value: 'a $ b' }]);
	});
	test('a body ending in a backslash is prose: in math it would escape the closing delimiter', () => {
		const s = String.raw`\(x\\) and $a\\$`;
		expect(splitMath(s)).toEqual([{ math: false, display: false, value: s }]);
		const a = normalizeAbstract(s);
		expect(a.hasMath).toBe(false);
		// The delimiters stay as text; `\\` reads as TeX's line break, a space.
		expect(a.text).toBe('\\(x ) and $a $');
	});
});

describe('normalizeAbstract', () => {
	test('a formula inside \\textbf{…} or \\emph{…} sits inside the bold or italics (2510.24161)', () => {
		const a = normalizeAbstract(
			'We present \\textbf{Boundless Large Model (BLM$_1$)}, an \\emph{$\\epsilon$-net} and \\texttt{a$x$b}.',
		);
		expect(a.inline).toEqual([
			{ type: 'text', value: 'We present ' },
			{
				type: 'strong',
				children: [
					{ type: 'text', value: 'Boundless Large Model (BLM' },
					{ type: 'math', value: '_1', display: false },
					{ type: 'text', value: ')' },
				],
			},
			{ type: 'text', value: ', an ' },
			{
				type: 'emphasis',
				children: [
					{ type: 'math', value: '\\epsilon', display: false },
					{ type: 'text', value: '-net' },
				],
			},
			{ type: 'text', value: ' and ' },
			// In code a formula reads as typed.
			{ type: 'code', value: 'a$x$b' },
			{ type: 'text', value: '.' },
		]);
	});

	test('repairs a URL broken by spaces and extracts the code URL', () => {
		const a = normalizeAbstract('Our code is released at https: //github.com/salesforce/CodeT5 .');
		expect(a.codeUrls).toEqual(['https://github.com/salesforce/CodeT5']);
		expect(a.text).toBe('Our code is released at https://github.com/salesforce/CodeT5.');
		expect(a.inline).toContainEqual({
			type: 'link',
			url: 'https://github.com/salesforce/CodeT5',
			children: [{ type: 'text', value: 'https://github.com/salesforce/CodeT5' }],
		});
	});
	test("a code host's address broken after its slash is joined to its path, else no link", () => {
		const link = (url: string, shown = url) => ({
			type: 'link',
			url,
			children: [{ type: 'text', value: shown }],
		});
		for (const [text, url, shown] of [
			['At https://github.com/ qux/quux .', 'https://github.com/qux/quux'],
			[
				'At https://huggingface.co/ org/model/tree/main.',
				'https://huggingface.co/org/model/tree/main',
			],
			['At github.com/ qux/quux.', 'https://github.com/qux/quux', 'github.com/qux/quux'],
			// A space after the dot of a code host's name, as after `https:`.
			['At https: //github. com/foo/bar-baz .', 'https://github.com/foo/bar-baz'],
		] as const) {
			const a = normalizeAbstract(text);
			expect(a.inline, text).toEqual([
				{ type: 'text', value: 'At ' },
				link(url, shown),
				{ type: 'text', value: '.' },
			]);
			expect(a.codeUrls).toEqual([url]);
		}
		// The host alone is no code link: it led to GitHub's front page.
		for (const text of [
			'At https://github.com/ soon.',
			'At https://github.com/.',
			'At https://gitlab.com and/or elsewhere.',
			'At https://example. com/x/y.',
		]) {
			const a = normalizeAbstract(text);
			expect(a.inline, text).toEqual([{ type: 'text', value: text }]);
			expect(a.codeUrls).toEqual([]);
		}
		// Another host keeps its slash, and the text after it is text.
		expect(normalizeAbstract('At https://example.com/ a/b.').inline).toEqual([
			{ type: 'text', value: 'At ' },
			link('https://example.com/'),
			{ type: 'text', value: ' a/b.' },
		]);
	});
	test('drops trailing punctuation and .git from code URLs, upgrades http', () => {
		expect(normalizeAbstract('At https://github.com/zeyuliu1037/LMUFormer.git.').codeUrls).toEqual([
			'https://github.com/zeyuliu1037/LMUFormer',
		]);
		expect(normalizeAbstract('Code: http://github.com/hustvl/MaTVLM.').codeUrls).toEqual([
			'https://github.com/hustvl/MaTVLM',
		]);
		expect(normalizeAbstract('(see https://github.com/a/b).').codeUrls).toEqual([
			'https://github.com/a/b',
		]);
		// Closing quotes and ellipses of other languages end the sentence, not the URL.
		for (const text of [
			'Code is available at https://github.com/o/r…',
			'Code: «https://github.com/o/r».',
			'Code: „https://github.com/o/r“.',
			'Code: ‹https://github.com/o/r›',
		])
			expect(normalizeAbstract(text).codeUrls, text).toEqual(['https://github.com/o/r']);
	});
	test('code URLs in the comments count, after those of the abstract; codeberg without a scheme too', () => {
		expect(codeUrlsIn('Accepted at ICML 2025, code at https://github.com/sthalles/sop')).toEqual([
			'https://github.com/sthalles/sop',
		]);
		expect(codeUrlsIn('12 pages, 3 figures')).toEqual([]);
		// A page inside a listed repository adds nothing (2602.06663: a release of the same repo).
		expect(
			newCodeUrls(
				['https://github.com/o/PlanViz'],
				codeUrlsIn(
					'At https://github.com/o/PlanViz/releases/tag/v1 and https://github.com/o/Other.',
				),
			),
		).toEqual(['https://github.com/o/PlanViz', 'https://github.com/o/Other']);
		// In either order: a repository after a page inside it adds nothing either; a repository
		// whose name only starts the same (`o/r` and `o/rx`) is another one.
		const page = 'https://github.com/o/r/tree/main';
		expect(newCodeUrls([page], ['https://github.com/o/r'])).toEqual([page]);
		expect(newCodeUrls(['https://github.com/o/r'], [page])).toEqual(['https://github.com/o/r']);
		expect(newCodeUrls(['https://github.com/o/r'], ['https://github.com/o/rx'])).toEqual([
			'https://github.com/o/r',
			'https://github.com/o/rx',
		]);
		// www. inside an e-mail address is no link.
		expect(normalizeAbstract('Mail john@www.example.org.').inline).toEqual([
			{ type: 'text', value: 'Mail john@www.example.org.' },
		]);
		expect(normalizeAbstract('Mirror at codeberg.org/x/y.').codeUrls).toEqual([
			'https://codeberg.org/x/y',
		]);
	});
	test('a code URL is the repository: no query or fragment (view state), then no .git', () => {
		expect(
			normalizeAbstract(
				'Code: https://github.com/a/b#readme, https://github.com/a/b?tab=readme-ov-file and https://github.com/c/d.git#usage.',
			).codeUrls,
		).toEqual(['https://github.com/a/b', 'https://github.com/c/d']);
		expect(normalizeAbstract('At https://github.com/e/f/tree/main/g#setup.').codeUrls).toEqual([
			'https://github.com/e/f/tree/main/g',
		]);
	});
	test('display environments are display math; \\ensuremath is a formula', () => {
		const n = normalizeAbstract(
			'We use \\begin{equation} E=mc^2 \\end{equation}, \\begin{align*} a&=b\\\\ c&=d \\end{align*}, \\begin{eqnarray} x&=&y \\end{eqnarray} and \\ensuremath{\\alpha}; \\begin{gather} open',
		);
		expect(n.inline.filter((m) => m.type === 'math')).toEqual([
			{
				type: 'math',
				value: '\\begin{equation} E=mc^2 \\end{equation}',
				display: true,
				tex: 'E=mc^2',
			},
			{
				type: 'math',
				value: '\\begin{align*} a&=b\\\\ c&=d \\end{align*}',
				display: true,
				tex: '\\begin{aligned}a&=b\\\\ c&=d\\end{aligned}',
			},
			{
				type: 'math',
				value: '\\begin{eqnarray} x&=&y \\end{eqnarray}',
				display: true,
				tex: '\\begin{array}{rcl}x&=&y\\end{array}',
			},
			{ type: 'math', value: '\\alpha', display: false },
		]);
		expect(n.text).toBe('We use E=mc², a =b; c =d, x = y and α; \\begin{gather} open');
	});
	test('a tie before a link or a formula is a no-break space', () => {
		expect(normalizeAbstract('on~\\href{https://x.org}{x}, size~$n$ and~\\(m\\).').text).toBe(
			'on\u00a0x, size\u00a0n and\u00a0m.',
		); // After a formula, before a unit or a word; not before a space or the end.
		expect(
			normalizeAbstract('At $10$~GeV, $T_c \\approx 90$~K, \\(x\\)~m, $y$ ~z, $w$~').text,
		).toBe('At 10\u00a0GeV, T_c ≈ 90\u00a0K, x\u00a0m, y ~z, w~');
	});
	test('a formula is a word to a dash (2505.18011: `$3$--$19$%`)', () => {
		const text = '$3$--$19$% of $10^{18}$---$10^{20}$, $x$--dependent, 10--$20$, $a$ -- $b$, $c$--';
		expect(normalizeAbstract(text).text).toBe(
			'3–19% of 10¹⁸—10²⁰, x–dependent, 10–20, a -- b, c--',
		);
		expect(renderParagraphsMdx(normalizeParagraphs(text).paragraphs)).toBe(
			'$3$–$19$% of $10^{18}$—$10^{20}$, $x$–dependent, 10–$20$, $a$ -- $b$, $c$--',
		);
		// Not inside a URL.
		expect(normalizeAbstract('at https://a.org/x--$y$').text).toBe('at https://a.org/x--y');
	});
	test('\\url and \\href targets lose their TeX escapes; without a scheme they are https', () => {
		const links = (s: string) =>
			normalizeAbstract(s).inline.flatMap((n) =>
				n.type === 'link'
					? [[n.url, n.children.map((c) => (c.type === 'text' ? c.value : ''))]]
					: [],
			);
		expect(links('At \\url{https://github.com/org/my\\_repo} now.')).toEqual([
			['https://github.com/org/my_repo', ['https://github.com/org/my_repo']],
		]);
		expect(links('See \\href{https://github.com/org/my\\_repo}{here}.')).toEqual([
			['https://github.com/org/my_repo', ['here']],
		]);
		expect(links('At \\url{https://x.org/a\\%20b}.')).toEqual([
			['https://x.org/a%20b', ['https://x.org/a%20b']],
		]);
		expect(links('At \\url{github.com/o/r} and \\url{www.x.org/p}.')).toEqual([
			['https://github.com/o/r', ['github.com/o/r']],
			['https://www.x.org/p', ['www.x.org/p']],
		]);
		expect(normalizeAbstract('At \\url{github.com/o/my\\_r}.').codeUrls).toEqual([
			'https://github.com/o/my_r',
		]);
		// Not a URL: its text stays, spaces and all.
		expect(normalizeAbstract('Plain \\url{not a url} text.').text).toBe('Plain not a url text.');
	});
	test('a code link from \\href or \\url goes to the canonical repository, its text as written', () => {
		const { inline, codeUrls } = normalizeAbstract(
			'At \\href{https://github.com/maryambrj/ALIEN.git}{github.com/maryambrj/ALIEN.git} and \\url{http://github.com/a/b/}.',
		);
		expect(codeUrls).toEqual(['https://github.com/maryambrj/ALIEN', 'https://github.com/a/b']);
		expect(inline.filter((n) => n.type === 'link')).toEqual([
			{
				type: 'link',
				url: 'https://github.com/maryambrj/ALIEN',
				children: [{ type: 'text', value: 'github.com/maryambrj/ALIEN.git' }],
			},
			{
				type: 'link',
				url: 'https://github.com/a/b',
				children: [{ type: 'text', value: 'http://github.com/a/b/' }],
			},
		]);
	});
	test('CJK and fullwidth punctuation ends a URL', () => {
		const { codeUrls, text, inline } = normalizeAbstract(
			'代码见https://github.com/o/r。另见 https://github.com/p/q，后面（https://github.com/s/t）。',
		);
		expect(codeUrls).toEqual([
			'https://github.com/o/r',
			'https://github.com/p/q',
			'https://github.com/s/t',
		]);
		expect(text).toBe(
			'代码见https://github.com/o/r。另见 https://github.com/p/q，后面（https://github.com/s/t）。',
		);
		expect(inline.filter((n) => n.type === 'link')).toHaveLength(3);
	});
	test('a dash ends a URL, and a code URL is one whatever the case of its host', () => {
		const { codeUrls, text } = normalizeAbstract(
			'See https://github.com/o/r—a tool—and HTTPS://GitHub.com/o/r or https://github.com/x/y–z.',
		);
		expect(codeUrls).toEqual(['https://github.com/o/r', 'https://github.com/x/y']);
		expect(text).toBe(
			'See https://github.com/o/r—a tool—and HTTPS://GitHub.com/o/r or https://github.com/x/y–z.',
		);
	});
	test('keeps project pages as links but not as code URLs', () => {
		const a = normalizeAbstract('Project page: https://zju3dv.github.io/hiscene/.');
		expect(a.codeUrls).toEqual([]);
		expect(
			a.inline.some((n) => n.type === 'link' && n.url === 'https://zju3dv.github.io/hiscene/'),
		).toBe(true);
	});
	test('marks clear bare math: O(L^2) and 10^9', () => {
		const a = normalizeAbstract('Attention costs O(L^2) time for 10^9 tokens, not O(n log n).');
		expect(a.hasMath).toBe(true);
		expect(
			a.inline.filter((n) => n.type === 'math').map((n) => (n.type === 'math' ? n.value : '')),
		).toEqual(['O(L^2)', '10^9']);
	});
	test('bare powers with a longer exponent are typeset with the whole exponent raised', () => {
		// TeX raises one token after `^`: as written, `10^-6` is typeset 10⁻6 and `2^16` 2¹6.
		const a = normalizeAbstract('McNemar p < 10^-6 on 2^16 tokens at O(n^1.5) cost, or 10^9.');
		expect(renderAbstractMdx(a.inline)).toBe(
			'McNemar p &lt; $10^{-6}$ on $2^{16}$ tokens at $O(n^{1.5})$ cost, or $10^9$.',
		);
		// The plain text (descriptions, feeds, citations) reads them as typeset, in Unicode.
		expect(a.text).toBe('McNemar p < 10⁻⁶ on 2¹⁶ tokens at O(n^1.5) cost, or 10⁹.');
		expect(renderAbstractHtml(renderAbstractMdx(a.inline))).toContain(
			'<msup><mn>10</mn><mrow><mo lspace="0em" rspace="0em">−</mo><mn>6</mn></mrow></msup>',
		);
	});
	test('plain text reads formulas as a person would write them', () => {
		const a = normalizeAbstract(
			'We reach $74.7\\%$ accuracy with $\\frac{1}{2}$ of the data over $\\{1,\\ldots,k\\}$ in ' +
				'$\\Omega\\!\\left(\\tfrac{\\log n}{\\log\\log n}\\right)$ time and $\\sqrt{n}$ memory.',
		);
		expect(a.text).toBe(
			'We reach 74.7% accuracy with 1/2 of the data over {1,…,k} in Ω(log n/log log n) time and √n memory.',
		);
		expect(
			normalizeAbstract('At $V_{\\rm rot}$ with $2\\lceil\\log_2 n\\rceil$ rounds.').text,
		).toBe('At V_rot with 2⌈log₂ n⌉ rounds.');
	});
	test('plain text keeps every character of prose', () => {
		const input =
			'Sets {0,1}^n where a<b, <!-- x --> & <script>alert(1)</script> `code` *stars* _u_ # | ~';
		expect(normalizeAbstract(input).text).toBe(input);
		expect(inlineText(normalizeAbstract(input).inline)).toBe(input);
	});
});

describe('arXiv paragraphs', () => {
	test('a line indented after a sentence end starts a paragraph; one inside a sentence does not', () => {
		const raw =
			'  Background: something is\nunknown.\n  Methods: we did $x^2$ things.\n  Results: it worked,\ninvoking\n  Radon transforms.\n';
		expect(splitParagraphs(raw)).toEqual([
			'Background: something is\nunknown.',
			'Methods: we did $x^2$ things.',
			'Results: it worked,\ninvoking\n  Radon transforms.',
		]);
		const n = normalizeParagraphs(raw);
		expect(renderParagraphsMdx(n.paragraphs)).toBe(
			'Background: something is unknown.\n\nMethods: we did $x^2$ things.\n\nResults: it worked, invoking Radon transforms.',
		);
		expect(n.text).toBe(
			'Background: something is unknown. Methods: we did x² things. Results: it worked, invoking Radon transforms.',
		);
		expect(n.hasMath).toBe(true);
	});

	test('each paragraph is guarded on its own: a paragraph cannot start Markdown syntax', () => {
		const n = normalizeParagraphs('First.\n  # not a heading.\n  1. not a list.');
		const html = renderAbstractHtml(renderParagraphsMdx(n.paragraphs));
		expect(html).toBe('<p>First.</p>\n<p># not a heading.</p>\n<p>1. not a list.</p>');
	});

	test("a single line, or a trending page's abstract, is one paragraph", () => {
		expect(splitParagraphs('One. Two.')).toEqual(['One. Two.']);
		expect(normalizeParagraphs('One.  Two.').paragraphs).toHaveLength(1);
	});
});

describe('authors and categories', () => {
	test('splits an arXiv author string and resolves accents', () => {
		expect(
			splitAuthors("Bal\\'azs Szegedy, Ana Mar\\'ia L\\'opez (MIT) and\n  Zichen Wang"),
		).toEqual(['Balázs Szegedy', 'Ana María López', 'Zichen Wang']);
		expect(splitAuthors(undefined)).toEqual([]);
	});
	test('"et al." and "and others" end a list that names only some authors', () => {
		for (const s of [
			'F. Aharonian, et al',
			'F. Aharonian et al.',
			'F. Aharonian and others',
			// Large collaborations: the note in parentheses comes after the "et al.".
			'F. Aharonian, et al. (2900 additional authors not shown)',
			'F. Aharonian, et al. (CDF Collaboration)',
			'F. Aharonian (MPIK) (23 additional authors not shown)',
		]) {
			expect([splitAuthors(s), namesSomeAuthors(s)], s).toEqual([['F. Aharonian'], true]);
		}
		expect(namesSomeAuthors('A. Others and B. Etal')).toBe(false);
		expect(namesSomeAuthors(undefined)).toBe(false);
	});
	test('the serial comma, numbered affiliations and nested affiliation lists are not authors', () => {
		// Real records of ../shared/corpora (0704.0024, 0704.0191, 0704.0025).
		expect(splitAuthors('A.A. Serga, M. Kostylev, and B. Hillebrands')).toEqual([
			'A.A. Serga',
			'M. Kostylev',
			'B. Hillebrands',
		]);
		expect(
			splitAuthors(
				'Peter Virnau (1), Leonid A. Mirny (1,2), Mehran Kardar (1) ((1)\n  Massachusetts Institute of Technology, Department of Physics, Cambridge, MA,\n  United States of America, (2) Massachusetts Institute of Technology,\n  Harvard-MIT Division of Health Science and Technology, Cambridge, MA, United\n  States of America)',
			),
		).toEqual(['Peter Virnau', 'Leonid A. Mirny', 'Mehran Kardar']);
		expect(
			splitAuthors(
				"A. S. Mishchenko (1 and 2) and N. Nagaosa (1 and 3) ((1) CREST, Japan\n  Science and Technology Agency, (2) Russian Research Centre ``Kurchatov\n  Institute'', (3) The University of Tokyo)",
			),
		).toEqual(['A. S. Mishchenko', 'N. Nagaosa']);
		// Braces group TeX; unbalanced ones are kept.
		expect(
			splitAuthors(
				'The {ATLAS} Collaboration, {The LIGO Scientific Collaboration}, A. {van der} Berg',
			),
		).toEqual(['The ATLAS Collaboration', 'The LIGO Scientific Collaboration', 'A. van der Berg']);
		expect(splitAuthors('A {B, C}}')).toEqual(['A {B', 'C}}']);
		expect(splitAuthors('Ada Lovelace & Alan Turing; Grace Hopper')).toEqual([
			'Ada Lovelace',
			'Alan Turing',
			'Grace Hopper',
		]);
	});
	test('a group before its members, and a suffix after a comma, are read as arXiv writes them', () => {
		expect(splitAuthors('CDF Collaboration: T. Aaltonen, et al')).toEqual([
			'CDF Collaboration',
			'T. Aaltonen',
		]);
		expect(splitAuthors('H.E.S.S. Collaboration: F. Aharonian, A.G. Akhperjanian, et al')).toEqual([
			'H.E.S.S. Collaboration',
			'F. Aharonian',
			'A.G. Akhperjanian',
		]);
		expect(splitAuthors('S. James Gates, Jr., Tristan Hubsch and Neal J. Evans II')).toEqual([
			'S. James Gates Jr.',
			'Tristan Hubsch',
			'Neal J. Evans II',
		]);
		expect(splitAuthors('Ann Lee, III')).toEqual(['Ann Lee III']);
	});
	test('splits categories, primary first, without duplicates', () => {
		expect(splitCategories('cs.GR cs.AI eess.IV cs.AI')).toEqual(['cs.GR', 'cs.AI', 'eess.IV']);
		expect(splitCategories('cs.LG,cs.AI; stat.ML')).toEqual(['cs.LG', 'cs.AI', 'stat.ML']);
	});
});

describe('bidi controls stay inside their field', () => {
	const RLO = '\u202e';
	const PDF = '\u202c';
	const RLI = '\u2067';
	const PDI = '\u2069';
	test('closeBidi closes what a field opens, and adds nothing to other text', () => {
		expect(closeBidi('plain')).toBe('plain');
		expect(closeBidi(`a${RLO}b`)).toBe(`a${RLO}b${PDF}`);
		expect(closeBidi(`a${RLO}b${PDF}c`)).toBe(`a${RLO}b${PDF}c`);
		// An isolate's PDI ends the embeddings inside it; a PDF does not end an isolate.
		expect(closeBidi(`${RLI}x${RLO}y${PDI}`)).toBe(`${RLI}x${RLO}y${PDI}`);
		expect(closeBidi(`${RLO}${RLI}x${PDF}`)).toBe(`${RLO}${RLI}x${PDF}${PDI}${PDF}`);
		// Stray closers are left as typed.
		expect(closeBidi(`x${PDF}${PDI}`)).toBe(`x${PDF}${PDI}`);
	});
	test('an override in one author’s name does not reach the next', () => {
		expect(splitAuthors(`Ann ${RLO}Lee, Bo Chen`)).toEqual([`Ann ${RLO}Lee${PDF}`, 'Bo Chen']);
		// A title is followed by other text in listings and feeds.
		expect(normalizeTitle(`A ${RLO}title `)).toBe(`A ${RLO}title${PDF}`);
	});
	test('invisible characters at the ends of a title are dropped, and from its short name', () => {
		for (const c of ['\u200b', '\u2060', '\ufeff', '\u00ad', '\u200b \u2060'])
			expect(normalizeTitle(`${c}CodeT5: Code Models ${c}`), c).toBe('CodeT5: Code Models');
		// Inside a word they are text, as typed.
		expect(normalizeTitle('Code\u200bT5')).toBe('Code\u200bT5');
		expect(extractShortName(normalizeTitle('\u200bCodeT5: Code Models'))).toBe('CodeT5');
	});
});

describe('pathological input reads in linear time', () => {
	// Each of these once took 9 to 14 s (a regex or a search that went over the rest of the text
	// again at every position); the results are what the ordinary reading gives.
	const asText = (s: string): void => {
		const a = normalizeAbstract(s);
		expect(a.inline).toEqual([{ type: 'text', value: s }]);
		expect(a.hasMath).toBe(false);
	};

	test('O( followed by 100,000 ^ or _ and no closing parenthesis is text', () => {
		asText(`O(${'^'.repeat(100_000)}`);
		asText(`O(${'_'.repeat(100_000)}`);
		asText(`O(${'^_'.repeat(50_000)}`);
	});

	test('the same closed is one formula, as before', () => {
		const s = `O(${'^'.repeat(100_000)})`;
		expect(normalizeAbstract(s).inline).toEqual([{ type: 'math', value: s, display: false }]);
	});

	test('50,000 \\( or \\[ without a closing one are text', () => {
		asText('\\('.repeat(50_000));
		asText('\\['.repeat(50_000));
	});

	test('runs of digits, $ and backslashes are text', () => {
		asText(`${'1'.repeat(100_000)}^`);
		asText('$'.repeat(100_000));
		asText('\\'.repeat(100_000));
	});

	test('100,000 unclosed { and unclosed commands are text; groups still read', () => {
		// Each unclosed brace was searched to the end of the text: 23 to 38 s.
		asText('{'.repeat(100_000));
		asText('\\x{'.repeat(33_000));
		expect(normalizeAbstract('\\textbf{'.repeat(12_500)).text).toBe('\\textbf{'.repeat(12_500));
		expect(normalizeAbstract('{\\it a} '.repeat(20_000)).text).toBe('a '.repeat(20_000).trim());
		// 50,000 braces around a word: each level was tried again from each brace (cubic: 2,000
		// took 8.6 s).
		asText(`${'{'.repeat(50_000)}x${'}'.repeat(50_000)}`);
		// An escaped brace is text, and the group after it still pairs (`\{` then `{\bf x}`).
		expect(normalizeAbstract('\\{a} {\\bf x}').inline).toEqual([
			{ type: 'text', value: '{a} ' },
			{ type: 'strong', children: [{ type: 'text', value: 'x' }] },
		]);
	});
});

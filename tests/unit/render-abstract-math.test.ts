import { describe, expect, test } from 'vitest';
import {
	escapeTexPercent,
	mathLetter,
	renderAbstractHtml,
	splitTexAtRelations,
	texUnicode,
} from '../../src/lib/render-abstract.ts';

/** The MathML of a rendered abstract without the TeX annotations. */
const shown = (html: string): string =>
	html.replace(/<annotation encoding="application\/x-tex">[^<]*<\/annotation>/g, '');

describe('MathML that browsers of MathML Core show as meant', () => {
	test('double-struck, script and fraktur letters are Unicode’s mathematical letters', () => {
		const html = shown(
			renderAbstractHtml(
				'In $\\mathbb{R}^3$, $\\mathbb{E}[x]$, $\\mathcal{O}(n)$, $\\mathcal{L}$ and $\\mathfrak{g}$.',
			),
		);
		expect(html).toContain('<mi>ℝ</mi>');
		expect(html).toContain('<mi>𝔼</mi>');
		expect(html).toContain('<mi>𝒪</mi>');
		expect(html).toContain('<mi>ℒ</mi>');
		expect(html).toContain('<mi>𝔤</mi>');
		expect(html).not.toMatch(/mathvariant="(double-struck|script|fraktur)"/);
		// A wide formula, cut into pieces at its relations, too.
		const wide = shown(
			renderAbstractHtml(
				'$\\mathcal{L}(\\theta) = \\mathbb{E}_{x \\sim p}[\\log q(x)] + \\lambda \\mathcal{R}$',
			),
		);
		expect(wide).toContain('katex-pieces');
		expect(wide).toContain('<mi>𝔼</mi>');
		expect(wide).not.toContain('mathvariant="script"');
		// The TeX stays as typed in the annotation.
		expect(renderAbstractHtml('$\\mathbb{R}$')).toContain('>\\mathbb{R}</annotation>');
		expect([
			mathLetter('7', 'double-struck'),
			mathLetter('%', 'script'),
			mathLetter('x', 'bold'),
		]).toEqual(['𝟟', '%', 'x']);
	});
	test('bold and italic stay marked for the stylesheet; negative spaces are dropped', () => {
		const html = shown(renderAbstractHtml('$\\mathbf{x}$ and $\\sim\\!\\textbf{6\\%}$'));
		expect(html).toContain('<mi mathvariant="bold">x</mi>');
		expect(html).toContain('<mtext mathvariant="bold">6%</mtext>');
		expect(html).not.toContain('\u2063');
	});
	test('operators in scripts are set close, as TeX sets them (0704.0016)', () => {
		const html = shown(renderAbstractHtml('$\\Xi_{cc}^{++}$ and $\\sum_{i=1}^{n} a + b$'));
		expect(html).toContain(
			'<mrow><mo lspace="0em" rspace="0em">+</mo><mo lspace="0em" rspace="0em">+</mo></mrow>',
		);
		expect(html).toMatch(/<mi>i<\/mi><mo lspace="0em" rspace="0em">=<\/mo><mn>1<\/mn>/);
		// Outside scripts an operator keeps its spacing.
		expect(html).toMatch(/<mi>a<\/mi><mo>\+<\/mo><mi>b<\/mi>/);
	});
	test('each formula carries its reading as text, hidden, for the search index (2510.24626)', () => {
		const html = renderAbstractHtml('budgets from $10^{18}$–$10^{20}$ FLOPs at $O(L^2)$ cost');
		expect([...html.matchAll(/<span hidden>([^<]*)<\/span><\/span>/g)].map((m) => m[1])).toEqual([
			'10¹⁸',
			'10²⁰',
			'O(L²)',
		]);
	});
	test('\\unicode and \\mbox, which KaTeX lacks, read as meant (2601.10245)', () => {
		expect(texUnicode('a\\unicode{x2013}b \\unicode{8212} \\unicode{x0}')).toBe(
			'a–b — \\unicode{x0}',
		);
		const html = shown(renderAbstractHtml('steps $\\unicode{x2013}$ those, $\\mbox{if } x$'));
		expect(html).not.toMatch(/\\unicode|\\mbox|mathcolor/);
		expect(html).toContain('<mtext>–</mtext>');
		expect(html).toMatch(/<mtext>if[\s\u00a0]<\/mtext>/);
	});
});

describe('percent signs in math', () => {
	test('an unescaped % is escaped; an escaped one and a line break before one are kept apart', () => {
		expect(escapeTexPercent('\\textbf{92.52%}')).toBe('\\textbf{92.52\\%}');
		expect(escapeTexPercent('87\\%')).toBe('87\\%');
		expect(escapeTexPercent('a\\\\%')).toBe('a\\\\\\%');
		expect(escapeTexPercent('x^2')).toBe('x^2');
	});

	test('a formula with a bare % (2602.06507) typesets instead of failing', () => {
		const html = renderAbstractHtml(
			'achieving $\\textbf{92.52%}$ external-wall IoU and $\\sim\\!\\textbf{6%}$ gains.',
		);
		expect(html).not.toContain('katex-error');
		expect(html.match(/<span class="katex">/g)).toHaveLength(2);
		expect(html).toContain(
			'<annotation encoding="application/x-tex">\\textbf{92.52\\%}</annotation>',
		);
	});
});

describe('commands in math', () => {
	test("the astronomy journals' units typeset (0704.0094, 0704.0059)", () => {
		const html = renderAbstractHtml(
			'$M_{HDM} \\le 0.6\\times 10^{15}\\msun$ at $v = 5\\kms$, $2\\arcsec$',
		);
		expect(html).not.toMatch(/mathcolor|katex-error/);
		expect(html).toContain('<msub><mi>M</mi><mo lspace="0em" rspace="0em">⊙</mo></msub>');
		expect(html).toContain('<mi mathvariant="normal">k</mi><mi mathvariant="normal">m</mi>');
		expect(html).toContain(
			'<mo mathvariant="normal" lspace="0em" rspace="0em">′</mo><mo mathvariant="normal" lspace="0em" rspace="0em">′</mo>',
		);
	});

	test("MNRAS's \\la and \\ga typeset as ≲ and ≳; display environments typeset", () => {
		const html = renderAbstractHtml(
			'$\\la$ and $\\ga$, $$\\begin{aligned}a&=b\\\\ c&=d\\end{aligned}$$',
		);
		expect(html).not.toMatch(/mathcolor|katex-error/);
		expect(html).toContain('<mo>≲</mo>');
		expect(html).toContain('<mo>≳</mo>');
		expect(html).toContain('<mtable');
	});

	test("an author's own macro shows as typed, in the text colour, not as a red error", () => {
		const html = renderAbstractHtml('quarks implied in $\\XQM$ caused by');
		expect(html).toContain('<mstyle mathcolor="currentcolor"><mtext>\\XQM</mtext></mstyle>');
		expect(html).not.toContain('#cc0000');
	});

	test('a \\gdef in one abstract does not reach the next (pages never depend on render order)', () => {
		expect(renderAbstractHtml('$\\gdef\\foo{y}\\foo$')).not.toContain('mathcolor');
		expect(renderAbstractHtml('$\\foo$')).toContain('<mtext>\\foo</mtext>');
	});
});

describe('bars in math', () => {
	/** The MathML of a formula without its TeX annotation. */
	const mathml = (tex: string): string =>
		renderAbstractHtml(`$${tex}$`).replace(/<annotation[^]*?<\/annotation>/g, '');

	test('absolute values and norms read as bars, not "divides" and "parallel to"', () => {
		const bar = '<mo fence="false" stretchy="false" lspace="0" rspace="0">|</mo>';
		expect(mathml('|x|')).toContain(`<mrow>${bar}<mi>x</mi>${bar}</mrow>`);
		expect(mathml('\\|x\\|')).toContain(
			'<mo fence="false" stretchy="false" lspace="0" rspace="0">‖</mo><mi>x</mi>',
		);
		expect(mathml('\\left| x \\right|')).toContain('<mo fence="true">|</mo>');
		expect(mathml('\\lvert x \\rvert')).toContain('<mo stretchy="false">|</mo>');
		for (const tex of ['|x|', '\\|x\\|', '|||f(A)|||', '\\left| x \\right|'])
			expect(mathml(tex), tex).not.toMatch(/[\u2223\u2225]/);
		// "Given" in a probability stays the relation KaTeX makes of it.
		expect(mathml('P(a \\mid b)')).toContain('<mo>∣</mo>');
	});
});

describe('formulas and the letters touching them', () => {
	const shape = (md: string): string =>
		renderAbstractHtml(md).replace(
			/<span class="katex">[^]*?<\/math>(?:<span hidden>[^<]*<\/span>)?<\/span>/g,
			'M',
		);

	test('stay on one line together; a formula between spaces is left alone', () => {
		expect(shape('Spaces that are $C$-reducible, semi-$X$ or ($y$), and $z$ alone.')).toBe(
			'<p>Spaces that are <span class="math-word">M-reducible,</span> ' +
				'<span class="math-word">semi-M</span> or <span class="math-word">(M),</span> and M alone.</p>',
		);
	});
});

describe('long inline formulas', () => {
	test('are cut after each relation outside braces, brackets and environments', () => {
		expect(splitTexAtRelations('a = 7.54 \\pm 0.30 \\rsun = 0.0351 \\pm 0.0014')).toEqual([
			'a =',
			'7.54 \\pm 0.30 \\rsun =',
			'0.0351 \\pm 0.0014',
		]);
		expect(splitTexAtRelations('||| f(A)+f(B) ||| \\ge ||| f(A+B) |||')).toEqual([
			'||| f(A)+f(B) ||| \\ge',
			'||| f(A+B) |||',
		]);
		// A run of relations is one (`\not=`, `\le \le`); a relation's scripts stay on it.
		expect(splitTexAtRelations('a \\not= b \\to^{f} c')).toEqual(['a \\not=', 'b \\to^{f} c']);
		expect(splitTexAtRelations('\\sum_{i=1}^{n} x_i = f(x = 1) = \\left( a < b \\right)')).toEqual([
			'\\sum_{i=1}^{n} x_i =',
			'f(x = 1) =',
			'\\left( a < b \\right)',
		]);
		expect(splitTexAtRelations('= 5 + x')).toEqual(['= 5 + x']);
		expect(splitTexAtRelations('x^= y')).toEqual(['x^= y']);
	});

	test('stay whole where a cut would change them', () => {
		for (const tex of [
			'a = b \\over c', // one fraction
			'{\\rm a = b} = c \\rm d', // a style switch holds to the end
			'\\def\\x{y} a = \\x', // a definition would not reach the next piece
			'\\begin{matrix} a & = b \\end{matrix} = c', // an alignment inside
			'(a = b', // unbalanced brackets
			'x_{a = b}',
		])
			expect(splitTexAtRelations(tex), tex).toEqual([tex]);
	});

	test("typeset as consecutive formulas a line may break between (0704.0059's `a = … AU`)", () => {
		const html = renderAbstractHtml(
			'axis, $a = 7.54 \\pm 0.30 \\rsun = 0.0351 \\pm 0.0014$ AU, and $(x = y)$ short.',
		);
		const shape = html.replace(
			/<span class="katex">[^]*?<\/math>(?:<span hidden>[^<]*<\/span>)?<\/span>/g,
			'M',
		);
		expect(shape).toBe('<p>axis, <span class="katex-pieces">MMM</span> AU, and M short.</p>');
		const tex = [...html.matchAll(/x-tex">([^<]*)</g)].map((m) => m[1]);
		expect(tex).toEqual(['a =', '7.54 \\pm 0.30 \\rsun =', '0.0351 \\pm 0.0014', '(x = y)']);
		expect(html).not.toMatch(/katex--wide|mathcolor|katex-error/);
	});

	test('keep touching punctuation on their last line (0704.0099: ", for any norm" began a line)', () => {
		const html = renderAbstractHtml('and ($||| g(A)+g(B) ||| \\le ||| g(A+B) |||$), for any');
		expect(
			html.replace(
				/<span class="katex">[^]*?<\/math>(?:<span hidden>[^<]*<\/span>)?<\/span>/g,
				'M',
			),
		).toBe(
			'<p>and <span class="math-word">(<span class="katex-pieces">MM</span>),</span> for any</p>',
		);
	});

	test('one that cannot be cut scrolls, keeping punctuation but not words beside it', () => {
		const shape = (md: string): string =>
			renderAbstractHtml(md)
				.replace(
					/<span class="katex katex--wide"[^>]*>[^]*?<\/math>(?:<span hidden>[^<]*<\/span>)?<\/span>/g,
					'W',
				)
				.replace(/<span class="katex">[^]*?<\/math>(?:<span hidden>[^<]*<\/span>)?<\/span>/g, 'M');
		const list = 'L_{e_1},..., L_{e_n}, L_{f_1},...,L_{f_m}';
		expect(shape(`generators ($${list}$), subject`)).toBe(
			'<p>generators <span class="math-word">(W),</span> subject</p>',
		);
		expect(shape(`the $${list}$-dependent`)).toBe('<p>the W-dependent</p>');
	});
});

describe('operator names', () => {
	/** The MathML of a formula without its TeX annotation. */
	const mathml = (tex: string): string =>
		renderAbstractHtml(`$${tex}$`).replace(/<annotation[^]*?<\/annotation>/g, '');
	const thin = '<mspace width="0.1667em"></mspace>';

	test('are set a thin space from a letter (0704.0059: "sin i" read "sini"), not from a parenthesis', () => {
		expect(mathml('\\sin i')).toContain(`<mi>sin</mi><mo>\u2061</mo>${thin}<mi>i</mi>`);
		expect(mathml('\\operatorname{tr} A')).toContain(`<mo>\u2061</mo>${thin}<mi>A</mi>`);
		expect(mathml('\\sin^2 x')).toContain(`<mn>2</mn></msup>${thin}<mi>x</mi>`);
		expect(mathml('\\max_i x_i')).toContain(`<mi>i</mi></msub>${thin}<msub>`);
		expect(mathml('\\sin(x)')).not.toContain('mspace');
		expect(mathml('\\sin')).not.toContain('mspace');
	});
});

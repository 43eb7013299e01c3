import { describe, expect, test } from 'vitest';
import { escapeTexPercent, renderAbstractHtml } from '../../src/lib/render-abstract.ts';

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
		expect(html).toContain('<msub><mi>M</mi><mo>⊙</mo></msub>');
		expect(html).toContain('<mi mathvariant="normal">k</mi><mi mathvariant="normal">m</mi>');
		expect(html).toContain('<mo mathvariant="normal">′</mo><mo mathvariant="normal">′</mo>');
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
		renderAbstractHtml(md).replace(/<span class="katex">[^]*?<\/math><\/span>/g, 'M');

	test('stay on one line together; a formula between spaces is left alone', () => {
		expect(shape('Spaces that are $C$-reducible, semi-$X$ or ($y$), and $z$ alone.')).toBe(
			'<p>Spaces that are <span class="math-word">M-reducible,</span> ' +
				'<span class="math-word">semi-M</span> or <span class="math-word">(M),</span> and M alone.</p>',
		);
	});
});

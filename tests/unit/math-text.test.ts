import { expect, test } from 'vitest';
import { readableTitle, splitTitleFormulas, texToUnicode } from '../../src/lib/math-text.ts';
import { mathToText } from '../../src/lib/cards/text.ts';

test.each([
	['O(L^2)', 'O(L²)', 'O(L²)'],
	['10^{-6}', '10⁻⁶', '10^-6'],
	['\\Xi_{cc}^{+}', 'Ξ_cc⁺', 'Ξ_cc^+'],
	['x_{i}^{2} + \\sum_{i=1}^{n} x_i', 'xᵢ² + Σᵢ₌₁ⁿ xᵢ', 'xᵢ² + Σ_i=1^n xᵢ'],
	// Math accents: a combining mark in text, the bare symbol on cards (their fonts have none).
	['\\bar{\\mathbf{G}}(\\ldots)', 'Ḡ(…)', 'G(…)'],
	['\\vec{v}\\cdot\\hat{\\theta}', 'v⃗·θ̂', 'v·θ'],
	['\\bar{xy}', 'xy', 'xy'],
	// Unknown commands read as their names; Object's own properties are not symbols.
	['\\XQM + \\constructor', 'XQM + constructor', 'XQM + constructor'],
	['4500\\kms + \\foo{bar}', '4500km/s + foobar', '4500km/s + foobar'],
	// AASTeX units (0704.0059: "a = 7.54 ± 0.30 rsun" before).
	[
		'a = 7.54 \\pm 0.30 \\rsun, 10^{15}\\msun',
		'a = 7.54 ± 0.30 R☉, 10¹⁵M☉',
		'a = 7.54 ± 0.30 R☉, 10^15M☉',
	],
	// Escaped specials read as the character.
	['74.7\\%', '74.7%', '74.7%'],
	['\\$5 \\& \\#3, a\\_b, \\{x\\}', '$5 & #3, a_b, {x}', '$5 & #3, a_b, {x}'],
	// Spacing: \! joins, thin and wide spaces are one space, \, before a unit included.
	['\\Omega\\!\\left(n\\right)', 'Ω(n)', 'Ω(n)'],
	['a\\,b\\;c\\:d\\>e\\ f~g', 'a b c d e f g', 'a b c d e f g'],
	['a\\quad b\\qquad c', 'a b c', 'a b c'],
	['5\\,\\mathrm{GeV}', '5 GeV', '5 GeV'],
	// Sizing commands go; the delimiter stays; \left. and \right. are invisible.
	['\\left( x \\right)', '(x)', '(x)'],
	['\\left\\{ x \\mid x > 0 \\right\\}', '{x | x > 0}', '{x | x > 0}'],
	['\\left. \\frac{df}{dx} \\right|_{x=0}', 'df/dx |ₓ₌₀', 'df/dx |_x=0'],
	[
		'\\bigl( a \\bigr) \\Big[ b \\Big] \\bigg| c \\biggr| \\Bigg\\{ d \\Bigg\\}',
		'(a) [b] | c | {d}',
		'(a) [b] | c | {d}',
	],
	['\\left\\langle u, v \\right\\rangle', '⟨u, v⟩', '‹u, v›'],
	// Fractions: a/b, parenthesised where a part has more than one term or something touches it.
	['\\frac{1}{2}', '1/2', '1/2'],
	['\\frac{a+b}{c}', '(a+b)/c', '(a+b)/c'],
	['\\tfrac{\\log n}{\\log\\log n}', 'log n/log log n', 'log n/log log n'],
	['\\dfrac{1}{n-1}', '1/(n-1)', '1/(n-1)'],
	['\\cfrac{2}{3+x}', '2/(3+x)', '2/(3+x)'],
	['{a \\over b}', 'a/b', 'a/b'],
	['{n+1 \\over 2}', '(n+1)/2', '(n+1)/2'],
	['\\frac{1}{n \\log n}', '1/(n log n)', '1/(n log n)'],
	['\\frac{\\partial f}{\\partial x}', '∂f/∂x', '∂f/∂x'],
	['\\frac{1}{2}x + \\frac{a}{b}^2', '(1/2)x + (a/b)²', '(1/2)x + (a/b)²'],
	['\\log\\frac{a}{b}', 'log(a/b)', 'log(a/b)'],
	['x^{\\frac{1}{2}}', 'x^(1/2)', 'x^(1/2)'],
	['\\binom{n}{k}', '(n choose k)', '(n choose k)'],
	// Roots.
	['\\sqrt{n}', '√n', '√n'],
	['\\sqrt{n+1}', '√(n+1)', '√(n+1)'],
	['\\sqrt{2n}', '√(2n)', '√(2n)'],
	['\\sqrt{d_k}', '√dₖ', '√(d_k)'],
	['\\sqrt[3]{x}', '∛x', '³√x'],
	['\\sqrt[n]{x}', 'ⁿ√x', 'x^(1/n)'],
	['\\sqrt[k]{x}', 'x^(1/k)', 'x^(1/k)'],
	// Fonts: the argument as text; \mathbb as the double-struck letter where Unicode has one.
	['V_{\\rm rot}', 'V_rot', 'V_rot'],
	['{\\it x} + {\\bf y}', 'x + y', 'x + y'],
	[
		'\\mathrm{d}x \\mathit{it} \\mathbf{v} \\mathsf{S} \\mathtt{T} \\mathcal{O}(n)',
		'dx it v S T O(n)',
		'dx it v S T O(n)',
	],
	[
		'\\mathbb{R}^n \\times \\mathbb{N} \\mathbb{Z} \\mathbb{Q} \\mathbb{C} \\mathbb{E}',
		'ℝⁿ × ℕ ℤ ℚ ℂ E',
		'R^n × N Z Q C E',
	],
	[
		'\\boldsymbol{\\theta} \\text{ if } \\textrm{r} \\textit{i} \\textbf{b}',
		'θ if r i b',
		'θ if r i b',
	],
	[
		'\\operatorname{softmax}(x) + \\operatorname*{arg\\,max}_x f(x)',
		'softmax(x) + arg maxₓ f(x)',
		'softmax(x) + arg max_x f(x)',
	],
	// Operators and delimiters.
	['2\\lceil\\log_2 n\\rceil', '2⌈log₂ n⌉', '2ceil(log_2 n)'],
	['\\lfloor x \\rfloor \\| v \\| \\langle u \\rangle', '⌊x⌋ ‖ v ‖ ⟨u⟩', 'floor(x) ‖ v ‖ ‹u›'],
	[
		'a \\cdot b \\times c \\leq d \\geq e \\neq f \\approx g \\sim h \\to \\infty',
		'a · b × c ≤ d ≥ e ≠ f ≈ g ~ h → ∞',
		'a · b × c ≤ d ≥ e ≠ f ≈ g ~ h → ∞',
	],
	['\\partial \\nabla \\sum \\prod \\int', '∂ ∇ Σ Π ∫', '∂ ∇ Σ Π ∫'],
	[
		'x \\in A \\notin B \\subset C \\cup D \\cap E',
		'x ∈ A ∉ B ⊂ C ∪ D ∩ E',
		'x ∈ A not in B ⊂ C ∪ D ∩ E',
	],
	['\\forall x \\exists y, \\pm 1 \\mp 2', '∀x ∃y, ± 1 ∓ 2', '∀x exists y, ± 1 -+ 2'],
	['\\alpha \\beta \\Gamma \\Omega \\vartheta \\upsilon', 'α β Γ Ω ϑ υ', 'α β Γ Ω ϑ υ'],
	['30^\\circ, \\not= \\not\\in', '30°, ≠ ∉', '30°, ≠ not in'],
	// Operator names as words, spaced from a letter or digit beside them.
	['\\log n \\ln x \\exp(x)', 'log n ln x exp(x)', 'log n ln x exp(x)'],
	['\\sin\\theta + \\cos x + \\sin^2\\theta', 'sin θ + cos x + sin² θ', 'sin θ + cos x + sin² θ'],
	[
		'\\max_i x_i, \\min(a,b), \\arg\\max_x',
		'maxᵢ xᵢ, min(a,b), arg maxₓ',
		'maxᵢ xᵢ, min(a,b), arg max_x',
	],
	['\\lim_{n\\to\\infty} \\det A \\Pr[X]', 'lim_n→∞ det A Pr[X]', 'lim_n→∞ det A Pr[X]'],
	['n\\log n', 'n log n', 'n log n'],
	['\\log\\log n', 'log log n', 'log log n'],
	// Environments: rows split by semicolons, matrices bracketed.
	['\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}', '(a b; c d)', '(a b; c d)'],
	['\\unicode{x2013}', '–', '–'],
	// Formulas from real arXiv abstracts.
	['\\{1,\\ldots,k\\}', '{1,…,k}', '{1,…,k}'],
	[
		'\\Omega\\!\\left(\\tfrac{\\log n}{(\\log\\log n)^2}\\right)',
		'Ω(log n/(log log n)²)',
		'Ω(log n/(log log n)²)',
	],
	[
		'V_{\\rm rot} \\sin i_{\\rm rot} = 28.9 \\pm 1.0',
		'V_rot sin i_rot = 28.9 ± 1.0',
		'V_rot sin i_rot = 28.9 ± 1.0',
	],
	[
		'2\\lceil\\log_2\\log_2 n\\rceil + O(\\ell^2)',
		'2⌈log₂ log₂ n⌉ + O(ℓ²)',
		'2ceil(log_2 log_2 n) + O(ℓ²)',
	],
	[
		'O(H \\cdot \\log(L/H) \\cdot \\sqrt{d_h})',
		'O(H · log(L/H) · √(d_h))',
		'O(H · log(L/H) · √(d_h))',
	],
	[
		'X=σ\\big(F_{σ^{-1}(X)}^{-1}(F_W(W))\\big)',
		'X=σ(F_σ⁻¹(X)⁻¹(F_W(W)))',
		'X=σ(F_σ^-1(X)^-1(F_W(W)))',
	],
	['\\sim\\!\\textbf{3%}', '~3%', '~3%'],
])('%s reads %s (cards: %s)', (tex, text, card) => {
	expect(texToUnicode(tex)).toBe(text);
	expect(mathToText(tex)).toBe(card);
});

test('ordinary content keeps every character', () => {
	const plain = 'abc XYZ 0123456789 + - = < > * / . , : ; ! ? | ( ) [ ] @ \' "';
	const visible = (s: string): string => s.replace(/\s/g, '');
	expect(visible(texToUnicode(plain))).toBe(visible(plain));
	expect(visible(mathToText(plain))).toBe(visible(plain));
	// Spaces as written, but none just inside brackets.
	expect(texToUnicode('f(a) = 2b - c < d > e * 3/4, x: y; z! ( p ) [ q ]')).toBe(
		'f(a) = 2b - c < d > e * 3/4, x: y; z! (p) [q]',
	);
});

test("readableTitle reads a title's formulas and escapes, and leaves other titles alone", () => {
	expect(readableTitle('Towards $\\infty$-LLMs with 87\\% of $O(L^2)$')).toBe(
		'Towards ∞-LLMs with 87% of O(L²)',
	);
	// Currency and lone dollars are not formulas.
	expect(readableTitle('Costs $5')).toBe('Costs $5');
	// Two prices are no formula between them ("5 to" was read as one).
	expect(readableTitle('From $5 to $10 a day')).toBe('From $5 to $10 a day');
	// …but a command or operators run into a number, as in the abstracts (`$\sim$10`).
	expect(readableTitle('At 1024$\\times$1024 with $\\sim$10 steps, $<$5%')).toBe(
		'At 1024×1024 with ~10 steps, <5%',
	);
	expect(splitTitleFormulas('From $5 to $x$')).toEqual(['From $5 to ', '$x$', '']);
	expect(readableTitle('Gains of $3$--$19$%')).toBe('Gains of 3–19%');
	expect(readableTitle('A $5\\,\\AA$ map')).toBe('A 5 Å map');
	expect(readableTitle('A $x$ and $y$ b')).toBe('A x and y b');
	const plain = 'A Plain  Title';
	expect(readableTitle(plain)).toBe(plain);
});

test('readableTitle reads the TeX of a title as the abstracts are read, as plain text', () => {
	expect(
		readableTitle(
			'The Schr\\"odinger Equation and Poincar\\\'e Duality in {\\it Quantum} Field Theory',
		),
	).toBe('The Schrödinger Equation and Poincaré Duality in Quantum Field Theory');
	expect(readableTitle('Charged particles in AdS$_5$ and the H\\"older inequality')).toBe(
		'Charged particles in AdS₅ and the Hölder inequality',
	);
	expect(readableTitle('Sch{\\"o}n, \\\'{E}cole, \\c{C}elik, {\\L}ukasz and Erd\\H{o}s')).toBe(
		'Schön, École, Çelik, Łukasz and Erdős',
	);
	// Font commands are plain text; ties, dashes and quotes as TeX prints them.
	expect(readableTitle("\\emph{Super} \\textbf{Yang--Mills} by Gemini~3, ``quoted''")).toBe(
		'Super Yang–Mills by Gemini\u00a03, “quoted”',
	);
	// Ties after a full stop and after a formula.
	expect(readableTitle('J.~Smith at $10$~GeV')).toBe('J.\u00a0Smith at 10\u00a0GeV');
	// A formula inside a command's argument, and an escaped dollar before one.
	expect(readableTitle('{\\it $\\alpha$-nets} cost \\$5 per $n$')).toBe('α-nets cost $5 per n');
	// Unknown commands and text braces stay as typed.
	expect(readableTitle('{B}ayes and \\evil{x}')).toBe('{B}ayes and \\evil{x}');
});

import { expect, test } from 'vitest';
import { texToUnicode } from '../../src/lib/math-text.ts';
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
])('%s reads %s (cards: %s)', (tex, text, card) => {
	expect(texToUnicode(tex)).toBe(text);
	expect(mathToText(tex)).toBe(card);
});

/**
 * TeX of a formula as plain Unicode text, for where no formula can be typeset: link-preview
 * cards, meta descriptions, feed and citation text (`O(n^2)` → `O(n²)`, `\\infty` → `∞`).
 */

/** TeX commands read as one Unicode character (each one has a glyph in the cards' bundled fonts). */
export const SYMBOLS: Record<string, string> = {
	alpha: 'α',
	beta: 'β',
	gamma: 'γ',
	delta: 'δ',
	epsilon: 'ε',
	varepsilon: 'ε',
	zeta: 'ζ',
	eta: 'η',
	theta: 'θ',
	iota: 'ι',
	kappa: 'κ',
	lambda: 'λ',
	mu: 'μ',
	nu: 'ν',
	xi: 'ξ',
	pi: 'π',
	rho: 'ρ',
	sigma: 'σ',
	tau: 'τ',
	phi: 'φ',
	varphi: 'φ',
	chi: 'χ',
	psi: 'ψ',
	omega: 'ω',
	Gamma: 'Γ',
	Delta: 'Δ',
	Theta: 'Θ',
	Lambda: 'Λ',
	Pi: 'Π',
	Sigma: 'Σ',
	Phi: 'Φ',
	Psi: 'Ψ',
	Xi: 'Ξ',
	Upsilon: 'Υ',
	Omega: 'Ω',
	infty: '∞',
	times: '×',
	cdot: '·',
	leq: '≤',
	le: '≤',
	geq: '≥',
	ge: '≥',
	neq: '≠',
	approx: '≈',
	sim: '~',
	to: '→',
	rightarrow: '→',
	leftarrow: '←',
	pm: '±',
	in: '∈',
	partial: '∂',
	nabla: '∇',
	sum: 'Σ',
	prod: 'Π',
	ell: 'ℓ',
	circ: '◦',
	log: 'log',
	ldots: '…',
	dots: '…',
	cdots: '…',
};

/** Super- and subscript characters, by the character they raise or lower. */
export interface Scripts {
	sup: Record<string, string>;
	sub: Record<string, string>;
	/** Whether accents may be drawn as combining marks (the cards' fonts have none). */
	accents?: boolean;
}

/** Combining marks of TeX's math accents. */
const ACCENTS: Record<string, string> = {
	bar: '\u0304',
	overline: '\u0305',
	hat: '\u0302',
	widehat: '\u0302',
	tilde: '\u0303',
	widetilde: '\u0303',
	vec: '\u20d7',
	dot: '\u0307',
	ddot: '\u0308',
};

/** Every super- and subscript Unicode has for digits, signs and the letters commonly raised. */
export const UNICODE_SCRIPTS: Scripts = {
	accents: true,
	sup: Object.fromEntries([...'0123456789+-=()ni'].map((c, k) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ'[k]!])),
	sub: Object.fromEntries(
		[...'0123456789+-=()aeoxijklmnpst'].map((c, k) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₖₗₘₙₚₛₜ'[k]!]),
	),
};

/** Maps a script group to Unicode super/subscripts when every character has one, else `^x`. */
function script(body: string, table: Record<string, string>, mark: string): string {
	const chars = [...body];
	return chars.every((c) => Object.hasOwn(table, c))
		? chars.map((c) => table[c]).join('')
		: mark + body;
}

/**
 * Turns the TeX of one formula into plain Unicode; `scripts` are the super- and subscripts the
 * output may use (the cards' fonts have only a few).
 */
export function texToUnicode(tex: string, scripts: Scripts = UNICODE_SCRIPTS): string {
	let s = tex.replace(/\\(?:text\w*|math\w*|operatorname|boldsymbol)\s*\{([^{}]*)\}/g, '$1');
	// Own properties only: `\constructor` in a title must not find Object's constructor. The math
	// accents are read next, with what they stand over.
	s = s.replace(/\\([A-Za-z]+)/g, (m, name: string) =>
		Object.hasOwn(ACCENTS, name) ? m : Object.hasOwn(SYMBOLS, name) ? SYMBOLS[name]! : name,
	);
	// `\bar{x}` → x̄ where combining marks may be drawn, else x.
	s = s.replace(
		/\\([A-Za-z]+)\s*(?:\{([^{}]*)\}|(\S))/g,
		(_m, accent: string, group?: string, single?: string) => {
			const base = group ?? single!;
			return scripts.accents && [...base].length === 1 ? base + ACCENTS[accent]! : base;
		},
	);
	s = s.replace(/\\([,;:! ])/g, ' ');
	s = s.replace(/\^\{([^{}]*)\}|\^(\S)/g, (_m, g?: string, c?: string) =>
		script(g ?? c!, scripts.sup, '^'),
	);
	s = s.replace(/_\{([^{}]*)\}|_(\S)/g, (_m, g?: string, c?: string) =>
		script(g ?? c!, scripts.sub, '_'),
	);
	return s.replace(/[{}]/g, '').normalize('NFC');
}

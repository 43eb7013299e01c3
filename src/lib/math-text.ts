/**
 * TeX of a formula as plain Unicode text, for where no formula can be typeset: link-preview
 * cards, meta descriptions, feed and citation text (`O(n^2)` → `O(n²)`, `\\infty` → `∞`).
 */
import { latexToPlain } from './latex-prose.ts';
import { UNICODE_SCRIPTS, type Scripts } from './unicode-scripts.ts';

export type { Scripts };

/**
 * TeX commands read as one Unicode character (the cards write those their bundled fonts lack
 * with a fallback: see `CARD_FALLBACK` in cards/text.ts).
 */
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
	ldots: '…',
	dots: '…',
	cdots: '…',
	dotsc: '…',
	dotsb: '…',
	vdots: '⋮',
	ddots: '⋱',
	upsilon: 'υ',
	omicron: 'ο',
	vartheta: 'ϑ',
	varrho: 'ϱ',
	varsigma: 'ς',
	varpi: 'ϖ',
	ne: '≠',
	lt: '<',
	gt: '>',
	leqslant: '≤',
	geqslant: '≥',
	ll: '≪',
	gg: '≫',
	lesssim: '≲',
	gtrsim: '≳',
	equiv: '≡',
	simeq: '≃',
	cong: '≅',
	propto: '∝',
	mp: '∓',
	div: '÷',
	ast: '∗',
	star: '⋆',
	bullet: '•',
	dagger: '†',
	ddagger: '‡',
	prime: '′',
	degree: '°',
	textdegree: '°',
	hbar: 'ℏ',
	notin: '∉',
	ni: '∋',
	subset: '⊂',
	subseteq: '⊆',
	supset: '⊃',
	supseteq: '⊇',
	cup: '∪',
	cap: '∩',
	bigcup: '∪',
	bigcap: '∩',
	setminus: '∖',
	emptyset: '∅',
	varnothing: '∅',
	forall: '∀',
	exists: '∃',
	neg: '¬',
	lnot: '¬',
	land: '∧',
	wedge: '∧',
	lor: '∨',
	vee: '∨',
	oplus: '⊕',
	otimes: '⊗',
	odot: '⊙',
	// The astronomy journals' units (AASTeX: `$10^{15}\msun$`), as the page types them
	// (KATEX_MACROS in render-abstract.ts) and the ingest reads them in prose.
	msun: 'M☉',
	lsun: 'L☉',
	rsun: 'R☉',
	// km s⁻¹ on the page; the cards' fonts have no superscript minus.
	kms: 'km/s',
	degr: '°',
	arcmin: '′',
	arcsec: '″',
	// MNRAS's ≲ and ≳ (KATEX_MACROS in render-abstract.ts).
	la: '≲',
	ga: '≳',
	perp: '⊥',
	parallel: '∥',
	int: '∫',
	oint: '∮',
	gets: '←',
	longrightarrow: '→',
	longleftarrow: '←',
	leftrightarrow: '↔',
	Rightarrow: '⇒',
	Leftarrow: '⇐',
	Leftrightarrow: '⇔',
	implies: '⇒',
	iff: '⇔',
	mapsto: '↦',
	uparrow: '↑',
	downarrow: '↓',
	lceil: '⌈',
	rceil: '⌉',
	lfloor: '⌊',
	rfloor: '⌋',
	langle: '⟨',
	rangle: '⟩',
	lbrace: '{',
	rbrace: '}',
	vert: '|',
	lvert: '|',
	rvert: '|',
	Vert: '‖',
	lVert: '‖',
	rVert: '‖',
	mid: ' | ',
	colon: ':',
	backslash: '\\',
	checkmark: '✓',
	// The ångström in a formula (`$5\,\AA$`), as KaTeX shows it.
	AA: 'Å',
};

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
	check: '\u030c',
	breve: '\u0306',
	acute: '\u0301',
	grave: '\u0300',
	mathring: '\u030a',
};

/** Maps a script group to Unicode super/subscripts when every character has one, else `^x`. */
function script(body: string, table: Record<string, string>, mark: string): string {
	const chars = [...body];
	return chars.every((c) => Object.hasOwn(table, c))
		? chars.map((c) => table[c]).join('')
		: mark + body;
}

/** Operator names, written as words with a space between them and a letter or digit beside. */
const FUNCTIONS = new Set(
	(
		'log ln lg exp sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh coth max min sup ' +
		'inf arg argmax argmin lim liminf limsup det dim ker deg gcd lcm hom Pr tr Tr rank diag sgn'
	).split(' '),
);
/** Text starting with an operator name applied to something: `log n`, `log log n`. */
const FUNCTION_FIRST = new RegExp(`^(?:${[...FUNCTIONS].join('|')})(?![A-Za-z])`);

/** Commands whose one argument is read as its text: fonts, text in math, operator names. */
const FONTS = new Set(
	(
		'mathrm mathit mathbf mathsf mathtt mathcal mathscr mathfrak mathbb mathnormal mathop ' +
		'boldsymbol bm pmb text textrm textit textbf textsf texttt textnormal textup textsc emph ' +
		'mbox hbox operatorname underline overbrace underbrace'
	).split(' '),
);
/** Blackboard-bold letters in the Basic Multilingual Plane (`\mathbb{R}` → ℝ); others stay plain. */
const DOUBLE_STRUCK: Record<string, string> = {
	C: 'ℂ',
	H: 'ℍ',
	N: 'ℕ',
	P: 'ℙ',
	Q: 'ℚ',
	R: 'ℝ',
	Z: 'ℤ',
};
/** Switches and sizes that draw nothing themselves: `{\rm rot}`, `\displaystyle`, `\left`. */
const SWITCHES = new Set(
	(
		'rm it bf sf tt cal mit sc em bfseries itshape rmfamily mdseries upshape displaystyle ' +
		'textstyle scriptstyle scriptscriptstyle limits nolimits nonumber notag big Big bigg Bigg ' +
		'bigl Bigl biggl Biggl bigr Bigr biggr Biggr bigm Bigm biggm Biggm left right middle ' +
		'mathstrut strut negthinspace negmedspace negthickspace'
	).split(' '),
);

/**
 * Whether a math command only sets its argument's font, accent or size (`\mathbb{R}`, `\hat{x}`,
 * `\left`): what it says is its argument's (the ingest's duplicate check reads past it).
 */
export const isMathMarkup = (name: string): boolean =>
	FONTS.has(name) || SWITCHES.has(name) || Object.hasOwn(ACCENTS, name);
/** Commands whose argument draws nothing: `\label{eq}`, `\hspace{1em}`, `\phantom{x}`. */
const DROP_ARGUMENT = new Set('label tag hspace vspace phantom hphantom vphantom color'.split(' '));
/** Spaces: `\quad` and the like read as one space. */
const SPACES = new Set('quad qquad enspace thinspace medspace thickspace space hfill'.split(' '));
/** Fractions of every size. */
const FRACTIONS = new Set('frac tfrac dfrac cfrac nicefrac sfrac'.split(' '));
/** Delimiters of matrix environments. */
const MATRICES: Record<string, [string, string]> = {
	pmatrix: ['(', ')'],
	bmatrix: ['[', ']'],
	Bmatrix: ['{', '}'],
	vmatrix: ['|', '|'],
	Vmatrix: ['‖', '‖'],
};

/** Top-level operators that make a numerator or denominator need parentheses: `(a+b)/c`. */
const OPERATOR = /[+\-−±∓=<>≤≥≠≈~→←/·×,;:∈∉⊂⊆∪∩∧∨⇒⇔↔≡∝≪≫]/u;
const OPENING = '([{⟨⌈⌊';
const CLOSING = ')]}⟩⌉⌋';

/**
 * Whether `s` needs parentheses as a numerator or denominator: an operator outside brackets (a
 * leading sign aside), or words outside brackets unless an operator name leads (`log log n`).
 */
function compound(s: string): boolean {
	let depth = 0;
	let terms = false;
	[...s].forEach((c, k) => {
		if (OPENING.includes(c)) depth++;
		else if (CLOSING.includes(c)) depth--;
		else if (depth === 0 && k > 0 && OPERATOR.test(c)) terms = true;
		else if (depth === 0 && c === ' ' && !FUNCTION_FIRST.test(s)) terms = true;
	});
	return terms;
}

/** A piece of output: its text, and what it is for the spacing and parentheses around it. */
interface Piece {
	text: string;
	/** An operator name (`log`), with its scripts: spaced from letters and digits beside it. */
	fn?: boolean;
	/** A fraction `a/b`: parenthesised when a letter, digit or script touches it. */
	frac?: boolean;
	/** A super- or subscript: never spaced from what it raises or lowers. */
	script?: boolean;
}

/** Letters, digits, marks, super- and subscripts: what runs into a word or a fraction. */
const WORDY = /[\p{L}\p{N}\p{M}′]/u;

/** Joins pieces, spacing operator names and bracketing fractions from what touches them. */
function join(pieces: Piece[]): string {
	const ps = pieces.filter((p) => p.text !== '');
	let out = '';
	ps.forEach((p, k) => {
		const next = ps[k + 1]?.text ?? '';
		const after = ps[k + 1];
		let text = p.text;
		// `\frac{1}{2}x` reads (1/2)x, `\log\frac{a}{b}` log(a/b), `\frac{a}{b}^2` (a/b)².
		if (p.frac && (WORDY.test(out.slice(-1)) || /^[\p{L}\p{N}(√^_⁺⁻]/u.test(next)))
			text = `(${text})`;
		// `n\log n` reads n log n; `\log\log n` log log n; `\log_2 n` log₂ n, not log ₂.
		if (p.fn && !ps[k - 1]?.fn && WORDY.test(out.slice(-1))) text = ` ${text}`;
		if (p.fn && after && !after.frac && !after.script && /^[\p{L}\p{N}√∂∇∞]/u.test(next)) {
			if (!after.fn || /^\p{L}/u.test(next)) text = `${text} `;
		}
		out += text;
	});
	return out;
}

/** A command name (`\\frac`, `\\operatorname*`), read where the reader stands. */
const WORD = /\\([A-Za-z]+)(\*?)/y;
/** TeX's infix fractions: `{a \\over b}`. */
const INFIX = /\\(over|atop|choose)(?![A-Za-z])\s*/y;
/** Whitespace, then a letter. */
const SPACE_LETTER = /\s+[A-Za-z]/y;
/**
 * Groups and arguments nested deeper than this read as flat text: hostile input (`{{{…`,
 * `\\frac\\frac…`) must not exhaust the stack.
 */
const MAX_DEPTH = 100;

/** Reads TeX from left to right into pieces of plain text. */
class Reader {
	private i = 0;
	private depth: number;
	private readonly tex: string;
	private readonly scripts: Scripts;
	constructor(tex: string, scripts: Scripts, depth = 0) {
		this.tex = tex;
		this.scripts = scripts;
		this.depth = depth;
	}

	/** Whether `re` (sticky) matches where the reader stands. */
	private at(re: RegExp): RegExpExecArray | null {
		re.lastIndex = this.i;
		return re.exec(this.tex);
	}

	/** Pieces up to the closing brace of a group (`inGroup`) or the end of the formula. */
	group(inGroup: boolean): Piece {
		let pieces: Piece[] = [];
		// What came before each `\over` (more than one in a group is an error to TeX), and its kind.
		const nums: string[] = [];
		let kind = '';
		const tex = this.tex;
		while (this.i < tex.length) {
			const c = tex[this.i]!;
			if (c === '}') {
				this.i++;
				if (inGroup) break;
				continue;
			}
			if (c === '\\') {
				const m = this.at(INFIX);
				if (m) {
					this.i += m[0].length;
					nums.push(join(pieces).trim());
					kind = m[1]!;
					pieces = [];
					continue;
				}
			}
			if (c === '^' || c === '_') {
				this.i++;
				const body = this.argument().trim();
				const last = pieces[pieces.length - 1];
				const text =
					c === '^' && /^[◦∘]$/.test(body)
						? '°'
						: c === '^' && body === '′'
							? '′'
							: script(
									// `x^{\frac{1}{2}}` reads x^(1/2) where ½ cannot be raised.
									body.includes('/') ? `(${body})` : body,
									c === '^' ? this.scripts.sup : this.scripts.sub,
									c,
								);
				pieces.push({ text, script: true, ...(last?.fn && { fn: true }) });
				continue;
			}
			pieces.push(this.token());
		}
		const text = join(pieces);
		if (nums.length === 0)
			return { text, ...(pieces.length === 1 && pieces[0]!.frac && { frac: true }) };
		return infix(nums, kind, text.trim());
	}

	/** The argument of a command or script: a group, one command, or one character. */
	argument(): string {
		this.skipSpace();
		// A script or command missing its argument at the end of a group takes nothing.
		return this.i < this.tex.length && this.tex[this.i] !== '}' ? this.token().text : '';
	}

	/** An optional `[…]` argument, as text. */
	private optional(): string | undefined {
		let j = this.i;
		while (/\s/.test(this.tex[j] ?? '')) j++;
		if (this.tex[j] !== '[') return undefined;
		const end = this.tex.indexOf(']', j);
		if (end < 0) return undefined;
		this.i = end + 1;
		const reader = new Reader(this.tex.slice(j + 1, end), this.scripts, this.depth + 1);
		return reader.group(false).text;
	}

	/** Skips whitespace: after a command that draws nothing, as TeX does. */
	private skipSpace(): void {
		while (/\s/.test(this.tex[this.i] ?? '')) this.i++;
	}

	/** Whether a `{` follows, after any whitespace. */
	private braceNext(): boolean {
		let j = this.i;
		while (/\s/.test(this.tex[j] ?? '')) j++;
		return this.tex[j] === '{';
	}

	/** One token: a group, a command with its arguments, whitespace or a character. */
	private token(): Piece {
		if (this.depth >= MAX_DEPTH) {
			const c = String.fromCodePoint(this.tex.codePointAt(this.i)!);
			this.i += c.length;
			return { text: c === '{' || c === '}' ? '' : c };
		}
		this.depth++;
		try {
			return this.nested();
		} finally {
			this.depth--;
		}
	}

	/** A token, one level deeper. */
	private nested(): Piece {
		const tex = this.tex;
		const c = tex[this.i]!;
		if (c === '{') {
			this.i++;
			return this.group(true);
		}
		if (/\s/.test(c)) {
			this.i++;
			return { text: ' ' };
		}
		if (c === '~' || c === '&') {
			this.i++;
			return { text: ' ' };
		}
		if (c === '}') {
			this.i++;
			return { text: '' };
		}
		if (c !== '\\') {
			const ch = String.fromCodePoint(tex.codePointAt(this.i)!);
			this.i += ch.length;
			return { text: ch };
		}
		const word = this.at(WORD);
		if (!word) {
			// A control symbol: `\%`, `\{`, `\,`, `\!`, `\|`, `\\`.
			const sym = tex[this.i + 1] ?? '';
			this.i += 2;
			if (sym === '!' || sym === '/' || sym === '') return { text: '' };
			if (/[,;:> ]/.test(sym)) return { text: ' ' };
			if (sym === '|') return { text: '‖' };
			if (sym === '\\') return { text: '; ' };
			return { text: sym };
		}
		this.i += word[0].length;
		return this.command(word[1]!);
	}

	/** A command and its arguments. */
	private command(name: string): Piece {
		if (SWITCHES.has(name)) {
			this.skipSpace();
			// `\left.` and `\right.` are invisible delimiters.
			if (/^(?:left|right|middle|[bB]ig+[lrm]?)$/.test(name) && this.tex[this.i] === '.') this.i++;
			return { text: '' };
		}
		if (SPACES.has(name)) {
			this.skipSpace();
			return { text: ' ' };
		}
		if (Object.hasOwn(SYMBOLS, name)) {
			const text = SYMBOLS[name]!;
			// `\partial f`, `\Delta R`, `\forall x` are typeset ∂f, ΔR, ∀x: TeX ignores the space after a command.
			if (/^[\p{L}∂∇∀∃¬]$/u.test(text) && this.at(SPACE_LETTER)) this.skipSpace();
			return { text };
		}
		if (FUNCTIONS.has(name)) return { text: name, fn: true };
		if (FRACTIONS.has(name)) {
			const num = this.argument().trim();
			return { text: fraction(num, this.argument().trim()), frac: true };
		}
		if (name === 'binom' || name === 'tbinom' || name === 'dbinom') {
			const n = this.argument().trim();
			return { text: `(${n} choose ${this.argument().trim()})` };
		}
		if (name === 'sqrt') return { text: this.root() };
		if (Object.hasOwn(ACCENTS, name)) {
			const base = this.argument();
			return {
				text: this.scripts.accents && [...base].length === 1 ? base + ACCENTS[name]! : base,
			};
		}
		if (name === 'mathbb' || name === 'mathbbm') {
			const arg = this.argument();
			return { text: Object.hasOwn(DOUBLE_STRUCK, arg) ? DOUBLE_STRUCK[arg]! : arg };
		}
		if (name === 'operatorname') return { text: this.argument().trim(), fn: true };
		if (FONTS.has(name) || (/^(?:text|math)[a-z]*$/.test(name) && this.braceNext()))
			return { text: this.argument() };
		if (DROP_ARGUMENT.has(name)) {
			this.argument();
			return { text: '' };
		}
		if (name === 'textcolor') {
			this.argument();
			return { text: this.argument() };
		}
		if (name === 'overset' || name === 'stackrel') {
			this.argument();
			return { text: this.argument() };
		}
		if (name === 'underset') {
			const below = this.argument().trim();
			return { text: this.argument() + script(below, this.scripts.sub, '_'), fn: true };
		}
		if (name === 'not') {
			const next = this.argument();
			const negated: Record<string, string> = { '=': '≠', '∈': '∉', '<': '≮', '>': '≯' };
			return { text: Object.hasOwn(negated, next) ? negated[next]! : `not ${next}` };
		}
		if (name === 'bmod' || name === 'mod') return { text: ' mod ' };
		if (name === 'pmod') return { text: ` (mod ${this.argument().trim()})` };
		if (name === 'unicode' && this.braceNext()) {
			const arg = this.argument().trim();
			const code = /^x[0-9a-f]+$/i.test(arg) ? parseInt(arg.slice(1), 16) : Number(arg);
			return {
				text:
					Number.isInteger(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '',
			};
		}
		if (name === 'begin' || name === 'end') {
			const env = this.argument().trim();
			// `\begin{array}{cc}`: the column layout draws nothing.
			if (name === 'begin' && /^(?:array|tabular)$/.test(env)) this.argument();
			if (!Object.hasOwn(MATRICES, env)) return { text: '' };
			return { text: MATRICES[env]![name === 'begin' ? 0 : 1] };
		}
		// An unknown command (an author's macro, `\kms`, `\XQM`) reads as its name: dropping it
		// would lose what it stands for.
		return { text: name };
	}

	/** `\sqrt{x}` → √x, `\sqrt{n+1}` → √(n+1), `\sqrt[3]{x}` → ∛x. */
	private root(): string {
		const index = this.optional()?.trim();
		const arg = this.argument().trim();
		const radicand = atomic(arg, this.scripts) ? arg : `(${arg})`;
		if (!index) return `√${radicand}`;
		if (index === '3') return `∛${radicand}`;
		if (index === '4') return `∜${radicand}`;
		const raised = script(index, this.scripts.sup, '^');
		return raised.startsWith('^') ? `${radicand}^(1/${index})` : `${raised}√${radicand}`;
	}
}

/** Whether a radicand reads as one thing without parentheses: a number, or a letter and its scripts. */
function atomic(s: string, scripts: Scripts): boolean {
	const raised = [...Object.values(scripts.sup), ...Object.values(scripts.sub)].join('');
	const rest = [...s.replace(/^(?:\d+(?:\.\d+)?|\p{L}\p{M}*)/u, '')];
	return rest.length < [...s].length && rest.every((c) => raised.includes(c));
}

/** `{a \\over b}` → a/b, `{n \\choose k}` → (n choose k), `{a \\atop b}` → a b. */
function infix(nums: string[], kind: string, den: string): Piece {
	const num = nums.join(' ');
	if (kind === 'atop') return { text: `${num} ${den}` };
	if (kind === 'choose') return { text: `(${num} choose ${den})` };
	return { text: [...nums, den].map(part).join('/'), frac: true };
}

/** `a/b`, with a numerator or denominator of more than one term in parentheses: `(a+b)/c`. */
function fraction(num: string, den: string): string {
	return `${part(num)}/${part(den)}`;
}

/** A numerator or denominator, in parentheses if it has more than one term. */
const part = (s: string): string => (compound(s) ? `(${s})` : s);

/** A formula that starts or ends with a spacing command. */
const SPACED_START =
	/^\s*(?:~|\\[,;:> ]|\\(?:q?quad|enspace|thinspace|medspace|thickspace|space)(?![A-Za-z]))/;
const SPACED_END = /(?:~|\\[,;:> ]|\\(?:q?quad|enspace|thinspace|medspace|thickspace|space))\s*$/;

/** Tidies spaces: one at a time, none just inside brackets nor before a comma or semicolon. */
function tidySpaces(s: string): string {
	return s
		.replace(/\s+/g, ' ')
		.replace(/([([{⟨⌈⌊‹]) /g, '$1')
		.replace(/ (?=[)\]}⟩⌉⌋›,;])/g, '');
}

/**
 * Turns the TeX of one formula into plain Unicode; `scripts` are the super- and subscripts the
 * output may use (the cards' fonts have only a few), and what to write for characters it cannot.
 */
export function texToUnicode(tex: string, scripts: Scripts = UNICODE_SCRIPTS): string {
	let s = new Reader(tex, scripts).group(false).text;
	const fallback = scripts.fallback;
	if (fallback) s = [...s].map((c) => (Object.hasOwn(fallback, c) ? fallback[c]! : c)).join('');
	// Spaces at either end only where a spacing command asked for them (`5$\,$GeV`): not from
	// `\right.` or the space before it.
	const lead = SPACED_START.test(tex) ? ' ' : '';
	const trail = SPACED_END.test(tex) ? ' ' : '';
	return (lead + tidySpaces(s).trim() + trail).normalize('NFC');
}

/**
 * Math that may run into a number: a command or only operators (`$<$5%`, `$\times$2`,
 * `$\sim$70%`, the arXiv idiom for a symbol in prose), never an amount of money. Shared by the
 * abstracts' splitMath and the titles' formulas, so a title reads `$\sim$10` as the abstract does.
 */
export const CLEARLY_MATH = /\\[A-Za-z]|^[<>=+\-*/|~^_:,.!]+$/;

/**
 * A title's `$…$` formula candidates: not after a backslash (`\$5`), and nothing escaped ends
 * one; as in the abstracts (splitMath), no space just inside either dollar.
 */
const TITLE_MATH = /(?<!\\)\$(?!\s)(?:[^$\\]|\\[^])+?(?<!\s)\$(?!\$)/g;

/**
 * A title cut into prose and its `$…$` formulas (TITLE_MATH), dollars kept: the formulas at odd
 * indices. As in the abstracts, a digit right after the closing dollar makes it no formula unless
 * it is CLEARLY_MATH, so that prices stay text ("From $5 to $10 a day": before, "5 to" was a
 * formula) and `1024$\times$1024` still reads 1024×1024. The BibTeX citation keeps the formulas
 * the pages typeset, and only those.
 */
export function splitTitleFormulas(title: string): string[] {
	const parts: string[] = [];
	const re = new RegExp(TITLE_MATH);
	let prose = 0;
	for (let m = re.exec(title); m; m = re.exec(title)) {
		const end = m.index + m[0].length;
		if (/[0-9]/.test(title[end] ?? '') && !CLEARLY_MATH.test(m[0].slice(1, -1))) {
			re.lastIndex = m.index + 1; // its closing dollar may open a formula
			continue;
		}
		parts.push(title.slice(prose, m.index), m[0]);
		prose = end;
	}
	parts.push(title.slice(prose));
	return parts;
}
/** Private-use characters: stand-ins for a title's formulas while its prose is read. */
const PRIVATE_USE = /[\ue000-\uf8ff]/;
/** What may need reading as TeX: a formula, a command, a group, a tie, a dash or a quote. */
const TITLE_TEX = /[$\\{~`]|--/;

/**
 * A title as it reads, for every place that shows it as text (headings, listings, the page's
 * `<title>`, feeds, metadata, search, the topic tokeniser): its `$…$` formulas in Unicode
 * (`Towards $\infty$-LLMs` → `Towards ∞-LLMs`, `BLM$_1$` → `BLM₁`), and its prose read by the
 * abstracts' LaTeX prose reader (latexToPlain): accents (`Schr\"odinger` → Schrödinger), escapes
 * (`87\%`), ties, dashes and quotes, and font commands as their plain text (`{\it x}`,
 * `\emph{x}` → x: a title is plain text everywhere). Whitespace runs collapsed (ties' no-break
 * spaces kept). The entry keeps the title as given, TeX and all: the BibTeX citation uses that.
 */
export function readableTitle(title: string, scripts: Scripts = UNICODE_SCRIPTS): string {
	if (!TITLE_TEX.test(title)) return title;
	const formulas: string[] = [];
	let text: string;
	if (PRIVATE_USE.test(title)) {
		// A title with private-use characters of its own: formulas and prose read apart.
		text = splitTitleFormulas(title)
			.map((part, k) =>
				k % 2 === 1 ? texToUnicode(part.slice(1, -1), scripts) : latexToPlain(part),
			)
			.join('');
	} else {
		// Each formula stands in as one character while the prose is read, so that a command
		// around one (`{\it $\alpha$-nets}`, `\textbf{BLM$_1$}`) keeps its braces paired.
		const prose = splitTitleFormulas(title)
			.map((part, k) => {
				if (k % 2 === 0) return part;
				formulas.push(texToUnicode(part.slice(1, -1), scripts));
				return String.fromCharCode(0xe000 + formulas.length - 1);
			})
			.join('');
		text = latexToPlain(prose).replace(
			/[\ue000-\uf8ff]/g,
			(c) => formulas[c.charCodeAt(0) - 0xe000] ?? c,
		);
	}
	return text.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();
}

/**
 * A title as it reads (readableTitle) cut where its short name ends (`LifeGPT: …` → `LifeGPT`
 * and `: …`), so that the name can be emphasised in place instead of shown twice; no prefix when
 * the title does not start with it.
 */
export function titleParts(
	title: string,
	shortName: string | undefined,
): { prefix?: string; rest: string } {
	const shown = readableTitle(title);
	return shortName && shown.startsWith(shortName)
		? { prefix: shortName, rest: shown.slice(shortName.length) }
		: { rest: shown };
}

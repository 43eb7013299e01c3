import { describe, expect, test } from 'vitest';
import {
	bibtexKey,
	escapeBibtexTitle,
	escapeBibtex,
	publicationYear,
	toBibtex,
	uniqueBibtexKeys,
	type BibtexInput,
} from '../../src/lib/bibtex.ts';

const base: BibtexInput = {
	title: 'LifeGPT: Topology-Agnostic Generative Pretrained Transformer',
	slug: 'lifegpt',
	date: '2025-03-18',
	authors: [],
	categories: [],
};

/** True when every `{` has a matching `}` (BibTeX's own parsing rule). */
/**
 * Whether every field's braces balance as BibTeX counts them: every brace counts, a backslashed
 * one too (`\}` closed a field early), and the depth never falls below zero inside a field.
 */
function balanced(s: string): boolean {
	let depth = 0;
	for (let i = 0; i < s.length; i++) {
		if (s[i] === '{') depth++;
		if (s[i] === '}' && --depth < 0) return false;
	}
	return depth === 0;
}

describe('toBibtex', () => {
	test('builds a @misc entry from a title-only paper, pointing at the site page', () => {
		const bib = toBibtex(base, 'https://x.example/papers/lifegpt/');
		expect(bib).toBe(
			'@misc{lifegpt2025,\n  title = {LifeGPT: Topology-Agnostic Generative Pretrained Transformer},\n  year = {2025},\n  url = {https://x.example/papers/lifegpt/}\n}',
		);
	});

	test('adds authors, eprint fields and the arXiv year for arXiv papers', () => {
		const bib = toBibtex(
			{
				...base,
				authors: ['Jaime Berkovich', 'Markus J. Buehler'],
				arxivId: '2409.12182',
				categories: ['cs.LG', 'cs.AI'],
				doi: '10.1/abc',
			},
			'u',
		);
		expect(bib).toMatch(/^@misc\{berkovich2024lifegpt,/);
		expect(bib).toContain('author = {Jaime Berkovich and Markus J. Buehler}');
		// "et al." in the source: BibTeX's last author `others`.
		expect(toBibtex({ ...base, authors: ['F. Aharonian'], moreAuthors: true }, 'u')).toContain(
			'author = {F. Aharonian and others}',
		);
		expect(bib).toContain('eprint = {2409.12182}');
		expect(bib).toContain('archivePrefix = {arXiv}');
		expect(bib).toContain('primaryClass = {cs.LG}');
		expect(bib).toContain('doi = {10.1/abc}');
		expect(bib).toContain('url = {https://arxiv.org/abs/2409.12182}');
	});

	test('uses @article with the journal’s name, its year and the whole reference as a note', () => {
		// 0704.0058: on arXiv in 2007, published in 2003.
		const bib = toBibtex(
			{
				...base,
				arxivId: '0704.0058',
				journalRef: 'International Journal of Astrobiology 2 (2003) 141-148',
			},
			'u',
		);
		expect(bib).toMatch(/^@article\{lifegpt2003,\n/);
		expect(bib).toContain('journal = {International Journal of Astrobiology}');
		expect(bib).toContain('year = {2003}');
		expect(bib).toContain('note = {International Journal of Astrobiology 2 (2003) 141-148}');
		// A reference whose journal cannot be told is a note of a @misc entry, not a journal name
		// (0704.0067's journal was its whole reference, authors and title included).
		const odd = toBibtex({ ...base, journalRef: 'Proceedings of the 2007 IEEE Symposium' }, 'u');
		expect(odd).toMatch(/^@misc\{/);
		expect(odd).toContain('note = {Proceedings of the 2007 IEEE Symposium}');
		expect(odd).not.toContain('journal =');
	});

	test('names with a suffix are written Last, Jr., First; keys keep letters NFKD cannot split', () => {
		const bib = toBibtex(
			{ ...base, authors: ['Martin Luther King Jr.', 'Neal J. Evans II', 'Mieczysław Kłopotek'] },
			'u',
		);
		expect(bib).toContain(
			'author = {King, Jr., Martin Luther and Evans, II, Neal J. and Mieczysław Kłopotek}',
		);
		expect(bibtexKey({ ...base, authors: ['Martin Luther King Jr.'] })).toMatch(/^king2025/);
		expect(bibtexKey({ ...base, authors: ['Mieczysław Kłopotek'] })).toMatch(/^klopotek2025/);
		expect(bibtexKey({ ...base, authors: ['Jan Łukasiewicz'] })).toMatch(/^lukasiewicz2025/);
	});

	test('keeps braces balanced for hostile titles', () => {
		const title = 'Sets {0,1}^n and } stray { braces: 50% & $x_i$ #1 a_b ~ \\evil';
		const bib = toBibtex({ ...base, title, authors: ['Ö. Çelik'] }, 'u');
		expect(balanced(bib)).toBe(true);
		expect(bib).toContain('\\textbraceleft{}0,1\\textbraceright{}\\textasciicircum{}n');
		// Math stays TeX, for LaTeX to typeset.
		expect(bib).toContain('50\\% \\& $x_i$ \\#1');
		expect(bib).toMatch(/^@misc\{celik2025sets,/);
	});
});

describe('uniqueBibtexKeys', () => {
	test('papers whose keys coincide get b, c, … oldest first; the first keeps its key', () => {
		// 0704.0033 and 0704.0035: "Convergence of the discrete dipole approximation. I/II".
		const part = (id: string, date: string, n: string) => ({
			id,
			data: {
				...base,
				slug: id,
				date,
				arxivId: id,
				authors: ['Maxim A. Yurkin'],
				title: `Convergence of the DDA. ${n}`,
			},
		});
		const keys = uniqueBibtexKeys([
			part('0704.0035', '2007-04-02', 'II'),
			part('0704.0033', '2007-04-02', 'I'),
			part('0704.0099', '2007-05-01', 'III'),
			{ id: 'lifegpt', data: base },
		]);
		expect(Object.fromEntries(keys)).toEqual({
			'0704.0033': 'yurkin2007convergence',
			'0704.0035': 'yurkin2007convergenceb',
			'0704.0099': 'yurkin2007convergencec',
			lifegpt: bibtexKey(base),
		});
		expect(toBibtex(base, 'https://x.example/p/', 'lifegptb')).toMatch(/^@misc\{lifegptb,\n/);
	});
});

describe('escapeBibtexTitle', () => {
	test('keeps well-formed math as TeX and escapes the rest', () => {
		expect(escapeBibtexTitle('Towards $\\infty$-LLMs & $\\mathcal{O}(n)$ 50%')).toBe(
			'Towards $\\infty$-LLMs \\& $\\mathcal{O}(n)$ 50\\%',
		);
	});
	test('escapes money, unbalanced braces and comment characters inside dollars', () => {
		expect(escapeBibtexTitle('From $5 to $10')).toBe('From \\$5 to \\$10');
		// `\\}` is TeX's }: written as such.
		expect(escapeBibtexTitle('Odd $\\}x{$ and $a%b$')).toBe(
			'Odd \\$\\textbraceright{}x\\textbraceleft{}\\$ and \\$a\\%b\\$',
		);
		// An escaped percent is TeX's %: the formula stays.
		expect(escapeBibtexTitle('Up $50\\%$ and $x^{$')).toBe(
			'Up $50\\%$ and \\$x\\textasciicircum{}\\textbraceleft{}\\$',
		);
	});
});

describe('escapeBibtexTitle keeps the TeX of a title', () => {
	test('accents, font commands, groups and ties stay TeX', () => {
		const title =
			'The Schr\\"odinger Equation and Poincar\\\'e Duality in {\\it Quantum} Field Theory';
		expect(escapeBibtexTitle(title)).toBe(title);
		expect(
			escapeBibtexTitle('\\c{C}elik, {\\L}ukasz, \\emph{B}ayes, J.~Smith, 50\\% \\& more'),
		).toBe('\\c{C}elik, {\\L}ukasz, \\emph{B}ayes, J.~Smith, 50\\% \\& more');
	});
	test('escapes unknown commands, escaped braces, lone accents and unpaired braces', () => {
		expect(escapeBibtexTitle('\\msun and \\{x\\} and {\\bf y} and a\\"')).toBe(
			'\\textbackslash{}msun and \\textbraceleft{}x\\textbraceright{} and {\\bf y} and a\\textbackslash{}"',
		);
		// A command that is escaped would lose its braces' meaning: all braces are escaped then.
		expect(escapeBibtexTitle('Note\\footnote{NSF} and ~x')).toBe(
			'Note\\textbackslash{}footnote\\textbraceleft{}NSF\\textbraceright{} and \\textasciitilde{}x',
		);
	});
});

describe('escapeBibtex', () => {
	test('escapes every LaTeX special character and collapses whitespace', () => {
		expect(escapeBibtex('a\\b{c}&%$#_~^  d')).toBe(
			'a\\textbackslash{}b\\textbraceleft{}c\\textbraceright{}\\&\\%\\$\\#\\_\\textasciitilde{}\\textasciicircum{} d',
		);
	});
});

describe('publicationYear and bibtexKey', () => {
	test('reads the year from new and old arXiv ids, else the listing date', () => {
		expect(publicationYear({ arxivId: '2504.12351', date: '2026-01-01' })).toBe('2025');
		expect(publicationYear({ arxivId: 'hep-th/9901001', date: '2026-01-01' })).toBe('1999');
		expect(publicationYear({ arxivId: 'math/0701001', date: '2026-01-01' })).toBe('2007');
		expect(publicationYear({ date: '2026-01-01' })).toBe('2026');
	});

	test('skips stop words in the title and falls back to the slug for non-Latin titles', () => {
		expect(bibtexKey({ ...base, title: 'On the Origin of Things', authors: ['A B'] })).toBe(
			'b2025origin',
		);
		expect(bibtexKey({ ...base, title: '深度学习', slug: 'deep-x' })).toBe('deepx2025');
	});
});

import { describe, expect, test } from 'vitest';
import { knownPublicationYear } from '../../src/lib/journal-ref.ts';
import {
	bibtexKey,
	escapeBibtexTitle,
	escapeBibtex,
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
		// A trending page's date is when the paper was listed, not published (CodeT5, listed in
		// 2025, is from 2021): no year, in the entry or in its key, and the date as a note.
		const bib = toBibtex(base, 'https://x.example/papers/lifegpt/');
		expect(bib).toBe(
			'@misc{lifegpt,\n  title = {{LifeGPT}: Topology-Agnostic Generative Pretrained Transformer},\n  note = {Listed on 18 March 2025},\n  url = {https://x.example/papers/lifegpt/}\n}',
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

	test('uses @article with the journal, volume, pages and year read from the reference', () => {
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
		expect(bib).toContain(
			'journal = {International Journal of Astrobiology},\n  volume = {2},\n  pages = {141--148},\n  year = {2003},\n  eprint',
		);
		// Read whole, the reference is not repeated (the journal printed twice); an erratum is.
		expect(bib).not.toContain('note =');
		const erratum = toBibtex(
			{
				...base,
				journalRef: 'J.Opt.Soc.Am.A 23, 2578-2591 (2006); Erratum: J.Opt.Soc.Am.A 32, 2407 (2015)',
			},
			'u',
		);
		expect(erratum).toContain('volume = {23},\n  pages = {2578--2591},\n  year = {2006}');
		expect(erratum).toContain('note = {Erratum: J.Opt.Soc.Am.A 32, 2407 (2015)}');
		// Read only up to the journal's name: the rest of the reference, not all of it, is the note.
		const physica = toBibtex(
			{ ...base, journalRef: 'Physica A, V. 387, Issues 2-3 (2008), Pages 385-406' },
			'u',
		);
		expect(physica).toContain(
			'journal = {Physica A},\n  year = {2008},\n  note = {V. 387, Issues 2-3 (2008), Pages 385-406}',
		);
		expect(physica).not.toContain('volume');
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
		expect(bibtexKey({ ...base, authors: ['Martin Luther King Jr.'] })).toBe('kinglifegpt');
		// Three words are enough: a first name, the surname and the suffix.
		expect(toBibtex({ ...base, authors: ['John Smith Jr.'] }, 'u')).toContain(
			'author = {Smith, Jr., John}',
		);
		expect(bibtexKey({ ...base, authors: ['John Smith Jr.'] })).toBe('smithlifegpt');
		expect(bibtexKey({ ...base, authors: ['Mieczysław Kłopotek'] })).toBe('klopoteklifegpt');
		expect(bibtexKey({ ...base, authors: ['Jan Łukasiewicz'] })).toBe('lukasiewiczlifegpt');
	});

	test('keeps braces balanced for hostile titles', () => {
		const title = 'Sets {0,1}^n and } stray { braces: 50% & $x_i$ #1 a_b ~ \\evil';
		const bib = toBibtex({ ...base, title, authors: ['Ö. Çelik'] }, 'u');
		expect(balanced(bib)).toBe(true);
		expect(bib).toContain('\\textbraceleft{}0,1\\textbraceright{}\\textasciicircum{}n');
		// Math stays TeX, for LaTeX to typeset.
		expect(bib).toContain('50\\% \\& $x_i$ \\#1');
		expect(bib).toMatch(/^@misc\{celiksets,/);
	});
});

describe('uniqueBibtexKeys', () => {
	test('papers whose keys coincide get b, c, … in order of submission; the first keeps its key', () => {
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

	test("a suffixed key never takes another paper's own key", () => {
		const paper = (id: string, title: string) => ({
			id,
			data: { ...base, slug: id, arxivId: id, authors: ['Ann X'], title },
		});
		const keys = uniqueBibtexKeys([
			paper('2401.00001', 'Foo'),
			paper('2401.00002', 'Foo'),
			paper('2401.00003', 'Foob'),
		]);
		expect(Object.fromEntries(keys)).toEqual({
			'2401.00001': 'x2024foo',
			'2401.00002': 'x2024fooc',
			'2401.00003': 'x2024foob',
		});
	});
});

describe('uniqueBibtexKeys orders a shared key by what never changes', () => {
	// Two real records of the 2007 snapshot: parts I and II, both submitted on 1 April 2007;
	// part I's record was last updated after part II's.
	const kosel = (id: string, date: string, part: string) => ({
		id,
		data: {
			...base,
			slug: id,
			date,
			arxivId: id,
			submitted: '2007-04-01',
			authors: ['T. Kosel', 'I. Grabec'],
			title: `Intelligent location of simultaneously active acoustic emission sources: ${part}`,
			categories: ['cs.NE'],
		},
	});
	test('part I keeps the key, part II gets b, however the records were updated', () => {
		const keys = (partII: string) =>
			Object.fromEntries(
				uniqueBibtexKeys([
					kosel('0704.0050', partII, 'Part II'),
					kosel('0704.0047', '2009-09-29', 'Part I'),
				]),
			);
		const expected = {
			'0704.0047': 'kosel2007intelligent',
			'0704.0050': 'kosel2007intelligentb',
		};
		expect(keys('2007-05-23')).toEqual(expected);
		// An update of part II after part I's swapped the keys when the update date ordered them.
		expect(keys('2009-10-01')).toEqual(expected);
	});
	test('papers published in a journal in the same year: Yurkin 0704.0033 and 0704.0035', () => {
		const yurkin = (id: string, date: string, title: string, journalRef: string) => ({
			id,
			data: {
				...base,
				slug: id,
				date,
				arxivId: id,
				submitted: '2007-03-31',
				authors: ['Maxim A. Yurkin', 'Valeri P. Maltsev', 'Alfons G. Hoekstra'],
				title,
				journalRef,
			},
		});
		const keys = uniqueBibtexKeys([
			yurkin(
				'0704.0035',
				'2008-07-29',
				'Convergence of the discrete dipole approximation. II. An extrapolation technique to increase the accuracy',
				'J.Opt.Soc.Am.A 23(10): 2592-2601 (2006)',
			),
			yurkin(
				'0704.0033',
				'2022-03-31',
				'Convergence of the discrete dipole approximation. I. Theoretical analysis',
				'J.Opt.Soc.Am.A 23, 2578-2591 (2006); Erratum: J.Opt.Soc.Am.A 32, 2407-2408 (2015)',
			),
		]);
		expect(Object.fromEntries(keys)).toEqual({
			'0704.0033': 'yurkin2006convergence',
			'0704.0035': 'yurkin2006convergenceb',
		});
	});
	test('ids by submission, old style too; papers without one by the day they first appeared', () => {
		const paper = (id: string, data: Partial<BibtexInput>) => ({
			id,
			// One journal year, so that all six share the key `smith2007dark`.
			data: {
				...base,
				slug: id,
				authors: ['A. Smith'],
				title: 'Dark matter',
				journalRef: 'Phys. Rev. D 76, 013009 (2007)',
				...data,
			},
		});
		const keys = uniqueBibtexKeys([
			// Listed on a trending page: its date is its first listing.
			paper('dark-matter', { date: '2007-04-20' }),
			// A record without an id: the day arXiv received it, not its update.
			paper('dark-matter-2', { date: '2001-01-01', submitted: '2007-04-30' }),
			paper('0704.0100', { date: '2001-01-01', arxivId: '0704.0100' }),
			paper('0704.0009', { date: '2009-01-01', arxivId: '0704.0009' }),
			paper('hep-th/0703999', { date: '2010-01-01', arxivId: 'hep-th/0703999' }),
			paper('hep-th/9901001', { date: '2011-01-01', arxivId: 'hep-th/9901001' }),
		]);
		expect(keys.get('hep-th/9901001')).toBe('smith2007dark');
		expect([...keys].sort((a, b) => (a[1] < b[1] ? -1 : 1)).map(([id]) => id)).toEqual([
			'hep-th/9901001',
			'hep-th/0703999',
			'0704.0009',
			'0704.0100',
			'dark-matter',
			'dark-matter-2',
		]);
	});
	test('a paper alone with its key keeps it', () => {
		const alone = { id: '0704.0050', data: { ...kosel('0704.0050', '2007-05-23', 'II').data } };
		expect(uniqueBibtexKeys([alone]).get('0704.0050')).toBe(bibtexKey(alone.data));
	});
});

describe('escapeBibtexTitle', () => {
	test('keeps well-formed math as TeX and escapes the rest', () => {
		expect(escapeBibtexTitle('Towards $\\infty$-LLMs & $\\mathcal{O}(n)$ 50%')).toBe(
			'Towards $\\infty$-{LLMs} \\& $\\mathcal{O}(n)$ 50\\%',
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
		).toBe(
			// A name with a tie is one word, braced for its capital after the first letter.
			'\\c{C}elik, {\\L}ukasz, \\emph{B}ayes, {J.~Smith}, 50\\% \\& more',
		);
	});
	test('escapes unknown commands, escaped braces, lone accents and unpaired braces', () => {
		expect(escapeBibtexTitle('\\msun and \\{x\\} and {\\bf y} and a\\"')).toBe(
			'\\textbackslash{}msun and \\textbraceleft{}x\\textbraceright{} and {\\bf y} and a\\textbackslash{}"',
		);
		// A command that is escaped would lose its braces' meaning: all braces are escaped then.
		// The word keeps its capitals (`NSF`), braced like any other word.
		expect(escapeBibtexTitle('Note\\footnote{NSF} and ~x')).toBe(
			'{Note\\textbackslash{}footnote\\textbraceleft{}NSF\\textbraceright{}} and \\textasciitilde{}x',
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

describe('the year and bibtexKey', () => {
	test('reads the year from the journal reference, else the arXiv id, never the listing date', () => {
		// The listing date of an arXiv record is its update_date, often years after the id's.
		expect(knownPublicationYear({ arxivId: '0704.0001' })).toBe('2007');
		expect(knownPublicationYear({ arxivId: '2504.12351' })).toBe('2025');
		expect(knownPublicationYear({ arxivId: 'hep-th/9901001' })).toBe('1999');
		expect(knownPublicationYear({ arxivId: 'math/0701001' })).toBe('2007');
		expect(
			knownPublicationYear({ arxivId: '0704.0058', journalRef: 'Int. J. Astrobiol. 2 (2003) 141' }),
		).toBe('2003');
		expect(knownPublicationYear({})).toBeUndefined();
		const dated = { ...base, arxivId: '0704.0001', date: '2010-05-01', authors: ['C. Balázs'] };
		expect(toBibtex(dated, 'u')).toContain('year = {2007}');
		expect(bibtexKey(dated)).toBe('balazs2007lifegpt');
	});

	test('skips stop words in the title and falls back to the slug for non-Latin titles', () => {
		expect(bibtexKey({ ...base, title: 'On the Origin of Things', authors: ['A B'] })).toBe(
			'borigin',
		);
		expect(bibtexKey({ ...base, title: '深度学习', slug: 'deep-x' })).toBe('deepx');
		expect(bibtexKey({ ...base, title: '深度学习', slug: 'deep-x', arxivId: '2501.00001' })).toBe(
			'deepx2025',
		);
	});

	test('takes the title word from the title as it reads, not from its TeX (2510.02343)', () => {
		const p = {
			...base,
			title: '$\\texttt{BluePrint}$: A Social Media User Dataset',
			authors: ['Aurélien Bück-Kaeffer'],
			arxivId: '2510.02343',
		};
		expect(bibtexKey(p)).toBe('buckkaeffer2025blueprint');
		expect(bibtexKey({ ...p, title: 'Towards $\\infty$-LLMs' })).toBe('buckkaeffer2025llms');
		expect(bibtexKey({ ...p, title: 'The Schr\\"odinger Equation' })).toBe(
			'buckkaeffer2025schrodinger',
		);
	});
});

describe('group authors', () => {
	test('are braced, so BibTeX takes the name whole, and give the key their first word', () => {
		// 2510.24701: read as a person, `T. D. Team`, and the key `team2025tongyi`.
		const p = {
			...base,
			title: 'Tongyi DeepResearch Technical Report',
			authors: ['Tongyi DeepResearch Team', 'Baixuan Li'],
			arxivId: '2510.24701',
		};
		expect(toBibtex(p, 'u')).toContain('author = {{Tongyi DeepResearch Team} and Baixuan Li}');
		expect(bibtexKey(p)).toBe('tongyi2025tongyi');
		expect(bibtexKey({ ...p, authors: ['The ATLAS Collaboration'] })).toBe('atlas2025tongyi');
		expect(toBibtex({ ...p, authors: ['R&D Lab', 'Mistral AI'] }, 'u')).toContain(
			'author = {{R\\&D Lab} and {Mistral AI}}',
		);
		// People whose name only ends like a group's stay people (`Ai` is a surname).
		expect(toBibtex({ ...p, authors: ['Qingyao Ai', 'Ai Han'] }, 'u')).toContain(
			'author = {Qingyao Ai and Ai Han}',
		);
	});
});

describe('escapeBibtexTitle protects the case of words that keep it', () => {
	test('acronyms, names with inner capitals or digits, capital letters: in every title', () => {
		expect(escapeBibtexTitle('The Blue Straggler Population of the Globular Cluster M5')).toBe(
			'The Blue Straggler Population of the Globular Cluster {M5}',
		);
		expect(
			escapeBibtexTitle('BERT-Based Scoring of GPT-4 and CodeT5 on iPhone, 3D and Sub-GeV'),
		).toBe('{BERT}-Based Scoring of {GPT-4} and {CodeT5} on {iPhone}, {3D} and Sub-{GeV}');
		expect(escapeBibtexTitle('Measuring B Decays (Part I) with Llama-2-7B')).toBe(
			'Measuring {B} Decays (Part {I}) with {Llama-2-7B}',
		);
	});
	test('capitalised words too in a sentence-case title, not in a title-case one', () => {
		// 0704.0001.
		expect(
			escapeBibtexTitle(
				'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
			),
		).toBe(
			'Calculation of prompt diphoton production cross sections at {Tevatron} and {LHC} energies',
		);
		expect(
			escapeBibtexTitle('Nonequilibrium limiters in lattice Boltzmann methods: A review'),
		).toBe('Nonequilibrium limiters in lattice {Boltzmann} methods: A review');
		expect(escapeBibtexTitle('Search for New Physics at the Tevatron')).toBe(
			'Search for New Physics at the Tevatron',
		);
		expect(escapeBibtexTitle('The (non-)Abelian gauge theories of Navier-Stokes flows')).toBe(
			'The (non-){Abelian} gauge theories of {Navier-Stokes} flows',
		);
	});
	test('a word with an escape is braced like any other (0704.0110: Hilbert C^* modules)', () => {
		// The braces of `\textasciicircum{}` group nothing: skipped as a braced word, `C` was left
		// for sentence-case styles to print as `c^*`.
		expect(escapeBibtexTitle('On Equivariant Embedding of Hilbert C^* modules')).toBe(
			'On Equivariant Embedding of Hilbert {C\\textasciicircum{}*} modules',
		);
		// A single capital before symbols keeps it, as a capital alone does.
		expect(escapeBibtexTitle('Learning the A* heuristic for C++ and C# code')).toBe(
			'Learning the {A*} heuristic for {C++} and {C\\#} code',
		);
		// Braces of the title's own still leave the word as it is.
		expect(escapeBibtexTitle('Maps {B}^n of T^{C}')).toBe(
			'Maps {B}\\textasciicircum{}n of T\\textasciicircum{}{C}',
		);
	});
	test('formulas with capitals are braced whole; groups and TeX stay as they are', () => {
		expect(
			escapeBibtexTitle('Bounds on $N$-body and $\\Delta$ terms of $\\mathcal{O}(n)$ sums'),
		).toBe('Bounds on {$N$}-body and {$\\Delta$} terms of $\\mathcal{O}(n)$ sums');
		expect(escapeBibtexTitle('A study of {Large Hadron Collider} data and {\\it QCD} fits')).toBe(
			'A study of {Large Hadron Collider} data and {\\it QCD} fits',
		);
		expect(escapeBibtexTitle('BLM$_1$: $O(n \\log N)$ sorting')).toBe(
			'{BLM$_1$}: {$O(n \\log N)$} sorting',
		);
	});
});

import { describe, expect, test } from 'vitest';
import {
	historyStep,
	keepCarrying,
	moveFocus,
	noPaperWith,
	offeredState,
	paperRef,
	parseSearchState,
	queryWords,
	readSearchTerms,
	safeExcerpt,
	searchTerms,
	abstractExcerpt,
	type ExcerptSource,
	stateToFilters,
	stateToSearch,
	unmatchedNote,
	withoutQuotes,
} from '../../src/scripts/search-state.ts';

describe('search URL state', () => {
	test('reads query, topics and code from the query string', () => {
		expect(parseSearchState('?q=+speech+&topic=Speech&topic=Audio&topic=Speech&code=yes')).toEqual({
			q: 'speech',
			topics: ['Speech', 'Audio'],
			code: true,
		});
		expect(parseSearchState('')).toEqual({ q: '', topics: [], code: false });
	});

	test('round-trips through the URL, encoding special characters', () => {
		const state = { q: 'in-context & "learning"', topics: ['Vision & Language'], code: true };
		const search = stateToSearch(state);
		expect(search).toBe('?q=in-context+%26+%22learning%22&topic=Vision+%26+Language&code=yes');
		expect(parseSearchState(search)).toEqual(state);
	});

	test('an empty state has no query string', () => {
		expect(stateToSearch({ q: '  ', topics: [], code: false })).toBe('');
	});

	test('a search typed, submitted or filtered gets one history entry; an empty page none', () => {
		// The first pause in typing after a search starts an entry; later pauses replace it.
		expect(historyStep('typed', false, '?q=speech', '?q=mod')).toBe('push');
		expect(historyStep('typed', true, '?q=mod', '?q=model')).toBe('replace');
		// Enter keeps the entry typing made, or makes one for a query typed faster than a pause.
		expect(historyStep('submitted', true, '?q=model', '?q=model')).toBe('replace');
		expect(historyStep('submitted', false, '?q=speech', '?q=model')).toBe('push');
		// A filter is a step of its own, after typing too.
		expect(historyStep('filtered', true, '?q=model', '?q=model&code=yes')).toBe('push');
		expect(historyStep('filtered', false, '?q=model&code=yes', '?q=model')).toBe('push');
		// The empty page, or the same search again, is replaced.
		expect(historyStep('typed', false, '', '?q=m')).toBe('replace');
		expect(historyStep('filtered', false, '?utm_source=x', '?code=yes')).toBe('replace');
		expect(historyStep('submitted', false, '?q=model', '?q=model')).toBe('replace');
		// The same search written otherwise in the address bar is the same search.
		expect(historyStep('submitted', false, '?q=deep%20learning', '?q=deep+learning')).toBe(
			'replace',
		);
		expect(historyStep('submitted', false, '?code=yes&q=x&utm_source=y', '?q=x&code=yes')).toBe(
			'replace',
		);
	});

	test('a topic the page offers no box for is dropped from the state', () => {
		const state = { q: 'model', topics: ['Speech', 'Nonexistent'], code: true };
		expect(offeredState(state, ['Speech', 'Vision'])).toEqual({ ...state, topics: ['Speech'] });
		expect(stateToSearch(offeredState(state, []))).toBe('?q=model&code=yes');
	});
});

describe('search terms', () => {
	test.each([
		['2505.18092', '2505.18092'],
		['arXiv:2505.18092v2', '2505.18092'],
		[' arxiv: 2505.18092 ', '2505.18092'],
		['https://arxiv.org/abs/2505.18092v1', '2505.18092'],
		['https://arxiv.org/pdf/2505.18092.pdf', '2505.18092'],
		['hep-th/9901001v3', 'hep-th/9901001'],
		['math.GT/0309136', 'math.GT/0309136'],
		['arXiv papers on 2505.18092', 'arXiv papers on 2505.18092'],
		['graph neural', 'graph neural'],
		['doi:10.1103/PhysRevD.76.013009', '10.1103/PhysRevD.76.013009'],
		['https://doi.org/10.1364/JOSAA.23.002578', '10.1364/JOSAA.23.002578'],
		['https://dx.doi.org/10.1000%2Fxyz', '10.1000/xyz'],
		['10.1103/PhysRevD.76.013009', '10.1103/PhysRevD.76.013009'],
		// Pagefind indexes a word without `<` and `>`, and would search for `&lt;` and `&gt;`.
		[
			'10.1002/(SICI)1097-4636(199706)35:4<433::AID-JBM5>3.0.CO;2-H',
			'10.1002/(SICI)1097-4636(199706)35:4433::AID-JBM53.0.CO;2-H',
		],
		['https://doi.org/10.1000/abc%3Cdef%3E', '10.1000/abcdef'],
		['a <b> tag', 'a b tag'],
		// Addresses pasted without their scheme.
		['arxiv.org/abs/2505.18092', '2505.18092'],
		['www.arxiv.org/abs/2505.18092v3', '2505.18092'],
		['export.arxiv.org/pdf/2505.18092', '2505.18092'],
		['doi.org/10.1103/PhysRevD.76.013009', '10.1103/PhysRevD.76.013009'],
		['dx.doi.org/10.1103/PhysRevD.76.013009', '10.1103/PhysRevD.76.013009'],
		// Ligatures and full-width letters of a copy from a PDF are read as plain letters…
		['\uFB01ne-tuning of \uFB02ows', 'fine-tuning of flows'],
		['\uFF27\uFF30\uFF34-4\u00A0model', 'GPT-4 model'],
		// …but the superscripts, subscripts and letters the site's own text writes stay.
		['x² loss, ℓ₁ norm', 'x² loss, ℓ₁ norm'],
		// Decomposed accents (macOS file names, some PDFs) are composed, as in the index.
		['Bala\u0301zs', 'Balázs'],
	])('%s searches for %s', (q, terms) => {
		expect(searchTerms(q)).toBe(terms);
	});

	test.each([
		['$\\kappa=0.742$', 'κ=0.742'],
		['$\\infty$-LLMs', '∞-LLMs'],
		['Schr\\"odinger bridges', 'Schrödinger bridges'],
		['$\\mathrm{SpeechT5}$', 'SpeechT5'],
		// A lone dollar is no formula; without a dollar or backslash math-text.ts is not loaded.
		['cost $5', 'cost $5'],
		['graph neural', 'graph neural'],
		['arXiv:2505.18092', '2505.18092'],
	])('TeX in %s is read as in titles: %s', async (q, terms) => {
		expect(await readSearchTerms(q)).toBe(terms);
	});
});

describe('arXiv ids and DOIs', () => {
	test.each([
		['2503.12345v2', { kind: 'arxiv', id: '2503.12345' }],
		['https://arxiv.org/abs/0704.0001', { kind: 'arxiv', id: '0704.0001' }],
		['hep-th/9901001', { kind: 'arxiv', id: 'hep-th/9901001' }],
		// The ingest's form of an id (src/lib/arxiv-id.ts): an archive with a subject class.
		['cond-mat.mes-hall/0101001', { kind: 'arxiv', id: 'cond-mat.mes-hall/0101001' }],
		['10.1103/PhysRevD.76.013010', { kind: 'doi', id: '10.1103/PhysRevD.76.013010' }],
		['doi.org/10.1000%2Fxyz', { kind: 'doi', id: '10.1000/xyz' }],
		// Not ids: words around one, a number whose first digits are no month, a phrase.
		['arXiv papers on 2505.18092', undefined],
		['2048.1234', undefined],
		['2513.12345', undefined],
		['chain of thought', undefined],
	])('%s is %o', (q, ref) => {
		expect(paperRef(q)).toEqual(ref);
	});

	/** A result whose hidden ids paragraph holds `ids` (Pagefind ends the block with a dot). */
	const result = (ids: string, fail = false) => {
		const content = `A title. Abstract words here. ${ids}.`;
		const data: ExcerptSource = {
			content,
			locations: [],
			weighted_locations: [],
			anchors: [
				{ id: 'paper-title', location: 0, text: 'A title' },
				{ id: 'abstract', location: 2 },
				{ id: 'paper-ids', location: 5 },
			],
		};
		const r = {
			loads: 0,
			ids,
			data: () => {
				r.loads++;
				return fail ? Promise.reject(new Error('404')) : Promise.resolve(data);
			},
		};
		return r;
	};

	test('keeps the results that carry the id, in order, any case, the block dot aside', async () => {
		const found = [
			result('2503.12345'),
			result('0704.0001 10.1103/PhysRevD.76.013009 Klopotek'),
			result('2503.12345 10.1/x'),
		];
		const arxiv = await keepCarrying(found, { kind: 'arxiv', id: '2503.12345' });
		expect(arxiv.map((r) => r.ids)).toEqual(['2503.12345', '2503.12345 10.1/x']);
		const doi = await keepCarrying(found, { kind: 'doi', id: '10.1103/physrevd.76.013009' });
		expect(doi.map((r) => r.ids)).toEqual(['0704.0001 10.1103/PhysRevD.76.013009 Klopotek']);
		// A part of an id is not the id.
		expect(await keepCarrying(found, { kind: 'arxiv', id: '2503.1234' })).toEqual([]);
		// A paper stored with its version carries the id (paperRef drops a typed version).
		const versioned = [result('2504.00001v2')];
		expect(await keepCarrying(versioned, paperRef('2504.00001v2')!)).toEqual(versioned);
		expect(await keepCarrying(versioned, paperRef('arXiv:2504.00001')!)).toEqual(versioned);
	});

	test('checks a batch at a time, up to the first batch with a result that does not carry it', async () => {
		const found = [
			...Array.from({ length: 3 }, () => result('0704.0001')),
			result('0704.0002'),
			...Array.from({ length: 4 }, () => result('0704.0001')),
		];
		const kept = await keepCarrying(found, { kind: 'arxiv', id: '0704.0001' }, 2);
		expect(kept).toEqual(found.slice(0, 3));
		expect(found.map((r) => r.loads)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
	});

	test('a result whose data fails to load is kept unchecked, and ends the check', async () => {
		const found = [
			result('0704.0001'),
			result('?', true),
			result('0704.0009'),
			result('0704.0001'),
		];
		const kept = await keepCarrying(found, { kind: 'arxiv', id: '0704.0001' }, 3);
		expect(kept).toEqual(found.slice(0, 2));
		expect(found[3]!.loads).toBe(0);
	});

	test('no paper with the id says so, naming it', () => {
		expect(noPaperWith({ kind: 'arxiv', id: '2109.00859' }, false)).toBe(
			'No paper with arXiv id 2109.00859 on this site.',
		);
		expect(noPaperWith({ kind: 'doi', id: '10.1/x' }, true)).toBe(
			'No paper with DOI 10.1/x matches these filters. Clear the filters to search the whole site.',
		);
	});
});

describe('quoted phrases', () => {
	test('without the quotes, the words remain', () => {
		expect(withoutQuotes('"chain of thought" prompting')).toBe('chain of thought prompting');
		expect(withoutQuotes('""')).toBe('');
	});
});

describe('Pagefind filters', () => {
	test('topics are any-of, code is required only when chosen', () => {
		expect(stateToFilters({ q: '', topics: ['A', 'B'], code: true })).toEqual({
			topic: { any: ['A', 'B'] },
			code: 'yes',
		});
		expect(stateToFilters({ q: 'x', topics: [], code: false })).toEqual({});
	});
});

describe('keyboard movement', () => {
	test('down from the input enters the list, up from the first result returns to it', () => {
		expect(moveFocus(-1, 1, 3)).toBe(0);
		expect(moveFocus(0, -1, 3)).toBe(-1);
		expect(moveFocus(1, 1, 3)).toBe(2);
	});
	test('does not wrap at the ends, and stays on the input without results', () => {
		expect(moveFocus(2, 1, 3)).toBe(2);
		expect(moveFocus(-1, -1, 3)).toBe(-1);
		expect(moveFocus(-1, 1, 0)).toBe(-1);
	});
});

describe('excerpts', () => {
	test('keeps highlight marks and shows any other tag as text', () => {
		expect(safeExcerpt('a <mark>speech</mark> <script>x</script> <img onerror=y>')).toBe(
			'a <mark>speech</mark> &lt;script>x&lt;/script> &lt;img onerror=y>',
		);
	});
	test('excerpts come from the abstract, around its densest matches', () => {
		// A page as Pagefind indexes it: short name, title, abstract, keywords, ids.
		const words = [
			'SpeechT5.',
			'SpeechT5:',
			'Unified',
			'speech',
			'Model.',
			...'we study speech and text with a <b> tag &amp;'.split(' '),
			...Array.from({ length: 30 }, (_, i) => `w${i}`),
			'speech',
			'end.',
			'speech',
			'recognition',
			'2203.00001',
		];
		const at = (w: string, from = 0): number => words.indexOf(w, from);
		const kw = words.length - 3;
		const source = (hits: number[]): ExcerptSource => ({
			content: words.join(' '),
			locations: hits,
			weighted_locations: hits.map((location) => ({
				location,
				balanced_score: location < 5 ? 100 : 1,
			})),
			anchors: [
				{ id: 'paper-title', location: 1 },
				{ id: 'abstract', location: 5 },
				{ id: 'keywords', location: kw },
				{ id: 'paper-ids', location: words.length - 1 },
			],
		});
		// The title's heavier matches are passed over: the words shown are the abstract's.
		const speech = [at('speech'), at('speech', 6), at('speech', 20), kw];
		const ex = abstractExcerpt(source(speech), 8)!;
		expect(ex).toBe('study <mark>speech</mark> and text with a &lt;b&gt; tag');
		// Every character is text: a literal entity too.
		expect(abstractExcerpt(source(speech), 9)).toBe(
			'study <mark>speech</mark> and text with a &lt;b&gt; tag &amp;amp;',
		);
		// Only the title or the keywords matched: the abstract's opening, nothing marked.
		expect(abstractExcerpt(source([0, 1, kw]), 4)).toBe('we study speech and');
		// A match deep in the abstract is centred, and the excerpt stops at the keywords.
		const late = at('speech', 20);
		expect(abstractExcerpt(source([late]), 4)).toBe('w28 w29 <mark>speech</mark> end.');
		expect(abstractExcerpt(source([late]), 100)!.split(' ')).toHaveLength(kw - 5);
	});
	test('without an abstract anchor or in zero-width-space text, Pagefind’s excerpt stands', () => {
		const base = { locations: [], weighted_locations: [] };
		expect(abstractExcerpt({ ...base, content: 'a b', anchors: [] })).toBeUndefined();
		expect(
			abstractExcerpt({
				...base,
				content: '中\u200B文',
				anchors: [{ id: 'abstract', location: 0 }],
			}),
		).toBeUndefined();
	});
	test('leaves Pagefind’s own escapes alone', () => {
		expect(safeExcerpt('x &lt;b&gt; <mark>y</mark>')).toBe('x &lt;b&gt; <mark>y</mark>');
	});
});

describe('words that match nothing', () => {
	test('are checked for queries of several words, not phrases, ids or numbers', () => {
		expect(queryWords('difusion models')).toEqual(['difusion', 'models']);
		expect(queryWords('Diffusion diffusion  models of 3D')).toEqual(['diffusion', 'models']);
		expect(queryWords('diffusion')).toEqual([]);
		expect(queryWords('"chain of thought" reasoning')).toEqual([]);
		expect(queryWords('a b c d e f g h i j k l m n o p q r s')).toEqual([]);
		expect(queryWords('one two three four five six seven eight')).toHaveLength(6);
	});
	test('are named in the status line', () => {
		expect(unmatchedNote([])).toBe('');
		expect(unmatchedNote(['difusion'])).toBe(
			' No paper has “difusion”: these are for the other words.',
		);
		expect(unmatchedNote(['a1x', 'b2y', 'c3z'])).toBe(
			' No paper has “a1x”, “b2y” and “c3z”: these are for the other words.',
		);
	});
});

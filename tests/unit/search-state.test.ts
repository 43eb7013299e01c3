import { describe, expect, test } from 'vitest';
import {
	moveFocus,
	parseSearchState,
	safeExcerpt,
	searchTerms,
	withoutRepeatedName,
	stateToFilters,
	stateToSearch,
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
	])('%s searches for %s', (q, terms) => {
		expect(searchTerms(q)).toBe(terms);
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
	test('the short name that opens a page is not repeated before its title', () => {
		// Excerpts as Pagefind builds them from the page's start (kicker, then the title).
		expect(
			withoutRepeatedName('<mark>CodeT5.</mark> <mark>CodeT5:</mark> Identifier-aware …', 'CodeT5'),
		).toBe('<mark>CodeT5:</mark> Identifier-aware …');
		expect(withoutRepeatedName('Mamba 2. Mamba 2: Linear <mark>time</mark> …', 'Mamba 2')).toBe(
			'Mamba 2: Linear <mark>time</mark> …',
		);
		expect(withoutRepeatedName('A&lt;B&gt;. A&lt;B&gt;: x', 'A<B>')).toBe('A&lt;B&gt;: x');
		// Anywhere else, or another name, it stays.
		for (const [excerpt, name] of [
			['… uses CodeT5. CodeT5: is cited', 'CodeT5'],
			['CodeT5. Other title', 'CodeT5'],
			['CodeT5. CodeT5: x', undefined],
		] as const)
			expect(withoutRepeatedName(excerpt, name)).toBe(excerpt);
	});
	test('leaves Pagefind’s own escapes alone', () => {
		expect(safeExcerpt('x &lt;b&gt; <mark>y</mark>')).toBe('x &lt;b&gt; <mark>y</mark>');
	});
});

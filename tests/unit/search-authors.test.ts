import { describe, expect, test } from 'vitest';
import { authorsLine } from '../../src/scripts/search-authors.ts';
import type { ExcerptSource } from '../../src/scripts/search-state.ts';

/**
 * A result as Pagefind returns it: title, authors, abstract and the hidden ids paragraph (`ids`,
 * if any) as one text (each block ended by a dot unless it ends with punctuation), the anchors at
 * their first word, `hits` the matched words' positions.
 */
function result(
	title: string,
	authors: string,
	abstract: string,
	hits: string[],
	ids = '',
): ExcerptSource {
	const dot = (s: string): string => (/[.?!,;:]$/.test(s) ? s : `${s}.`);
	const blocks = [title, ...(authors ? [authors] : []), abstract, ...(ids ? [ids] : [])].map(dot);
	const content = blocks.join(' ');
	const words = content.split(/\s+/);
	const titleWords = title.split(/\s+/).length;
	const authorWords = authors ? authors.split(/\s+/).length : 0;
	const locations = words.flatMap((w, i) =>
		hits.some((h) => w.replace(/[.,]+$/, '') === h) ? [i] : [],
	);
	return {
		content,
		locations,
		weighted_locations: locations.map((location) => ({ location, balanced_score: 1 })),
		anchors: [
			{ id: 'paper-title', location: 0, text: title },
			{ id: 'abstract', location: titleWords + authorWords },
			...(ids ? [{ id: 'paper-ids', location: words.length - ids.split(/\s+/).length }] : []),
		],
	};
}

const NAMES = 'B. Lanzoni, E. Dalessandro, F.R. Ferraro, C. Mancini, G. Beccari, S. Sigurdsson';
const LINE = 'B. Lanzoni, E. Dalessandro, F.R. Ferraro and 3 more';

describe('search result authors line', () => {
	test('no authors metadata: no line', () => {
		expect(authorsLine(result('A title', '', 'Text.', []), undefined)).toEqual([]);
	});

	test('no author matched: the metadata as it is', () => {
		const r = result('Blue stragglers in M5', NAMES, 'We study stragglers.', ['stragglers']);
		expect(authorsLine(r, LINE)).toEqual([{ text: LINE }]);
	});

	test('a matched name among the first is marked, its comma left outside', () => {
		const r = result('Blue stragglers in M5', NAMES, 'We study them.', ['Dalessandro']);
		expect(authorsLine(r, LINE)).toEqual([
			{ text: 'B. Lanzoni, E. ' },
			{ text: 'Dalessandro', mark: true },
			{ text: ', F.R. Ferraro and 3 more' },
		]);
	});

	test('a matched author past the first ones is named after the line (the last: no block dot)', () => {
		const r = result('Blue stragglers in M5', NAMES, 'We study them.', ['Sigurdsson']);
		expect(authorsLine(r, LINE)).toEqual([
			{ text: `${LINE}, including S. ` },
			{ text: 'Sigurdsson', mark: true },
		]);
	});

	test('at most two matched authors are named after the line, the others counted', () => {
		const names = 'A Wu, B Li, C Li, D Li, E Li, F Li, G Li, H Xu';
		const r = result('A paper', names, 'Text.', ['Li']);
		expect(authorsLine(r, 'A Wu, B Li, C Li and 5 more')).toEqual([
			{ text: 'A Wu, B ' },
			{ text: 'Li', mark: true },
			{ text: ', C ' },
			{ text: 'Li', mark: true },
			{ text: ' and 5 more, including D ' },
			{ text: 'Li', mark: true },
			{ text: ', E ' },
			{ text: 'Li', mark: true },
			{ text: ' and 2 others' },
		]);
	});

	test('a name typed in plain letters, matched among the ids, marks the name it stands for', () => {
		const names =
			'Mieczysław A. Kłopotek, Sławomir T. Wierzchoń, B. Starosta, D. Czerski, P. Borkowski';
		const ids = '2504.12360 Mieczyslaw Klopotek Slawomir';
		const line = 'Mieczysław A. Kłopotek, Sławomir T. Wierzchoń, B. Starosta and 2 more';
		const r = result('Spectral clustering', names, 'Text.', ['Klopotek'], ids);
		expect(authorsLine(r, line)).toEqual([
			{ text: 'Mieczysław A. ' },
			{ text: 'Kłopotek', mark: true },
			{ text: ', Sławomir T. Wierzchoń, B. Starosta and 2 more' },
		]);
		// The last word of the paragraph carries Pagefind's block dot.
		const last = result('Spectral clustering', names, 'Text.', ['Slawomir'], ids);
		expect(authorsLine(last, line).filter((p) => p.mark)).toEqual([
			{ text: 'Sławomir', mark: true },
		]);
	});

	test('"et al." and initials keep their dots; a matched initial is marked without it', () => {
		const r = result('Title?', 'F. Aharonian, A. G. Akhperjanian et al.', 'Text.', ['F']);
		expect(authorsLine(r, 'F. Aharonian, A. G. Akhperjanian et al.')).toEqual([
			{ text: 'F', mark: true },
			{ text: '. Aharonian, A. G. Akhperjanian et al.' },
		]);
	});

	test('a page text that does not name the same first authors leaves the line as it is', () => {
		const r = result('A paper', 'X. Other, Y. Name', 'Text.', ['Other']);
		expect(authorsLine(r, 'A. One, B. Two')).toEqual([{ text: 'A. One, B. Two' }]);
		// Nor without the anchors it reads the names between.
		const bare = { ...r, anchors: [] };
		expect(authorsLine(bare, 'X. Other, Y. Name')).toEqual([{ text: 'X. Other, Y. Name' }]);
	});

	test('names stay text: markup in a name is a plain run', () => {
		const r = result('A paper', '<img src=x onerror=alert(1)>, B. Two', 'Text.', ['Two']);
		const parts = authorsLine(r, '<img src=x onerror=alert(1)>, B. Two');
		expect(parts).toEqual([
			{ text: '<img src=x onerror=alert(1)>, B. ' },
			{ text: 'Two', mark: true },
		]);
	});
});

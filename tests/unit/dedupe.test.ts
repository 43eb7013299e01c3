/** Duplicates: which records are one paper, and which papers under one title are said. */
import { describe, expect, test } from 'vitest';
import {
	mergeByKey,
	SAME_ABSTRACT_MIN,
	sameTitleWarnings,
	textKeys,
} from '../../scripts/ingest/dedupe.ts';
import type { RawRecord } from '../../scripts/ingest/types.ts';

const ABSTRACT =
	'We study a problem that matters to many people. Our method improves on prior work by a wide margin on three benchmarks.';
/** An abstract of more than SAME_ABSTRACT_MIN letters and digits. */
const LONG = `${ABSTRACT} ${ABSTRACT} ${ABSTRACT} ${ABSTRACT}`;

const record = (title: string, abstract: string, arxivId?: string): RawRecord => ({
	title,
	abstract,
	source: { file: 's.jsonl', line: 1 },
	date: '2025-03-18',
	rank: 1,
	...(arxivId ? { arxivId } : {}),
});

/**
 * Merges records as the ingest does (with their text keys, keyed by title and abstract); the
 * groups are given as the records' 1-based places in the list.
 */
const merge = (records: RawRecord[]) => {
	const { merged, duplicates } = mergeByKey(
		records.map((r, i) => ({ ...r, ...textKeys(r), place: i + 1 })),
		(r) => r.key,
	);
	return { groups: merged.map((m) => m.records.map((r) => r.place)), duplicates };
};

describe('textKeys', () => {
	test('TeX and Unicode writings of one text are the same: accents, commands, dashes, quotes', () => {
		const tex = textKeys(
			record(
				"Caf\\'e Culture",
				"We study Bal\\'azs's caf\\'e \\emph{data}, 2020--2021, ``quoted'' and na\\\"ive views.",
			),
		);
		const unicode = textKeys(
			record('Café Culture', 'We study Balázs’s café data, 2020–2021, “quoted” and naïve views.'),
		);
		expect(unicode.key).toBe(tex.key);
		expect(unicode.titleHash).toBe(tex.titleHash);
		// Letters still count: a different word is a different text.
		expect(textKeys(record('Cafe Culture', 'We study Balazs’s cafe dates.')).key).not.toBe(
			unicode.key,
		);
	});

	test('TeX and Unicode writings of symbols and Greek letters are the same: ×, α, ≤', () => {
		for (const [tex, unicode] of [
			['A 6.13$\\times$ speedup', 'A 6.13× speedup'],
			['$\\alpha$-Net: Nets', 'α-Net: Nets'],
			['Error $\\leq$ 0.1 at most', 'Error ≤ 0.1 at most'],
		]) {
			const a = textKeys(record(tex!, `${ABSTRACT} ${tex!}`));
			const b = textKeys(record(unicode!, `${ABSTRACT} ${unicode!}`));
			expect([b.key, b.titleHash]).toEqual([a.key, a.titleHash]);
		}
		// Letters and digits beside them still count.
		expect(textKeys(record('A 6.14× speedup', ABSTRACT)).titleHash).not.toBe(
			textKeys(record('A 6.13× speedup', ABSTRACT)).titleHash,
		);
	});

	test('a Greek letter or a macro is what a text says: two papers apart by one stay apart', () => {
		const key = (title: string) => textKeys(record(title, `${ABSTRACT} ${title}`));
		for (const [a, b] of [
			['Bounds for $\\alpha$-stable processes', 'Bounds for $\\beta$-stable processes'],
			['Bounds for α-stable processes', 'Bounds for β-stable processes'],
			['Bounds for $\\alpha$-stable processes', 'Bounds for β-stable processes'],
			['\\method beats the baseline', '\\other beats the baseline'],
		])
			expect(key(b!).key, `${a} / ${b}`).not.toBe(key(a!).key);
		// Written in TeX or in Unicode, the same letters are the same text; formatting is markup.
		expect(key('Bounds for $\\Sigma$-$\\ell$ and \\emph{\\o}re').key).toBe(
			key('Bounds for Σ-ℓ and øre').key,
		);
		expect(key('Over $\\mathbb{R}$ with Sch\\"{o}n').key).toBe(key('Over ℝ with Schön').key);
		expect(key('Gar\\c{c}on, \\aa{}ngstr\\"om and na\\"{\\i}ve \\textsc{Tex}').key).toBe(
			key('Garçon, ångström and naïve Tex').key,
		);
	});

	test('case, spacing, ASCII punctuation and invisible characters aside, a text is the same', () => {
		const a = textKeys(record('FooNet: A Net', ABSTRACT));
		const b = textKeys(
			record('foonet a\u200bnet', `  ${ABSTRACT.toUpperCase().replace(/\./g, '')}\n`),
		);
		expect(b.key).toBe(a.key);
		expect(b.titleHash).toBe(a.titleHash);
		expect(textKeys(record('FooNet: A Net', `${ABSTRACT} More.`)).key).not.toBe(a.key);
		expect(textKeys(record('FooNets: A Net', ABSTRACT)).titleHash).not.toBe(a.titleHash);
	});

	test('the abstract alone is a key only when long enough, with or without an arXiv id', () => {
		expect(LONG.replace(/[^A-Za-z0-9]/g, '').length).toBeGreaterThanOrEqual(SAME_ABSTRACT_MIN);
		expect(textKeys(record('T', ABSTRACT)).abstractKey).toBeUndefined();
		// Letters and digits are counted, not spaces or punctuation: 300 of them are enough.
		const letters = (n: number) => `${'a, '.repeat(n)}.`;
		expect(textKeys(record('T', letters(SAME_ABSTRACT_MIN))).abstractKey).toBeDefined();
		expect(textKeys(record('T', letters(SAME_ABSTRACT_MIN - 1))).abstractKey).toBeUndefined();
		const long = textKeys(record('T', LONG)).abstractKey;
		expect(long).toMatch(/^abstract:/);
		expect(textKeys(record('Edited T', LONG)).abstractKey).toBe(long);
		// arXiv retitles a paper and keeps its abstract: the record with an id has the key too.
		expect(textKeys(record('Retitled T', LONG, '2503.00001v2')).abstractKey).toBe(long);
	});
});

describe('mergeByKey', () => {
	test('the same arXiv id joins, whatever the version, text and order', () => {
		expect(
			merge([
				record('One', ABSTRACT, '2503.00001'),
				record('Two', `${ABSTRACT} Two.`),
				record('One, revised', 'Else.', '2503.00001v2'),
			]),
		).toEqual({ groups: [[1, 3], [2]], duplicates: 1 });
	});

	test('the same title and abstract join a record without an id to one with an id', () => {
		expect(merge([record('One', ABSTRACT), record('One', ABSTRACT, '2503.00001')])).toEqual({
			groups: [[1, 2]],
			duplicates: 1,
		});
	});

	test('the same text never joins two arXiv ids: those are two papers', () => {
		expect(
			merge([
				record('Comment on X', ABSTRACT, '2503.00001'),
				record('Comment on X', ABSTRACT, '2503.00002'),
				record('Comment on X', ABSTRACT),
			]).groups,
		).toEqual([[1, 3], [2]]);
	});

	test('a record with the text of one group and the id of another joins the two', () => {
		// A trending copy of v2's text, v1 in one dump, v2 in another.
		expect(
			merge([
				record('New', `${ABSTRACT} v2.`),
				record('Old', ABSTRACT, '2503.00001'),
				record('New', `${ABSTRACT} v2.`, '2503.00001v2'),
			]),
		).toEqual({ groups: [[1, 2, 3]], duplicates: 2 });
	});

	test('a long abstract joins an edited title; a short one, or two ids, do not', () => {
		expect(
			merge([
				record('Representation learning', LONG),
				record('Representations learning', LONG),
				record('Short one', ABSTRACT),
				record('Short ones', ABSTRACT),
			]).groups,
		).toEqual([[1, 2], [3], [4]]);
		// Parts of a series share an abstract (0704.0026 and 0704.0112): copies of each without
		// their ids join their own part, and the abstract does not join the two parts.
		expect(
			merge([
				record('Part II', LONG, '0704.0026'),
				record('Part III', LONG, '0704.0112'),
				record('Part II', LONG),
				record('Part III', LONG),
			]).groups,
		).toEqual([
			[1, 3],
			[2, 4],
		]);
	});

	test('a long abstract joins a copy without an id to the record arXiv retitled, in either order', () => {
		const listed = record('PredFormer: Transformers Are Effective Learners', LONG);
		const retitled = record('PredFormer: Video Prediction Transformers', LONG, '2503.10007v2');
		expect(merge([listed, retitled])).toEqual({ groups: [[1, 2]], duplicates: 1 });
		expect(merge([retitled, listed])).toEqual({ groups: [[1, 2]], duplicates: 1 });
	});

	test('an abstract two arXiv ids hold joins no copy to either, whatever the order', () => {
		// A copy of part III under an edited title: the abstract alone cannot say which part it is.
		const parts = [record('Part II', LONG, '0704.0026'), record('Part III', LONG, '0704.0112')];
		const edited = record('Part III, edited', LONG);
		expect(merge([...parts, edited]).groups).toEqual([[1], [2], [3]]);
		expect(merge([edited, ...parts]).groups).toEqual([[1], [2], [3]]);
		// Copies without an id still join each other on it, as they did.
		const again = record('Part III, edited again', LONG);
		expect(merge([...parts, edited, again]).groups).toEqual([[1], [2], [3, 4]]);
		expect(merge([edited, ...parts, again]).groups).toEqual([[1, 4], [2], [3]]);
	});
});

describe('sameTitleWarnings', () => {
	const paper = (title: string, summary: string, at: number) => ({
		title,
		titleHash: textKeys(record(title, summary)).titleHash,
		summary,
		source: { file: 'p.txt', line: at },
	});

	test('papers kept apart under one title are said at the later one, naming both addresses', () => {
		const papers = [
			paper('MultiMend: Repair', 'One.', 5),
			paper('Other', 'Else.', 7),
			paper('Multimend: repair', 'Two.', 9),
		];
		expect(sameTitleWarnings(papers, [undefined, undefined, undefined], ['a', 'b', 'c'])).toEqual([
			{
				file: 'p.txt',
				line: 9,
				message:
					'the title "Multimend: repair" is also at content/sources/p.txt:5, with a different abstract: kept as two papers, a there and c here',
				hint: 'if the two are one paper, give both the same abstract and they merge; if two, nothing needs doing',
			},
		]);
		// The same text read, from records written so differently that they did not merge, is
		// still said (it was silent): two pages of one paper.
		const same = [paper('Cafe', 'Same.', 3), paper('Café', 'Same.', 8)];
		expect(sameTitleWarnings(same, [undefined, undefined], ['a', 'b'])).toEqual([
			{
				file: 'p.txt',
				line: 8,
				message:
					'the title "Café" is also at content/sources/p.txt:3, with the same abstract written differently: kept as two papers, a there and b here',
				hint: 'the two are one paper: write their TeX the same way in both sources (or the same Unicode) and they merge',
			},
		]);
		// The earlier place is in the sources folder the operator named, as the warning's own is.
		expect(
			sameTitleWarnings(same, [undefined, undefined], ['a', 'b'], '../dumps/').map(
				(w) => w.message,
			),
		).toEqual([
			'the title "Café" is also at ../dumps/p.txt:3, with the same abstract written differently: kept as two papers, a there and b here',
		]);
		// One id is not enough to tell them apart; two are.
		expect(
			sameTitleWarnings(papers, ['2503.00001', undefined, undefined], ['a', 'b', 'c']),
		).toHaveLength(1);
		expect(
			sameTitleWarnings(papers, ['2503.00001', undefined, '2503.00002'], ['a', 'b', 'c']),
		).toEqual([]);
	});
});

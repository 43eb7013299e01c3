import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateCorpus, loadMaterial } from '../../scripts/bench/corpus.ts';
import { readTopicsYaml } from '../../scripts/ingest/topics/topics-yaml.ts';
import { prepareRun } from '../../scripts/ingest/build-papers.ts';
import { MAX_GROUP_DEPTH } from '../../src/lib/latex-prose.ts';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { formatProblems } from '../../scripts/ingest/report.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { PaperSchema } from '../../src/schemas/paper.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const ABSTRACT =
	'We study a problem that matters to many people. Our method improves on prior work by a wide margin on three benchmarks, and we release code at https://github.com/o/r so that others can build on it.';
const jsonl = (...recs: Array<Record<string, unknown>>): string =>
	recs
		.map((r) =>
			JSON.stringify({ title: 'Title', abstract: ABSTRACT, update_date: '2025-03-18', ...r }),
		)
		.join('\n');
const page = (...pairs: Array<[string, string]>): string =>
	`new\n\nMar 18\n\n${pairs.map(([t, a]) => `${t}\n\n${a}`).join('\n\n')}\n`;

describe('ingest pipeline', () => {
	test('merges the same arXiv id from two sources into one entry recording both', () => {
		const r = ingest([
			{ name: 'a.jsonl', bytes: enc(jsonl({ id: '2504.00001', authors: 'A B' })) },
			{ name: 'b.jsonl', bytes: enc(jsonl({ id: '2504.00001v2', title: 'Title (v2)' })) },
		]);
		expect(r.errors).toEqual([]);
		expect(r.duplicates).toBe(1);
		expect(r.papers).toHaveLength(1);
		// The newer version is the page (primary first); the older record fills in the authors.
		expect(r.papers[0]!.sources).toEqual([
			{ file: 'b.jsonl', line: 1, date: '2025-03-18', rank: 1 },
			{ file: 'a.jsonl', line: 1, date: '2025-03-18' },
		]);
		expect(r.papers[0]).toMatchObject({
			title: 'Title (v2)',
			arxivId: '2504.00001v2',
			authors: ['A B'],
		});
	});

	test('a trending copy in Unicode of an arXiv record in TeX is one paper, recording both', () => {
		const r = ingest([
			{
				name: 'dump.jsonl',
				bytes: enc(
					jsonl({
						id: '2503.00042',
						title: "Caf\\'e Culture at Scale",
						abstract: "We study caf\\'e culture from 2020--2021 with ``quoted'' views.",
					}),
				),
			},
			{
				name: '2025-03-18-trending.txt',
				bytes: enc(
					page([
						'Café Culture at Scale',
						'We study café culture from 2020–2021 with “quoted” views.',
					]),
				),
			},
		]);
		expect(r.errors).toEqual([]);
		expect(r.papers).toHaveLength(1);
		expect(r.papers[0]!.sources.map((s) => s.file)).toEqual([
			'2025-03-18-trending.txt',
			'dump.jsonl',
		]);
	});

	test('the newest arXiv record of a paper gives its text and date, whichever file comes first', () => {
		const r = ingest([
			{
				name: 'a-new-dump.jsonl',
				bytes: enc(jsonl({ id: '2504.00001', title: 'New title', update_date: '2025-05-02' })),
			},
			{
				name: 'b-old-dump.jsonl',
				bytes: enc(jsonl({ id: '2504.00001', title: 'Old title', update_date: '2025-04-01' })),
			},
		]);
		expect(r.errors).toEqual([]);
		expect(r.papers.map((p) => [p.title, p.date])).toEqual([['New title', '2025-05-02']]);
	});

	test("merged records pool their code links: a trending copy gains its arXiv comment's repository", () => {
		const r = ingest([
			{ name: '2025-03-18-trending.txt', bytes: enc(page(['Title', ABSTRACT])) },
			{
				name: 'arxiv.jsonl',
				// The trending copy (the primary) has only the abstract's link.
				bytes: enc(jsonl({ id: '2503.11111', comments: 'Code: https://github.com/foo/foonet' })),
			},
		]);
		expect(r.errors).toEqual([]);
		expect(r.papers.map((p) => [p.slug, p.codeUrls])).toEqual([
			['2503.11111', ['https://github.com/o/r', 'https://github.com/foo/foonet']],
		]);
	});

	test('merges a trending paper with its arXiv record (same title and abstract), keeping the metadata', () => {
		const r = ingest([
			{ name: '2025-03-18-trending.txt', bytes: enc(page(['Title', ABSTRACT])) },
			{
				name: 'z.jsonl',
				bytes: enc(
					jsonl({ id: '2503.00009', authors: 'Ada Lovelace and Alan Turing', title: 'Title\n ' }),
				),
			},
		]);
		expect(r.papers).toHaveLength(1);
		expect(r.papers[0]).toMatchObject({
			slug: '2503.00009',
			arxivId: '2503.00009',
			authors: ['Ada Lovelace', 'Alan Turing'],
		});
	});

	test('being the same paper is transitive: v1, v2 and a trending copy of v2 are one paper', () => {
		const v1 = ABSTRACT.replace('three', 'two');
		const r = ingest([
			{ name: '2025-03-18-trending.txt', bytes: enc(page(['Title', ABSTRACT])) },
			// v1 sorts first and shares only the id; the trending copy shares only v2's text.
			{ name: 'a.jsonl', bytes: enc(jsonl({ id: '2501.00001v1', abstract: v1 })) },
			{ name: 'b.jsonl', bytes: enc(jsonl({ id: '2501.00001v2' })) },
		]);
		expect(r.errors).toEqual([]);
		expect(r.duplicates).toBe(2);
		expect(r.papers).toHaveLength(1);
		expect(r.papers[0]!.slug).toBe('2501.00001');
		expect(r.papers[0]!.sources.map((s) => s.file)).toEqual([
			'2025-03-18-trending.txt',
			'a.jsonl',
			'b.jsonl',
		]);
	});

	test('a paper listed on a trending page is dated by that listing, whatever the folders are named', () => {
		for (const [trending, arxiv] of [
			['trending/2025-03-18-trending.txt', 'arxiv/dump.jsonl'],
			['2025-03-18-trending.txt', 'a.jsonl'],
		]) {
			const r = ingest([
				{ name: trending!, bytes: enc(page(['Title', ABSTRACT])) },
				{ name: arxiv!, bytes: enc(jsonl({ id: '2109.00859v1', update_date: '2021-09-03' })) },
			]);
			expect(r.errors).toEqual([]);
			expect(r.papers.map((p) => [p.slug, p.date, p.sources[0]!.file])).toEqual([
				['2109.00859', '2025-03-18', trending],
			]);
		}
	});

	test("a code link only the comments give is a code URL of the paper, after the abstract's", () => {
		const r = ingest([
			{
				name: 'a.jsonl',
				bytes: enc(
					jsonl({
						id: '2505.21533',
						comments: 'Code at https://github.com/c/d and https://github.com/o/r.',
					}),
				),
			},
		]);
		expect(r.errors).toEqual([]);
		expect(r.papers[0]!.codeUrls).toEqual(['https://github.com/o/r', 'https://github.com/c/d']);
	});

	test('an author list ending in "et al." names some authors and says so', () => {
		const r = ingest([
			{ name: 'a.jsonl', bytes: enc(jsonl({ id: '0704.0133', authors: 'F. Aharonian, et al' })) },
			{
				name: 'b.jsonl',
				bytes: enc(jsonl({ id: '0704.0134', authors: 'A. B and C. D', title: 'Another' })),
			},
		]);
		expect(r.errors).toEqual([]);
		expect(r.papers.map((p) => [p.authors, p.moreAuthors])).toEqual([
			[['F. Aharonian'], true],
			[['A. B', 'C. D'], undefined],
		]);
		const entry = r.entries.get('0704.0133.mdx')!;
		expect(entry).toContain('\nmoreAuthors: true\n');
		expect(r.entries.get('0704.0134.mdx')).not.toContain('moreAuthors');
	});

	test('an arXiv id written with its "arXiv:" prefix is the same paper and slug', () => {
		const r = ingest([
			{ name: 'a.jsonl', bytes: enc(jsonl({ id: 'arXiv:2401.00001' })) },
			{ name: 'b.jsonl', bytes: enc(jsonl({ id: '2401.00001v2', abstract: `${ABSTRACT} v2` })) },
		]);
		expect(r.errors).toEqual([]);
		// v2 is the newer record: the paper names it.
		expect(r.papers.map((p) => [p.slug, p.arxivId])).toEqual([['2401.00001', '2401.00001v2']]);
	});

	test('the same paper copied with invisible characters (zero-width space, soft hyphen) is one paper', () => {
		const r = ingest([
			{ name: '2025-03-18-a.txt', bytes: enc(page(['FooNet: A Net', ABSTRACT])) },
			{
				name: '2025-03-19-b.txt',
				bytes: enc(page(['Foo\u200bNet: A Net', ABSTRACT.replace('problem', 'prob\u00adlem')])),
			},
		]);
		expect(r.errors).toEqual([]);
		expect(r.duplicates).toBe(1);
		expect(r.papers.map((p) => p.slug)).toEqual(['foonet']);
		// Alone, the copied one still gets the plain slug.
		const copied = ingest([
			{ name: '2025-03-19-b.txt', bytes: enc(page(['Foo\u200bNet: A Net', ABSTRACT])) },
		]);
		expect(copied.papers.map((p) => p.slug)).toEqual(['foonet']);
	});

	test('a trending paper that gains its arXiv record keeps its old address as a redirect', () => {
		const trending = {
			name: '2025-03-18-trending.txt',
			bytes: enc(page(['UNIT: Title', ABSTRACT])),
		};
		const before = ingest([trending]);
		expect(before.papers.map((p) => p.slug)).toEqual(['unit']);
		expect(before.entries.get('_redirects.json')).toBe('[]\n');
		const after = ingest([
			trending,
			{ name: 'z.jsonl', bytes: enc(jsonl({ id: '2503.00009v1', title: 'UNIT: Title' })) },
		]);
		expect(after.papers.map((p) => p.slug)).toEqual(['2503.00009']);
		expect(after.redirects).toEqual([{ from: 'unit', to: '2503.00009' }]);
		expect(JSON.parse(after.entries.get('_redirects.json')!)).toEqual(after.redirects);
		// Known from arXiv alone, a paper never had another address.
		const arxivOnly = ingest([
			{ name: 'z.jsonl', bytes: enc(jsonl({ id: '2503.00009v1', title: 'UNIT: Title' })) },
		]);
		expect(arxivOnly.redirects).toEqual([]);
	});

	test('a paper that moves keeps its former address from the papers that share its name', () => {
		const other = `${ABSTRACT} A different paper.`;
		const pages = [
			{ name: '2025-03-18-trending.txt', bytes: enc(page(['UNIT: Title', ABSTRACT])) },
			{ name: '2025-03-18-trending.txt', bytes: enc(page(['UNIT: Other', other])) },
		];
		const slugs = (r: ReturnType<typeof ingest>) =>
			Object.fromEntries(r.papers.map((p) => [p.title, p.slug]));
		const before = slugs(ingest(pages));
		expect(before).toEqual({
			'UNIT: Title': 'unit',
			'UNIT: Other': expect.stringMatching(/^unit-[0-9a-f]{6}$/),
		});
		const after = ingest([
			...pages,
			{ name: 'z.jsonl', bytes: enc(jsonl({ id: '2503.00009', title: 'UNIT: Title' })) },
		]);
		// The other paper keeps unit-<hash>: it does not take unit, which still leads to UNIT: Title.
		expect(slugs(after)).toEqual({
			'UNIT: Title': '2503.00009',
			'UNIT: Other': before['UNIT: Other'],
		});
		expect(after.redirects).toEqual([{ from: 'unit', to: '2503.00009' }]);
	});

	test('a listed paper keeps its place on its page, also after papers listed the day before', () => {
		const day = (date: string, titles: string[]): string =>
			`new\n\n${date}\n\n${titles.map((t) => `${t}\n\n${ABSTRACT} ${t}.`).join('\n\n')}\n`;
		const r = ingest([
			{ name: '2025-03-18-trending.txt', bytes: enc(day('Mar 18', ['Alpha', 'Beta'])) },
			// The 19th repeats both papers of the 18th first: Gamma is third on its page.
			{ name: '2025-03-18-trending.txt', bytes: enc(day('Mar 19', ['Beta', 'Alpha', 'Gamma'])) },
		]);
		expect(r.papers.map((p) => [p.title, p.date, p.rank])).toEqual([
			['Gamma', '2025-03-19', 3],
			['Alpha', '2025-03-18', 1],
			['Beta', '2025-03-18', 2],
		]);
		// Two pages of one day: the second counts on after the first (no two papers are #1).
		const two = ingest([
			{ name: '2025-03-18-a.txt', bytes: enc(day('Mar 18', ['Alpha', 'Beta'])) },
			{ name: '2025-03-18-b.txt', bytes: enc(day('Mar 18', ['Gamma', 'Delta'])) },
		]);
		expect(two.papers.map((p) => [p.title, p.rank])).toEqual([
			['Alpha', 1],
			['Beta', 2],
			['Gamma', 3],
			['Delta', 4],
		]);
	});

	test('every source records the day it lists the paper and its place on that day’s page', () => {
		const day = (date: string, titles: string[]): string =>
			`new\n\n${date}\n\n${titles.map((t) => `${t}\n\n${ABSTRACT} ${t}.`).join('\n\n')}\n`;
		const record = (id: string, title: string, updated: string) =>
			jsonl({ id, title, abstract: `${ABSTRACT} ${title}.`, update_date: updated });
		const r = ingest([
			{ name: '2025-03-18-trending.txt', bytes: enc(day('Mar 18', ['Alpha', 'Beta'])) },
			// The next day's page repeats both papers of the 18th, in another order.
			{ name: '2025-03-18-trending.txt', bytes: enc(day('Mar 19', ['Beta', 'Alpha', 'Gamma'])) },
			{
				name: 'new.jsonl',
				bytes: enc(
					[
						record('2503.00001v2', 'Alpha', '2025-03-20'),
						record('2503.00002', 'Beta', '2025-03-18'),
						record('2503.00009', 'Zeta', '2025-03-20'),
					].join('\n'),
				),
			},
			{ name: 'old.jsonl', bytes: enc(record('2503.00001', 'Alpha', '2025-03-10')) },
		]);
		expect(r.errors).toEqual([]);
		const of = (title: string) => r.papers.find((p) => p.title === title)!;
		// Dated and ranked by its first listing; on the 19th page second; on the 20th, the day
		// its newest arXiv record was updated, first of that day's records. The old dump's
		// update is not its record's last one: no place on the 10th.
		expect(of('Alpha')).toMatchObject({ date: '2025-03-18', rank: 1 });
		expect(of('Alpha').sources).toEqual([
			{ file: '2025-03-18-trending.txt', line: 5, date: '2025-03-18', rank: 1 },
			{ file: '2025-03-18-trending.txt', line: 9, date: '2025-03-19', rank: 2 },
			{ file: 'new.jsonl', line: 1, date: '2025-03-20', rank: 1 },
			{ file: 'old.jsonl', line: 1, date: '2025-03-10' },
		]);
		// Its arXiv record was updated the day it was first listed: one place on that day.
		expect(of('Beta').sources).toEqual([
			{ file: '2025-03-18-trending.txt', line: 9, date: '2025-03-18', rank: 2 },
			{ file: '2025-03-18-trending.txt', line: 5, date: '2025-03-19', rank: 1 },
			{ file: 'new.jsonl', line: 2, date: '2025-03-18' },
		]);
		expect(of('Gamma')).toMatchObject({
			date: '2025-03-19',
			rank: 3,
			sources: [{ file: '2025-03-18-trending.txt', line: 13, date: '2025-03-19', rank: 3 }],
		});
		// Known from arXiv alone, second on its day: Alpha's record is first.
		expect(of('Zeta')).toMatchObject({
			date: '2025-03-20',
			rank: 2,
			sources: [{ file: 'new.jsonl', line: 3, date: '2025-03-20', rank: 2 }],
		});
		// Each entry's frontmatter carries them (the schema validates them at the build too).
		const entry = r.entries.get(`${of('Gamma').slug}.mdx`)!;
		expect(splitFrontmatter(entry).data.sources).toEqual(of('Gamma').sources);
	});

	test('a trending page that lists a paper of a dump moves no paper on its arXiv day', () => {
		const dump = {
			name: 'x.jsonl',
			bytes: enc(
				['A', 'B', 'C']
					.map((t, i) =>
						jsonl({ id: `2503.0000${i + 1}`, title: t, abstract: `${ABSTRACT} ${t}.` }),
					)
					.join('\n'),
			),
		};
		const placesOn = (r: ReturnType<typeof ingest>, date: string) =>
			Object.fromEntries(
				r.papers.flatMap((p) =>
					p.sources.filter((s) => s.date === date).map((s) => [p.title, s.rank]),
				),
			);
		const before = ingest([dump]);
		const after = ingest([
			{ name: '2025-03-18-trending.txt', bytes: enc(`new\n\nMar 19\n\nC\n\n${ABSTRACT} C.\n`) },
			dump,
		]);
		expect(after.papers.find((p) => p.title === 'C')).toMatchObject({
			date: '2025-03-19',
			rank: 1,
		});
		expect(placesOn(after, '2025-03-18')).toEqual(placesOn(before, '2025-03-18'));
		expect(placesOn(after, '2025-03-18')).toEqual({ A: 1, B: 2, C: 3 });
	});

	test('two files listing the same day are warned about, naming both', () => {
		const text = enc(page(['Alpha', `${ABSTRACT} Alpha.`], ['Beta', `${ABSTRACT} Beta.`]));
		const r = ingest([
			{ name: '2025-03-18-trending.txt', bytes: text },
			// A browser's second download of the page.
			{ name: '2025-03-18-trending (1).txt', bytes: text },
			{
				name: '2025-03-18-trending.txt',
				bytes: enc(page(['Gamma', `${ABSTRACT} Gamma.`]).replace('Mar 18', 'Mar 19')),
			},
		]);
		expect(r.errors).toEqual([]);
		expect(r.warnings).toEqual([
			{
				file: '2025-03-18-trending.txt',
				line: 0,
				message:
					"lists 2025-03-18, as content/sources/2025-03-18-trending (1).txt does: the papers only it lists rank after that page's",
				hint: 'if one file is a copy of the other (a second download saved as "name (1).txt"), remove it; a day split over files is ranked in file name order',
			},
		]);
		// The copy's papers merge with the page's: the ranks are the page's own.
		expect(r.papers.map((p) => [p.title, p.rank])).toEqual([
			['Gamma', 1],
			['Alpha', 1],
			['Beta', 2],
		]);
		// The other file is named in the folder given with --sources, as the warning's own is.
		const elsewhere = ingest(
			[
				{ name: '2025-03-18-trending.txt', bytes: text },
				{ name: '2025-03-18-trending (1).txt', bytes: text },
			],
			{ sourcesFolder: '../dumps' },
		);
		expect(elsewhere.warnings.map((w) => w.message)).toEqual([
			"lists 2025-03-18, as ../dumps/2025-03-18-trending (1).txt does: the papers only it lists rank after that page's",
		]);
	});

	test('ranks count within the listing day, in source order', () => {
		const r = ingest([
			{
				name: 'x.jsonl',
				bytes: enc(
					jsonl(
						{ id: '2503.00001', title: 'A', update_date: '2025-03-18' },
						{ id: '2503.00002', title: 'B', update_date: '2025-03-19' },
						{ id: '2503.00003', title: 'C', update_date: '2025-03-18' },
					),
				),
			},
			{ name: '2025-03-18-trending.txt', bytes: enc(page(['D', `${ABSTRACT} D.`])) },
		]);
		// The page's date line says Mar 18; its file sorts before x.jsonl.
		expect(r.papers.map((p) => [p.title, p.date, p.rank])).toEqual([
			['B', '2025-03-19', 1],
			['D', '2025-03-18', 1],
			['A', '2025-03-18', 2],
			['C', '2025-03-18', 3],
		]);
	});

	test('a long abstract under an edited title is the same paper; a short one is not', () => {
		const long = `${ABSTRACT} ${ABSTRACT.replace('We study', 'We then study')}`;
		const r = ingest([
			{
				name: '2025-03-18-a.txt',
				bytes: enc(
					page(['TERA: Self-Supervised Learning of Transformer Encoder Representation', long]),
				),
			},
			{
				name: '2025-03-19-b.txt',
				bytes: enc(
					`new\n\nMar 19\n\nTERA: Self-Supervised Learning of Transformer Encoder Representations\n\n${long}\n`,
				),
			},
		]);
		expect(r.duplicates).toBe(1);
		expect(r.papers.map((p) => [p.title, p.date, p.sources.map((s) => s.file)])).toEqual([
			[
				'TERA: Self-Supervised Learning of Transformer Encoder Representation',
				'2025-03-18',
				['2025-03-18-a.txt', '2025-03-19-b.txt'],
			],
		]);
		// Two short abstracts alike ("We present X." and the like) may be two papers.
		const short = ingest([
			{ name: '2025-03-18-a.txt', bytes: enc(page(['One', ABSTRACT], ['Two', ABSTRACT])) },
		]);
		expect(short.papers).toHaveLength(2);
		// arXiv papers of a series share a long abstract: their ids keep them apart.
		const series = ingest([
			{
				name: 'x.jsonl',
				bytes: enc(
					jsonl(
						{ id: '0704.0026', title: 'Substructures II', abstract: long },
						{ id: '0704.0112', title: 'Substructures III', abstract: long },
					),
				),
			},
		]);
		expect(series.papers.map((p) => p.arxivId)).toEqual(['0704.0026', '0704.0112']);
		// Also when a trending page lists both under their titles, before the dump in file order:
		// each trending copy joins its own record, and the two records keep apart.
		const listed = ingest([
			{
				name: '2025-03-18-t.txt',
				bytes: enc(page(['Substructures II', long], ['Substructures III', long])),
			},
			{
				name: 'x.jsonl',
				bytes: enc(
					jsonl(
						{ id: '0704.0026', title: 'Substructures II', abstract: long },
						{ id: '0704.0112', title: 'Substructures III', abstract: long },
					),
				),
			},
		]);
		expect(listed.papers.map((p) => [p.arxivId, p.sources.length])).toEqual([
			['0704.0026', 2],
			['0704.0112', 2],
		]);
	});

	test('an arXiv record retitled with its abstract kept is the paper a trending page lists', () => {
		const long = `${ABSTRACT} ${ABSTRACT.replace('We study', 'We then study')}`;
		const r = ingest([
			{
				name: '2025-03-18-trending.txt',
				bytes: enc(
					page(['PredFormer: Transformers Are Effective Spatial-Temporal Learners', long]),
				),
			},
			{
				name: 'arxiv.jsonl',
				bytes: enc(
					jsonl({
						id: '2503.10007v2',
						title: 'PredFormer: Video Prediction Transformers without Recurrence or Convolution',
						abstract: long,
					}),
				),
			},
		]);
		expect(r.errors).toEqual([]);
		expect(r.duplicates).toBe(1);
		// Dated and titled by its listing; at its arXiv id, the listing's address redirecting.
		expect(r.papers.map((p) => [p.slug, p.title, p.sources.map((s) => s.file)])).toEqual([
			[
				'2503.10007',
				'PredFormer: Transformers Are Effective Spatial-Temporal Learners',
				['2025-03-18-trending.txt', 'arxiv.jsonl'],
			],
		]);
		expect(r.redirects).toEqual([{ from: 'predformer', to: '2503.10007' }]);
	});

	test('comments and journal references read their TeX as text, formulas as Unicode', () => {
		const r = ingest([
			{
				name: 'a.jsonl',
				bytes: enc(
					jsonl({
						id: '0704.0033',
						comments: 'correction in Eq.(96) [$\\mathbf{P}_i^s$ instead of $x^2$], Schr\\"odinger',
						'journal-ref': 'Nucl. Phys. B $\\mathbf{775}$ (2007) 1--36',
					}),
				),
			},
		]);
		expect(r.papers[0]!.comments).toBe('correction in Eq.(96) [Pᵢ^s instead of x²], Schrödinger');
		expect(r.papers[0]!.journalRef).toBe('Nucl. Phys. B 775 (2007) 1–36');
	});

	test("a paper's arXiv history comes from the record with the most versions", () => {
		const v = (n: number, day: string) => ({
			version: `v${n}`,
			created: `Mon, ${day} Apr 2007 10:00:00 GMT`,
		});
		const r = ingest([
			{ name: '2025-03-18-trending.txt', bytes: enc(page(['Title', ABSTRACT])) },
			{ name: 'a.jsonl', bytes: enc(jsonl({ id: '0704.0001v1', versions: [v(1, '2')] })) },
			{
				name: 'b.jsonl',
				bytes: enc(jsonl({ id: '0704.0001v3', versions: [v(1, '2'), v(2, '9'), v(3, '16')] })),
			},
		]);
		expect(r.errors).toEqual([]);
		expect(r.papers).toHaveLength(1);
		expect(r.papers[0]).toMatchObject({
			submitted: '2007-04-02',
			revised: '2007-04-16',
			version: 3,
		});
		expect(r.entries.get('0704.0001.mdx')).toContain(
			'submitted: "2007-04-02"\nrevised: "2007-04-16"\nversion: 3\n',
		);
	});

	test("a trending paper's arXiv metadata comes from its newest version, whichever file comes first", () => {
		const v1 = {
			id: '2503.10013v1',
			authors: 'Yue Wang, Weishi Wang',
			categories: 'cs.CL',
			comments: '13 pages',
			update_date: '2025-03-14',
			versions: [{ version: 'v1', created: 'Fri, 14 Mar 2025 10:00:00 GMT' }],
		};
		const v2 = {
			id: '2503.10013v2',
			authors: 'Yue Wang, Weishi Wang, Shafiq Joty, Steven C. H. Hoi',
			categories: 'cs.CL cs.PL cs.SE',
			comments: 'Accepted to EMNLP 2021; 14 pages',
			doi: '10.18653/v1/2021.emnlp-main.685',
			update_date: '2025-04-02',
			versions: [...v1.versions, { version: 'v2', created: 'Wed, 2 Apr 2025 10:00:00 GMT' }],
		};
		// The trending page is the primary; v1's dump sorts before v2's, then after it.
		for (const [first, second] of [
			[v1, v2],
			[v2, v1],
		]) {
			const r = ingest([
				{ name: '2025-03-18-trending.txt', bytes: enc(page(['Title', ABSTRACT])) },
				{ name: 'arxiv-a.jsonl', bytes: enc(jsonl(first!)) },
				{ name: 'arxiv-b.jsonl', bytes: enc(jsonl(second!)) },
			]);
			expect(r.errors).toEqual([]);
			expect(r.papers).toHaveLength(1);
			expect(r.papers[0]).toMatchObject({
				slug: '2503.10013',
				date: '2025-03-18',
				arxivId: '2503.10013v2',
				authors: ['Yue Wang', 'Weishi Wang', 'Shafiq Joty', 'Steven C. H. Hoi'],
				categories: ['cs.CL', 'cs.PL', 'cs.SE'],
				comments: 'Accepted to EMNLP 2021; 14 pages',
				doi: '10.18653/v1/2021.emnlp-main.685',
				revised: '2025-04-02',
				version: 2,
			});
			// Its sources stay in source order, the page first.
			expect(r.papers[0]!.sources.map((s) => s.file)).toEqual([
				'2025-03-18-trending.txt',
				'arxiv-a.jsonl',
				'arxiv-b.jsonl',
			]);
		}
	});

	test('arXiv papers with one title and abstract but two ids stay two papers', () => {
		// Withdrawn papers, errata and comments by different authors share title and abstract.
		const withdrawn = 'This paper has been withdrawn by the author due to an error.';
		const records = jsonl(
			{ id: '0704.1001', title: 'Erratum', abstract: withdrawn, authors: 'A. One' },
			{ id: '0704.1002', title: 'Erratum', abstract: withdrawn, authors: 'B. Two' },
			{ id: 'hep-th/0101001', title: 'Comment', abstract: withdrawn },
			{ id: 'hep-ph/0101001', title: 'Comment', abstract: withdrawn },
			{ id: '0704.1002v2', title: 'Erratum', abstract: withdrawn, authors: 'B. Two' },
		);
		const r = ingest([
			// A trending copy of the text joins the first paper with it, and only that one.
			{ name: '2025-03-18-trending.txt', bytes: enc(page(['Erratum', withdrawn])) },
			{ name: 'x.jsonl', bytes: enc(records) },
		]);
		expect(r.errors).toEqual([]);
		expect(r.duplicates).toBe(2);
		// (0704.1002 is dated by its v2, the last line: it comes last on the day.)
		expect(r.papers.map((p) => [p.slug, p.authors, p.sources.length])).toEqual([
			['0704.1001', ['A. One'], 2],
			['hep-th-0101001', [], 1],
			['hep-ph-0101001', [], 1],
			['0704.1002', ['B. Two'], 2],
		]);
	});

	test('different papers with the same title get two entries', () => {
		const r = ingest([
			{ name: 'x.jsonl', bytes: enc(jsonl({}, { abstract: `${ABSTRACT} Another one.` })) },
		]);
		expect(r.papers.map((p) => p.slug)).toEqual([
			expect.stringMatching(/^title$/),
			expect.stringMatching(/^title-[0-9a-f]{6}$/),
		]);
		expect([...r.entries.keys()].filter((k) => k.endsWith('.mdx'))).toHaveLength(2);
	});

	test('papers kept apart under one title are warned about once, at the later one', () => {
		const one = `${ABSTRACT} The first one.`;
		const other = `${ABSTRACT} Another one.`;
		// Listed day after day: one warning for the two papers, not one per day.
		const days = [18, 19, 20, 21].map((d) => ({
			name: `2025-03-${d}-trending.txt`,
			bytes: enc(
				page(['MultiMend: Repair', one], ['Multimend: repair', other]).replace(
					'Mar 18',
					`Mar ${d}`,
				),
			),
		}));
		const r = ingest(days);
		expect(r.errors).toEqual([]);
		expect(r.papers.map((p) => [p.slug, p.sources.length])).toEqual([
			['multimend', 4],
			[expect.stringMatching(/^multimend-[0-9a-f]{6}$/), 4],
		]);
		expect(r.warnings).toEqual([
			{
				file: '2025-03-18-trending.txt',
				line: 9,
				message: `the title "Multimend: repair" is also at content/sources/2025-03-18-trending.txt:5, with a different abstract: kept as two papers, multimend there and ${r.papers[1]!.slug} here`,
				hint: 'if the two are one paper, give both the same abstract and they merge; if two, nothing needs doing',
			},
		]);
		// Both places printed in the folder given with --sources.
		const elsewhere = ingest(days, { sourcesFolder: '../dumps' });
		expect(formatProblems('warning', elsewhere.warnings, '../dumps')[0]).toMatch(
			/^warning: \.\.\/dumps\/2025-03-18-trending\.txt:9: the title "Multimend: repair" is also at \.\.\/dumps\/2025-03-18-trending\.txt:5,/,
		);
		// Two arXiv ids are two papers, said by the ids; a copy without an id is warned about.
		const ids = ingest([
			{
				name: 'x.jsonl',
				bytes: enc(jsonl({ id: '2503.00001' }, { id: '2503.00002', abstract: other })),
			},
		]);
		expect([ids.papers.length, ids.warnings]).toEqual([2, []]);
		const copy = ingest([
			{ name: '2025-03-18-trending.txt', bytes: enc(page(['Title', `${other} Edited.`])) },
			{
				name: 'x.jsonl',
				bytes: enc(jsonl({ id: '2503.00001' }, { id: '2503.00002', abstract: other })),
			},
		]);
		// One warning for each pair: the copy and either record.
		expect(copy.warnings.map((w) => [w.file, w.line])).toEqual([
			['x.jsonl', 1],
			['x.jsonl', 2],
		]);
	});

	test('every entry validates against the shared schema and carries a do-not-edit header', () => {
		const r = ingest([{ name: '2025-03-18-t.txt', bytes: enc(page(['CodeT5: Code', ABSTRACT])) }]);
		const text = r.entries.get('codet5.mdx')!;
		expect(text.split('\n')[1]).toMatch(
			/^# Generated by scripts\/ingest\.ts from content\/sources\/2025-03-18-t\.txt:5\. Do not edit/,
		);
		const { data, body } = splitFrontmatter(text);
		expect(PaperSchema.parse(data)).toMatchObject({
			shortName: 'CodeT5',
			codeUrls: ['https://github.com/o/r'],
			rank: 1,
		});
		expect(body).toContain('<a href="https://github.com/o/r">');
	});

	test('is deterministic whatever the order of the source files', () => {
		const files = [
			{
				name: 'b.jsonl',
				bytes: enc(jsonl({ id: '2501.00001' }, { id: '2501.00002', title: 'Other' })),
			},
			{
				name: '2025-03-18-t.txt',
				bytes: enc(page(['Paper X', ABSTRACT.replace('study', 'examine')])),
			},
		];
		expect([...ingest(files).entries]).toEqual([...ingest([...files].reverse()).entries]);
	});

	test('any error means no entries at all', () => {
		const r = ingest([
			{ name: 'good.jsonl', bytes: enc(jsonl({ id: '2501.00001' })) },
			{ name: 'bad.jsonl', bytes: enc('{oops') },
		]);
		expect(r.errors).toHaveLength(1);
		expect(r.entries.size).toBe(0);
	});
});

describe('a record that cannot be normalised', () => {
	const deep = (n: number): string => `${'\\textbf{'.repeat(n)}deep${'}'.repeat(n)} ${ABSTRACT}`;

	test('LaTeX nested 2,000 deep is an error at the record, on one thread and on two', () => {
		// 300 records so that the worker is given a chunk of its own (chunks are 256 records).
		const records = Array.from({ length: 300 }, (_, i) => ({
			id: `2503.${String(i).padStart(5, '0')}`,
			title: `T${i}`,
		}));
		records[299] = { ...records[299]!, abstract: deep(2000) } as (typeof records)[number];
		const sources = [{ name: 'deep.jsonl', bytes: enc(jsonl(...records)) }];
		for (const parallelFrom of [Number.POSITIVE_INFINITY, 1]) {
			const r = ingest(sources, { parallelFrom });
			expect(r.errors).toEqual([
				{
					file: 'deep.jsonl',
					line: 300,
					message: `LaTeX groups nested deeper than ${MAX_GROUP_DEPTH}`,
					hint: expect.stringMatching(/close the groups/),
				},
			]);
			expect(r.entries.size).toBe(0);
		}
	});

	test('a title that reads as nothing (`\\emph{}`) is an error at its record', () => {
		const r = ingest([
			{ name: 'e.jsonl', bytes: enc(jsonl({ title: 'Real words' }, { title: '\\emph{}' })) },
		]);
		expect(r.errors).toEqual([
			{
				file: 'e.jsonl',
				line: 2,
				message: 'the title "\\emph{}" reads as nothing once its TeX is read',
				hint: 'give the paper a title with words',
			},
		]);
		expect(r.entries.size).toBe(0);
	});

	test('nesting up to the limit still reads', () => {
		const r = ingest([{ name: 'a.jsonl', bytes: enc(jsonl({ abstract: deep(MAX_GROUP_DEPTH) })) }]);
		expect(r.errors).toEqual([]);
		expect(r.papers[0]!.summary).toMatch(/^deep We study/);
	});

	test("any other exception becomes a problem with the record's file and line", () => {
		const record = {
			title: 'T',
			source: { file: 'x.jsonl', line: 7 },
			date: '2025-03-18',
			rank: 1,
			get abstract(): string {
				throw new TypeError('boom');
			},
		};
		expect(prepareRun([record])).toEqual({
			records: [],
			problems: [
				{
					file: 'x.jsonl',
					line: 7,
					message: 'this record could not be normalised (TypeError: boom)',
					hint: expect.any(String),
				},
			],
		});
	});
});

describe('ingest pipeline on two threads', () => {
	// The topics stage (keywords, vectors, related papers, derived topics) takes the pipeline's
	// worker too: the entries and papers compared here hold all of its output.
	test('gives the same entries as on one thread', { timeout: 60_000 }, () => {
		const sources = generateCorpus(loadMaterial('../shared'), 600).map((f) => ({
			name: f.name,
			bytes: new TextEncoder().encode(f.text),
		}));
		const topics = readTopicsYaml(
			readFileSync('content/topics.yaml', 'utf8'),
			'topics.yaml',
		).topics;
		const alone = ingest(sources, { topics, parallelFrom: Number.POSITIVE_INFINITY });
		const split = ingest(sources, { topics, parallelFrom: 1 });
		expect(alone.errors).toEqual([]);
		expect(alone.entries.size).toBe(602); // 600 papers, _topics.json, _redirects.json
		expect([...split.entries]).toEqual([...alone.entries]);
		expect(split.papers).toEqual(alone.papers);
	});
});

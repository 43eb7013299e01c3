import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	latestVersionDate,
	parseArxivJsonl,
	versionHistory,
} from '../../scripts/ingest/parse/arxiv-jsonl.ts';
import { parseSource } from '../../scripts/ingest/parse/index.ts';
import {
	FALLBACK_YEAR,
	parseDateLine,
	resolveListingDate,
} from '../../scripts/ingest/parse/date-line.ts';
import { parseTrendingPage } from '../../scripts/ingest/parse/trending.ts';

const ABSTRACT =
	'This is the abstract of a paper. We study a problem that matters to many people. Our method improves on prior work by a wide margin on three benchmarks, and we release code and data so that others can build on it easily.';
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('trending pages', () => {
	test('reads the 75 papers of the bundled seed page, never a header line', () => {
		const text = readFileSync('../shared/seeds/000_c259b851a26a1daf.txt', 'utf8');
		const { records, errors, warnings } = parseTrendingPage('2025-03-18-trending.txt', text);
		expect(errors).toEqual([]);
		expect(warnings).toEqual([]);
		expect(records).toHaveLength(75);
		expect(records[0]).toMatchObject({
			title: expect.stringMatching(/^CodeT5:/),
			date: '2025-03-18',
			rank: 1,
			source: { line: 11 },
		});
		expect(records[1]!.title).toMatch(/^MaTVLM/);
		expect(records.map((r) => r.title)).not.toContain('Subscribe');
	});

	test('does not depend on the header wording', () => {
		const text = `Fresh today\n\nSign up for mail\n\nby someone else\n\nMarch 3\n\nA Title\n\n${ABSTRACT}\n`;
		const { records } = parseTrendingPage('2026-03-03-hf.txt', text);
		expect(records.map((r) => [r.title, r.date])).toEqual([['A Title', '2026-03-03']]);
	});

	test('two date lines before the papers are an error naming both, with no papers', () => {
		// The seed's header, then two days: taking the last one dated every paper Dec 31 unseen.
		const seed = readFileSync('../shared/seeds/000_c259b851a26a1daf.txt', 'utf8');
		const text = seed.replace('Mar 18\n', 'Dec 30\n\nDec 31\n');
		const { records, errors } = parseTrendingPage('2025-12-30-trending.txt', text);
		expect(records).toEqual([]);
		expect(errors).toEqual([
			{
				file: '2025-12-30-trending.txt',
				line: 9,
				message:
					'2 date lines before the papers, "Dec 30" (line 9) and "Dec 31" (line 11): a page lists one day',
				hint: 'keep the date line of the day the page lists and remove the others, or split the file into one YYYY-MM-DD-<name>.txt per day',
			},
		]);
		// A header line that reads as a date is one of them: which one is the page's is not guessed.
		const header = `Trending\n\n1 Mar 2025\n\nWeek\n\nMar 18\n\nMay 5\n\n${ABSTRACT}\n`;
		expect(parseTrendingPage('2025-03-18-hf.txt', header).errors.map((e) => e.message)).toEqual([
			'2 date lines before the papers, "1 Mar 2025" (line 3) and "Mar 18" (line 7): a page lists one day',
		]);
	});

	test('one date line in any accepted spelling, header lines such as "Week" and a date-like title read as before', () => {
		for (const date of [
			'Mar 18',
			'March 18th',
			'18 Mar',
			'Mar. 18',
			'Tuesday, March 18, 2025',
			'18 March 2025',
			'2025-03-18',
		]) {
			const text = `Trending Papers\n\nDaily\n\nWeek\n\nMonth\n\n${date}\n\nMay 5\n\n${ABSTRACT}\n`;
			const { records, errors, warnings } = parseTrendingPage('2025-03-18-hf.txt', text);
			expect([errors, warnings], date).toEqual([[], []]);
			// A title that reads as a date is still a title.
			expect(records.map((r) => [r.title, r.date, r.source.line])).toEqual([
				['May 5', '2025-03-18', 11],
			]);
		}
	});

	test('without a date line the header is skipped and the file date used', () => {
		const text = `new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nA Title\n\n${ABSTRACT}\n`;
		const { records } = parseTrendingPage('2024-11-02.txt', text);
		expect(records.map((r) => [r.title, r.date])).toEqual([['A Title', '2024-11-02']]);
	});

	test('a "paper" whose abstract line has no words (an upvote count) is an error at its line', () => {
		const text = `Mar 18\n\nA Title\n\n${ABSTRACT}\n\nSubmitted by akhaliq\n\n42\n\nB Title\n\n${ABSTRACT}\n`;
		const { records, errors } = parseTrendingPage('2025-03-18.txt', text);
		expect(records.map((r) => r.title)).toEqual(['A Title', 'B Title']);
		expect(errors).toEqual([
			expect.objectContaining({
				line: 7,
				message:
					'title without abstract: "Submitted by akhaliq" (the next line, "42", has no words)',
			}),
		]);
	});

	test('an upvote count after an abstract is named as a line with no words, not a title', () => {
		const text = `Mar 18\n\nA Title\n\n${ABSTRACT}\n\n123\n\nB Title\n\n${ABSTRACT}\n\n▲ 42\n`;
		const { records, errors } = parseTrendingPage('2025-03-18.txt', text);
		expect(records.map((r) => r.title)).toEqual(['A Title', 'B Title']);
		expect(errors).toEqual(
			[
				[7, '123'],
				[13, '▲ 42'],
			].map(([line, count]) => ({
				file: '2025-03-18.txt',
				line,
				message: `a line with no words between papers: "${count}"`,
				hint: 'remove lines that are not part of a paper (upvote counts, "Submitted by" lines, menus)',
			})),
		);
	});

	test('a title wrapped onto the next line is an error that says so', () => {
		const text = `Mar 18\n\nMaTVLM: Hybrid Mamba-Transformer for Efficient\nVision-Language Modeling\n\n${ABSTRACT}\n`;
		const { errors } = parseTrendingPage('2025-03-18.txt', text);
		expect(errors).toEqual([
			{
				file: '2025-03-18.txt',
				line: 3,
				message:
					'title without abstract: "MaTVLM: Hybrid Mamba-Transformer for Efficient", or the title goes on at line 4',
				hint: 'if line 4 continues the title, join the two lines into one',
			},
		]);
	});

	test('a title that starts with a rank or vote count is kept, with a warning at its line', () => {
		const titles = [
			'1. CodeT5: Code',
			'#2 MaTVLM: Vision',
			'3) MultiMend: Repair',
			'▲ 123 FrozenSeg: Segmentation',
			'↑45 Other Paper',
			// A number that is part of the title is not.
			'3D Gaussian Splatting',
			'1.58-bit LLMs',
			'2 Fast 2 Furious',
			// A title may start so: it is said, never changed.
			'#1 Is Not Enough',
		];
		const text = `Mar 18\n\n${titles.map((t) => `${t}\n\n${ABSTRACT}`).join('\n\n')}\n`;
		const { records, errors, warnings } = parseTrendingPage('2025-03-18.txt', text);
		expect(errors).toEqual([]);
		expect(records.map((r) => r.title)).toEqual(titles);
		expect(warnings.map((w) => [w.line, w.message])).toEqual([
			[3, 'the title starts with "1.", which reads as a rank or vote count: "1. CodeT5: Code"'],
			[7, 'the title starts with "#2", which reads as a rank or vote count: "#2 MaTVLM: Vision"'],
			[
				11,
				'the title starts with "3)", which reads as a rank or vote count: "3) MultiMend: Repair"',
			],
			[
				15,
				'the title starts with "▲ 123", which reads as a rank or vote count: "▲ 123 FrozenSeg: Segmentation"',
			],
			[19, 'the title starts with "↑45", which reads as a rank or vote count: "↑45 Other Paper"'],
			[35, 'the title starts with "#1", which reads as a rank or vote count: "#1 Is Not Enough"'],
		]);
	});

	test('a paper listed twice on a page is one paper at its first place, with a warning', () => {
		const pair = (t: string): string => `${t}\n\n${ABSTRACT} ${t}.`;
		const text = `Mar 18\n\n${['P0', 'P1', 'P0', 'X', 'Y'].map(pair).join('\n\n')}\n`;
		const { records, errors, warnings } = parseTrendingPage('2025-03-18.txt', text);
		expect(errors).toEqual([]);
		expect(records.map((r) => [r.title, r.rank])).toEqual([
			['P0', 1],
			['P1', 2],
			['X', 3],
			['Y', 4],
		]);
		expect(warnings).toEqual([
			{
				file: '2025-03-18.txt',
				line: 11,
				message: '"P0" is listed again; line 3 has it',
				hint: 'remove the repeated title and abstract (the repeat is not counted in the ranks)',
			},
		]);
	});

	test('without a date line, the lines taken as the header are named in a warning', () => {
		// A first paper whose abstract is short reads as header: it must not vanish unseen.
		const text = `Trending Papers\n\nTiny: A Short One\n\nWe release Tiny, a small model.\n\nA Title\n\n${ABSTRACT}\n`;
		const { records, warnings } = parseTrendingPage('2025-03-18.txt', text);
		expect(records.map((r) => r.title)).toEqual(['A Title']);
		expect(warnings).toEqual([
			expect.objectContaining({
				line: 1,
				message:
					'no date line: lines taken as the page header and skipped: "Trending Papers", "Tiny: A Short One", "We release Tiny, a small model."',
			}),
		]);
	});

	test('a year-end page in a January file belongs to the previous year', () => {
		expect(resolveListingDate('2026-01-01-trending.txt', [12, 31, undefined]).date).toBe(
			'2025-12-31',
		);
	});

	test("the file's own name dates it before its folders'; a folder per day dates its pages", () => {
		expect(resolveListingDate('archive-2024-01-01/2025-03-18-t.txt', [3, 18, undefined])).toEqual({
			date: '2025-03-18',
		});
		expect(resolveListingDate('2025-03-18/trending.txt', [3, 18, undefined])).toEqual({
			date: '2025-03-18',
		});
	});

	test("a year on the date line is used as given, with a warning when far from the file name's", () => {
		expect(resolveListingDate('2025-03-18-t.txt', [3, 18, 2025])).toEqual({ date: '2025-03-18' });
		expect(resolveListingDate('2025-03-18-t.txt', [3, 18, 2024])).toMatchObject({
			date: '2024-03-18',
			warning: "the date line is 365 days before the file name's 2025-03-18; using 2024-03-18",
		});
		expect(resolveListingDate('2025-03-18-t.txt', [4, 18, 2025]).warning).toBe(
			"the date line is 31 days after the file name's 2025-03-18; using 2025-04-18",
		);
		expect(resolveListingDate('t.txt', [3, 18, 2024])).toEqual({ date: '2024-03-18' });
	});

	test("the listed day is never after the file name's day; far apart, it warns at the date line", () => {
		// The nearest year put Mar 18 in a file of 2025-09-18 half a year ahead, silently.
		expect(resolveListingDate('2025-09-18-trending.txt', [3, 18, undefined])).toMatchObject({
			date: '2025-03-18',
			warning: "the date line is 184 days before the file name's 2025-09-18; using 2025-03-18",
		});
		expect(resolveListingDate('2025-03-19-trending.txt', [3, 18, undefined])).toEqual({
			date: '2025-03-18',
		});
		// A day of slack for time zones: Mar 19 in a file of Mar 18 is that Mar 19.
		expect(resolveListingDate('2025-03-18-trending.txt', [3, 19, undefined]).date).toBe(
			'2025-03-19',
		);
		const { warnings } = parseTrendingPage(
			'2025-09-18-trending.txt',
			`new\n\nMar 18\n\nA Title\n\n${ABSTRACT}\n`,
		);
		expect(warnings.map((w) => [w.line, w.hint])).toEqual([
			[3, 'check the date line and the date in the file name'],
		]);
	});

	test('a file name without a date falls back to a fixed year, with a warning', () => {
		const { records, warnings } = parseTrendingPage(
			'trending.txt',
			`Mar 18\n\nA Title\n\n${ABSTRACT}\n`,
		);
		expect(records[0]!.date).toBe(`${FALLBACK_YEAR}-03-18`);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]!.message).toMatch(/year/);
	});

	test('a title without an abstract is an error naming its line', () => {
		const text = `Mar 18\n\nFirst Title\n\n${ABSTRACT}\n\nLonely Title\n`;
		const { errors, records } = parseTrendingPage('2025-03-18-x.txt', text);
		expect(records).toHaveLength(1);
		expect(errors).toEqual([
			expect.objectContaining({
				file: '2025-03-18-x.txt',
				line: 7,
				message: expect.stringMatching(/title without abstract/),
			}),
		]);
	});

	test('an abstract wrapped over two lines is an error that says so', () => {
		const text = [
			'Daily Papers',
			'',
			'Jan 6',
			'',
			'Paper One',
			'',
			'We propose a new approach to train language models with fewer tokens, ',
			'achieving strong results on many benchmarks and tasks in several languages.',
			'',
			'Paper Two',
			'',
			ABSTRACT,
		].join('\n');
		const { errors } = parseTrendingPage('2026-01-06-x.txt', text);
		expect(errors).toEqual([
			{
				file: '2026-01-06-x.txt',
				line: 5,
				message: 'title without abstract: "Paper One", or its abstract is split over lines 7–8',
				hint: 'if lines 7–8 are one abstract, join them into one line',
			},
		]);
	});

	test('a second date line among the papers is an error saying so, not a lonely title', () => {
		const text = `Mar 18\n\nFirst Title\n\n${ABSTRACT}\n\nMar 17\n\nSecond Title\n\n${ABSTRACT}\n`;
		const { errors } = parseTrendingPage('2025-03-18-x.txt', text);
		expect(errors).toEqual([
			{
				file: '2025-03-18-x.txt',
				line: 7,
				message: 'a second date line "Mar 17": one page lists one day',
				hint: 'split the file per day, one YYYY-MM-DD-<name>.txt per date line',
			},
		]);
		// A title that reads as a date but has its abstract is still a paper.
		const paper = parseTrendingPage('2025-03-18-x.txt', `Mar 18\n\nMay 5\n\n${ABSTRACT}\n`);
		expect(paper.errors).toEqual([]);
		expect(paper.records.map((r) => r.title)).toEqual(['May 5']);
	});

	test('on a page without a date line, a date-like title among the papers stays a title', () => {
		const text = `Daily Papers\n\nFirst Title\n\n${ABSTRACT}\n\nSecond Title\n\n${ABSTRACT}\n\nJune 4th\n\n${ABSTRACT}\n\nFourth Title\n\n${ABSTRACT}\n`;
		const { records, errors } = parseTrendingPage('2025-03-18-t.txt', text);
		expect(errors).toEqual([]);
		expect(records.map((r) => r.title)).toEqual([
			'First Title',
			'Second Title',
			'June 4th',
			'Fourth Title',
		]);
	});

	test('on a page without a date line, a date-like first title is a title, with a warning', () => {
		// Taken for the date line, it left its abstract "without a title", blamed on line 11.
		const text = `new\n\nSubscribe\n\nbyAK and the research community\n\nJune 4th\n\n${ABSTRACT}\n\nSecond Title\n\n${ABSTRACT}\n`;
		const { records, errors, warnings } = parseTrendingPage('2025-03-18-t.txt', text);
		expect(errors).toEqual([]);
		expect(records.map((r) => [r.title, r.date, r.source.line])).toEqual([
			['June 4th', '2025-03-18', 7],
			['Second Title', '2025-03-18', 11],
		]);
		expect(warnings.map((w) => [w.line, w.message])).toEqual([
			[
				7,
				'the first title, "June 4th", reads as a date; with no date line before it, it is taken as a title',
			],
			[
				1,
				'no date line: lines taken as the page header and skipped: "new", "Subscribe", "byAK and the research community"',
			],
		]);
	});

	test('a first title that reads as a sentence is the title, not the line before it', () => {
		// Eight words and an exclamation mark read as an abstract: `byAK …` became the title.
		const title = 'Transformers Are Secretly Fast Weight Programmers, and So Is Everyone Else!';
		const long = `${ABSTRACT} ${ABSTRACT}`;
		const header = 'new\n\nSubscribe\n\nbyAK and the research community';
		const pairs = `${title}\n\n${long}\n\nSecond Title\n\n${long}\n`;
		const undated = parseTrendingPage('2025-03-18-t.txt', `${header}\n\n${pairs}`);
		expect(undated.errors).toEqual([]);
		expect(undated.records.map((r) => [r.title, r.source.line])).toEqual([
			[title, 7],
			['Second Title', 11],
		]);
		expect(undated.warnings.map((w) => w.message)).toEqual([
			'no date line: lines taken as the page header and skipped: "new", "Subscribe", "byAK and the research community"',
		]);
		// After a date line it was read right, and still is.
		const dated = parseTrendingPage('2025-03-18-t.txt', `${header}\n\nMar 18\n\n${pairs}`);
		expect([dated.errors, dated.warnings]).toEqual([[], []]);
		expect(dated.records.map((r) => r.title)).toEqual([title, 'Second Title']);
	});

	test('a date line that names no calendar day is an error naming its line', () => {
		const page = (date: string): string => `Header\n\n${date}\n\nA Title\n\n${ABSTRACT}\n`;
		for (const [file, date] of [
			['2025-03-01-x.txt', 'Feb 30'],
			['2025-03-01-x.txt', 'Feb 29'],
			['2025-05-01-x.txt', 'April 31'],
			// A typo in the day: read as a header line, it let the file name redate the page.
			['2025-03-18-x.txt', 'Mar 32'],
			['2025-03-18-x.txt', 'Mar 0'],
			['2025-03-18-x.txt', 'Mar 99'],
			['2025-03-18-x.txt', '2025-03-32'],
			['2025-03-18-x.txt', '2025-13-18'],
			['x.txt', 'Mar 32'],
			// Far from the file's date too: only the error, no warning of how far.
			['2025-03-20-x.txt', 'Feb 30'],
		] as const) {
			const result = parseTrendingPage(file, page(date));
			expect(result.errors, date).toEqual([
				expect.objectContaining({ file, line: 3, message: expect.stringMatching(/no such date/) }),
			]);
			expect(result.warnings, date).toEqual([]);
		}
		expect(parseTrendingPage('2025-03-18-x.txt', page('Mar 32')).errors).toEqual([
			{
				file: '2025-03-18-x.txt',
				line: 3,
				message: 'no such date: "Mar 32"',
				hint: 'correct the date line',
			},
		]);
		const leap = parseTrendingPage('2024-03-01-x.txt', page('Feb 29'));
		expect(leap.errors).toEqual([]);
		expect(leap.records[0]!.date).toBe('2024-02-29');
	});

	test('a date in the file name that is no calendar day is an error, with or without a date line', () => {
		for (const [name, text] of [
			['2025-13-01-trending.txt', `First Title\n\n${ABSTRACT}\n`],
			['2025-02-30-trending.txt', `First Title\n\n${ABSTRACT}\n`],
			['2025-13-45-trending.txt', `Mar 18\n\nFirst Title\n\n${ABSTRACT}\n`],
		]) {
			const { errors, records } = parseTrendingPage(name!, text!);
			expect(records).toEqual([]);
			expect(errors).toEqual([
				expect.objectContaining({
					file: name,
					line: 0,
					message: `the date in the file name, ${name!.slice(0, 10)}, is no calendar day`,
				}),
			]);
		}
	});
	test('two titles in a row: the first is reported', () => {
		const text = `Mar 18\n\nTitle One\n\nTitle Two\n\n${ABSTRACT}\n`;
		const { errors, records } = parseTrendingPage('2025-03-18-x.txt', text);
		expect(errors.map((e) => e.line)).toEqual([3]);
		expect(records.map((r) => r.title)).toEqual(['Title Two']);
	});
});

describe('date lines', () => {
	test.each([
		['Mar 18', [3, 18, undefined]],
		['March 18th', [3, 18, undefined]],
		['18 Mar', [3, 18, undefined]],
		['18th of March 2025', [3, 18, 2025]],
		['Tuesday, March 18, 2025', [3, 18, 2025]],
		['Tue 18 Mar', [3, 18, undefined]],
		['2025-03-18', [3, 18, 2025]],
		['Sept. 2', [9, 2, undefined]],
	])('%s is a date line', (line, expected) => {
		expect(parseDateLine(line)).toEqual(expected);
	});
	test.each(['Marching 18', 'Monday', 'May the 4th', '18', 'Mar 100', 'Jun 2024'])(
		'%s is not',
		(line) => {
			expect(parseDateLine(line)).toBeUndefined();
		},
	);
	test.each([
		['Mar 32', [3, 32, undefined]],
		['Mar 0', [3, 0, undefined]],
		['99 March', [3, 99, undefined]],
		['2025-13-01', [13, 1, 2025]],
	])('%s is a date line with a typo, for the page to report', (line, expected) => {
		expect(parseDateLine(line)).toEqual(expected);
	});
});

describe('trending pages: lines pair by position', () => {
	test('a title of 200+ characters and a one-line abstract still make a paper', () => {
		const long = `A ${'Very '.repeat(45)}Long Title About Things`;
		expect(long.length).toBeGreaterThan(200);
		const text = `Mar 18\n\n${long}\n\nWe release the code.\n\nSecond Title\n\n${ABSTRACT}\n`;
		const { errors, records } = parseTrendingPage('2025-03-18-x.txt', text);
		expect(errors).toEqual([]);
		expect(records.map((r) => [r.title, r.abstract, r.rank])).toEqual([
			[long, 'We release the code.', 1],
			['Second Title', ABSTRACT, 2],
		]);
	});

	test('a short abstract that is a sentence is kept, with a warning naming it', () => {
		const text = `Mar 18\n\nTrending Papers\n\nA daily digest of things.\n\nFirst Title\n\n${ABSTRACT}\n`;
		const { errors, warnings, records } = parseTrendingPage('2025-03-18-x.txt', text);
		expect(errors).toEqual([]);
		expect(records.map((r) => r.title)).toEqual(['Trending Papers', 'First Title']);
		expect(warnings).toEqual([
			expect.objectContaining({
				line: 3,
				message: '"A daily digest of things." is short for an abstract (title "Trending Papers")',
			}),
		]);
	});

	test('every abstract shorter than an abstract is warned about, also one of eight words or more', () => {
		// A page's footer after the papers: a sentence of eleven words read as an abstract, unsaid.
		const text = `Mar 18\n\nFirst Title\n\n${ABSTRACT}\n\nNewsletter\n\nGet the latest trending papers delivered to your inbox every single morning.\n`;
		const { errors, warnings, records } = parseTrendingPage('2025-03-18-x.txt', text);
		expect(errors).toEqual([]);
		expect(records.map((r) => r.title)).toEqual(['First Title', 'Newsletter']);
		expect(warnings).toEqual([
			{
				file: '2025-03-18-x.txt',
				line: 7,
				message:
					'"Get the latest trending papers delivered to your inbox every" is short for an abstract (title "Newsletter")',
				hint: 'if these two lines are not a paper, remove them',
			},
		]);
	});

	test('an abstract in a script without spaces is no scrap, even without a final stop', () => {
		const cjk =
			'我们提出了一种新的方法来训练大型语言模型并在多个基准上取得了显著的提升效果同时降低了计算成本和内存占用，代码和模型均已公开发布供研究使用';
		const { errors, records } = parseTrendingPage(
			'2025-03-18-x.txt',
			`Mar 18\n\n中文标题\n\n${cjk}\n\nFirst Title\n\n${ABSTRACT}\n`,
		);
		expect(errors).toEqual([]);
		expect(records.map((r) => r.abstract)).toEqual([cjk, ABSTRACT]);
	});

	test('a Chinese or Japanese abstract of about 100 characters is no "short" abstract; one of 50 is', () => {
		// 106 characters: as long as a 200-character English one, and said as much.
		const cjk =
			'我们提出了一种新的方法来训练大型语言模型并在多个基准上取得了显著的提升效果同时降低了计算成本和内存占用，代码和模型均已公开发布供研究使用。实验表明该方法在多种任务上均优于现有方法，并且具有良好的可扩展性和稳定性。';
		const ja =
			'本研究では大規模言語モデルの推論能力を評価する新しいベンチマークを提案し、既存手法との比較を行った。';
		const jaLong = `${ja}実験の結果、提案手法は複数の課題で一貫して高い性能を示し、計算量も少なく、非常に実用的であることが分かった。`;
		const { errors, warnings, records } = parseTrendingPage(
			'2025-03-18-x.txt',
			`Mar 18\n\n中文标题\n\n${cjk}\n\n日本語の題名\n\n${jaLong}\n\n短い要旨\n\n${ja}\n`,
		);
		expect(errors).toEqual([]);
		expect(records.map((r) => r.abstract)).toEqual([cjk, jaLong, ja]);
		// 50 characters say what about 100 English ones do: short, as those are.
		expect(warnings.map((w) => [w.line, w.message])).toEqual([
			[11, `"${ja}" is short for an abstract (title "短い要旨")`],
		]);
	});

	test('stray lines of a few words that are no sentence are an error at their place', () => {
		// Copied from a browser: who submitted each paper, and the footer.
		const text = `Mar 18\n\nSubmitted by\n\nakhaliq\n\nFirst Title\n\n${ABSTRACT}\n\nSystem theme\n\nCompany\n\nPublished on\n\nMar 18 2025\n`;
		const { errors, records } = parseTrendingPage('2025-03-18-x.txt', text);
		expect(records.map((r) => r.title)).toEqual(['First Title']);
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[
				3,
				'title without abstract: "Submitted by" (the next line, "akhaliq", is too short to be an abstract)',
			],
			[
				11,
				'title without abstract: "System theme" (the next line, "Company", is too short to be an abstract)',
			],
			[
				15,
				'title without abstract: "Published on" (the next line, "Mar 18 2025", is too short to be an abstract)',
			],
		]);
	});

	test('an abstract split over two lines: the second part is reported, the rest still pairs', () => {
		const text = `Mar 18\n\nFirst Title\n\n${ABSTRACT}\n\n${ABSTRACT}\n\nSecond Title\n\n${ABSTRACT}\n`;
		const { errors, records } = parseTrendingPage('2025-03-18-x.txt', text);
		expect(errors).toEqual([
			expect.objectContaining({ line: 7, message: 'abstract without a title' }),
		]);
		expect(errors[0]!.hint).toMatch(/join/);
		expect(records.map((r) => r.title)).toEqual(['First Title', 'Second Title']);
	});

	test('CRLF line ends, tabs and runs of blank lines change nothing', () => {
		const text = `Mar 18\r\n\r\n\r\nFirst Title\t\r\n\r\n\r\n\r\n  ${ABSTRACT}  \r\n\r\n`;
		const { errors, records } = parseTrendingPage('2025-03-18-x.txt', text);
		expect(errors).toEqual([]);
		expect(records).toEqual([
			expect.objectContaining({
				title: 'First Title',
				abstract: ABSTRACT,
				source: { file: '2025-03-18-x.txt', line: 4 },
			}),
		]);
	});
	test('a line of only invisible characters (copied from a browser) is blank', () => {
		// Zero-width space, word joiner, byte-order mark, soft hyphen; U+2028 counts as space.
		const text = `Mar 18\n\u200b\nFirst Title\n\u2060\ufeff\n${ABSTRACT}\n\u00ad\u200d\n\u2028\nSecond\u200b Title\n\n${ABSTRACT}\n`;
		const { errors, records } = parseTrendingPage('2025-03-18-x.txt', text);
		expect(errors).toEqual([]);
		expect(records.map((r) => [r.title, r.source.line])).toEqual([
			['First Title', 3],
			// Inside a line such characters are text, and stay.
			['Second\u200b Title', 8],
		]);
	});
});

describe('arXiv JSON Lines', () => {
	const rec = (o: Record<string, unknown>): string =>
		JSON.stringify({
			id: '2504.12351',
			title: 'T',
			abstract: 'A b c.',
			authors: 'X Y',
			categories: 'cs.LG',
			update_date: '2025-04-18',
			...o,
		});

	test('reads records, unwrapping nothing yet but keeping metadata', () => {
		const { records, errors } = parseArxivJsonl(
			'a.jsonl',
			bytes(`${rec({ doi: '10.1/x', 'journal-ref': 'J 1' })}\n\n${rec({ id: '2504.00002' })}\n`),
		);
		expect(errors).toEqual([]);
		expect(records.map((r) => [r.arxivId, r.rank, r.source.line, r.doi, r.journalRef])).toEqual([
			['2504.12351', 1, 1, '10.1/x', 'J 1'],
			['2504.00002', 2, 3, undefined, undefined],
		]);
	});

	test('reports every bad line with its number', () => {
		const text = [
			rec({}),
			'{not json',
			'[1,2]',
			rec({ title: '' }),
			rec({ abstract: null }),
			rec({ update_date: 'yesterday' }),
			rec({ update_date: '2025-02-30' }),
			rec({ update_date: '2025-13-01' }),
			rec({ id: 704.001 }),
			// Never dropped without a word: the snapshot writes every field as a string.
			rec({ authors: ['Ada Lovelace', 'Alan Turing'] }),
			rec({ categories: ['cs.LG'] }),
			rec({ doi: 10.1 }),
			rec({ 'journal-ref': { name: 'J' } }),
			rec({ comments: 12 }),
			rec({ doi: null, comments: null }),
			rec({ id: 'not an id' }),
		].join('\n');
		const { errors, records } = parseArxivJsonl('b.jsonl', bytes(text));
		expect(records.map((r) => r.source.line)).toEqual([1, 15]);
		expect(errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
			[2, 'invalid JSON'],
			[3, 'line is not a JSON object'],
			[4, 'record without title'],
			[5, 'record without abstract'],
			[6, 'missing or invalid "update_date"'],
			[7, 'missing or invalid "update_date"'],
			[8, 'missing or invalid "update_date"'],
			[9, '"id" is not a string'],
			[10, '"authors" is not a string'],
			[11, '"categories" is not a string'],
			[12, '"doi" is not a string'],
			[13, '"journal-ref" is not a string'],
			[14, '"comments" is not a string'],
			[16, '"id" is not an arXiv id'],
		]);
	});

	test('an arXiv id is new style or old, with a version or without; anything else is an error', () => {
		const ids = [
			'0704.0001',
			'2504.12351',
			'2504.12351v2',
			'1412.9999v10',
			'hep-th/9901001',
			'math.GT/0309136',
			'cond-mat/0703470v3',
			'cond-mat.mes-hall/0101001',
			'arXiv:2401.00001',
			'arXiv: 2401.00002',
		];
		const bad = [
			'not an id',
			'2504.2',
			'2513.12345',
			'2500.12345',
			'2504.123456',
			'2504.12351v',
			'2504.12351v0',
			'hep-th/990101',
			'hep-th/9913001',
			'https://arxiv.org/abs/2504.12351',
			'10.48550/arXiv.2504.12351',
		];
		const text = [...ids, ...bad].map((id) => rec({ id })).join('\n');
		const { errors, records } = parseArxivJsonl('i.jsonl', bytes(text));
		// A tool's `arXiv:` prefix goes, with the space some write after it.
		expect(records.map((r) => r.arxivId)).toEqual([
			...ids.slice(0, -2),
			'2401.00001',
			'2401.00002',
		]);
		expect(errors.map((e) => e.line)).toEqual(bad.map((_, i) => ids.length + i + 1));
		expect(errors[0]).toEqual({
			file: 'i.jsonl',
			line: ids.length + 1,
			message: '"id" is not an arXiv id: "not an id"',
			hint: 'write the id as arXiv does: "2504.12351" or "0704.0001", "hep-th/9901001" before 2007, with "v2" for a version',
		});
	});

	test('invalid JSON is placed by the column of its line, not by JSON.parse\'s "line 1"', () => {
		const text = [
			rec({}),
			'{broken',
			'   {"title": "T" "abstract": "A."}',
			'  "id": "2504.12351",',
			'}',
		].join('\n');
		const { errors } = parseArxivJsonl('j.jsonl', bytes(text));
		expect(errors.map((e) => [e.line, e.message])).toEqual([
			[2, "invalid JSON: Expected property name or '}' at column 2"],
			[3, "invalid JSON: Expected ',' or '}' after property value at column 18"],
			[4, 'invalid JSON: Unexpected non-whitespace character after JSON at column 7'],
			[5, `invalid JSON: Unexpected token '}', "}" is not valid JSON`],
		]);
		// The column counts from the line's start: the trimmed indent is added back.
		expect(text.split('\n')[2]!.indexOf('"abstract"') + 1).toBe(18);
	});

	test('a line of NUL bytes (a file cut short while written) is named, never echoed', () => {
		const text = [rec({}), '\0'.repeat(4096), `${rec({}).slice(0, 20)}\0\0`].join('\n');
		const { errors, records } = parseArxivJsonl('n.jsonl', bytes(text));
		expect(records).toHaveLength(1);
		expect(errors).toEqual([
			{
				file: 'n.jsonl',
				line: 2,
				message: 'a line of 4096 NUL bytes (U+0000)',
				hint: 'a program that stopped while writing the file (a crash, a full disk) leaves such lines: remove the line, or restore the file from a good copy',
			},
			{
				file: 'n.jsonl',
				line: 3,
				message: 'control character U+0000 at column 21',
				hint: 'a file with NUL bytes is usually UTF-16: save it as UTF-8',
			},
		]);
	});
	test('a line of broken JSON with a C1 control in it is blamed on the JSON, not the control', () => {
		const text = '{"id": "0704.0001" "title": "a\u0085b"}';
		const { errors } = parseArxivJsonl('c.jsonl', bytes(text));
		expect(errors).toHaveLength(1);
		expect(errors[0]!.message).toMatch(/^invalid JSON: /);
	});
});

describe('mojibake', () => {
	const rec = (o: Record<string, unknown>): string =>
		JSON.stringify({
			id: '2504.12351',
			title: 'T',
			abstract: 'A b c.',
			update_date: '2025-04-18',
			...o,
		});
	const HINT =
		'UTF-8 text was read as Windows-1252 somewhere upstream and saved again: export it again as UTF-8, or correct the characters (the text is kept as it is)';

	test('is a warning at its line, once per record, and the text is kept', () => {
		const text = [
			rec({ title: 'The developerâ€™s guide', abstract: 'â€œQuotedâ€, cafÃ© at 25Â°C.' }),
			rec({ abstract: 'A cafÃ© abstract.' }),
			rec({ authors: 'JosÃ© Ãlvarez' }),
			rec({ abstract: 'Lost \ufffd here.' }),
			// Escaped, as tools writing ASCII-only JSON do.
			rec({ comments: 'R\u00c3\u00a9sum\u00c3\u00a9' }).replace(
				/[\u0080-\uffff]/g,
				(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
			),
			rec({}),
		].join('\n');
		const { records, errors, warnings } = parseArxivJsonl('m.jsonl', bytes(text));
		expect(errors).toEqual([]);
		expect(records.map((r) => r.title)).toEqual([
			'The developerâ€™s guide',
			'T',
			'T',
			'T',
			'T',
			'T',
		]);
		expect(warnings).toEqual([
			{
				file: 'm.jsonl',
				line: 1,
				message: 'mojibake "â€™" (was "’") in "title": "The developerâ€™s guide"',
				hint: HINT,
			},
			{
				file: 'm.jsonl',
				line: 2,
				message: 'mojibake "Ã©" (was "é") in "abstract": "A cafÃ© abstract."',
				hint: HINT,
			},
			{
				file: 'm.jsonl',
				line: 3,
				message: 'mojibake "Ã©" (was "é") in "authors": "JosÃ© Ãlvarez"',
				hint: HINT,
			},
			{
				file: 'm.jsonl',
				line: 4,
				message: 'replacement character U+FFFD in "abstract": "Lost \ufffd here."',
				hint: 'a decoder replaced a character it could not read with U+FFFD: restore it from the original text (the text is kept as it is)',
			},
			{
				file: 'm.jsonl',
				line: 5,
				message: 'mojibake "Ã©" (was "é") in "comments": "RÃ©sumÃ©"',
				hint: HINT,
			},
		]);
	});

	test('real text with Ã, Â and â is not mojibake', () => {
		const real = [
			'São Paulo and SÃO PAULO, «IRMÃ» and MAÇÃ',
			'Le château, l’âge, la pâte, naïve résumé',
			'Vietnamese Â and Ê; ÂU; a → b; 25 °C; © 2025',
			// Notation and capitals before a closing quote (hostile-input review).
			'the creation operator â† and â†â, the estimator â², “IRMÃ” e “MAÇÃ”',
		];
		const { warnings } = parseArxivJsonl(
			'r.jsonl',
			bytes(real.map((abstract) => rec({ abstract })).join('\n')),
		);
		expect(warnings).toEqual([]);
		const page = `new\n\nMar 18\n\n${real.map((t) => `${t}\n\n${ABSTRACT} ${t}.`).join('\n\n')}\n`;
		expect(parseTrendingPage('2025-03-18-x.txt', page).warnings).toEqual([]);
	});

	test('on a trending page, is a warning at the line of the title or abstract that has it', () => {
		const page = `new\n\nMar 18\n\nThe developerâ€™s Title\n\n${ABSTRACT}\n\nClean Title\n\n${ABSTRACT} CafÃ©.\n\nThird Title\n\n${ABSTRACT}\n`;
		const { records, warnings } = parseTrendingPage('2025-03-18-x.txt', page);
		expect(records).toHaveLength(3);
		expect(warnings).toEqual([
			{
				file: '2025-03-18-x.txt',
				line: 5,
				message: 'mojibake "â€™" (was "’") in the title: "The developerâ€™s Title"',
				hint: HINT,
			},
			{
				file: '2025-03-18-x.txt',
				line: 11,
				message: 'mojibake "Ã©" (was "é") in the abstract: "…ld on it easily. CafÃ©."',
				hint: HINT,
			},
		]);
	});
});

describe('a snapshot record without update_date', () => {
	const rec = (o: object): string =>
		JSON.stringify({ title: 'T', abstract: 'A b c.', update_date: '2025-03-18', ...o });
	const versions = [
		{ version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT' },
		{ version: 'v2', created: 'Tue, 24 Jul 2007 20:10:27 GMT' },
	];
	test('is dated by its latest version, with one warning per file', () => {
		const text = [
			rec({ update_date: null, versions }),
			rec({}),
			rec({ update_date: undefined, versions: versions.slice(0, 1) }),
		].join('\n');
		const { errors, records, warnings } = parseArxivJsonl('s.jsonl', bytes(text));
		expect(errors).toEqual([]);
		expect(records.map((r) => r.date)).toEqual(['2007-07-24', '2025-03-18', '2007-04-02']);
		expect(warnings).toEqual([
			{
				file: 's.jsonl',
				line: 1,
				message: '2 record(s) without "update_date" dated by their latest version (lines 1, 3)',
			},
		]);
	});
	test('is an error at its line without a readable version date', () => {
		for (const v of [undefined, [], [{ version: 'v1' }], [{ created: '2007-04-02' }], 'v1'])
			expect(
				parseArxivJsonl('s.jsonl', bytes(rec({ update_date: null, versions: v }))).errors,
			).toEqual([
				{
					file: 's.jsonl',
					line: 1,
					message: 'missing or invalid "update_date": null',
					hint: 'give "update_date" as YYYY-MM-DD, or "versions" with their "created" dates',
				},
			]);
	});
	test("gives the paper's history: v1's day, and the latest version's number and day", () => {
		expect(versionHistory(versions)).toEqual({
			submitted: '2007-04-02',
			revised: '2007-07-24',
			version: 2,
		});
		expect(versionHistory(versions.slice(0, 1))).toEqual({ submitted: '2007-04-02' });
		// A revision on the day of v1 is still a revision (0704.0195: v2 six hours after v1).
		expect(
			versionHistory([
				{ version: 'v1', created: 'Mon, 2 Apr 2007 13:55:16 GMT' },
				{ version: 'v2', created: 'Mon, 2 Apr 2007 20:34:03 GMT' },
			]),
		).toEqual({ submitted: '2007-04-02', revised: '2007-04-02', version: 2 });
		// Some snapshots write an empty list; a list without readable dates says nothing.
		for (const v of [[], undefined, [{ version: 'v1' }], 'v1'])
			expect(versionHistory(v)).toBe(undefined);
		const [r] = parseArxivJsonl('s.jsonl', bytes(rec({ versions }))).records;
		expect(r).toMatchObject({
			date: '2025-03-18',
			submitted: '2007-04-02',
			revised: '2007-07-24',
			version: 2,
		});
	});
	test('reads RFC 2822 days, not impossible ones', () => {
		expect(latestVersionDate([{ created: 'Sat, 9 Feb 1991 00:00:00 GMT' }])).toBe('1991-02-09');
		expect(latestVersionDate([{ created: 'Fri, 30 Feb 2007 00:00:00 GMT' }])).toBeUndefined();
		expect(latestVersionDate([{ created: 'Mon, 2 Foo 2007 19:18:42 GMT' }])).toBeUndefined();
	});
});

describe('source files', () => {
	test('an unknown format is an error, not skipped, whose hint names the sources folder', () => {
		expect(parseSource({ name: 'notes.md', bytes: bytes('# hi') }).errors).toEqual([
			{
				file: 'notes.md',
				line: 0,
				message: 'unknown source format ".md"',
				hint: 'use .txt or .jsonl or .json, or move the file out of content/sources/',
			},
		]);
		expect(
			parseSource({ name: 'notes.md', bytes: bytes('# hi') }, '../elsewhere/in').errors[0]!.hint,
		).toBe('use .txt or .jsonl or .json, or move the file out of ../elsewhere/in/');
	});
	test("arXiv's snapshot, JSON Lines named .json, is read; a JSON document is one error", () => {
		const record = JSON.stringify({
			id: '0704.0001',
			title: 'T',
			abstract: 'A b c.',
			update_date: '2008-11-13',
		});
		const ok = parseSource({
			name: 'arxiv-metadata-oai-snapshot.json',
			bytes: bytes(`${record}\n`),
		});
		expect([ok.errors, ok.records.map((r) => r.arxivId)]).toEqual([[], ['0704.0001']]);
		const bad = parseSource({ name: 'dump.json', bytes: bytes(`[${record}]`) });
		expect(bad).toEqual({
			records: [],
			warnings: [],
			errors: [
				{
					file: 'dump.json',
					line: 1,
					message:
						'a JSON array, not JSON Lines: the arXiv metadata format has one record per line',
					hint: "write one JSON object per line: `jq -c '.[]' FILE`",
				},
			],
		});
	});
	test('pretty-printed JSON (jq without -c) is one error for the file, not one per line', () => {
		// `jq . dump.jsonl > a.jsonl`: 854 records over 40,000 lines gave 40,683 errors.
		const records = [1, 2, 3].map((n) =>
			JSON.stringify(
				{ id: `0704.000${n}`, title: 'T', abstract: 'A b c.', update_date: '2008-11-13' },
				null,
				2,
			),
		);
		for (const name of ['a.jsonl', 'a.json']) {
			const result = parseSource({ name, bytes: bytes(`\n${records.join('\n')}\n`) });
			expect(result).toEqual({
				records: [],
				warnings: [],
				errors: [
					{
						file: name,
						line: 2,
						message:
							'pretty-printed JSON ("{" alone on a line), not JSON Lines: the arXiv metadata format has one record per line',
						hint: 'write one JSON object per line: `jq -c . FILE` (jq without -c spreads each record over many lines)',
					},
				],
			});
		}
	});
	test.each([
		['2025-01-01.txt', ' \n\n'],
		['x.jsonl', '\r\n\t \n'],
		['x.jsonl', '\uFEFF\uFEFF\n'],
		['x.jsonl', ' \u00A0\u2028\n'],
	])('an empty file is an error (%s, %j)', (name, text) => {
		expect(parseSource({ name, bytes: bytes(text) }).errors).toEqual([
			{ file: name, line: 0, message: 'file is empty', hint: 'add papers to it or remove it' },
		]);
	});
	test('one or two byte-order marks are not text: a column on the first line counts from after them', () => {
		const line = '{"id": "2504.00002" "title": "T"}\n';
		const plain = parseSource({ name: 'x.jsonl', bytes: bytes(line) }).errors;
		expect(plain[0]!.message).toMatch(/at column 21$/);
		for (const marks of ['\uFEFF', '\uFEFF\uFEFF'])
			expect(parseSource({ name: 'x.jsonl', bytes: bytes(marks + line) }).errors).toEqual(plain);
	});
	test('a file with text after non-ASCII white space is not empty', () => {
		expect(parseSource({ name: 'x.jsonl', bytes: bytes('\u00A0x\n') }).errors[0]!.message).toMatch(
			/invalid JSON/,
		);
	});
	test('JSON Lines are decoded line by line: non-ASCII text, CRLF and line numbers survive', () => {
		const text = [
			'{"title":"Caf\u00e9 \ud83d\ude00 عربي","abstract":"A \u00e9.","update_date":"2025-01-01"}',
			'',
			'  {"title":"T2","abstract":"B.\\n","update_date":"2025-01-02"}\r',
			'{broken',
			'{"title":"Ünïcödé ü","abstract":"C ∑.","update_date":"2025-01-03"}',
			'',
		].join('\n');
		const fromBytes = parseSource({ name: 'x.jsonl', bytes: bytes(text) });
		expect(fromBytes.records.map((r) => [r.title, r.source.line])).toEqual([
			['Café 😀 عربي', 1],
			['T2', 3],
			['Ünïcödé ü', 5],
		]);
		expect(fromBytes.records.map((r) => r.abstract)).toEqual(['A é.', 'B.\n', 'C ∑.']);
		expect(fromBytes.errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
			[4, 'invalid JSON'],
		]);
	});
	test('invalid UTF-8 is an error naming the line', () => {
		const bad = new Uint8Array([...bytes('ok line\nsecond '), 0xff, 0xfe, ...bytes('\n')]);
		expect(parseSource({ name: 'x.jsonl', bytes: bad }).errors[0]).toMatchObject({
			line: 2,
			message: 'file is not valid UTF-8',
		});
	});
	test('control characters are an error naming their line: never silently shown or dropped', () => {
		// A UTF-16 file without a byte-order mark is valid UTF-8 full of NUL bytes: it used to
		// become 150 papers titled with NULs.
		const page = `new\n\nMar 18\n\nA Title\n\n${ABSTRACT}\n`;
		const utf16 = parseSource({ name: '2025-03-18-x.txt', bytes: Buffer.from(page, 'utf16le') });
		expect(utf16.records).toEqual([]);
		expect(utf16.errors).toEqual([
			expect.objectContaining({ line: 1, message: expect.stringMatching(/U\+0000/) }),
		]);
		expect(utf16.errors[0]!.hint).toMatch(/UTF-16/);
		const bell = parseSource({
			name: '2025-03-18-x.txt',
			bytes: bytes(page.replace('A Title', 'A\u0007Title')),
		});
		expect(bell.errors).toEqual([
			expect.objectContaining({ line: 5, message: expect.stringMatching(/U\+0007/) }),
		]);
		// XML has no U+FFFE or U+FFFF either: one in a title made rss.xml unreadable.
		const nonchar = parseSource({
			name: '2025-03-18-x.txt',
			bytes: bytes(page.replace('A Title', 'A\ufffeTitle')),
		});
		expect(nonchar.errors).toEqual([
			expect.objectContaining({ line: 5, message: 'noncharacter U+FFFE' }),
		]);
		// In JSON Lines they can only come as escapes, like an unpaired surrogate.
		const rec = (o: object): string =>
			JSON.stringify({ title: 'T', abstract: 'A b c.', update_date: '2025-04-18', ...o });
		const jsonl = parseSource({
			name: 'x.jsonl',
			bytes: bytes(
				[
					rec({}),
					rec({ title: 'A\u0000B' }),
					rec({ comments: 'x\u001b[31m' }),
					rec({ abstract: 'Lone \ud800 half' }),
					rec({ title: 'Not \uffff a character' }),
					rec({ abstract: 'A pair 🚀 and tab\t and \n are fine.' }),
				].join('\n'),
			),
		});
		expect(jsonl.records.map((r) => r.source.line)).toEqual([1, 6]);
		expect(jsonl.errors.map((e) => [e.line, e.message])).toEqual([
			[2, 'control character U+0000 in "title"'],
			[3, 'control character U+001B in "comments"'],
			[4, 'unpaired surrogate U+D800 in "abstract"'],
			[5, 'noncharacter U+FFFF in "title"'],
		]);
	});

	test('C1 controls and DEL are an error with a hint at the encoding that made them', () => {
		// Windows-1252 curly quotes read as Latin-1 become U+0093/U+0094: shown as nothing, and an
		// HTML parse error on every page that carries them.
		const page = `new\n\nMar 18\n\nA Title\n\nWe study \u0093smart\u0094 quotes in text here.\n`;
		const trending = parseSource({ name: '2025-03-18-x.txt', bytes: bytes(page) });
		expect(trending.records).toEqual([]);
		expect(trending.errors).toEqual([
			expect.objectContaining({ line: 7, message: 'control character U+0093' }),
		]);
		expect(trending.errors[0]!.hint).toMatch(/Windows-1252/);
		// Raw in JSON Lines (valid JSON, unlike raw C0 controls) and as escapes.
		const rec = (o: object): string =>
			JSON.stringify({ title: 'T', abstract: 'A b c.', update_date: '2025-04-18', ...o });
		const jsonl = parseSource({
			name: 'x.jsonl',
			bytes: bytes(
				[
					rec({ abstract: 'Raw \u0085 next line' }),
					rec({ title: 'Del\u007f' }).replace('\u007f', '\\u007f'),
					rec({ abstract: 'Latin-1 letters é and ÿ are fine.' }),
				].join('\n'),
			),
		});
		expect(jsonl.records.map((r) => r.source.line)).toEqual([3]);
		expect(jsonl.errors.map((e) => [e.line, e.message])).toEqual([
			[1, 'control character U+0085 in "abstract"'],
			[2, 'control character U+007F in "title"'],
		]);
		expect(jsonl.errors[0]!.hint).toMatch(/Windows-1252/);
	});

	test('a byte-order mark is ignored', () => {
		const { records } = parseSource({
			name: 'x.jsonl',
			bytes: bytes('\uFEFF{"title":"T","abstract":"A.","update_date":"2025-01-01"}'),
		});
		expect(records).toHaveLength(1);
	});
});

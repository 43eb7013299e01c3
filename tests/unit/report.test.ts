import { describe, expect, test } from 'vitest';
import {
	formatProblem,
	formatProblems,
	formatSummary,
	SUMMARY_LIST_MAX,
} from '../../scripts/ingest/report.ts';

const base = {
	sources: 1,
	records: 3,
	papers: 3,
	duplicates: 0,
	written: 3,
	unchanged: 0,
	removed: 0,
	milliseconds: 1234,
};

describe('formatSummary', () => {
	test('lists a few catch-all papers and counts the rest', () => {
		const catchAll = Array.from({ length: 12885 }, (_, i) => `p${i}`);
		const line = formatSummary({ ...base, catchAll })
			.split('\n')
			.at(-1)!;
		expect(line).toBe(
			`ingest: 12885 paper(s) in the catch-all topic: ${catchAll.slice(0, SUMMARY_LIST_MAX).join(', ')} and ${12885 - SUMMARY_LIST_MAX} more`,
		);
	});

	test('lists every name when there are few', () => {
		const out = formatSummary({
			...base,
			catchAll: ['a', 'b'],
			redirects: [{ from: 'x', to: '2501.00001' }],
		});
		expect(out).toContain('ingest: 2 paper(s) in the catch-all topic: a, b\n');
		expect(out).toMatch(
			/1 former address\(es\) redirect to the paper's arXiv id: x → 2501\.00001$/,
		);
		expect(out).toContain(
			'files 3 written, 0 unchanged, 0 removed (an .mdx per paper, plus _topics.json and _redirects.json) in 1.23 s',
		);
	});
});

describe('formatProblem', () => {
	test('names the file as the operator gave the folder, with the line and hint', () => {
		expect(
			formatProblem('error', { file: 'a.txt', line: 4, message: 'bad', hint: 'fix it' }, 'src/'),
		).toBe('error: src/a.txt:4: bad\n  hint: fix it');
		expect(formatProblem('warning', { file: 'a.txt', line: 0, message: 'odd' })).toBe(
			'warning: content/sources/a.txt: odd',
		);
	});
});

describe('formatProblems', () => {
	const problem = (file: string, line: number) => ({ file, line, message: `bad ${line}` });
	test('prints at most a few per file, then how many more there are in that file', () => {
		const problems = [
			...Array.from({ length: 13 }, (_, i) => problem('a.jsonl', i + 1)),
			problem('b.txt', 4),
		];
		expect(formatProblems('error', problems, 'src', 3)).toEqual([
			'error: src/a.jsonl:1: bad 1',
			'error: src/a.jsonl:2: bad 2',
			'error: src/a.jsonl:3: bad 3',
			'error: … and 10 more in src/a.jsonl',
			'error: src/b.txt:4: bad 4',
		]);
	});
	test('prints every problem of a file with up to the limit, with their hints', () => {
		const problems = Array.from({ length: 10 }, (_, i) => ({
			...problem('a.txt', i + 1),
			hint: 'fix',
		}));
		const lines = formatProblems('warning', problems);
		expect(lines).toHaveLength(10);
		expect(lines[9]).toBe('warning: content/sources/a.txt:10: bad 10\n  hint: fix');
		expect(formatProblems('warning', [...problems, problem('a.txt', 11)]).at(-1)).toBe(
			'warning: … and 1 more in content/sources/a.txt',
		);
	});
});

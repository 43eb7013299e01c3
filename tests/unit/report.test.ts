import { describe, expect, test } from 'vitest';
import { formatProblem, formatSummary, SUMMARY_LIST_MAX } from '../../scripts/ingest/report.ts';

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
		expect(out).toMatch(/the former address redirects: x → 2501\.00001$/);
		expect(out).toContain('entries 3 written, 0 unchanged, 0 removed in 1.23 s');
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

/**
 * The benchmark and quality scripts' command lines: the parsers (pure), and each script as an
 * operator runs it with --help, a mistyped option or a missing corpus: it must answer and exit
 * before doing any work.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
	corporaProblem,
	count,
	counts,
	onPath,
	parseBenchArgs,
	parseBenchCardsArgs,
	parseBenchRelatedArgs,
	parseCardsMetricsArgs,
	parseSearchQualityArgs,
	parseTopicQualityArgs,
} from '../../scripts/bench/cli.ts';

describe('numeric options', () => {
	test('whole numbers from 1 to the maximum', () => {
		expect(count('--papers', '100', 1000)).toBe(100);
		expect(count('--papers', ' 7 ', 1000)).toBe(7);
		for (const bad of ['abc', '', '0', '-5', '1e3', '1.5', '10,000', '1001', 'NaN', 'Infinity'])
			expect(() => count('--papers', bad, 1000)).toThrow(
				`--papers must be a whole number from 1 to 1,000, not "${bad}"`,
			);
	});

	test('lists of them', () => {
		expect(counts('--sizes', '1000,10000', 200_000)).toEqual([1000, 10000]);
		expect(() => counts('--sizes', '1000,,10', 200_000)).toThrow(/separated by commas/);
		expect(() => counts('--sizes', '1000,abc', 200_000)).toThrow(/not "abc"/);
	});
});

describe('npm run bench', () => {
	test('defaults', () => {
		expect(parseBenchArgs([])).toEqual({
			kind: 'run',
			options: {
				papers: 1000,
				cards: 'on',
				keep: false,
				hugo: false,
				verify: false,
				check: false,
				shared: '../shared',
			},
		});
	});

	test('options, help and mistakes', () => {
		const r = parseBenchArgs(['--papers', '100', '--cards', 'off', '--keep', '--shared', '/s']);
		expect(r.kind === 'run' && r.options).toMatchObject({
			papers: 100,
			cards: 'off',
			keep: true,
			shared: '/s',
		});
		expect(parseBenchArgs(['--help'])).toEqual({ kind: 'help' });
		expect(parseBenchArgs(['-h', '--papers', 'abc'])).toEqual({ kind: 'help' });
		expect(parseBenchArgs(['--papers', 'abc'])).toEqual({
			kind: 'error',
			message: '--papers must be a whole number from 1 to 200,000, not "abc"',
		});
		expect(parseBenchArgs(['--papers', '300000']).kind).toBe('error');
		expect(parseBenchArgs(['--cards', 'maybe'])).toEqual({
			kind: 'error',
			message: '--cards must be on or off, not "maybe"',
		});
		expect(parseBenchArgs(['--paper', '10'])).toEqual({
			kind: 'error',
			message: 'unknown option --paper',
		});
		expect(parseBenchArgs(['10'])).toEqual({ kind: 'error', message: 'unexpected argument 10' });
		expect(parseBenchArgs(['--papers'])).toMatchObject({ kind: 'error' });
	});
});

describe('npm run bench:related', () => {
	test('a small default; sizes validated', () => {
		expect(parseBenchRelatedArgs([])).toEqual({
			kind: 'run',
			options: { sizes: [1000], corpora: '../shared/corpora' },
		});
		expect(parseBenchRelatedArgs(['--sizes', '500,2000', '--corpora', 'c'])).toEqual({
			kind: 'run',
			options: { sizes: [500, 2000], corpora: 'c' },
		});
		expect(parseBenchRelatedArgs(['--size', '500'])).toMatchObject({ options: { size: 500 } });
		expect(parseBenchRelatedArgs(['--sizes', '1000,x']).kind).toBe('error');
		expect(parseBenchRelatedArgs(['--size', '0']).kind).toBe('error');
		expect(parseBenchRelatedArgs(['-h'])).toEqual({ kind: 'help' });
	});
});

describe('the other scripts', () => {
	test('quality:topics: files, corpora, topics', () => {
		expect(parseTopicQualityArgs(['--verbose', 'a.jsonl', 'b.jsonl'])).toEqual({
			kind: 'run',
			options: {
				topics: 'content/topics.yaml',
				corpora: '../shared/corpora',
				verbose: true,
				files: ['a.jsonl', 'b.jsonl'],
			},
		});
		expect(parseTopicQualityArgs(['--topic', 'x'])).toEqual({
			kind: 'error',
			message: 'unknown option --topic',
		});
	});

	test('search-quality: at most DIST and PAPERS, DIST only with --first', () => {
		expect(parseSearchQualityArgs([])).toEqual({
			kind: 'run',
			options: { first: false, dist: 'dist', papers: 'content/papers' },
		});
		expect(parseSearchQualityArgs(['--first', 'd'])).toMatchObject({
			options: { first: true, dist: 'd' },
		});
		expect(parseSearchQualityArgs(['--first', 'd', 'p'])).toEqual({
			kind: 'error',
			message: 'unexpected argument p',
		});
		expect(parseSearchQualityArgs(['d', 'p', 'x']).kind).toBe('error');
	});

	test('bench-cards and cards-metrics', () => {
		expect(parseBenchCardsArgs([])).toEqual({ kind: 'run', options: { cards: 200, warm: 10000 } });
		expect(parseBenchCardsArgs(['--cards', 'lots'])).toMatchObject({
			kind: 'error',
			message: expect.stringMatching(/^--cards must be a whole number/),
		}); // was Number('lots'): NaN cards
		expect(parseCardsMetricsArgs([])).toEqual({ kind: 'run', options: {} });
		expect(parseCardsMetricsArgs(['--help'])).toEqual({ kind: 'help' });
		expect(parseCardsMetricsArgs(['x']).kind).toBe('error');
	});
});

describe('prerequisites', () => {
	const dir = mkdtempSync(join(tmpdir(), 'abstracta-bench-cli-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	test('the corpora folder: missing, a file, without .jsonl, fine', () => {
		expect(corporaProblem(join(dir, 'none'))).toBe(`${join(dir, 'none')}: no such folder`);
		writeFileSync(join(dir, 'file'), '');
		expect(corporaProblem(join(dir, 'file'))).toMatch(/not a folder$/);
		mkdirSync(join(dir, 'corpora'));
		expect(corporaProblem(join(dir, 'corpora'))).toMatch(/no \.jsonl files/);
		writeFileSync(join(dir, 'corpora', 'a.jsonl'), '');
		expect(corporaProblem(join(dir, 'corpora'))).toBeUndefined();
	});

	test('an executable on PATH', () => {
		mkdirSync(join(dir, 'bin'));
		writeFileSync(join(dir, 'bin', 'tool'), '#!/bin/sh\n');
		writeFileSync(join(dir, 'bin', 'plain'), '');
		chmodSync(join(dir, 'bin', 'tool'), 0o755);
		expect(onPath('tool', `/nonexistent:${join(dir, 'bin')}`)).toBe(true);
		expect(onPath('plain', join(dir, 'bin'))).toBe(false);
		expect(onPath('tool', '/nonexistent')).toBe(false);
	});
});

/** Runs a script as `node scripts/NAME.ts ARGS`; resolves with its exit code and output. */
function run(script: string, ...args: string[]) {
	return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
		const child = spawn(process.execPath, [`scripts/${script}.ts`, ...args]);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
		child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
		child.on('close', (status) => done({ status, stdout, stderr }));
	});
}

const SCRIPTS: Array<[script: string, name: string, command: string]> = [
	['bench', 'bench', 'npm run bench --'],
	['bench-related', 'bench:related', 'npm run bench:related --'],
	['topic-quality', 'quality:topics', 'npm run quality:topics --'],
	['search-quality', 'search-quality', 'node scripts/search-quality.ts'],
	['bench-cards', 'bench-cards', 'node scripts/bench-cards.ts'],
	['cards-metrics', 'cards-metrics', 'node scripts/cards-metrics.ts'],
];

describe('the scripts as run', { timeout: 60_000 }, () => {
	test.each(SCRIPTS)('%s: --help exits 0, a mistyped option exits 2', async (script, name, cmd) => {
		const [help, mistake] = await Promise.all([run(script, '--help'), run(script, '--bogus')]);
		expect(help).toMatchObject({ status: 0, stderr: '' });
		expect(help.stdout).toMatch(/^Usage: /);
		expect(help.stdout).toMatch(/-h, --help/);
		expect(mistake).toEqual({
			status: 2,
			stdout: '',
			stderr: `${name}: unknown option --bogus\n  hint: run \`${cmd} --help\` for the options\n`,
		});
	});

	test('bench: a bad --papers exits 2 before making a temporary folder', async () => {
		const before = readdirSync(tmpdir()).filter((f) => f.startsWith('abstracta-bench-NaN'));
		const r = await run('bench', '--papers', 'abc', '--shared', '/nonexistent');
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/^bench: --papers must be a whole number from 1 to 200,000/);
		const after = readdirSync(tmpdir()).filter((f) => f.startsWith('abstracta-bench-NaN'));
		expect(after).toEqual(before);
	});

	test('missing corpora: one line saying so and how to point at them, exit 1', async () => {
		const [bench, related, topics] = await Promise.all([
			run('bench', '--papers', '10', '--shared', '/nonexistent'),
			run('bench-related', '--corpora', '/nonexistent/corpora'),
			run('topic-quality', '--corpora', '/nonexistent/corpora'),
		]);
		expect(bench.status).toBe(1);
		expect(bench.stderr).toMatch(
			/^bench: \/nonexistent\/corpora: no such folder.*\n.*--shared DIR/,
		);
		for (const [r, name] of [
			[related, 'bench:related'],
			[topics, 'quality:topics'],
		] as const) {
			expect(r.status).toBe(1);
			expect(r.stdout).toBe('');
			expect(r.stderr).toMatch(
				new RegExp(`^${name}: no corpora: /nonexistent/corpora: no such folder\\n.*--corpora DIR`),
			);
			expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
		}
	});
});

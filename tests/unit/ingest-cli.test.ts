/** The ingest command as an operator runs it: exit codes, messages, atomic and idempotent writes. */
import { execFileSync, spawnSync } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { outFolderProblem } from '../../scripts/ingest/cli.ts';

const SEED = '../shared/seeds/000_c259b851a26a1daf.txt';
let dir: string;
const run = (...args: string[]) =>
	spawnSync(
		process.execPath,
		['scripts/ingest.ts', '--sources', join(dir, 'sources'), '--out', join(dir, 'papers'), ...args],
		{ encoding: 'utf8' },
	);

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'abstracta-ingest-'));
	cpSync(SEED, join(dir, 'sources', '2025-03-18-trending.txt'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest command', { timeout: 120_000 }, () => {
	test('writes one entry per seed paper and a summary', () => {
		const r = run();
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/75 record\(s\) → 75 paper\(s\)/);
		expect(readdirSync(join(dir, 'papers')).filter((f) => f.endsWith('.mdx'))).toHaveLength(75);
	});

	test('a second run with unchanged inputs writes no file', () => {
		run();
		const file = join(dir, 'papers', 'codet5.mdx');
		const before = statSync(file);
		const r = run();
		expect(r.stdout).toMatch(/files 0 written, 77 unchanged, 0 removed \(an .mdx per paper, plus/);
		const after = statSync(file);
		expect([after.mtimeMs, after.ino]).toEqual([before.mtimeMs, before.ino]);
	});

	test('removing a source removes its entries', () => {
		run();
		writeFileSync(
			join(dir, 'sources', 'extra.jsonl'),
			JSON.stringify({
				id: '2501.00001',
				title: 'Extra',
				abstract: 'An extra abstract.',
				update_date: '2025-01-01',
			}),
		);
		run();
		expect(readdirSync(join(dir, 'papers'))).toContain('2501.00001.mdx');
		rmSync(join(dir, 'sources', 'extra.jsonl'));
		expect(run().stdout).toMatch(/1 removed/);
		expect(readdirSync(join(dir, 'papers'))).not.toContain('2501.00001.mdx');
	});

	test('bad input: every problem with file and line, exit 1, nothing written', () => {
		run();
		const snapshot = readdirSync(join(dir, 'papers')).map((f) =>
			readFileSync(join(dir, 'papers', f), 'utf8'),
		);
		writeFileSync(join(dir, 'sources', '2025-03-19-bad.txt'), 'Mar 19\n\nA Lonely Title\n');
		writeFileSync(
			join(dir, 'sources', 'bad.jsonl'),
			'{"title": "T", "abstract": "A.", "update_date": "2025-01-01"}\n{broken\n{"title": "No abstract", "update_date": "2025-01-01"}\n',
		);
		writeFileSync(join(dir, 'sources', 'notes.md'), '# notes');
		const r = run();
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(
			`${join(dir, 'sources')}/2025-03-19-bad.txt:3: title without abstract`,
		);
		expect(r.stderr).toContain(`${join(dir, 'sources')}/bad.jsonl:2: invalid JSON`);
		expect(r.stderr).toContain(`${join(dir, 'sources')}/bad.jsonl:3: record without abstract`);
		expect(r.stderr).toContain(`${join(dir, 'sources')}/notes.md: unknown source format`);
		// The hint names the folder the operator gave, not the default one.
		expect(r.stderr).toContain(`or move the file out of ${join(dir, 'sources')}/\n`);
		expect(r.stderr).toMatch(/4 error\(s\); nothing was written/);
		expect(
			readdirSync(join(dir, 'papers')).map((f) => readFileSync(join(dir, 'papers', f), 'utf8')),
		).toEqual(snapshot);
		expect(readdirSync(dir).sort()).toEqual(['papers', 'sources']);
	});

	test('a file wrong throughout: ten problems, a count of the rest, and the whole count', () => {
		// Every line broken (records cut at 80 columns, say): every line is a problem.
		const lines = Array.from({ length: 25 }, (_, i) => `{"title": "T${i}",`);
		writeFileSync(join(dir, 'sources', 'wrapped.jsonl'), `${lines.join('\n')}\n`);
		const r = run();
		expect(r.status).toBe(1);
		const shown = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
		expect(shown).toEqual([
			...Array.from(
				{ length: 10 },
				(_, i) =>
					`error: ${join(dir, 'sources')}/wrapped.jsonl:${i + 1}: invalid JSON: Expected double-quoted property name at column ${15 + String(i).length}`,
			),
			`error: … and 15 more in ${join(dir, 'sources')}/wrapped.jsonl`,
		]);
		expect(r.stderr).toMatch(/\ningest: 25 error\(s\); nothing was written\.\n$/);
	});

	test('a link to nothing among the sources is named in its folder, with a hint', () => {
		mkdirSync(join(dir, 'sources', 'dumps'));
		symlinkSync(join(dir, 'gone.jsonl'), join(dir, 'sources', 'dumps', 'arxiv.jsonl'));
		const r = run();
		expect(r.status).toBe(1);
		expect(r.stderr).toBe(
			`error: ${join(dir, 'sources')}/dumps/arxiv.jsonl: a symbolic link to nothing (${join(dir, 'gone.jsonl')})\n  hint: remove the link, or restore its target\ningest: nothing was written.\n`,
		);
		expect(readdirSync(dir)).toEqual(['sources']);
	});

	test('--help and -h print the options and their defaults, exit 0', () => {
		for (const flag of ['--help', '-h']) {
			const r = run(flag);
			expect(r.status).toBe(0);
			expect(r.stderr).toBe('');
			expect(r.stdout).toMatch(/^Usage: npm run ingest -- \[options\]/);
			for (const option of ['--sources DIR', '--out DIR', '--topics FILE', '--quiet', '--help'])
				expect(r.stdout).toContain(option);
			expect(r.stdout).toContain('(default: content/sources)');
		}
		expect(readdirSync(dir)).toEqual(['sources']);
	});

	test('a mistyped command: one line and the usage hint, exit 2, no stack trace', () => {
		for (const [args, message] of [
			[['--verbose'], 'ingest: unknown option --verbose'],
			[['stray'], 'ingest: unexpected argument stray'],
		] as const) {
			const r = run(...args);
			expect(r.status).toBe(2);
			expect(r.stderr).toBe(
				`${message}\n  hint: run \`npm run ingest -- --help\` for the options\n`,
			);
			expect(r.stdout).toBe('');
		}
		expect(readdirSync(dir)).toEqual(['sources']);
	});

	test('a --sources folder that does not exist is named as missing, exit 1, nothing written', () => {
		const missing = join(dir, 'no-such-folder');
		const r = spawnSync(
			process.execPath,
			['scripts/ingest.ts', '--sources', missing, '--out', join(dir, 'papers')],
			{ encoding: 'utf8' },
		);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(`error: ${missing}: no such folder`);
		expect(r.stderr).not.toContain('no source files');
		expect(readdirSync(dir)).toEqual(['sources']);
		// An existing but empty folder keeps its own message.
		rmSync(join(dir, 'sources', '2025-03-18-trending.txt'));
		const empty = run();
		expect(empty.status).toBe(1);
		expect(empty.stderr).toContain(
			`${join(dir, 'sources')}/.: no source files\n  hint: put trending pages (.txt) or arXiv JSON Lines (.jsonl) in ${join(dir, 'sources')}/\n`,
		);
	});

	test('an --out that would delete sources, the taxonomy or foreign files is refused, exit 1', () => {
		writeFileSync(join(dir, 'notes.md'), 'keep');
		const at = (out: string, sources = join(dir, 'sources')) =>
			spawnSync(process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', out], {
				encoding: 'utf8',
			});
		for (const [out, says] of [
			[dir, 'holds the sources folder'],
			[join(dir, 'sources'), 'is the sources folder'],
			[join(dir, 'sources', 'papers'), 'is inside the sources folder'],
			[join(dir, 'notes.md'), 'is a file, not a folder'],
			[dir + '/', 'holds the sources folder'],
		] as const) {
			const r = at(out);
			expect(r.status, out).toBe(1);
			expect(r.stderr).toContain(`error: --out ${out} ${says}`);
			expect(r.stderr).toContain('nothing was written');
		}
		expect(readdirSync(dir).sort()).toEqual(['notes.md', 'sources']);
		expect(readdirSync(join(dir, 'sources'))).toEqual(['2025-03-18-trending.txt']);
		// A folder of generated entries (and a Finder .DS_Store) is replaced; a stray file is not.
		expect(run('--quiet').status).toBe(0);
		writeFileSync(join(dir, 'papers', '.DS_Store'), '');
		expect(run('--quiet').status).toBe(0);
		writeFileSync(join(dir, 'papers', 'draft.md'), 'mine');
		const foreign = run('--quiet');
		expect(foreign.status).toBe(1);
		expect(foreign.stderr).toContain('holds files the ingest did not write (draft.md)');
		expect(readFileSync(join(dir, 'papers', 'draft.md'), 'utf8')).toBe('mine');
	});

	test('two clean runs produce the same bytes, with no clock or machine path in them', () => {
		run();
		const first = readdirSync(join(dir, 'papers')).map((f) =>
			readFileSync(join(dir, 'papers', f), 'utf8'),
		);
		rmSync(join(dir, 'papers'), { recursive: true });
		run();
		const second = readdirSync(join(dir, 'papers')).map((f) =>
			readFileSync(join(dir, 'papers', f), 'utf8'),
		);
		expect(second).toEqual(first);
		expect(first.join('')).not.toContain(dir);
		expect(first.join('')).not.toContain(
			execFileSync('date', ['+%Y-%m-%d'], { encoding: 'utf8' }).trim(),
		);
	});
});

describe('outFolderProblem', () => {
	const paths = {
		out: '/p/content/papers',
		sources: '/p/content/sources',
		topics: '/p/content/topics.yaml',
	};
	test('a folder beside the sources, empty or holding generated files, is fine', () => {
		expect(outFolderProblem(paths, [])).toBeUndefined();
		expect(
			outFolderProblem(paths, ['a.mdx', '_topics.json', '_redirects.json', '.DS_Store']),
		).toBeUndefined();
		// A name that only starts like the sources folder is not inside it.
		expect(outFolderProblem({ ...paths, out: '/p/content/sources-out' }, [])).toBeUndefined();
	});
	test('the sources, their parent, a folder inside them, the taxonomy and foreign files are not', () => {
		expect(outFolderProblem({ ...paths, out: paths.sources }, [])).toMatch(/^is the sources/);
		expect(outFolderProblem({ ...paths, out: '/p' }, [])).toMatch(/^holds the sources/);
		expect(outFolderProblem({ ...paths, out: '/p/content/sources/x' }, [])).toMatch(/^is inside/);
		expect(outFolderProblem({ ...paths, topics: '/p/content/papers/topics.yaml' }, [])).toMatch(
			/^holds the topics file/,
		);
		expect(outFolderProblem(paths, ['a.mdx', 'e.md', 'b.txt', 'c', 'd'])).toBe(
			'holds files the ingest did not write (b.txt, c, d, and 1 more): the output folder is replaced whole, they would be deleted',
		);
	});
});

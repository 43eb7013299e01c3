/** Writing the entries: atomic, idempotent, on this thread or streamed to a worker thread. */
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync,
	truncateSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openFolderSink } from '../../scripts/ingest/write-worker.ts';
import { FolderWriter, readSourceFiles, writeFolder } from '../../scripts/ingest/write.ts';

let parent: string;
let dir: string;
beforeEach(() => {
	parent = mkdtempSync(join(tmpdir(), 'abstracta-write-'));
	dir = join(parent, 'papers');
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

const files = (n: number, tag = '') =>
	new Map(Array.from({ length: n }, (_, i) => [`p${i}.mdx`, `paper ${i}${tag}\n`]));
const contents = (d: string) =>
	Object.fromEntries(readdirSync(d).map((name) => [name, readFileSync(join(d, name), 'utf8')]));

describe('writeFolder', () => {
	test('writes, then changes nothing for the same files, then replaces and removes', () => {
		expect(writeFolder(dir, files(3))).toEqual({ written: 3, unchanged: 0, removed: 0 });
		const before = statSync(join(dir, 'p0.mdx'));
		expect(writeFolder(dir, files(3))).toEqual({ written: 0, unchanged: 3, removed: 0 });
		expect(readdirSync(parent)).toEqual(['papers']); // no staging folder was made
		const changed = new Map([...files(2)].map(([n, t]) => [n, n === 'p1.mdx' ? 'new\n' : t]));
		expect(writeFolder(dir, changed)).toEqual({ written: 1, unchanged: 1, removed: 1 });
		expect(contents(dir)).toEqual({ 'p0.mdx': 'paper 0\n', 'p1.mdx': 'new\n' });
		const after = statSync(join(dir, 'p0.mdx'));
		expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]); // linked, not rewritten
		expect(readdirSync(parent)).toEqual(['papers']);
	});

	test('a run that only removes entries deletes them', () => {
		writeFolder(dir, files(3));
		expect(writeFolder(dir, files(2))).toEqual({ written: 0, unchanged: 2, removed: 1 });
		expect(contents(dir)).toEqual({ 'p0.mdx': 'paper 0\n', 'p1.mdx': 'paper 1\n' });
		expect(readdirSync(parent)).toEqual(['papers']);
	});

	test('dot files in the folder stay through a replacement, and count as nothing', () => {
		writeFolder(dir, files(2));
		writeFileSync(join(dir, '.gitkeep'), '');
		mkdirSync(join(dir, '.notes'));
		writeFileSync(join(dir, '.notes', 'todo.txt'), 'x\n');
		expect(writeFolder(dir, files(2))).toEqual({ written: 0, unchanged: 2, removed: 0 });
		expect(writeFolder(dir, files(1, '!'))).toEqual({ written: 1, unchanged: 0, removed: 1 });
		expect(readdirSync(dir).sort()).toEqual(['.gitkeep', '.notes', 'p0.mdx']);
		expect(readFileSync(join(dir, '.notes', 'todo.txt'), 'utf8')).toBe('x\n');
		expect(readdirSync(parent)).toEqual(['papers']);
	});

	test('an abandoned run leaves the folder as it was', () => {
		writeFolder(dir, files(2));
		const w = new FolderWriter(dir);
		w.add('p0.mdx', 'changed\n');
		w.abort();
		expect(contents(dir)).toEqual({ 'p0.mdx': 'paper 0\n', 'p1.mdx': 'paper 1\n' });
		expect(readdirSync(parent)).toEqual(['papers']);
	});
});

describe(
	'entry sinks: streamed to a worker thread or written on this one',
	{ timeout: 30_000 },
	() => {
		test('gives the same folder and summary as writing on this thread', async () => {
			const other = join(parent, 'other');
			writeFolder(other, files(600));
			const sink = openFolderSink(dir, 600, 0);
			for (const [name, text] of files(600)) sink.add(name, text);
			expect(await sink.finish()).toEqual({ written: 600, unchanged: 0, removed: 0 });
			expect(contents(dir)).toEqual(contents(other));

			const again = openFolderSink(dir, 600, 0);
			for (const [name, text] of files(600)) again.add(name, text);
			expect(await again.finish()).toEqual({ written: 0, unchanged: 600, removed: 0 });
		});

		test('abort leaves the folder as it was and no staging folder', async () => {
			writeFolder(dir, files(3));
			const sink = openFolderSink(dir, 1000, 0);
			for (const [name, text] of files(1000, ' v2')) sink.add(name, text);
			await sink.abort();
			expect(contents(dir)).toEqual(Object.fromEntries(files(3)));
			expect(readdirSync(parent)).toEqual(['papers']);
		});

		test.each([0, Number.POSITIVE_INFINITY])(
			'a failed write is reported when finishing, and nothing changes (threaded from %s)',
			async (threadedFrom) => {
				writeFolder(dir, files(2));
				// A name that cannot be created: its folder does not exist.
				const sink = openFolderSink(dir, 10, threadedFrom);
				sink.add('p0.mdx', 'changed\n');
				sink.add('sub/x.mdx', 'cannot be written\n');
				sink.add('p1.mdx', 'paper 1\n');
				await expect(sink.finish()).rejects.toThrow(/ENOENT|sub/);
				expect(contents(dir)).toEqual(Object.fromEntries(files(2)));
				expect(existsSync(join(parent, '.papers.staging'))).toBe(false);
			},
		);
	},
);

describe('readSourceFiles', () => {
	test('reads subfolders and followed links, skips dot files, and enters a folder once', () => {
		const src = join(parent, 'sources');
		const outside = join(parent, 'outside');
		mkdirSync(join(src, 'trending'), { recursive: true });
		mkdirSync(outside);
		writeFileSync(join(src, 'b.jsonl'), 'B');
		writeFileSync(join(src, 'trending', '2025-03-18.txt'), 'T');
		writeFileSync(join(src, '.DS_Store'), 'x');
		writeFileSync(join(outside, 'dump.jsonl'), 'D');
		symlinkSync(join(outside, 'dump.jsonl'), join(src, 'a-linked.jsonl'));
		symlinkSync(src, join(src, 'trending', 'loop')); // a link back up: not entered twice
		const read = readSourceFiles(src).map((f) => [f.name, Buffer.from(f.bytes).toString()]);
		expect(read).toEqual([
			['a-linked.jsonl', 'D'],
			['b.jsonl', 'B'],
			['trending/2025-03-18.txt', 'T'],
		]);
		expect(readSourceFiles(join(parent, 'missing'))).toEqual([]);
	});

	test('a link to nothing is named in the error', () => {
		const src = join(parent, 'sources');
		mkdirSync(join(src, 'dumps'), { recursive: true });
		symlinkSync(join(parent, 'gone.jsonl'), join(src, 'dumps', 'arxiv.jsonl'));
		expect(() => readSourceFiles(src)).toThrow(
			expect.objectContaining({
				problem: {
					file: 'dumps/arxiv.jsonl',
					line: 0,
					message: `a symbolic link to nothing (${join(parent, 'gone.jsonl')})`,
					hint: 'remove the link, or restore its target',
				},
			}),
		);
	});

	test('a file too large to read is named in the error', () => {
		const src = join(parent, 'sources');
		mkdirSync(src);
		writeFileSync(join(src, 'huge.jsonl'), '');
		truncateSync(join(src, 'huge.jsonl'), 2 ** 31 + 1); // sparse: no disk used
		expect(() => readSourceFiles(src)).toThrow(
			/^huge\.jsonl: the file is too large to read \(2\.0 GiB/,
		);
	});
});

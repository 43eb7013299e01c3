import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

/**
 * A stand-in for the Pagefind binary (PAGEFIND_BINARY_PATH): records its arguments and the
 * chunk size it was started with, writes a small bundle where it is told to, and fails on demand.
 */
const FAKE = `#!/bin/sh
printf '%s\\n' "$@" > "$FAKE_LOG"
echo "chunk size $PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE" >> "$FAKE_LOG"
if [ -n "$FAKE_FAIL" ]; then echo "Error: bad.html: unparseable" >&2; exit 1; fi
out=""
while [ $# -gt 0 ]; do [ "$1" = "--output-path" ] && out="$2"; shift; done
mkdir -p "$out/index" "$out/fragment"
printf chunk > "$out/index/en_1234567.pf_index"
printf '{}' > "$out/pagefind-entry.json"
echo "  Indexed 3 pages"
`;

const {
	default: pagefindIntegration,
	indexSite,
	pagefindArgs,
	INDEX_CHUNK_SIZE,
} = await import('../../src/integrations/pagefind.ts');
const { SEARCH_FILE, TEXT_FILE, writePaperTexts, writeRecordLines } =
	await import('../../src/lib/paper-text.ts');
const { pruneStale } = await import('../../src/integrations/stale-output.ts');

let out: string;
let tools: string;
const saved = { ...process.env };
beforeEach(() => {
	out = mkdtempSync(join(tmpdir(), 'abstracta-pf-'));
	tools = mkdtempSync(join(tmpdir(), 'abstracta-pf-bin-'));
	writeFileSync(join(tools, 'pagefind'), FAKE);
	chmodSync(join(tools, 'pagefind'), 0o755);
	process.env.PAGEFIND_BINARY_PATH = join(tools, 'pagefind');
	process.env.FAKE_LOG = join(tools, 'log');
});
afterEach(() => {
	process.env = { ...saved };
	rmSync(out, { recursive: true, force: true });
	rmSync(tools, { recursive: true, force: true });
});

/** Every file under `dir`, relative, sorted. */
const tree = (dir: string): string[] =>
	(readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => statSync(join(dir, f)).isFile())
		.sort();
const log = (): string[] => readFileSync(join(tools, 'log'), 'utf8').trim().split('\n');

describe('Pagefind integration', () => {
	test('indexes the build output into its pagefind/ folder and reports what it wrote', async () => {
		expect(await indexSite(out, { maxFragments: 500 })).toEqual({
			pages: 3,
			chunks: 1,
			largestChunk: 5,
		});
		const args = log();
		// Pagefind writes into a staging folder inside the output, removed afterwards.
		expect(args.slice(0, 3)).toEqual(['--site', out, '--output-path']);
		expect(args[3]!.startsWith(join(out, '.pagefind-'))).toBe(true);
		expect(args.slice(4)).toEqual([
			...['--force-language', 'en', '--exclude-selectors', 'math'],
			...['--max-fragments', '500'],
			`chunk size ${INDEX_CHUNK_SIZE}`,
		]);
		expect(tree(out)).toEqual([
			'pagefind/index/en_1234567.pf_index',
			'pagefind/pagefind-entry.json',
		]);
	});

	test('passes the chunk size, selectors and glob, and leaves the environment alone', async () => {
		process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '123';
		await indexSite(out, { indexChunkSize: 4000, excludeSelectors: ['.x'], glob: 'papers/**' });
		expect(log()).toContain('chunk size 4000');
		expect(pagefindArgs(out, { excludeSelectors: ['.x'], glob: 'papers/**' })).toEqual([
			...['--site', out, '--output-path', join(out, 'pagefind'), '--force-language', 'en'],
			...['--exclude-selectors', 'math', '--exclude-selectors', '.x'],
			...['--glob', 'papers/**'],
		]);
		expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe('123');
	});

	test('fails the build with Pagefind’s own message', async () => {
		process.env.FAKE_FAIL = '1';
		await expect(indexSite(out)).rejects.toThrow(/exit code 1[\s\S]*bad\.html: unparseable/);
	});

	test('moves in new files, leaves identical hashed ones, removes the previous index’s rest', async () => {
		const bundle = join(out, 'pagefind');
		mkdirSync(join(bundle, 'fragment'), { recursive: true });
		mkdirSync(join(bundle, 'index'), { recursive: true });
		writeFileSync(join(bundle, 'fragment/en_0000000.pf_fragment'), 'old');
		writeFileSync(join(bundle, 'index/en_1234567.pf_index'), 'chunk');
		writeFileSync(join(bundle, 'pagefind-entry.json'), 'old');
		const kept = statSync(join(bundle, 'index/en_1234567.pf_index')).ino;
		await indexSite(out);
		expect(tree(out)).toEqual([
			'pagefind/index/en_1234567.pf_index',
			'pagefind/pagefind-entry.json',
		]);
		expect(statSync(join(bundle, 'index/en_1234567.pf_index')).ino).toBe(kept);
		expect(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')).toBe('{}');
	});

	test('leaves an identical file of a fixed name too (pagefind-entry.json, pagefind.js)', async () => {
		const bundle = join(out, 'pagefind');
		mkdirSync(bundle, { recursive: true });
		writeFileSync(join(bundle, 'pagefind-entry.json'), '{}');
		const kept = statSync(join(bundle, 'pagefind-entry.json')).ino;
		await indexSite(out);
		expect(statSync(join(bundle, 'pagefind-entry.json')).ino).toBe(kept);
	});

	test('replaces a file of the same hashed name that holds other bytes', async () => {
		// Pagefind names files by the shortest free prefix of their hash: an earlier index's
		// file of the same name can hold another page's data.
		const bundle = join(out, 'pagefind');
		mkdirSync(join(bundle, 'index'), { recursive: true });
		writeFileSync(join(bundle, 'index/en_1234567.pf_index'), 'other');
		await indexSite(out);
		expect(readFileSync(join(bundle, 'index/en_1234567.pf_index'), 'utf8')).toBe('chunk');
	});

	test('leaves no staging folder behind when Pagefind fails', async () => {
		process.env.FAKE_FAIL = '1';
		await expect(indexSite(out)).rejects.toThrow();
		expect(readdirSync(out)).toEqual([]);
	});
});

describe('index beside the build', () => {
	/**
	 * A project whose loader files describe one paper (digest `d`, or `recordDigest` for its search
	 * record), with the real integration code under `src/`; runs the three hooks in order.
	 */
	async function build(recordDigest = 'd'): Promise<{ infos: string[]; warns: string[] }> {
		symlinkSync(resolve('src'), join(out, 'src'));
		writePaperTexts(
			join(out, TEXT_FILE),
			new Map([['p1', { digest: 'd', source: 's', html: '<p>Text</p>', summary: 'Text' }]]),
		);
		const fields = { title: 'T', authors: [], date: '2025-01-01', rank: 1, topics: [] };
		writeRecordLines(
			join(out, SEARCH_FILE),
			new Map([
				[
					'p1',
					{ digest: recordDigest, json: JSON.stringify({ ...fields, codeUrls: [], keywords: [] }) },
				],
			]),
		);
		const dist = join(out, 'dist');
		mkdirSync(join(dist, 'papers/p1'), { recursive: true });
		writeFileSync(join(dist, 'papers/p1/index.html'), '<div data-pagefind-body>T</div>');
		const infos: string[] = [];
		const warns: string[] = [];
		const logger = { info: (m: string) => infos.push(m), warn: (m: string) => warns.push(m) };
		const hooks = pagefindIntegration({ glob: 'papers/**/*.html' }).hooks as unknown as Record<
			string,
			(arg: unknown) => unknown
		>;
		const url = (p: string): URL => pathToFileURL(p + '/');
		await hooks['astro:config:done']!({ config: { outDir: url(dist), root: url(out), base: '/' } });
		await hooks['astro:build:start']!({ logger });
		await hooks['astro:build:done']!({ dir: url(dist), logger });
		return { infos, warns };
	}

	test('indexes the search pages written from the loader files, then moves the index in', async () => {
		const { infos, warns } = await build();
		expect(warns).toEqual([]);
		const site = join(out, 'node_modules/.cache/abstracta-search/site');
		expect(log().slice(0, 2)).toEqual(['--site', site]);
		expect(readFileSync(join(site, 'papers/p1/index.html'), 'utf8')).toContain('<p>Text</p>');
		expect(infos.join('\n')).toMatch(
			/search pages: 1 written, 0 removed; fragments: 0 reused, 0 written; \[timing\] pagefind \(beside the pages\)/,
		);
		expect(tree(join(out, 'dist/pagefind'))).toEqual([
			'index/en_1234567.pf_index',
			'pagefind-entry.json',
		]);
		// The staging folder was moved out of the cache; the fragments are kept for the next build.
		expect(readdirSync(join(out, 'node_modules/.cache/abstracta-search')).sort()).toEqual([
			'kept',
			'site',
		]);
	});

	test('indexes the rendered pages when the loader files disagree', async () => {
		const { warns } = await build('other');
		expect(warns.join('\n')).toMatch(/indexing the rendered pages instead: .*does not match/);
		expect(log().slice(0, 2)).toEqual(['--site', `${join(out, 'dist')}/`]);
		expect(existsSync(join(out, 'dist/pagefind/pagefind-entry.json'))).toBe(true);
	});

	test('a failing Pagefind fails the build with its message', async () => {
		process.env.FAKE_FAIL = '1';
		await expect(build()).rejects.toThrow(/exit code 1[\s\S]*bad\.html: unparseable/);
	});
});

describe('stale output', () => {
	test('removes files neither written since the start nor listed, and empty folders', () => {
		for (const rel of ['papers/gone/index.html', 'papers/cached/index.html', 'pagefind/x.js']) {
			mkdirSync(join(out, rel, '..'), { recursive: true });
			writeFileSync(join(out, rel), rel);
		}
		writeFileSync(join(out, 'index.html'), 'new');
		// Written after the start: nothing is stale.
		expect(pruneStale(out, Date.now() - 60_000)).toEqual([]);
		// A build that started later and wrote none of them (the ctime cannot be set back).
		const since = Date.now() + 60_000;
		const removed = pruneStale(out, since, {
			skip: ['pagefind'],
			keep: new Set([join(out, 'papers/cached/index.html'), join(out, 'index.html')]),
		});
		expect(removed).toEqual(['papers/gone/index.html']);
		expect(tree(out)).toEqual(['index.html', 'pagefind/x.js', 'papers/cached/index.html']);
	});
});

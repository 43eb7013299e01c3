import {
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const calls: string[] = [];
let addErrors: string[] = [];
let files: Array<{ path: string; content: Uint8Array }> = [];
vi.mock('pagefind', () => ({
	createIndex: vi.fn(async (config: Record<string, unknown>) => {
		calls.push(`create ${JSON.stringify(config)}`);
		calls.push(`chunk size ${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE}`);
		return {
			errors: [],
			index: {
				addDirectory: vi.fn(async ({ path, glob }: { path: string; glob?: string }) => {
					calls.push(`add ${path}${glob ? ` ${glob}` : ''}`);
					return { errors: addErrors, page_count: 3 };
				}),
				getFiles: vi.fn(async () => {
					calls.push('get files');
					return { errors: [], files };
				}),
			},
		};
	}),
	close: vi.fn(async () => {
		calls.push('close');
		return null;
	}),
}));

const { indexSite, syncBundle, INDEX_CHUNK_SIZE } =
	await import('../../src/integrations/pagefind.ts');
const { pruneStale } = await import('../../src/integrations/stale-output.ts');

let out: string;
beforeEach(() => {
	calls.length = 0;
	addErrors = [];
	files = [{ path: 'pagefind-entry.json', content: new TextEncoder().encode('{}') }];
	out = mkdtempSync(join(tmpdir(), 'abstracta-pf-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const text = (s: string) => new TextEncoder().encode(s);
/** Every file under `dir`, relative, sorted. */
const tree = (dir: string): string[] =>
	(readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => statSync(join(dir, f)).isFile())
		.sort();

describe('Pagefind integration', () => {
	test('indexes the build output and writes the bundle inside it', async () => {
		files.push({ path: 'index/en_1234567.pf_index', content: text('chunk') });
		expect(await indexSite(out, { maxFragments: 500 })).toEqual({
			pages: 3,
			chunks: 1,
			largestChunk: 5,
		});
		expect(calls).toEqual([
			'close',
			'create {"forceLanguage":"en","excludeSelectors":["annotation"],"maxFragments":500}',
			`chunk size ${INDEX_CHUNK_SIZE}`,
			`add ${out}`,
			'get files',
			'close',
		]);
		expect(tree(out)).toEqual([
			'pagefind/index/en_1234567.pf_index',
			'pagefind/pagefind-entry.json',
		]);
	});

	test('starts the service with the chunk size and restores the environment', async () => {
		process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '123';
		await indexSite(out, { indexChunkSize: 4000, excludeSelectors: ['.x'], glob: 'papers/**' });
		expect(calls).toContain(`add ${out} papers/**`);
		expect(calls).toContain('chunk size 4000');
		expect(calls).toContain('create {"forceLanguage":"en","excludeSelectors":["annotation",".x"]}');
		expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe('123');
		delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
		await indexSite(out);
		expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
	});

	test('fails the build with Pagefind’s errors, and still stops the service', async () => {
		addErrors = ['bad.html: unparseable'];
		await expect(indexSite(out)).rejects.toThrow('bad.html: unparseable');
		expect(calls).not.toContain('get files');
		expect(calls.at(-1)).toBe('close');
		expect(tree(out)).toEqual([]);
	});

	test('syncs the bundle: writes new and changed files, keeps identical ones, removes the rest', () => {
		const bundle = join(out, 'pagefind');
		syncBundle(bundle, [
			{ path: 'pagefind.js', content: text('v1') },
			{ path: 'fragment/en_1111111.pf_fragment', content: text('a') },
			{ path: 'fragment/en_2222222.pf_fragment', content: text('b') },
		]);
		const kept = statSync(join(bundle, 'fragment/en_1111111.pf_fragment')).mtimeMs;
		const written = syncBundle(bundle, [
			{ path: 'pagefind.js', content: text('v2') },
			{ path: 'fragment/en_1111111.pf_fragment', content: text('a') },
			{ path: 'fragment/en_3333333.pf_fragment', content: text('c') },
		]);
		expect(written).toBe(2);
		expect(tree(bundle)).toEqual([
			'fragment/en_1111111.pf_fragment',
			'fragment/en_3333333.pf_fragment',
			'pagefind.js',
		]);
		expect(readFileSync(join(bundle, 'pagefind.js'), 'utf8')).toBe('v2');
		expect(statSync(join(bundle, 'fragment/en_1111111.pf_fragment')).mtimeMs).toBe(kept);
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

import { beforeEach, describe, expect, test, vi } from 'vitest';

const calls: string[] = [];
let addErrors: string[] = [];
vi.mock('pagefind', () => ({
	createIndex: vi.fn(async (config: Record<string, unknown>) => {
		calls.push(`create ${JSON.stringify(config)}`);
		calls.push(`chunk size ${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE}`);
		return {
			errors: [],
			index: {
				addDirectory: vi.fn(async ({ path }: { path: string }) => {
					calls.push(`add ${path}`);
					return { errors: addErrors, page_count: 3 };
				}),
				writeFiles: vi.fn(async ({ outputPath }: { outputPath: string }) => {
					calls.push(`write ${outputPath}`);
					return { errors: [], outputPath };
				}),
			},
		};
	}),
	close: vi.fn(async () => {
		calls.push('close');
		return null;
	}),
}));

const { indexSite, INDEX_CHUNK_SIZE } = await import('../../src/integrations/pagefind.ts');

beforeEach(() => {
	calls.length = 0;
	addErrors = [];
});

describe('Pagefind integration', () => {
	test('indexes the build output and writes the bundle inside it', async () => {
		expect(await indexSite('/out/site', { maxFragments: 500 })).toEqual({
			pages: 3,
			chunks: 0,
			largestChunk: 0,
		});
		expect(calls).toEqual([
			'close',
			'create {"forceLanguage":"en","excludeSelectors":["annotation"],"maxFragments":500}',
			`chunk size ${INDEX_CHUNK_SIZE}`,
			'add /out/site',
			'write /out/site/pagefind',
			'close',
		]);
	});

	test('starts the service with the chunk size and restores the environment', async () => {
		process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '123';
		await indexSite('/out/site', { indexChunkSize: 4000, excludeSelectors: ['.x'] });
		expect(calls).toContain('chunk size 4000');
		expect(calls).toContain('create {"forceLanguage":"en","excludeSelectors":["annotation",".x"]}');
		expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe('123');
		delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
		await indexSite('/out/site');
		expect(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBeUndefined();
	});

	test('fails the build with Pagefind’s errors, and still stops the service', async () => {
		addErrors = ['bad.html: unparseable'];
		await expect(indexSite('/out/site')).rejects.toThrow('bad.html: unparseable');
		expect(calls).not.toContain('write /out/site/pagefind');
		expect(calls.at(-1)).toBe('close');
	});
});

import { beforeEach, describe, expect, test, vi } from 'vitest';

const calls: string[] = [];
let addErrors: string[] = [];
vi.mock('pagefind', () => ({
	createIndex: vi.fn(async (config: Record<string, unknown>) => {
		calls.push(`create ${JSON.stringify(config)}`);
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

const { indexSite } = await import('../../src/integrations/pagefind.ts');

beforeEach(() => {
	calls.length = 0;
	addErrors = [];
});

describe('Pagefind integration', () => {
	test('indexes the build output and writes the bundle inside it', async () => {
		expect(await indexSite('/out/site', { maxFragments: 500 })).toBe(3);
		expect(calls).toEqual([
			'create {"forceLanguage":"en","maxFragments":500}',
			'add /out/site',
			'write /out/site/pagefind',
			'close',
		]);
	});

	test('fails the build with Pagefind’s errors, and still stops the service', async () => {
		addErrors = ['bad.html: unparseable'];
		await expect(indexSite('/out/site')).rejects.toThrow('bad.html: unparseable');
		expect(calls).not.toContain('write /out/site/pagefind');
		expect(calls.at(-1)).toBe('close');
	});
});

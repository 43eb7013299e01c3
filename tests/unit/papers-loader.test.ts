import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	FIELDS_FILE,
	readRecordLines,
	readPaperTexts,
	SEARCH_FILE,
	TEXT_FILE,
} from '../../src/lib/paper-text.ts';
import { papersLoader } from '../../src/loaders/papers-loader.ts';

let root: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'abstracta-loader-'));
	mkdirSync(join(root, 'papers'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** An entry as the ingest writes it (only the fields the loader itself reads matter here). */
const entry = (title: string, abstract: string) =>
	`---\ntitle: ${JSON.stringify(title)}\nsummary: ${JSON.stringify(abstract)}\n` +
	`topicReasons: {"vision": [{"term": "image", "weight": 1.5}]}\nkeywords: ["alpha {x}"]\n` +
	`related: [{"slug": "b", "terms": ["alpha"]}]\n---\n` +
	`${abstract.replace(/[{}]/g, (c) => `\\${c}`)}\n`;

/** Runs the loader once against a store that lives across runs, like Astro's. */
function harness() {
	const store = new Map<string, { id: string; data: Record<string, unknown>; digest?: string }>();
	const log: string[] = [];
	const loader = papersLoader('papers');
	const run = () =>
		loader.load({
			store: {
				get: (id: string) => store.get(id),
				set: (e: { id: string; data: Record<string, unknown>; digest?: string }) => {
					store.set(e.id, e);
					return true;
				},
				keys: () => [...store.keys()],
				delete: (id: string) => store.delete(id),
			},
			parseData: async ({ data }: { data: Record<string, unknown> }) => data,
			generateDigest: (s: string) => createHash('sha1').update(s).digest('hex'),
			config: { root: pathToFileURL(`${root}/`) },
			logger: { info: (m: string) => log.push(m) },
		} as never);
	return { store, log, run };
}

describe('papers loader', () => {
	test('compiles an abstract again only when it changed, not when only metadata did', async () => {
		writeFileSync(join(root, 'papers/a.mdx'), entry('A', 'Alpha $x^2$ {braces}.'));
		writeFileSync(join(root, 'papers/b.mdx'), entry('B', 'Beta.'));
		const { store, log, run } = harness();
		await run();
		expect(log.at(-1)).toMatch(/^2 papers \(2 rendered, 0 with new metadata only, 0 cached\)/);
		const texts = () => readPaperTexts(join(root, TEXT_FILE));
		const html = texts().get('a')!.html;
		expect(html).toContain('{braces}');
		expect(store.get('a')!.data.title).toBe('A');
		expect(store.get('a')!.data.teaser).toMatch(/^Alpha/);
		// Fields only the paper's page shows stay out of the store (bundled into the build).
		expect(Object.keys(store.get('a')!.data)).not.toContain('related');
		expect(Object.keys(store.get('a')!.data)).not.toContain('topicReasons');
		const fields = readRecordLines(join(root, FIELDS_FILE)).get('a')!;
		expect(fields.digest).toBe(store.get('a')!.digest);
		expect(JSON.parse(fields.json)).toEqual({
			topicReasons: { vision: [{ term: 'image', weight: 1.5 }] },
			keywords: ['alpha {x}'],
			related: [{ slug: 'b', terms: ['alpha'] }],
		});
		// What the search index reads, for the pages Pagefind indexes beside the rendering.
		const search = readRecordLines(join(root, SEARCH_FILE)).get('a')!;
		expect(search.digest).toBe(store.get('a')!.digest);
		expect(JSON.parse(search.json)).toMatchObject({ title: 'A', keywords: ['alpha {x}'] });
		expect(Object.keys(JSON.parse(search.json))).not.toContain('related');

		// Only the title (metadata) of a changes: its HTML is kept, its entry and digest updated.
		writeFileSync(join(root, 'papers/a.mdx'), entry('A, renamed', 'Alpha $x^2$ {braces}.'));
		await run();
		expect(log.at(-1)).toMatch(/^2 papers \(0 rendered, 1 with new metadata only, 1 cached\)/);
		expect(store.get('a')!.data).toMatchObject({ title: 'A, renamed' });
		expect(texts().get('a')!.digest).toBe(store.get('a')!.digest);
		expect(texts().get('a')!.html).toBe(html);

		// The abstract of b changes: compiled again. Nothing changes: nothing is done.
		writeFileSync(join(root, 'papers/b.mdx'), entry('B', 'Beta, *revised*.'));
		await run();
		expect(log.at(-1)).toMatch(/^2 papers \(1 rendered, 0 with new metadata only, 1 cached\)/);
		expect(texts().get('b')!.html).toContain('<em>revised</em>');
		const before = readFileSync(join(root, TEXT_FILE), 'utf8');
		await run();
		expect(log.at(-1)).toMatch(/^2 papers \(0 rendered, 0 with new metadata only, 2 cached\)/);
		expect(readFileSync(join(root, TEXT_FILE), 'utf8')).toBe(before);
	});
});

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { runPagefind } from '../../src/integrations/pagefind.ts';
import { PAGEFIND_SIGNATURE, splitSorts } from '../../src/lib/pagefind-sorts.ts';
import { searchPageHtml } from '../../src/lib/search-page.ts';
import { positions, sortResults } from '../../src/scripts/search-sort.ts';

/** CBOR of the few shapes Pagefind's metadata uses. */
function cbor(v: unknown): number[] {
	const headOf = (major: number, n: number): number[] =>
		n < 24
			? [(major << 5) | n]
			: n < 256
				? [(major << 5) | 24, n]
				: [(major << 5) | 25, n >> 8, n & 255];
	if (typeof v === 'number') return headOf(0, v);
	if (typeof v === 'string') {
		const bytes = [...new TextEncoder().encode(v)];
		return [...headOf(3, bytes.length), ...bytes];
	}
	if (Array.isArray(v)) return [...headOf(4, v.length), ...v.flatMap(cbor)];
	throw new Error('unsupported');
}
const raw = (v: unknown) =>
	new Uint8Array([...new TextEncoder().encode(PAGEFIND_SIGNATURE), ...cbor(v)]);

const pages = [
	['en_aaaaaaa', 10, ''],
	['en_bbbbbbb', 300, ''],
	['en_ccccccc', 5, ''],
];
const chunks = [['a', 'z', 'en_1111111']];
const filters = [['topic', 'en_2222222']];
const fields = ['date', 'title'];

describe('splitSorts', () => {
	test('lifts the sort orders out as page ids and leaves every other byte as it was', () => {
		const sorts = [
			['date', [2, 0, 1]],
			['rank', [1, 2, 0]],
		];
		const { meta, sorts: found } = splitSorts(
			raw(['1.6.0', pages, chunks, filters, sorts, fields]),
		);
		expect(found).toEqual([
			{ key: 'date', ids: ['en_ccccccc', 'en_aaaaaaa', 'en_bbbbbbb'] },
			{ key: 'rank', ids: ['en_bbbbbbb', 'en_ccccccc', 'en_aaaaaaa'] },
		]);
		expect([...meta]).toEqual([...raw(['1.6.0', pages, chunks, filters, [], fields])]);
	});

	test('an index without sorts stays byte for byte', () => {
		const input = raw(['1.6.0', pages, chunks, filters, [], fields]);
		const { meta, sorts } = splitSorts(input);
		expect(sorts).toEqual([]);
		expect([...meta]).toEqual([...input]);
	});

	test('refuses a layout it does not know instead of guessing', () => {
		expect(() => splitSorts(raw(['1.6.0', pages, chunks, filters, []]))).toThrow(/5 items, not 6/);
		expect(() =>
			splitSorts(raw(['1.6.0', pages, chunks, filters, [['date', [7]]], fields])),
		).toThrow(/names page 7 of 3/);
		expect(() => splitSorts(raw(['1.6.0', pages, chunks, filters, 'x', fields]))).toThrow(
			/sort list/,
		);
		expect(() => splitSorts(new TextEncoder().encode('not pagefind'))).toThrow(/signature/);
	});
});

describe('sortResults', () => {
	const order = positions(['en_c', 'en_a', 'en_b']);
	const results = [{ id: 'en_a' }, { id: 'en_x' }, { id: 'en_b' }, { id: 'en_c' }];
	test('orders by position, either way, ids it does not know last', () => {
		expect(sortResults(results, order, 'asc').map((r) => r.id)).toEqual([
			'en_c',
			'en_a',
			'en_b',
			'en_x',
		]);
		expect(sortResults(results, order, 'desc').map((r) => r.id)).toEqual([
			'en_b',
			'en_a',
			'en_c',
			'en_x',
		]);
		expect(results[0]!.id).toBe('en_a'); // a copy: the input keeps its order
	});
});

describe('Pagefind with the sorts beside its metadata', () => {
	const dir = mkdtempSync(join(tmpdir(), 'abstracta-sorts-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	// Neighbouring days: as 32-bit floats 20250319 and 20250320 are one number.
	const papers = [
		{ slug: 'a', date: '2025-03-18', rank: 2 },
		{ slug: 'b', date: '2025-03-20', rank: 1 },
		{ slug: 'c', date: '2025-03-19', rank: 1 },
		{ slug: 'd', date: '2025-03-18', rank: 1 },
		{ slug: 'e', date: '2025-03-20', rank: 3 },
		{ slug: 'f', date: '2025-03-21', rank: 1 },
		{ slug: 'g', date: '2025-03-20', rank: 2 },
	];

	test('the metadata carries no sort; the sort files list the pages in their order', async () => {
		const site = join(dir, 'site');
		for (const p of papers) {
			mkdirSync(join(site, 'papers', p.slug), { recursive: true });
			const fields = {
				title: `Paper ${p.slug}`,
				authors: [],
				date: p.date,
				rank: p.rank,
				topics: [],
				codeUrls: [],
				keywords: [],
			};
			writeFileSync(
				join(site, 'papers', p.slug, 'index.html'),
				searchPageHtml(fields, '<p>Words about speech.</p>', () => undefined),
			);
		}
		const { pages, staging } = await runPagefind(site, dir);
		expect(pages).toBe(papers.length);
		const entry = JSON.parse(readFileSync(join(staging, 'pagefind-entry.json'), 'utf8')) as {
			languages: { en: { hash: string; sorts: Record<string, string> } };
		};
		const { hash, sorts } = entry.languages.en;
		expect(Object.keys(sorts).sort()).toEqual(['date', 'rank']);
		expect(readdirSync(staging).filter((f) => f.endsWith('.pf_meta'))).toEqual([
			`pagefind.${hash}.pf_meta`,
		]);
		const meta = splitSorts(gunzipSync(readFileSync(join(staging, `pagefind.${hash}.pf_meta`))));
		expect(meta.sorts).toEqual([]);

		// Page id → slug, from the fragments Pagefind wrote.
		const slugOf = new Map<string, string>();
		for (const f of readdirSync(join(staging, 'fragment'))) {
			const fragment = gunzipSync(readFileSync(join(staging, 'fragment', f)));
			const { url } = JSON.parse(fragment.subarray(PAGEFIND_SIGNATURE.length).toString()) as {
				url: string;
			};
			slugOf.set(f.replace(/\.pf_fragment$/, ''), url.split('/')[2]!);
		}
		const order = (key: string) =>
			(
				JSON.parse(
					gunzipSync(readFileSync(join(staging, 'sort', `${sorts[key]}.pf_sort`))).toString(),
				) as string[]
			).map((id) => slugOf.get(id));
		// Newest first is the date order reversed: each day from rank 1.
		expect(order('date').reverse()).toEqual(['f', 'b', 'g', 'e', 'c', 'd', 'a']);
		expect(order('rank').slice(0, 4).sort()).toEqual(['b', 'c', 'd', 'f']);
		expect(order('rank').slice(-1)).toEqual(['e']);
		rmSync(staging, { recursive: true, force: true });
	});
});

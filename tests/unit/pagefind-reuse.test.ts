import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runPagefind, type ReuseRequest } from '../../src/integrations/pagefind.ts';
import {
	fragmentFile,
	fragmentFullName,
	fragmentUrl,
	nameGroups,
	nextManifest,
	readManifest,
	reusable,
	shortName,
	suspectFragments,
} from '../../src/lib/pagefind-reuse.ts';
import { searchPageHtml } from '../../src/lib/search-page.ts';
import { searchPageUrl } from '../../src/lib/search-site.ts';

describe('fragment names', () => {
	test('the shortest form is the language and 7 hex digits', () => {
		expect(shortName('en_0123456')).toBe('en_0123456');
		expect(shortName('en_01234567a')).toBe('en_0123456');
		expect(shortName('pt-br_abcdef012')).toBe('pt-br_abcdef0');
	});

	test('the full name is the SHA-1 of the JSON, each byte in hex without leading zero', () => {
		// SHA-1 of "abc": a9993e36 47 06 81 6a …: the byte 06 is written "6".
		expect(fragmentFullName('en', 'abc')).toBe('en_a9993e36476816aba3e25717850c26c9cd0d89d');
	});

	test('names group by their shortest form', () => {
		const groups = nameGroups(['en_1111111', 'en_22222220', 'en_2222222', 'en_3333333']);
		expect([...groups.values()]).toEqual([
			['en_1111111'],
			['en_22222220', 'en_2222222'],
			['en_3333333'],
		]);
	});
});

describe('which kept fragments a build may reuse', () => {
	const manifest = {
		key: 'k1',
		pages: {
			a: { html: 'ha', fragment: 'en_aaaaaaa' },
			b: { html: 'hb', fragment: 'en_bbbbbbb' },
			c: { html: 'hc', fragment: 'en_ccccccc' },
		},
	};

	test('only papers whose search page is unchanged, under the same key', () => {
		expect(reusable(manifest, 'k1', { a: 'ha', b: 'changed', d: 'hd' })).toEqual([
			{ id: 'a', fragment: 'en_aaaaaaa' },
		]);
		expect(reusable(manifest, 'k2', { a: 'ha' })).toEqual([]);
		expect(reusable(undefined, 'k1', { a: 'ha' })).toEqual([]);
	});

	test('a missing or broken manifest reuses nothing', () => {
		const dir = mkdtempSync(join(tmpdir(), 'abstracta-reuse-'));
		expect(readManifest(dir)).toBeUndefined();
		writeFileSync(join(dir, 'fragments.json'), '{"key": 1');
		expect(readManifest(dir)).toBeUndefined();
		rmSync(dir, { recursive: true });
	});
});

describe('reused files the new index may have given to another page', () => {
	const urls: Record<string, string> = {
		en_aaaaaaa1: '/papers/a/',
		en_aaaaaaa: '/papers/x/',
		en_bbbbbbb2: '/papers/b/',
	};
	const urlOf = (name: string) => urls[name];

	test('a reused name alone in its group is right', () => {
		const linked = new Map([['en_ccccccc', '/papers/c/']]);
		expect(suspectFragments(['en_ccccccc', 'en_aaaaaaa'], linked, urlOf)).toEqual([]);
	});

	test('suspect when a fresh fragment of the group holds the reused paper', () => {
		// Paper a's kept file is en_aaaaaaa, but this index gave a the longer name: another
		// page came first and took en_aaaaaaa, whose kept file holds paper a.
		const linked = new Map([['en_aaaaaaa', '/papers/a/']]);
		expect(suspectFragments(['en_aaaaaaa', 'en_aaaaaaa1'], linked, urlOf)).toEqual(['en_aaaaaaa']);
	});

	test('suspect wherever a fresh fragment holds the reused paper', () => {
		const linked = new Map([['en_ccccccc', '/papers/x/']]);
		expect(suspectFragments(['en_ccccccc', 'en_aaaaaaa'], linked, urlOf)).toEqual(['en_ccccccc']);
	});

	test('right when the group’s fresh fragments hold other papers', () => {
		const linked = new Map([['en_bbbbbbb', '/papers/z/']]);
		expect(suspectFragments(['en_bbbbbbb', 'en_bbbbbbb2'], linked, urlOf)).toEqual([]);
	});

	test('two reused names in one group are suspect; an unnamed reused file is not', () => {
		const linked = new Map([
			['en_ddddddd', '/papers/d/'],
			['en_ddddddd5', '/papers/e/'],
			['en_eeeeeee', '/papers/f/'],
		]);
		expect(suspectFragments(['en_ddddddd', 'en_ddddddd5'], linked, urlOf)).toEqual([
			'en_ddddddd',
			'en_ddddddd5',
		]);
	});

	test('the next manifest keeps only fragments alone in their group', () => {
		const linked = new Map([['en_ccccccc', '/papers/c/']]);
		const fresh: Record<string, string> = {
			en_1234567: '/papers/n/',
			en_aaaaaaa: '/papers/x/',
			en_aaaaaaa1: '/papers/a/',
		};
		const ids = new Map(['c', 'n', 'x', 'a'].map((id) => [`/papers/${id}/`, id]));
		const m = nextManifest(
			'k',
			['en_ccccccc', 'en_aaaaaaa', 'en_1234567', 'en_aaaaaaa1'],
			linked,
			(n) => fresh[n],
			ids,
			{ c: 'hc', n: 'hn', x: 'hx', a: 'ha' },
		);
		expect(m).toEqual({
			key: 'k',
			pages: {
				c: { html: 'hc', fragment: 'en_ccccccc' },
				n: { html: 'hn', fragment: 'en_1234567' },
			},
		});
	});
});

describe('an index built with reused fragments', () => {
	const dir = mkdtempSync(join(tmpdir(), 'abstracta-reuse-run-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const site = join(dir, 'site');
	const cache = join(dir, 'kept');

	/** Writes the search page of each paper; returns the digests the reuse compares. */
	function writeSite(papers: Record<string, string>): Record<string, string> {
		rmSync(site, { recursive: true, force: true });
		const hashes: Record<string, string> = {};
		for (const [id, text] of Object.entries(papers)) {
			const file = join(site, 'papers', id, 'index.html');
			mkdirSync(join(file, '..'), { recursive: true });
			const html = searchPageHtml(
				{
					title: `Paper ${id}`,
					authors: [],
					date: '2025-03-18',
					rank: 1,
					topics: [],
					codeUrls: [],
					keywords: [],
				},
				`<p>${text}</p>`,
				() => undefined,
			);
			writeFileSync(file, html);
			hashes[id] = html;
		}
		return hashes;
	}

	/** Every file of an index folder with its bytes. */
	const files = (root: string): Map<string, string> =>
		new Map(
			(readdirSync(root, { recursive: true }) as string[])
				.filter((f) => statSync(join(root, f)).isFile())
				.sort()
				.map((f) => [relative(root, join(root, f)), readFileSync(join(root, f)).toString('hex')]),
		);

	const request = (hashes: Record<string, string>): ReuseRequest => ({
		cache,
		hashes,
		urlOf: searchPageUrl,
	});
	const papers = Object.fromEntries(
		Array.from({ length: 40 }, (_, i) => [`p${i}`, `Paper ${i} studies speech model number ${i}.`]),
	);

	test('equals a fresh index, and writes only the changed papers’ fragments', async () => {
		const first = writeSite(papers);
		const one = await runPagefind(site, dir, {}, request(first));
		expect(one.reuse).toEqual({ reused: 0, written: 40, repaired: 0 });
		expect(Object.keys(readManifest(cache)!.pages)).toHaveLength(40);
		rmSync(one.staging, { recursive: true });

		// One paper changed, one gone, one new.
		const next = { ...papers, p3: 'A changed abstract about vision.', p40: 'A new paper.' };
		delete (next as Record<string, string>).p7;
		const second = writeSite(next);
		const two = await runPagefind(site, dir, {}, request(second));
		expect(two.reuse).toEqual({ reused: 38, written: 2, repaired: 0 });
		const fresh = await runPagefind(site, dir);
		expect(files(two.staging)).toEqual(files(fresh.staging));
		// The cache now describes this index: paper p7's fragment is gone from it.
		const kept = readManifest(cache)!;
		expect(Object.keys(kept.pages).sort()).toEqual(Object.keys(second).sort());
		expect(existsSync(join(cache, 'fragment'))).toBe(true);
		expect(readdirSync(join(cache, 'fragment'))).toHaveLength(40);
		for (const { fragment } of Object.values(kept.pages))
			expect(existsSync(fragmentFile(two.staging, fragment))).toBe(true);
		rmSync(two.staging, { recursive: true });
		rmSync(fresh.staging, { recursive: true });
	});

	test('a reused file the new index gives to another page is rewritten with that page’s fragment', async () => {
		// Pagefind hands out the shortest free hash prefix in page order, so a new page can take
		// the name of a reused file. Real clashes need 7 equal hex digits; here the kept files
		// are arranged so that paper p5's fragment sits under the name the new paper will get.
		// The kept fragments of the 40 papers (whatever the earlier tests left).
		rmSync(cache, { recursive: true, force: true });
		const before = await runPagefind(site, dir, {}, request(writeSite(papers)));
		rmSync(before.staging, { recursive: true });
		const hashes = writeSite({ ...papers, p40: 'A new paper about clashes.' });
		const fresh = await runPagefind(site, dir);
		const fragments = readdirSync(join(fresh.staging, 'fragment'));
		const nameOf = (id: string) =>
			fragments
				.find((f) => fragmentUrl(join(fresh.staging, 'fragment', f)) === searchPageUrl(id))!
				.replace(/\.pf_fragment$/, '');
		const taken = nameOf('p40');
		const manifest = readManifest(cache)!;
		const p5 = manifest.pages.p5!;
		copyFileSync(fragmentFile(cache, p5.fragment), fragmentFile(cache, taken));
		manifest.pages.p5 = { ...p5, fragment: taken };
		delete manifest.pages.p40;
		writeFileSync(join(cache, 'fragments.json'), JSON.stringify(manifest));

		const run = await runPagefind(site, dir, {}, request(hashes));
		expect(run.reuse?.repaired).toBe(1);
		expect(fragmentUrl(fragmentFile(run.staging, taken))).toBe(searchPageUrl('p40'));
		expect(files(run.staging)).toEqual(files(fresh.staging));
		rmSync(run.staging, { recursive: true });
		rmSync(fresh.staging, { recursive: true });
	});

	test('other Pagefind options reuse nothing', async () => {
		const hashes = writeSite(papers);
		const run = await runPagefind(site, dir, { indexChunkSize: 1000 }, request(hashes));
		expect(run.reuse?.reused).toBe(0);
		rmSync(run.staging, { recursive: true });
	});
});

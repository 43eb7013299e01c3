import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import searchHints, { hintSearchPage } from '../../src/integrations/search-hints.ts';
import {
	chunkHints,
	hintsHtml,
	indexHints,
	moduleScripts,
	searchPageHints,
	withHints,
} from '../../src/lib/search-hints.ts';
import type { PagefindEntry } from '../../src/lib/pagefind-entry.ts';

const entry: PagefindEntry = {
	languages: {
		en: { hash: 'en_dbc801ffa0', wasm: 'en', page_count: 1074 },
		de: { hash: 'de_0123456789', wasm: 'de', page_count: 3 },
	},
};

describe('index hints', () => {
	test('hint the metadata and WebAssembly of the page language, under Pagefind’s folder', () => {
		expect(indexHints(entry, 'en', '/reading-list/pagefind/')).toEqual([
			{
				rel: 'preload',
				href: '/reading-list/pagefind/pagefind.en_dbc801ffa0.pf_meta',
				as: 'fetch',
			},
			{ rel: 'preload', href: '/reading-list/pagefind/wasm.en.pagefind', as: 'fetch' },
		]);
	});

	test('pick the language Pagefind picks: its first subtag, else the one with most pages', () => {
		expect(indexHints(entry, 'de-AT', '/p/')[0]!.href).toBe('/p/pagefind.de_0123456789.pf_meta');
		expect(indexHints(entry, 'fr', '/p/')[0]!.href).toBe('/p/pagefind.en_dbc801ffa0.pf_meta');
		// Pages without a language Pagefind has a stemmer for share its `unknown` WebAssembly.
		const plain = { languages: { xx: { hash: 'xx_1', wasm: null, page_count: 2 } } };
		expect(indexHints(plain, 'xx', '/p/')[1]!.href).toBe('/p/wasm.unknown.pagefind');
		expect(indexHints({}, 'en', '/p/')).toEqual([]);
	});
});

describe('chunk hints', () => {
	const imports = new Map([
		['_astro/Search.a1.js', ['_astro/load.b2.js', '_astro/worker.c3.js']],
		['_astro/Site.d4.js', ['_astro/worker.c3.js']],
		['_astro/load.b2.js', ['_astro/worker.c3.js', '_astro/state.e5.js']],
		['_astro/worker.c3.js', []],
		['_astro/state.e5.js', []],
		['_astro/carry.f6.js', ['_astro/load.b2.js']],
	]);

	test('the chunks the page’s scripts import, through one another too, each once', () => {
		expect(
			chunkHints(['/reading-list/_astro/Search.a1.js', '/reading-list/_astro/Site.d4.js'], imports),
		).toEqual(
			['load.b2', 'worker.c3', 'state.e5'].map((c) => ({
				rel: 'modulepreload',
				href: `/reading-list/_astro/${c}.js`,
			})),
		);
	});

	test('not the scripts themselves, nor anything for a script the build did not write', () => {
		expect(chunkHints(['/_astro/load.b2.js', '/_astro/state.e5.js'], imports)).toEqual([
			{ rel: 'modulepreload', href: '/_astro/worker.c3.js' },
		]);
		expect(chunkHints(['/sw-register.js'], imports)).toEqual([]);
	});

	test('the module scripts of a page are read from its HTML, in order', () => {
		expect(
			moduleScripts(
				'<script>inline()</script><script type="module" src="/_astro/a.js"></script>' +
					'<script src="/classic.js"></script><script type="module" src="/_astro/b.js"></script>',
			),
		).toEqual(['/_astro/a.js', '/_astro/b.js']);
	});
});

test('a fetch preload carries crossorigin, as Pagefind’s fetch() asks (CORS, same-origin credentials)', () => {
	expect(
		hintsHtml([
			{ rel: 'modulepreload', href: '/pagefind/pagefind.js' },
			{ rel: 'preload', href: '/a&b/x.pf_meta', as: 'fetch' },
		]),
	).toBe(
		'<link rel="modulepreload" href="/pagefind/pagefind.js">' +
			'<link rel="preload" href="/a&amp;b/x.pf_meta" as="fetch" crossorigin>',
	);
});

const page = (head: string): string =>
	`<html><head><link rel="stylesheet" href="/base/_astro/a.css">${head}</head>` +
	'<body><script type="module" src="/base/_astro/S.1.js"></script></body></html>';
const imports = new Map([['_astro/S.1.js', ['_astro/load.2.js']]]);
const hinted = page(
	'<link rel="modulepreload" href="/base/_astro/load.2.js">' +
		'<link rel="modulepreload" href="/base/pagefind/pagefind.js">' +
		'<link rel="preload" href="/base/pagefind/pagefind.en_dbc801ffa0.pf_meta" as="fetch" crossorigin>' +
		'<link rel="preload" href="/base/pagefind/wasm.en.pagefind" as="fetch" crossorigin>',
);

test('the search page is given its chunks, Pagefind’s script and the index’s files after its stylesheets', () => {
	const hints = searchPageHints(page(''), imports, entry, '/base/pagefind/', 'en');
	expect(withHints(page(''), hints)).toBe(hinted);
	// No head: the caller is told.
	expect(withHints('<p>x</p>', hints)).toBeUndefined();
});

test('the integration writes them into the built search page, from the index’s entry file', () => {
	const out = mkdtempSync(join(tmpdir(), 'abstracta-hints-'));
	try {
		mkdirSync(join(out, 'search'));
		mkdirSync(join(out, 'pagefind'));
		writeFileSync(join(out, 'pagefind/pagefind-entry.json'), JSON.stringify(entry));
		writeFileSync(join(out, 'search/index.html'), page(''));
		expect(hintSearchPage(out, '/base/', imports)).toBe(true);
		expect(readFileSync(join(out, 'search/index.html'), 'utf8')).toBe(hinted);
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
});

test('a build without a search page warns that it is missing', () => {
	const out = mkdtempSync(join(tmpdir(), 'abstracta-hints-'));
	try {
		const hooks = searchHints().hooks as unknown as Record<string, (o: object) => void>;
		const warnings: string[] = [];
		hooks['astro:config:done']!({ config: { base: '/base/' } });
		hooks['astro:build:done']!({
			dir: pathToFileURL(`${out}/`),
			logger: { warn: (m: string) => warnings.push(m) },
		});
		expect(warnings).toEqual([
			'no resource hints written into search/index.html, which is missing (or has no </head>): its first search loads its files one after another',
		]);
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
});

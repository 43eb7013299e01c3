/**
 * Resource hints of the search page: the files its first search needs, named in its `<head>` so
 * that the browser asks for them at once instead of one after another as its scripts find them.
 * Pure; the search-hints integration writes them into the built page.
 *
 * Why: a search arriving from the header's box waited on eight requests in a row (page, search
 * script, its shared chunks, Pagefind's script, Pagefind's entry file, the metadata and the
 * WebAssembly, index chunks, fragments). Hinted, everything up to the entry file loads beside the
 * page's own scripts (docs/BENCHMARKS.md, "Search").
 *
 * Why written into the built page: the chunks are named by the client build and the metadata by
 * a hash of its content, which Pagefind computes after the pages are rendered; and the hints go
 * after the page's stylesheets, which Astro puts last in `<head>` (before them, in the page's head
 * slot, they took bandwidth from the stylesheets: the first paint came 30–45 ms later on a
 * throttled phone). Pagefind's entry file is not hinted: Pagefind asks for it with a new `?ts=` each time.
 */
import { escapeXml } from './escape.ts';
import type { PagefindEntry } from './pagefind-entry.ts';

/** One `<link>` hint. */
export interface ResourceHint {
	rel: 'modulepreload' | 'preload';
	href: string;
	/**
	 * `fetch` for files Pagefind fetches: such a preload is used only when its request is made as
	 * Pagefind's `fetch()` makes it (CORS, same-origin credentials), hence `crossorigin` too.
	 */
	as?: 'fetch';
}

/**
 * The index files Pagefind loads before any search on a page in `lang` (its `<html lang>`): the
 * metadata and the WebAssembly of the language it picks as its `findIndex` does (the language,
 * then its first subtag, then the one with most pages); none for an entry with no language.
 * `pagefindDir` is Pagefind's folder URL.
 */
export function indexHints(
	entry: PagefindEntry,
	lang: string,
	pagefindDir: string,
): ResourceHint[] {
	const languages = entry.languages ?? {};
	const index =
		languages[lang] ??
		languages[lang.split('-')[0]!] ??
		Object.values(languages).sort((a, b) => (b.page_count ?? 0) - (a.page_count ?? 0))[0];
	if (!index) return [];
	return [
		{ rel: 'preload', href: `${pagefindDir}pagefind.${index.hash}.pf_meta`, as: 'fetch' },
		{ rel: 'preload', href: `${pagefindDir}wasm.${index.wasm || 'unknown'}.pagefind`, as: 'fetch' },
	];
}

/** The `src` of each module script of a page, in order. */
export function moduleScripts(html: string): string[] {
	return [...html.matchAll(/<script\b([^>]*)>/gi)]
		.filter((m) => /\stype="module"/.test(m[1]!))
		.flatMap((m) => {
			const src = /\ssrc="([^"]+)"/.exec(m[1]!)?.[1];
			return src ? [src] : [];
		});
}

/**
 * The chunks the module scripts `scripts` (their URLs) import, directly or through one another:
 * the browser finds each only once the script importing it has loaded. `imports` holds each
 * chunk's static imports by its file name, as the client build wrote them; a script's URL ends
 * in its file name, and a chunk's URL is its file name after the same prefix. Chunks that are
 * themselves scripts of the page, and scripts the build did not write, are left out.
 */
export function chunkHints(
	scripts: readonly string[],
	imports: ReadonlyMap<string, readonly string[]>,
): ResourceHint[] {
	const hinted = new Set<string>();
	const hints: ResourceHint[] = [];
	for (const src of scripts) {
		const file = [...imports.keys()].find((f) => src.endsWith(`/${f}`));
		if (file === undefined) continue;
		const prefix = src.slice(0, src.length - file.length);
		const queue = [...(imports.get(file) ?? [])];
		for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
			const href = prefix + chunk;
			if (hinted.has(href) || scripts.includes(href)) continue;
			hinted.add(href);
			hints.push({ rel: 'modulepreload', href });
			queue.push(...(imports.get(chunk) ?? []));
		}
	}
	return hints;
}

/**
 * Every hint of the search page `html`: the chunks its scripts import (chunkHints), Pagefind's
 * script (pagefind-load.ts imports it from `pagefindDir`, Pagefind's folder URL), and the index
 * files of the page's language `lang` as the index's `entry` names them (indexHints).
 */
export function searchPageHints(
	html: string,
	imports: ReadonlyMap<string, readonly string[]>,
	entry: PagefindEntry,
	pagefindDir: string,
	lang: string,
): ResourceHint[] {
	return [
		...chunkHints(moduleScripts(html), imports),
		{ rel: 'modulepreload', href: `${pagefindDir}pagefind.js` },
		...indexHints(entry, lang, pagefindDir),
	];
}

/** Hints as `<link>` elements. */
export function hintsHtml(hints: readonly ResourceHint[]): string {
	return hints
		.map(
			(h) =>
				`<link rel="${h.rel}" href="${escapeXml(h.href)}"${h.as ? ` as="${h.as}" crossorigin` : ''}>`,
		)
		.join('');
}

/**
 * `html` with `hints` at the end of its `<head>`, after its stylesheets; undefined when it has no
 * `</head>`. (Each build writes the page anew, so it never holds them already.)
 */
export function withHints(html: string, hints: readonly ResourceHint[]): string | undefined {
	const end = html.indexOf('</head>');
	if (end === -1) return undefined;
	return html.slice(0, end) + hintsHtml(hints) + html.slice(end);
}

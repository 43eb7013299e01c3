/**
 * Reading a built site from disk for the built-site checks: its HTML files, the URLs they
 * reference, and how a URL maps back to a file (the same rules as a static host).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.html` file under `dir`, as paths relative to it, sorted. */
export function htmlFiles(dir: string): string[] {
	return (readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => f.endsWith('.html'))
		.map((f) => f.split('\\').join('/'))
		.sort();
}

/** The page URL (under `base`) a built HTML file is served at. */
export function pageUrlOf(file: string, base: string): string {
	if (file === '404.html') return `${base}404.html`;
	return base + file.replace(/index\.html$/, '');
}

/** The file a site path (`/base/papers/x/`) maps to, or undefined when nothing is there. */
export function fileOf(dir: string, pathname: string, base: string): string | undefined {
	if (!pathname.startsWith(base)) return undefined;
	let file = join(dir, decodeURIComponent(pathname.slice(base.length)));
	if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
	return existsSync(file) ? file : undefined;
}

/** One URL referenced by a page: where it was found and its raw value. */
export interface Reference {
	tag: string;
	attr: string;
	rel?: string;
	value: string;
}

/** Every href/src/action of `a`, `link`, `script`, `img`, `source` and `form` elements. */
export function referencesOf(html: string): Reference[] {
	const refs: Reference[] = [];
	for (const m of html.matchAll(/<(a|link|script|img|source|form)\b([^>]*)>/gi)) {
		const tag = m[1]!.toLowerCase();
		const attrs = m[2]!;
		const rel = /\srel="([^"]*)"/.exec(attrs)?.[1];
		for (const a of attrs.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
			refs.push({ tag, attr: a[1]!, rel, value: decodeEntities(a[2]!) });
		}
	}
	return refs;
}

/** Values of `id` attributes in a page. */
export function idsOf(html: string): Set<string> {
	return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
}

/** Inline `<script>` elements that browsers execute (not JSON data blocks), with their text. */
export function inlineScripts(html: string): string[] {
	return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
		.filter((m) => !/\ssrc=/.test(m[1]!) && !/type="application\/(ld\+)?json"/.test(m[1]!))
		.map((m) => m[2]!);
}

/** The minimal entity decoding attribute values need here. */
export function decodeEntities(s: string): string {
	return s
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&#x27;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** Reads a built file as text. */
export const read = (file: string): string => readFileSync(file, 'utf8');

/** Parses `public/_headers` into `{ pattern: { header: value } }`. */
export function parseHeadersFile(text: string): Record<string, Record<string, string>> {
	const rules: Record<string, Record<string, string>> = {};
	let current: Record<string, string> | undefined;
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			current = rules[line.trim()] = {};
			continue;
		}
		const i = line.indexOf(':');
		if (current && i > 0) current[line.slice(0, i).trim()] = line.slice(i + 1).trim();
	}
	return rules;
}

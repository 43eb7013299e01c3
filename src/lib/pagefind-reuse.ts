/**
 * Reusing the previous build's Pagefind fragments, so that a rebuild compresses and writes only
 * the fragments of pages that changed.
 *
 * Why: Pagefind spends about half of an index run (5.2 of 9.6 s at 10,050 papers, idle) writing
 * one gzipped fragment per page, and it skips a content-addressed file that already exists in
 * its output folder. The build therefore hard-links the previous fragment of every paper whose
 * search page is byte-identical (a fragment depends only on that page, its path and Pagefind's
 * version and options) into the empty output folder before Pagefind runs.
 *
 * Why the checks: a fragment's name is the shortest unused prefix (at least 7 hex digits) of
 * the hash of its content, given out in page order. When a new fragment shares the first 7
 * digits with a reused one and comes first, it is given the reused file's name, and Pagefind
 * would keep the reused file: another paper's text behind a result. Such a clash needs the two
 * names in one group of the new index's names with the same 7-digit prefix; reuse is limited to
 * fragments that were alone in their group, so each group holds at most one reused file, and
 * the freshly written fragments show whether a reused paper was given another name. A reused
 * file found standing for another page is rewritten from Pagefind's fragment of that page alone
 * (a fragment depends only on its page), matched by Pagefind's full hash (`fragmentFullName`).
 * The manifest is removed before the kept fragments change, so an interrupted build leaves no
 * manifest and reuses nothing.
 */
import {
	copyFileSync,
	existsSync,
	linkSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PAGEFIND_SIGNATURE } from './pagefind-sorts.ts';

/** Fragments kept for the next build, and what they were made from. */
export interface FragmentManifest {
	/** Pagefind's version and options: fragments made under another key are not reused. */
	key: string;
	/** Per paper id: the digest of its search page and its fragment's name (no extension). */
	pages: Record<string, { html: string; fragment: string }>;
}

/** The folder of fragments inside an index (and inside the cache of kept fragments). */
export const FRAGMENT_DIR = 'fragment';
const EXTENSION = '.pf_fragment';
const MANIFEST = 'fragments.json';

/** A fragment file's path inside `dir`. */
export const fragmentFile = (dir: string, name: string): string =>
	join(dir, FRAGMENT_DIR, `${name}${EXTENSION}`);

/** A fragment name cut to Pagefind's shortest form: language, `_`, 7 hex digits. */
export function shortName(name: string): string {
	return name.slice(0, name.indexOf('_') + 8);
}

/** Names grouped by their shortest form. */
export function nameGroups(names: readonly string[]): Map<string, string[]> {
	const groups = new Map<string, string[]>();
	for (const name of names) {
		const short = shortName(name);
		const group = groups.get(short);
		if (group) group.push(name);
		else groups.set(short, [name]);
	}
	return groups;
}

/** The manifest kept in `cache`, or undefined when missing or unreadable. */
export function readManifest(cache: string): FragmentManifest | undefined {
	try {
		const m = JSON.parse(readFileSync(join(cache, MANIFEST), 'utf8')) as FragmentManifest;
		return typeof m.key === 'string' && typeof m.pages === 'object' ? m : undefined;
	} catch {
		return undefined;
	}
}

/** The kept fragments that fit this build: same key, and the paper's search page unchanged. */
export function reusable(
	manifest: FragmentManifest | undefined,
	key: string,
	hashes: Readonly<Record<string, string>>,
): Array<{ id: string; fragment: string }> {
	if (!manifest || manifest.key !== key) return [];
	return Object.entries(manifest.pages)
		.filter(([id, kept]) => hashes[id] === kept.html)
		.map(([id, kept]) => ({ id, fragment: kept.fragment }));
}

/** The URL a fragment file names (its gzipped JSON's `url`), or undefined when unreadable. */
export function fragmentUrl(file: string): string | undefined {
	const json = fragmentJson(file);
	if (!json) return undefined;
	try {
		const url = (JSON.parse(json.toString('utf8')) as { url?: unknown }).url;
		return typeof url === 'string' ? url : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Reused files the new index gave to another page. A reused paper that a freshly written fragment
 * holds was given another name, so its reused file, if the index names it, now stands for
 * another page; two reused names in one group of the index's names may have swapped (not
 * expected: such papers are not kept). `pages` are the index's names in page order, `linked`
 * maps each reused name to its paper's URL, `urlOf` reads a fresh fragment's URL.
 */
export function suspectFragments(
	pages: readonly string[],
	linked: ReadonlyMap<string, string>,
	urlOf: (name: string) => string | undefined,
): string[] {
	const fresh = new Set(pages.filter((n) => !linked.has(n)).map(urlOf));
	const groups = nameGroups(pages);
	const suspects = new Set<string>();
	for (const name of pages) {
		const url = linked.get(name);
		if (url === undefined) continue;
		if (fresh.has(url)) suspects.add(name);
		for (const other of groups.get(shortName(name))!)
			if (other !== name && linked.has(other)) suspects.add(name);
	}
	return [...suspects].sort();
}

/**
 * Pagefind's full name of a fragment: the language, `_`, and the SHA-1 of its JSON as Pagefind
 * 1.6 writes it (each byte in hex without leading zero). Its names are the shortest free
 * prefixes of this.
 */
export function fragmentFullName(language: string, json: string | Uint8Array): string {
	const digest = createHash('sha1').update(json).digest();
	return `${language}_${[...digest].map((b) => b.toString(16)).join('')}`;
}

/** A fragment file's JSON (signature removed), or undefined when it is not Pagefind's. */
export function fragmentJson(file: string): Buffer | undefined {
	try {
		const raw = gunzipSync(readFileSync(file));
		const signature = Buffer.from(PAGEFIND_SIGNATURE);
		return raw.subarray(0, signature.length).equals(signature)
			? raw.subarray(signature.length)
			: undefined;
	} catch {
		return undefined;
	}
}

/** Deletes the reused files the new index does not name (their papers' fragments changed name). */
export function dropUnnamed(
	staging: string,
	pages: readonly string[],
	linked: ReadonlyMap<string, string>,
): void {
	const referenced = new Set(pages);
	for (const name of linked.keys())
		if (!referenced.has(name)) rmSync(fragmentFile(staging, name), { force: true });
}

/**
 * The manifest for the next build: every fragment of the new index alone in its group, with
 * the paper it belongs to (from `linked` for reused files, else read from the fragment).
 */
export function nextManifest(
	key: string,
	pages: readonly string[],
	linked: ReadonlyMap<string, string>,
	urlOf: (name: string) => string | undefined,
	idOfUrl: ReadonlyMap<string, string>,
	hashes: Readonly<Record<string, string>>,
): FragmentManifest {
	const groups = nameGroups(pages);
	const kept: FragmentManifest['pages'] = {};
	for (const name of pages) {
		if (groups.get(shortName(name))!.length > 1) continue;
		const url = linked.get(name) ?? urlOf(name);
		const id = url === undefined ? undefined : idOfUrl.get(url);
		if (id !== undefined && hashes[id] !== undefined)
			kept[id] = { html: hashes[id], fragment: name };
	}
	return { key, pages: Object.fromEntries(Object.entries(kept).sort(([a], [b]) => cmp(a, b))) };
}

/**
 * Hard-links the reusable fragments from `cache` into the index folder `staging` (before
 * Pagefind runs there); returns the linked names with their papers' URLs. A missing kept file
 * is simply not reused.
 */
export function linkKept(
	cache: string,
	staging: string,
	kept: ReadonlyArray<{ id: string; fragment: string }>,
	urlOfId: (id: string) => string,
): Map<string, string> {
	const linked = new Map<string, string>();
	if (kept.length === 0) return linked;
	mkdirSync(join(staging, FRAGMENT_DIR), { recursive: true });
	for (const { id, fragment } of kept) {
		try {
			linkSync(fragmentFile(cache, fragment), fragmentFile(staging, fragment));
			linked.set(fragment, urlOfId(id));
		} catch {
			// gone from the cache: Pagefind writes it
		}
	}
	return linked;
}

/**
 * Makes `cache` hold exactly the fragments `manifest` lists, hard-linked from the new index in
 * `staging`, then writes the manifest. The old manifest goes first: until the new one is
 * written, the cache promises nothing.
 */
export function keepFragments(cache: string, staging: string, manifest: FragmentManifest): void {
	rmSync(join(cache, MANIFEST), { force: true });
	const dir = join(cache, FRAGMENT_DIR);
	mkdirSync(dir, { recursive: true });
	const wanted = new Set(Object.values(manifest.pages).map((p) => `${p.fragment}${EXTENSION}`));
	for (const file of readdirSync(dir))
		if (!wanted.has(file)) rmSync(join(dir, file), { force: true });
	for (const file of wanted) {
		const from = join(staging, FRAGMENT_DIR, file);
		const to = join(dir, file);
		// The same inode: the file was reused from here. Anything else is replaced.
		if (existsSync(to) && statSync(to).ino === statSync(from).ino) continue;
		rmSync(to, { force: true });
		try {
			linkSync(from, to);
		} catch {
			copyFileSync(from, to); // another file system
		}
	}
	writeFileSync(join(cache, `${MANIFEST}.tmp`), JSON.stringify(manifest));
	renameSync(join(cache, `${MANIFEST}.tmp`), join(cache, MANIFEST));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

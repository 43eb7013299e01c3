/**
 * The site Pagefind indexes: one small page per paper (`searchPageHtml`) at the paper's own path
 * (`paperPageFile`), so the index holds the same URLs as the finished site. Written from
 * the papers loader's side files once the content is synced, before any page is rendered, and
 * kept between builds: a rebuild rewrites only the pages whose HTML changed and removes those of
 * papers that are gone.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readPaperTexts, readRecordLines, SEARCH_FILE, TEXT_FILE } from './paper-text.ts';
import { searchPageHtml, type SearchFields } from './search-page.ts';
import { readTopicsFile } from './topics-file.ts';
import { paperPageFile } from './urls.ts';

/** Where the pages to index live, relative to the project root. */
export const SEARCH_SITE_DIR = 'node_modules/.cache/abstracta-search/site';

/** Where Pagefind's fragments of the search site are kept between builds (pagefind-reuse.ts). */
export const KEPT_FRAGMENTS_DIR = 'node_modules/.cache/abstracta-search/kept';

/** What writing the search site did. */
export interface SearchSiteStats {
	pages: number;
	written: number;
	removed: number;
	/** Per paper id, the digest of its search page. */
	hashes: Record<string, string>;
}

/** The URL Pagefind gives the search page of paper `id` (its file's folder). */
export const searchPageUrl = (id: string): string =>
	`/${paperPageFile(id).replace(/index\.html$/, '')}`;

/** Display names of the topics, from the ingest's TOPICS_FILE (as the site's). */
function topicNames(root: string): Map<string, string> {
	return new Map(readTopicsFile(root).map((t) => [t.slug, t.name]));
}

/**
 * Writes the search site of the project at `root` into `dir`. Throws when the loader's files do
 * not describe the same papers (a record without its text, or of another entry version): the
 * caller then indexes the rendered pages instead.
 */
export function writeSearchSite(root: string, dir = join(root, SEARCH_SITE_DIR)): SearchSiteStats {
	const records = readRecordLines(join(root, SEARCH_FILE));
	const texts = readPaperTexts(join(root, TEXT_FILE));
	if (records.size !== texts.size)
		throw new Error(`${records.size} search records for ${texts.size} paper texts`);
	const names = topicNames(root);
	const manifestFile = join(dir, 'manifest.json');
	let manifest: Record<string, string> = {};
	try {
		manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, string>;
	} catch {
		// First build, or a broken manifest: start from an empty folder, so no page of an old
		// paper can linger unlisted.
		rmSync(join(dir, 'papers'), { recursive: true, force: true });
	}
	const next: Record<string, string> = {};
	let written = 0;
	for (const [id, record] of records) {
		const text = texts.get(id);
		if (!text || text.digest !== record.digest)
			throw new Error(`search record of paper ${id} does not match its text`);
		const html = searchPageHtml(JSON.parse(record.json) as SearchFields, text.html, (slug) =>
			names.get(slug),
		);
		const hash = createHash('sha1').update(html).digest('base64url');
		next[id] = hash;
		const file = join(dir, paperPageFile(id));
		if (manifest[id] === hash && existsSync(file)) continue;
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, html);
		written++;
	}
	let removed = 0;
	for (const id of Object.keys(manifest))
		if (!(id in next)) {
			rmSync(dirname(join(dir, paperPageFile(id))), { recursive: true, force: true });
			removed++;
		}
	mkdirSync(dir, { recursive: true }); // a site without papers has no page folder
	writeFileSync(manifestFile, JSON.stringify(next));
	return { pages: records.size, written, removed, hashes: next };
}

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
	SEARCH_FILE,
	TEXT_FILE,
	writePaperTexts,
	writeRecordLines,
	type PaperText,
} from '../../src/lib/paper-text.ts';
import { writeSearchSite } from '../../src/lib/search-site.ts';

const root = mkdtempSync(join(tmpdir(), 'search-site-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const site = join(root, 'site');

const fields = (title: string) => ({
	title,
	authors: ['A. Author'],
	date: '2025-03-18',
	rank: 1,
	topics: ['vision'],
	codeUrls: [],
	keywords: ['pixels'],
});
/** Writes the loader's side files for `papers` (id → title), all at entry digest `d-<title>`. */
function content(papers: Record<string, string>): void {
	const texts = new Map<string, PaperText>();
	const records = new Map<string, { digest: string; json: string }>();
	for (const [id, title] of Object.entries(papers)) {
		texts.set(id, { digest: `d-${title}`, source: 's', html: `<p>${title} text</p>`, summary: '' });
		records.set(id, { digest: `d-${title}`, json: JSON.stringify(fields(title)) });
	}
	writePaperTexts(join(root, TEXT_FILE), texts);
	writeRecordLines(join(root, SEARCH_FILE), records);
}
mkdirSync(join(root, 'content/papers'), { recursive: true });
writeFileSync(
	join(root, 'content/papers/_topics.json'),
	JSON.stringify([
		{
			slug: 'vision',
			name: 'Computer vision',
			description: 'Images.',
			derived: false,
			catchAll: false,
			count: 1,
			terms: [],
		},
	]),
);

test('writes one page per paper at its path, then only what changed, and removes gone papers', () => {
	content({ a: 'Alpha', b: 'Beta' });
	const first = writeSearchSite(root, site);
	expect(first).toMatchObject({ pages: 2, written: 2, removed: 0 });
	expect(Object.keys(first.hashes).sort()).toEqual(['a', 'b']);
	const page = readFileSync(join(site, 'papers/a/index.html'), 'utf8');
	expect(page).toContain('>Alpha</h1>');
	expect(page).toContain('data-value="Computer vision"');
	expect(page).toContain('<p>Alpha text</p>');
	expect(writeSearchSite(root, site)).toEqual({ ...first, written: 0 });
	content({ a: 'Alpha 2' });
	const next = writeSearchSite(root, site);
	expect(next).toMatchObject({ pages: 1, written: 1, removed: 1 });
	// The digests the Pagefind fragment reuse compares: a changed page, a changed digest.
	expect(Object.keys(next.hashes)).toEqual(['a']);
	expect(next.hashes.a).not.toBe(first.hashes.a);
	expect(existsSync(join(site, 'papers/b'))).toBe(false);
	expect(readFileSync(join(site, 'papers/a/index.html'), 'utf8')).toContain('>Alpha 2</h1>');
});

test('a page deleted behind its back is written again; a broken manifest starts afresh', () => {
	content({ a: 'Alpha', c: 'Gamma' });
	writeSearchSite(root, site);
	rmSync(join(site, 'papers/c/index.html'));
	expect(writeSearchSite(root, site).written).toBe(1);
	mkdirSync(join(site, 'papers/stray'), { recursive: true });
	writeFileSync(join(site, 'papers/stray/index.html'), 'old');
	writeFileSync(join(site, 'manifest.json'), '{');
	expect(writeSearchSite(root, site)).toMatchObject({ pages: 2, written: 2, removed: 0 });
	expect(existsSync(join(site, 'papers/stray'))).toBe(false);
});

test('records that do not match the texts are refused (the build then indexes the pages)', () => {
	content({ a: 'Alpha' });
	writeRecordLines(
		join(root, SEARCH_FILE),
		new Map([['a', { digest: 'other', json: JSON.stringify(fields('Alpha')) }]]),
	);
	expect(() => writeSearchSite(root, site)).toThrow(/does not match/);
});

test('a site without papers gets an empty search site, not an error', () => {
	content({});
	const empty = join(root, 'empty-site');
	expect(writeSearchSite(root, empty)).toEqual({ pages: 0, written: 0, removed: 0, hashes: {} });
	expect(readFileSync(join(empty, 'manifest.json'), 'utf8')).toBe('{}');
});

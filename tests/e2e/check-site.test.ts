/**
 * The whole-site check the benchmark runs at 10,000 and 100,000 papers
 * (tests/support/check-site.ts): it passes on the seed build and names what is wrong in a
 * broken copy of it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkBuiltSite } from '../support/check-site.ts';
import { DIST } from './support/paths.ts';

const SITE_URL = 'https://abstracta.example';
const PAPERS = 'content/papers';
const copy = mkdtempSync(join(tmpdir(), 'abstracta-check-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

test('the seed build passes: every page, topic, feed, sitemap entry and indexed paper', () => {
	const site = checkBuiltSite(DIST, PAPERS, SITE_URL);
	expect(site.problems).toEqual([]);
	expect(site.papers).toBe(75);
	expect(site.feeds).toBe(site.topics + 1);
});

test('a broken copy: each fault is named', () => {
	cpSync(DIST, copy, { recursive: true });
	const [gone, renamed] = ['matvlm', 'codet5'];
	rmSync(join(copy, 'papers', gone), { recursive: true });
	const page = join(copy, 'papers', renamed, 'index.html');
	writeFileSync(page, readFileSync(page, 'utf8').replace(/(<h1\b[^>]*>)/, '$1Not '));
	writeFileSync(join(copy, 'rss.xml'), readFileSync(join(copy, 'rss.xml'), 'utf8').slice(0, 500));
	// The seed's day of 75 papers without its second page.
	rmSync(join(copy, 'days/2025-03-18/page/2'), { recursive: true });
	const { problems } = checkBuiltSite(copy, PAPERS, SITE_URL);
	expect(problems).toHaveLength(4);
	expect(problems).toEqual(
		expect.arrayContaining([
			`papers/${gone}/: no page`,
			"days/2025-03-18/: its pages list 50 papers, not the day's 75 in order",
			expect.stringMatching(new RegExp(`^papers/${renamed}/: <h1> is "Not `)),
			expect.stringMatching(/^rss\.xml: not well-formed XML/),
		]),
	);
});

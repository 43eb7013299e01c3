/**
 * Search quality on the seed build, in Chromium with the site's own Pagefind settings:
 * short names first for ≥ 90 % and top 3 for all, every full title first, topical queries
 * mostly relevant in the top 5, and a first query under 150 KB. Figures: docs/BENCHMARKS.md.
 */
import { expect, test } from 'vitest';
import { measureQuality } from '../../scripts/search-quality.ts';
import { DIST } from './support/paths.ts';

test('finds papers by short name and title, and topics by meaning', async () => {
	const q = await measureQuality(DIST, 'content/papers');
	expect(q.shortNames.count).toBeGreaterThan(0);
	expect(q.shortNames.first / q.shortNames.count).toBeGreaterThanOrEqual(0.9);
	expect(q.shortNames.top3).toBe(q.shortNames.count);
	expect(q.titles.misses).toEqual([]);
	for (const t of q.topical) expect(t.relevant, t.q).toBeGreaterThanOrEqual(3);
	// Transferred for a cold first query (index + Pagefind JS, text gzipped as a CDN would).
	for (const f of q.firstQueries) expect(f.searchGzipBytes, f.q).toBeLessThan(150 * 1024);
});

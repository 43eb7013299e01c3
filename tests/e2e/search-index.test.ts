/**
 * The search index is built beside the page rendering from small pages made from the content
 * (src/lib/search-site.ts). It must be the index of the site as rendered: Pagefind run over the
 * built paper pages gives the same files, byte for byte. A change to the indexed region of
 * PaperArticle.astro or SearchMeta.astro that src/lib/search-page.ts does not follow fails here.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runPagefind } from '../../src/integrations/pagefind.ts';
import { DIST, DIST_BASE } from './support/paths.ts';

const tmp = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under `dir`, relative, sorted. */
const files = (dir: string): string[] =>
	(readdirSync(dir, { recursive: true }) as string[])
		.filter((f) => statSync(join(dir, f)).isFile())
		.sort();

test.each([DIST, DIST_BASE])(
	'the index equals one built from the rendered pages (%s)',
	async (dist) => {
		// The same options as astro.config.mjs gives the integration.
		const { pages, staging } = await runPagefind(dist, tmp, { glob: 'papers/**/*.html' });
		const built = join(dist, 'pagefind');
		const names = files(built);
		expect(pages).toBe(readdirSync(join(dist, 'papers')).length);
		expect(names.filter((f) => f.startsWith('fragment')).length).toBe(pages);
		expect(files(staging)).toEqual(names);
		const differ = names.filter(
			(f) => !readFileSync(join(staging, f)).equals(readFileSync(join(built, f))),
		);
		expect(differ).toEqual([]);
	},
);

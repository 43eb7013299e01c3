import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { papersProblem } from '../../src/integrations/require-papers.ts';

const dir = mkdtempSync(join(tmpdir(), 'abstracta-require-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a build without the ingest entries is refused before it writes (it pruned the live site)', () => {
	const papers = join(dir, 'papers');
	// No folder (a fresh checkout), an empty one, entries without the topics file: all refused.
	expect(papersProblem(papers)).toMatch(/holds no papers: the ingest has not run.*npm run build/);
	mkdirSync(papers);
	expect(papersProblem(papers)).toMatch(/holds no papers/);
	writeFileSync(join(papers, 'a.mdx'), '---\n---\n');
	expect(papersProblem(papers)).toMatch(/holds no papers/);
	writeFileSync(join(papers, '_topics.json'), '[]\n');
	expect(papersProblem(papers)).toBeUndefined();
});

/**
 * Stops `astro build` before it writes anything when `content/papers/` holds no entries. Why: the
 * output folder is kept between builds and whatever a build does not write is pruned
 * (stale-output.ts), so a build without the ingest's entries (a fresh checkout built with plain
 * `astro build` or `INGEST=off`) used to delete every paper page of the site in `dist/` and
 * only then fail, in Pagefind, with no word of the cause. The ingest never writes an empty
 * folder (no sources is an error), so no entries always means it has not run.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the ingest writes its entries, relative to the project root. */
export const PAPERS_DIR = 'content/papers';

/** Why `dir` cannot be built from, or undefined when it holds the ingest's entries. */
export function papersProblem(dir: string): string | undefined {
	const entries = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.mdx')) : [];
	if (entries.length > 0 && existsSync(join(dir, '_topics.json'))) return undefined;
	return (
		`${PAPERS_DIR}/ holds no papers: the ingest has not run. Build with \`npm run build\` ` +
		'(it runs the ingest first), or run `npm run ingest` before `astro build`. Nothing was written.'
	);
}

/** The integration: checks at `astro:build:start`, after the content is loaded, before any page. */
export default function requirePapers(): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'abstracta:require-papers',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:build:start': () => {
				const problem = papersProblem(join(root, PAPERS_DIR));
				if (problem) throw new Error(problem);
			},
		},
	};
}

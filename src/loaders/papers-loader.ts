/**
 * Content loader for the generated MDX entries. Each entry is compiled once to HTML and stored
 * with `rendered.html`, keyed by a digest of its text and the renderer version, so unchanged
 * entries are skipped on the next build and no entry becomes a Vite module (which is what
 * makes @astrojs/mdx + glob() slow at scale).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { RENDERER_VERSION, renderAbstractHtml } from '../lib/render-abstract.ts';

/** Splits `---\nYAML\n---\nbody` (the format the ingest writes). */
export function splitFrontmatter(text: string): { data: Record<string, unknown>; body: string } {
	const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
	if (!m) throw new Error('missing frontmatter');
	return { data: parseYaml(m[1]!) as Record<string, unknown>, body: m[2]!.trim() };
}

/** Loads every `*.mdx` of `dir` (relative to the project root). */
export function papersLoader(dir: string): Loader {
	return {
		name: 'abstracta-papers',
		load: async ({ store, parseData, generateDigest, config, logger }) => {
			const root = fileURLToPath(config.root);
			const folder = join(root, dir);
			const names = existsSync(folder)
				? readdirSync(folder)
						.filter((n) => n.endsWith('.mdx'))
						.sort()
				: [];
			const seen = new Set<string>();
			let rendered = 0;
			for (const name of names) {
				const filePath = join(folder, name);
				const text = readFileSync(filePath, 'utf8');
				const id = name.replace(/\.mdx$/, '');
				seen.add(id);
				const digest = generateDigest(`${RENDERER_VERSION}\n${text}`);
				if (store.get(id)?.digest === digest) continue;
				const { data, body } = splitFrontmatter(text);
				let html: string;
				try {
					html = renderAbstractHtml(body);
				} catch (e) {
					throw new Error(`${relative(root, filePath)}: ${(e as Error).message}`, { cause: e });
				}
				const parsed = await parseData({ id, data, filePath: relative(root, filePath) });
				store.set({
					id,
					data: parsed,
					body,
					filePath: relative(root, filePath),
					digest,
					rendered: { html },
				});
				rendered++;
			}
			for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
			logger.info(
				`${names.length} papers (${rendered} rendered, ${names.length - rendered} cached)`,
			);
		},
	};
}

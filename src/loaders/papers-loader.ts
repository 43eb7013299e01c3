/**
 * Content loader for the generated MDX entries. Each entry is compiled once to HTML, keyed by a
 * digest of its text and the renderer version, so unchanged entries are skipped on the next
 * build and no entry becomes a Vite module (which is what makes @astrojs/mdx + glob() slow at
 * scale). The store gets the metadata and a teaser; the HTML and plain-text abstracts go to the
 * texts file of `src/lib/paper-text.ts`, which keeps the bundled store small.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { RENDERER_VERSION } from '../lib/render-abstract.ts';
import { readPaperTexts, TEXT_FILE, writePaperTexts } from '../lib/paper-text.ts';
import { firstSentence } from '../lib/teaser.ts';
import { renderBodies } from './render-pool.ts';

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
			const started = performance.now();
			const textFile = join(root, TEXT_FILE);
			const texts = readPaperTexts(textFile);
			let textsChanged = false;
			const seen = new Set<string>();
			const pending: Array<{ id: string; filePath: string; digest: string; text: string }> = [];
			for (const name of names) {
				const filePath = join(folder, name);
				const text = readFileSync(filePath, 'utf8');
				const id = name.replace(/\.mdx$/, '');
				seen.add(id);
				const digest = generateDigest(`${RENDERER_VERSION}\n${text}`);
				// A missing or outdated text also needs the entry compiled again.
				if (store.get(id)?.digest !== digest || texts.get(id)?.digest !== digest)
					pending.push({ id, filePath, digest, text });
			}
			// Compile every new or changed entry first (on all cores when there are many), then
			// store them in file order. The body is not stored: pages and feeds use the HTML.
			const split = pending.map((p) => {
				try {
					return splitFrontmatter(p.text);
				} catch (e) {
					throw new Error(`${relative(root, p.filePath)}: ${(e as Error).message}`, { cause: e });
				}
			});
			const html = await renderBodies(
				split.map((s) => s.body),
				root,
			);
			for (const [i, p] of pending.entries()) {
				const result = html[i]!;
				if ('error' in result) throw new Error(`${relative(root, p.filePath)}: ${result.error}`);
				const filePath = relative(root, p.filePath);
				const { summary, ...data } = split[i]!.data;
				if (typeof summary !== 'string')
					throw new Error(`${filePath}: summary: expected the plain-text abstract`);
				const parsed = await parseData({
					id: p.id,
					data: { ...data, teaser: firstSentence(summary) },
					filePath,
				});
				store.set({ id: p.id, data: parsed, filePath, digest: p.digest });
				texts.set(p.id, { digest: p.digest, html: result.html, summary });
				textsChanged = true;
			}
			const rendered = pending.length;
			for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
			for (const id of texts.keys())
				if (!seen.has(id)) textsChanged = texts.delete(id) || textsChanged;
			if (textsChanged) writePaperTexts(textFile, texts);
			logger.info(
				`${names.length} papers (${rendered} rendered, ${names.length - rendered} cached) ` +
					`[timing] papers loader: ${((performance.now() - started) / 1000).toFixed(2)} s`,
			);
		},
	};
}

/**
 * Content loader for the generated MDX entries. Each entry is compiled once to HTML, keyed by a
 * digest of its text and the renderer version, so unchanged entries are skipped on the next
 * build and no entry becomes a Vite module (which is what makes @astrojs/mdx + glob() slow at
 * scale). The store gets the metadata and a teaser; the HTML and plain-text abstracts and the
 * fields only a paper's page shows go to the files of `src/lib/paper-text.ts`, which keeps the
 * bundled store small; so do the fields the search index reads (see src/lib/search-page.ts).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { RENDERER_VERSION } from '../lib/render-abstract.ts';
import {
	FIELDS_FILE,
	SEARCH_FILE,
	readRecordLines,
	readPaperTexts,
	TEXT_FILE,
	writeRecordLines,
	writePaperTexts,
} from '../lib/paper-text.ts';
import { ingestFinished } from '../lib/ingest-gate.ts';
import { PaperPageFieldsSchema } from '../schemas/paper.ts';
import { firstSentence } from '../lib/teaser.ts';
import { SEARCH_PAGE_VERSION, searchFields, type SearchFields } from '../lib/search-page.ts';
import { renderBodies } from './render-pool.ts';

/** Loads every `*.mdx` of `dir` (relative to the project root). */
export function papersLoader(dir: string): Loader {
	return {
		name: 'abstracta-papers',
		load: async ({ store, parseData, generateDigest, config, logger }) => {
			await ingestFinished(); // `npm run build` runs the ingest beside Astro's start-up
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
			const fieldsFile = join(root, FIELDS_FILE);
			const fields = readRecordLines(fieldsFile);
			const searchFile = join(root, SEARCH_FILE);
			const search = readRecordLines(searchFile);
			const seen = new Set<string>();
			const pending: Array<{ id: string; filePath: string; digest: string; text: string }> = [];
			for (const name of names) {
				const filePath = join(folder, name);
				const text = readFileSync(filePath, 'utf8');
				const id = name.replace(/\.mdx$/, '');
				seen.add(id);
				const digest = generateDigest(`${RENDERER_VERSION}\n${SEARCH_PAGE_VERSION}\n${text}`);
				// A missing or outdated text or fields line also needs the entry read again.
				if (
					store.get(id)?.digest !== digest ||
					texts.get(id)?.digest !== digest ||
					fields.get(id)?.digest !== digest ||
					search.get(id)?.digest !== digest
				)
					pending.push({ id, filePath, digest, text });
			}
			// Parse every new or changed entry. Its abstract is compiled again only when the
			// abstract itself changed: most entries a daily rebuild rewrites only changed their
			// related papers or keywords (frontmatter), and keep their compiled HTML.
			const parsed = pending.map((p) => {
				let split: ReturnType<typeof splitFrontmatter>;
				try {
					split = splitFrontmatter(p.text);
				} catch (e) {
					throw new Error(`${relative(root, p.filePath)}: ${(e as Error).message}`, { cause: e });
				}
				// The abstract and the page-only fields go to the side files, the rest to the store.
				const { summary, topicReasons, keywords, related, ...data } = split.data;
				if (typeof summary !== 'string')
					throw new Error(
						`${relative(root, p.filePath)}: summary: expected the plain-text abstract`,
					);
				const pageFields = PaperPageFieldsSchema.safeParse({ topicReasons, keywords, related });
				if (!pageFields.success)
					throw new Error(`${relative(root, p.filePath)}: ${pageFields.error.message}`);
				const source = generateDigest(`${RENDERER_VERSION}\n${summary}\n${split.body}`);
				const previous = texts.get(p.id);
				const html = previous?.source === source ? previous.html : undefined;
				return { ...p, data, pageFields: pageFields.data, summary, body: split.body, source, html };
			});
			// Compile (on all cores when there are many), then store in file order. The body is not
			// stored: pages and feeds use the HTML.
			const toCompile = parsed.filter((p) => p.html === undefined);
			const compiled = await renderBodies(
				toCompile.map((p) => p.body),
				root,
			);
			toCompile.forEach((p, i) => {
				const result = compiled[i]!;
				if ('error' in result) throw new Error(`${relative(root, p.filePath)}: ${result.error}`);
				p.html = result.html;
			});
			for (const p of parsed) {
				const filePath = relative(root, p.filePath);
				const data = await parseData({
					id: p.id,
					data: { ...p.data, teaser: firstSentence(p.summary) },
					filePath,
				});
				store.set({ id: p.id, data, filePath, digest: p.digest });
				texts.set(p.id, { digest: p.digest, source: p.source, html: p.html!, summary: p.summary });
				fields.set(p.id, { digest: p.digest, json: JSON.stringify(p.pageFields) });
				search.set(p.id, {
					digest: p.digest,
					// From the validated data (the schema checked every field the index reads).
					json: JSON.stringify(
						searchFields({ ...(data as unknown as SearchFields), keywords: p.pageFields.keywords }),
					),
				});
				textsChanged = true;
			}
			const rendered = toCompile.length;
			for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
			for (const id of texts.keys())
				if (!seen.has(id)) textsChanged = texts.delete(id) || textsChanged;
			for (const map of [fields, search])
				for (const id of map.keys())
					if (!seen.has(id)) textsChanged = map.delete(id) || textsChanged;
			if (textsChanged) {
				writePaperTexts(textFile, texts);
				writeRecordLines(fieldsFile, fields);
				writeRecordLines(searchFile, search);
			}
			logger.info(
				`${names.length} papers (${rendered} rendered, ${pending.length - rendered} with new ` +
					`metadata only, ${names.length - pending.length} cached) ` +
					`[timing] papers loader: ${((performance.now() - started) / 1000).toFixed(2)} s`,
			);
		},
	};
}
